"""Demo notulen: a rakor held three weeks before the demo was loaded, its final minutes with three
decisions, and rencana aksi made from two of them (one decision gave two items).

Called by :func:`db.services.demo.load_demo` inside its transaction, after the demo registry and
kegiatan exist. The kegiatan, roster and attendance are written directly (as the other demo
kegiatan are); the agenda, notulen and rencana aksi go through their services (so the links and
states are exactly what the app makes), and the audit rows those services add are taken back at the
end: the demo is audited once, as one bulk action, by ``load_demo``.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from peewee import fn

from db.models import Kehadiran, Riwayat
from db.services.agenda import AgendaForm, save_agenda
from db.services.demo_kegiatan import KANTOR, KELURAHAN_MANUAL, _official, _Writer
from db.services.notulen import ensure_notulen, finalize, save_fields
from db.services.notulen_isi import save_pembahasan
from db.services.notulen_keputusan import add_keputusan, rencana_aksi_form
from db.services.rencana_aksi import save_rencana_aksi

SEED = 606
NAMA = "Rapat Koordinasi Evaluasi Triwulanan Posyandu Kecamatan Metro Timur"
ROMAN = ("I", "II", "III", "IV")
# {lalu} = the quarter just ended (evaluated), {kini} = the quarter the rakor is held in (planned)
AGENDA = (
    ("Pembukaan dan arahan Camat", "Bambang Suryanto, S.STP., M.Si.", 30),
    ("Laporan capaian posyandu triwulan {lalu}", "Agus Setiawan, S.Sos.", 45),
    ("Evaluasi strata posyandu dan ILP", "Puskesmas Iringmulyo", 60),
    ("Rencana kerja triwulan {kini}", "Ketua TP-PKK Kecamatan", 45),
    ("Penutup", "", 15),
)
ISI = (
    "Camat meminta setiap kelurahan memastikan posyandu buka sesuai jadwal.\n- laporan tiap tanggal 5",
    "Cakupan penimbangan balita **82%**, naik dari 76%.\n- 3 posyandu belum melapor tepat waktu",
    "Masih ada 4 posyandu strata pratama.\n1. kader kurang\n2. sarana timbang belum lengkap",
    "TP-PKK mengusulkan kelas ibu balita di tiap kelurahan mulai bulan depan.",
    "",
)
DECISIONS = (
    (
        "Puskesmas membina langsung 4 posyandu strata pratama sampai akhir triwulan {kini}.",
        "Puskesmas",
        "akhir",
    ),
    ("Kelas ibu balita dilaksanakan di setiap kelurahan mulai bulan depan.", "TP-PKK", 75),
    ("Laporan posyandu dikirim paling lambat tanggal 5 setiap bulan.", "Kelurahan", None),
)


def quarters(held: date) -> dict[str, str]:
    """Roman numerals of the quarter just ended and of the one the rakor is held in."""
    index = (held.month - 1) // 3
    return {"lalu": ROMAN[index - 1], "kini": ROMAN[index]}


def end_of_quarter(held: date) -> date:
    first_of_next = date(held.year + (held.month > 9), (((held.month - 1) // 3 + 1) * 3) % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def insert_demo_notulen(now: str, today: date | None = None) -> int:
    """Write the past rakor and its final notulen; returns the kegiatan id."""
    today = today or date.today()
    last_audit = Riwayat.select(fn.MAX(Riwayat.id)).scalar() or 0
    rng = random.Random(SEED)
    writer = _Writer(rng, now)
    held = today - timedelta(days=21)
    names = quarters(held)
    kid, hari = writer.kegiatan(held, 1, jenis="Rakor", nama=NAMA, tema=f"Evaluasi Triwulan {names['lalu']}",
                                penyelenggara="Pokjanal Posyandu Kecamatan Metro Timur",
                                tempat="Ruang Rapat Kecamatan Metro Timur", status="selesai",
                                penanggung_jawab="Bambang Suryanto, S.STP., M.Si.",
                                ketua_panitia="Agus Setiawan, S.Sos.")  # fmt: skip
    people = []
    for number, kode in enumerate(sorted(k for k in _kelurahan()), start=1):
        for offset, role in enumerate(KELURAHAN_MANUAL):
            people.append(_official(rng, writer, kid, number * 2 - 1 + offset, kode, role))
    for peserta_id in people[:-2]:  # two sent apologies
        arrived = f"08:5{rng.randint(0, 9)}"
        Kehadiran.insert(peserta=peserta_id, hari=hari[0], status="hadir", jam_datang=arrived,
                         dicatat_oleh="Rina Marlina, S.E.", waktu=now).execute()  # fmt: skip
    minute = 9 * 60
    for acara, narasumber, duration in AGENDA:
        start, minute = minute, minute + duration
        save_agenda(AgendaForm(kid, acara.format(**names), jam_mulai=f"{start // 60:02d}:{start % 60:02d}",
                               jam_selesai=f"{minute // 60:02d}:{minute % 60:02d}", durasi_menit=duration,
                               narasumber=narasumber))  # fmt: skip
    _write_notulen(kid, held)
    Riwayat.delete().where(Riwayat.id > last_audit).execute()
    return kid


def _kelurahan() -> list[str]:
    from db import wilayah

    return [k.kode for k in wilayah.children(KANTOR)]


def _write_notulen(kegiatan_id: int, held: date) -> None:
    view = ensure_notulen(kegiatan_id)
    save_fields(kegiatan_id, {
        "jam_mulai": "09:00", "jam_selesai": "12:15", "jam_tutup": "12:10",
        "pimpinan_jabatan": "Camat Metro Timur", "pimpinan_nip": "197508121999031004",
        "notulis_nama": "Rina Marlina, S.E.", "notulis_jabatan": "Staf Seksi Kesejahteraan Sosial",
        "notulis_nip": "198806122011012008",
        "pembukaan": "Rapat dibuka pukul 09.05 WIB oleh Camat Metro Timur selaku pimpinan rapat.",
        "penutupan": "Pimpinan rapat mengucapkan terima kasih atas kehadiran dan masukan peserta.",
    })  # fmt: skip
    for item, isi in zip(view.pembahasan, ISI, strict=True):
        save_pembahasan(item.id, {"isi": isi})
    names = quarters(held)
    due = {None: None, "akhir": end_of_quarter(held)}
    ids = [
        add_keputusan(
            kegiatan_id, isi.format(**names), pj, due[days] if days in due else held + timedelta(days=days)
        )
        for isi, pj, days in DECISIONS
    ]
    first = rencana_aksi_form(ids[0])
    save_rencana_aksi(replace(first, bidang="Kesehatan", status="Berjalan"))
    save_rencana_aksi(replace(first, aksi="Pengadaan dacin dan timbangan untuk posyandu strata pratama",
                              bidang="Kesehatan"))  # fmt: skip
    save_rencana_aksi(replace(rencana_aksi_form(ids[1]), bidang="Kesehatan"))
    finalize(kegiatan_id)
