"""Five rencana aksi items across three bidang with monev entries, shared by the service, report,
xlsx and CLI tests."""

from __future__ import annotations

from datetime import date

from db.services.posyandu import PosyanduForm, save_posyandu
from db.services.rencana_aksi import RencanaAksiForm, save_rencana_aksi
from db.services.rencana_aksi_monev import MonevForm, add_monev

KELURAHAN = "18.72.04.1001"
TODAY = date(2025, 7, 15)


def make_items() -> dict[str, int]:
    """Keys: k1, k2 (Kesehatan), p1 (Pendidikan), l1, l2 (Lintas Sektor). k2 is overdue on TODAY,
    p1 is due within 30 days, l2 is Selesai although its due date passed."""
    posyandu = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah=KELURAHAN))
    base = {"tahun": 2025, "opd": "Puskesmas"}
    forms = {
        "k1": RencanaAksiForm(
            **base,
            bidang="Kesehatan",
            masalah="Balita stunting 14%",
            aksi="Pemberian makanan tambahan lokal",
            lokus=(KELURAHAN, f"posyandu:{posyandu}"),
            indikator="Balita gizi kurang mendapat PMT",
            target_nilai=40,
            target_satuan="balita",
            baseline="12 balita",
            mitra="TP-PKK",
            pic_nama="Bidan Sari",
            pic_hp="081234567890",
            mulai=date(2025, 2, 1),
            jatuh_tempo=date(2025, 12, 31),
            jadwal_teks="Triwulan I-IV",
            anggaran=1_250_000,
            sumber_dana="BOK",
            status="Berjalan",
        ),
        "k2": RencanaAksiForm(
            **base,
            bidang="Kesehatan",
            masalah="Cakupan imunisasi rendah",
            aksi="Sweeping imunisasi dasar lengkap",
            jatuh_tempo=date(2025, 6, 30),
            status="Berjalan",
            anggaran=500_000,
            sumber_dana="APBD",
        ),
        "p1": RencanaAksiForm(
            tahun=2025,
            bidang="Pendidikan",
            opd="Disdik",
            masalah="PAUD belum ada",
            aksi="Rintisan PAUD di balai RW",
            jatuh_tempo=date(2025, 8, 1),
        ),
        "l1": RencanaAksiForm(
            tahun=2025,
            bidang="Lintas Sektor",
            opd="Kelurahan",
            aksi="Rembuk stunting kelurahan",
            mulai=date(2025, 3, 1),
            jatuh_tempo=date(2025, 9, 30),
            status="Tertunda",
        ),
        "l2": RencanaAksiForm(
            tahun=2025,
            bidang="Lintas Sektor",
            opd="Babinsa",
            aksi="Gerakan jumat bersih",
            jatuh_tempo=date(2025, 5, 31),
            status="Selesai",
        ),
    }
    ids = {key: save_rencana_aksi(form) for key, form in forms.items()}
    add_monev(
        MonevForm(
            ids["k1"], date(2025, 3, 31), "Triwulan I", realisasi_nilai=10, kendala="Stok PMT terlambat"
        )
    )
    add_monev(
        MonevForm(
            ids["k1"],
            date(2025, 6, 30),
            "Triwulan II",
            realisasi_nilai=20,
            realisasi_persen=50,
            tindak_lanjut="Tambah distribusi",
        )
    )
    add_monev(MonevForm(ids["l2"], date(2025, 5, 30), "Mei", realisasi_persen=100))
    return ids
