"""Demo kegiatan: a 3-day bimtek of 230 participants with partial attendance, and a rakor of 40.

Called by :func:`db.services.demo.load_demo` inside its transaction (audited there once, as one
bulk action), after the demo registry exists. A fixed seed makes names, codes and attendance the
same on every load; the dates follow the day of loading (the bimtek's second day is today, the
rakor two weeks ahead) so the check-in screen has a live day to try.

Bimtek: 2 people from each of the 5 kecamatan of Kota Metro (officials, not kader) and 10 from
each of the 22 kelurahan (mostly registry kader, linked), plus 2 narasumber and 3 panitia.
Day 1 nearly everyone came, day 2 most so far, day 3 nothing yet.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from db import wilayah
from db.database import db
from db.models import Kegiatan, KegiatanHari, KegiatanKuota, Kehadiran, Peserta
from db.services.peserta import KODE_ALPHABET, KODE_LENGTH, form_from_kader, invalidate

SEED = 4242
KOTA = "18.72"
KANTOR = "18.72.04"
BIMTEK_NAMA = "Bimtek Kader Posyandu ILP Kecamatan Metro Timur"
RAKOR_NAMA = "Rapat Koordinasi Pokjanal Posyandu Kecamatan Metro Timur"
KECAMATAN_ROLES = (("Kasi Kesejahteraan Sosial", "Kantor Kecamatan"), ("Ketua TP-PKK Kecamatan", "TP-PKK"))
KELURAHAN_MANUAL = (("Bidan Kelurahan", "Puskesmas"), ("Kasi Kesejahteraan Sosial", "Kantor Kelurahan"))
NARASUMBER = (
    ("dr. Hendra Wijaya, M.Kes.", "197903152006041002", "L", "Kepala Bidang Kesehatan Masyarakat",
     "Dinas Kesehatan Kota Metro"),
    ("Dra. Yuli Astuti, M.Si.", "197207211998032004", "P", "Kepala Bidang Pemberdayaan Masyarakat",
     "DPMPTSP Kota Metro"),
)  # fmt: skip
PANITIA = (
    ("Rina Marlina, S.E.", "198806122011012008", "P", "Staf Seksi Kesejahteraan Sosial"),
    ("Eko Prasetyo", "199102052014021003", "L", "Staf Seksi Pemerintahan"),
    ("Nur Hidayati, A.Md.", "", "P", "Tenaga Administrasi"),
)
MONEY = {"Peserta": 100_000, "Narasumber": 900_000, "Moderator": 300_000, "Panitia": 100_000}


@dataclass(frozen=True)
class DemoKegiatanSummary:
    kegiatan: int
    peserta: int
    kehadiran: int


class _Writer:
    """Inserts rows directly (the caller's transaction and audit row cover them)."""

    def __init__(self, rng: random.Random, now: str) -> None:
        self.rng = rng
        self.now = now
        self.codes: set[str] = {row[0] for row in Peserta.select(Peserta.kode).tuples()}
        self.count = 0

    def kegiatan(self, start: date, days: int, **values: object) -> tuple[int, list[int]]:
        row = Kegiatan.create(tanggal_mulai=start, tanggal_selesai=start + timedelta(days=days - 1),
                              dibuat=self.now, diubah=self.now, **values)  # fmt: skip
        hari = [
            KegiatanHari.create(kegiatan=row, hari_ke=n + 1, tanggal=start + timedelta(days=n),
                                jam_mulai="08:00", jam_selesai="16:00" if days > 1 else "12:00").id
            for n in range(days)
        ]  # fmt: skip
        return row.id, hari

    def code(self) -> str:
        while True:
            kode = "".join(self.rng.choice(KODE_ALPHABET) for _ in range(KODE_LENGTH))
            if kode not in self.codes:
                self.codes.add(kode)
                return kode

    def peserta(self, kegiatan_id: int, number: int, **values: object) -> int:
        self.count += 1
        return Peserta.insert(kegiatan=kegiatan_id, kode=self.code(), no_urut=number, dibuat=self.now,
                              diubah=self.now, **values).execute()  # fmt: skip


def _kader_by_kelurahan() -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    rows = db.execute_sql(
        "SELECT id, kode_wilayah FROM kader WHERE status = 'aktif' AND nik <> '' ORDER BY id"
    )
    for kader_id, kode in rows:
        found.setdefault(kode, []).append(kader_id)
    return found


def _official(
    rng: random.Random, writer: _Writer, kid: int, number: int, kode: str, role: tuple[str, str]
) -> int:
    from db.services.demo import MEN_FIRST, MEN_SECOND, WOMEN_FIRST, WOMEN_SECOND

    woman = role[1] in ("TP-PKK", "Puskesmas") or rng.random() < 0.5
    first, second = (WOMEN_FIRST, WOMEN_SECOND) if woman else (MEN_FIRST, MEN_SECOND)
    nama = f"{rng.choice(first)} {rng.choice(second)}"
    if role[1] == "Puskesmas":
        nama += ", A.Md.Keb."
    region = wilayah.get(kode)
    instansi = f"{role[1]} {region.nama_pendek}" if region else role[1]
    return writer.peserta(kid, number, nama=nama, jenis_kelamin="P" if woman else "L", jabatan=role[0],
                          instansi=instansi, kode_wilayah=kode, peran="Peserta",
                          hp=f"+628{rng.choice((12, 13, 21, 52, 57))}{rng.randint(10**7, 10**8 - 1)}")  # fmt: skip


def _from_kader(writer: _Writer, kid: int, number: int, kader_id: int, peran: str = "Peserta") -> int:
    form = form_from_kader(kid, kader_id, peran)
    values = {n: getattr(form, n) for n in ("nama", "nik", "jenis_kelamin", "jabatan", "instansi", "kode_wilayah",
                                             "posyandu", "hp", "peran")}  # fmt: skip
    return writer.peserta(kid, number, kader=kader_id, **values)


def _bimtek(
    rng: random.Random, writer: _Writer, today: date, kader: dict[str, list[int]]
) -> tuple[int, list[int], list[int]]:
    kid, hari = writer.kegiatan(
        today - timedelta(days=1), 3, jenis="Bimtek/Pelatihan", nama=BIMTEK_NAMA,
        tema="Penguatan Peran Kader Posyandu dalam Integrasi Layanan Primer",
        penyelenggara="Pokjanal Posyandu Kecamatan Metro Timur",
        dasar="DPA Kecamatan Metro Timur Tahun Anggaran " + str(today.year), tempat="Aula Kantor Kecamatan Metro Timur",
        alamat="Jl. Yos Sudarso No. 23, Yosodadi, Metro Timur", target_peserta=230, anggaran=68_500_000.0,
        sumber_dana="APBD Kota Metro", total_jpl=24.0, penanggung_jawab="Bambang Suryanto, S.STP., M.Si.",
        ketua_panitia="Agus Setiawan, S.Sos.", status="berjalan",
        uang=json.dumps({"satuan": "hari", "peran": MONEY}),
    )  # fmt: skip
    ids: list[int] = []
    number = 0
    kecamatan = wilayah.children(KOTA)
    for kec in kecamatan:
        KegiatanKuota.create(kegiatan=kid, kode_wilayah=kec.kode, kuota=2)
        for role in KECAMATAN_ROLES:
            number += 1
            ids.append(_official(rng, writer, kid, number, kec.kode, role))
    for kec in kecamatan:
        for kel in wilayah.children(kec.kode):
            KegiatanKuota.create(kegiatan=kid, kode_wilayah=kel.kode, kuota=10)
            manual = rng.choice((0, 1, 1, 2))
            for kader_id in rng.sample(kader[kel.kode], 10 - manual):
                number += 1
                ids.append(_from_kader(writer, kid, number, kader_id))
            for role in KELURAHAN_MANUAL[:manual]:
                number += 1
                ids.append(_official(rng, writer, kid, number, kel.kode, role))
    staff: list[int] = []
    for nama, nip, gender, jabatan, opd in NARASUMBER:
        number += 1
        staff.append(writer.peserta(kid, number, nama=nama, nip=nip, jenis_kelamin=gender, jabatan=jabatan,
                                    instansi=opd, asal_opd=opd, peran="Narasumber"))  # fmt: skip
    for nama, nip, gender, jabatan in PANITIA:
        number += 1
        staff.append(writer.peserta(kid, number, nama=nama, nip=nip, jenis_kelamin=gender, jabatan=jabatan,
                                    instansi="Kecamatan Metro Timur", asal_opd="Kantor Kecamatan Metro Timur",
                                    peran="Panitia"))  # fmt: skip
    return kid, hari, ids + staff


def _attendance(rng: random.Random, now: str, hari: list[int], people: list[int]) -> int:
    """Day 1: ~95 % hadir, a few izin/sakit; day 2: ~80 % hadir so far; day 3: nothing."""
    written = 0
    for day_id, share in zip(hari[:2], (0.95, 0.8), strict=True):
        for peserta_id in people:
            roll = rng.random()
            if roll < share:
                arrived = time(7, 15) if roll < 0.05 else time(7, 30 + rng.randint(0, 29))
                values = {"status": "hadir", "jam_datang": arrived.strftime("%H:%M")}
            elif share > 0.9 and roll < share + 0.03:
                values = {"status": rng.choice(("izin", "sakit")), "keterangan": "Surat dari posyandu"}
            else:
                continue
            Kehadiran.insert(peserta=peserta_id, hari=day_id, dicatat_oleh="Rina Marlina, S.E.", waktu=now,
                             **values).execute()  # fmt: skip
            written += 1
    return written


def _rakor(rng: random.Random, writer: _Writer, today: date, kader: dict[str, list[int]]) -> int:
    kid, _hari = writer.kegiatan(
        today + timedelta(days=14), 1, jenis="Rakor", nama=RAKOR_NAMA,
        tema="Evaluasi Triwulan dan Rencana Kerja Pokjanal Posyandu", penyelenggara="Pokjanal Posyandu Kecamatan Metro Timur",
        tempat="Ruang Rapat Kecamatan Metro Timur", target_peserta=40, status="rencana",
        penanggung_jawab="Bambang Suryanto, S.STP., M.Si.", ketua_panitia="Agus Setiawan, S.Sos.",
    )  # fmt: skip
    number = 0
    for kel in wilayah.children(KANTOR):
        for kader_id in rng.sample(kader[kel.kode], 6):
            number += 1
            _from_kader(writer, kid, number, kader_id, "Undangan")
        for role in KELURAHAN_MANUAL:
            number += 1
            _official(rng, writer, kid, number, kel.kode, role)
    return kid


def insert_demo_kegiatan(now: str, today: date | None = None) -> DemoKegiatanSummary:
    """Write the demo bimtek and rakor (inside the caller's transaction); returns the counts."""
    today = today or date.today()
    rng = random.Random(SEED)
    writer = _Writer(rng, now)
    kader = _kader_by_kelurahan()
    _bimtek_id, hari, people = _bimtek(rng, writer, today, kader)
    marks = _attendance(rng, now, hari, people)
    _rakor(rng, writer, today, kader)
    invalidate()
    return DemoKegiatanSummary(2, writer.count, marks)
