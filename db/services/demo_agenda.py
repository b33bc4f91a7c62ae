"""Demo susunan acara: the bimtek's three days of kader training and the rakor's short morning.

Called by :func:`db.services.demo.load_demo` inside its transaction, after the demo kegiatan exist
(audited there once, as one bulk action). The bimtek follows the shape of the Kemenkes kader
curriculum: materi dasar (policy, the kader's role), materi inti (the five ILP competences,
recording and reporting, field practice at a posyandu) and materi penunjang (building learning
commitment, anti-corruption, the follow-up plan), 24 JPL in all, matching the kegiatan's total.
Times are chained from 08:00 by the durations (:func:`db.services.agenda_times.recompute`). The
rakor leaves out "Evaluasi rencana aksi" so the button that adds it has something to do.
"""

from __future__ import annotations

from db.database import db
from db.models import Agenda
from db.services.agenda_times import Slot, recompute
from db.services.demo_kegiatan import BIMTEK_NAMA, RAKOR_NAMA

DINKES = "dr. Hendra Wijaya, M.Kes."  # peserta with peran Narasumber in the demo bimtek
DPM = "Dra. Yuli Astuti, M.Si."
MOD_1, MOD_2 = "Rina Marlina, S.E.", "Eko Prasetyo"
CAMAT = "Bambang Suryanto, S.STP., M.Si."
PUSKESMAS = "Tim Fasilitator UPTD Puskesmas Yosorejo"
BIDAN = "Bidan Koordinator UPTD Puskesmas Iringmulyo"
PANITIA = "Panitia"

# (acara, minutes, narasumber, moderator, kelompok, T, P, PL) per day
BIMTEK = (
    (
        ("Registrasi peserta", 30, PANITIA, "", "", 0, 0, 0),
        ("Pembukaan dan arahan Camat Metro Timur", 30, CAMAT, MOD_1, "", 0, 0, 0),
        ("Pre-test", 15, PANITIA, "", "", 0, 0, 0),
        ("Building Learning Commitment (BLC)", 45, PUSKESMAS, "", "Penunjang", 0, 1, 0),
        ("Kebijakan Posyandu dalam Integrasi Layanan Primer (ILP)", 90, DINKES, MOD_1, "Dasar", 2, 0, 0),
        ("ISHOMA", 60, "", "", "", 0, 0, 0),
        ("Peran, tugas dan fungsi kader Posyandu", 90, DPM, MOD_2, "Dasar", 1, 1, 0),
        ("Pengelolaan Posyandu (kompetensi 1)", 90, DPM, MOD_2, "Inti", 1, 1, 0),
    ),
    (
        ("Refleksi hari pertama", 15, PUSKESMAS, "", "", 0, 0, 0),
        ("Pelayanan kesehatan bayi dan balita: pemantauan pertumbuhan dan perkembangan", 135, DINKES, MOD_1,
         "Inti", 1, 2, 0),
        ("Pelayanan kesehatan ibu hamil dan ibu menyusui", 90, BIDAN, MOD_1, "Inti", 1, 1, 0),
        ("ISHOMA", 60, "", "", "", 0, 0, 0),
        ("Pelayanan kesehatan usia sekolah dan remaja", 90, PUSKESMAS, MOD_2, "Inti", 1, 1, 0),
        ("Pelayanan kesehatan usia dewasa dan lanjut usia", 90, PUSKESMAS, MOD_2, "Inti", 1, 1, 0),
    ),
    (
        ("Refleksi hari kedua", 15, PUSKESMAS, "", "", 0, 0, 0),
        ("Pencatatan dan pelaporan Sistem Informasi Posyandu", 90, DINKES, MOD_1, "Inti", 1, 1, 0),
        ("Praktik lapangan di Posyandu: penimbangan, pengukuran dan kunjungan rumah", 135, BIDAN, "",
         "Inti", 0, 0, 3),
        ("ISHOMA", 60, "", "", "", 0, 0, 0),
        ("Pendidikan dan budaya anti korupsi", 45, "Inspektorat Kota Metro", MOD_2, "Penunjang", 1, 0, 0),
        ("Rencana tindak lanjut (RTL)", 90, PUSKESMAS, MOD_2, "Penunjang", 0, 2, 0),
        ("Post-test dan evaluasi penyelenggaraan", 30, PANITIA, "", "", 0, 0, 0),
        ("Penutupan", 30, CAMAT, MOD_1, "", 0, 0, 0),
    ),
)  # fmt: skip
RAKOR = (
    (
        ("Registrasi peserta", 30, PANITIA, "", "", 0, 0, 0),
        ("Pembukaan dan arahan Camat Metro Timur", 30, CAMAT, "", "", 0, 0, 0),
        ("Paparan capaian Posyandu triwulan berjalan", 45, "Sekretariat Pokjanal Posyandu",
         "Agus Setiawan, S.Sos.", "", 0, 0, 0),
        ("Diskusi dan kesepakatan rencana kerja triwulan berikutnya", 60, "Seluruh peserta rapat",
         "Agus Setiawan, S.Sos.", "", 0, 0, 0),
        ("Penutupan", 15, CAMAT, "", "", 0, 0, 0),
    ),
)  # fmt: skip


def _kegiatan_id(nama: str) -> int | None:
    row = db.execute_sql(
        "SELECT id FROM kegiatan WHERE nama = ? ORDER BY id DESC LIMIT 1", (nama,)
    ).fetchone()
    return int(row[0]) if row else None


def _narasumber_ids(kegiatan_id: int) -> dict[str, int]:
    rows = db.execute_sql(
        "SELECT nama, id FROM peserta WHERE kegiatan_id = ? AND peran = 'Narasumber'", (kegiatan_id,)
    )
    return {nama: int(pid) for nama, pid in rows}


def _insert(kegiatan_id: int, days: tuple, now: str) -> int:
    linked = _narasumber_ids(kegiatan_id)
    count = 0
    for hari_ke, items in enumerate(days, start=1):
        slots = recompute([Slot("", "", item[1]) for item in items], "08:00")
        for urutan, (item, slot) in enumerate(zip(items, slots, strict=True), start=1):
            acara, _minutes, narasumber, moderator, kelompok, t, p, pl = item
            Agenda.insert(kegiatan=kegiatan_id, hari_ke=hari_ke, urutan=urutan, jam_mulai=slot.jam_mulai,
                          jam_selesai=slot.jam_selesai, durasi_menit=slot.durasi_menit, acara=acara,
                          narasumber_peserta=linked.get(narasumber), narasumber=narasumber,
                          moderator=moderator, kelompok=kelompok, jpl_t=t, jpl_p=p, jpl_pl=pl, dibuat=now,
                          diubah=now).execute()  # fmt: skip
            count += 1
    return count


def insert_demo_agenda(now: str) -> int:
    """Write the demo agendas (inside the caller's transaction); returns the number of items."""
    count = 0
    for nama, days in ((BIMTEK_NAMA, BIMTEK), (RAKOR_NAMA, RAKOR)):
        kegiatan_id = _kegiatan_id(nama)
        if kegiatan_id is not None:
            count += _insert(kegiatan_id, days, now)
    return count
