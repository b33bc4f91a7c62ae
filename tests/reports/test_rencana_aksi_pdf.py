"""Matriks rencana aksi and laporan monev PDFs from a real database, read back with pypdf."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from db.services.penandatangan import SignatoryData, save_signatory
from db.services.profile import get_profile, save_profile
from db.services.rencana_aksi import RencanaAksiForm, save_rencana_aksi
from db.services.rencana_aksi_print import matriks_data, matriks_pdf, monev_pdf
from reports.rencana_aksi import group_letter
from tests.db.rencana_aksi_samples import TODAY, make_items


def pages_of(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def plan(store):  # noqa: ANN001, ANN201
    save_profile(
        replace(
            get_profile(),
            pemerintah="PEMERINTAH KOTA METRO",
            unit="KECAMATAN METRO TIMUR",
            kode_wilayah="18.72.04",
            kota_ttd="Metro",
        )
    )
    signer = save_signatory(
        SignatoryData(
            nama="Agus Setiawan, S.Sos.", jabatan="Ketua Pokjanal Posyandu", nip="198309222010011003"
        )
    )
    return {**make_items(), "signer": signer.id}


def test_matrix_groups_items_in_order_with_status(plan) -> None:
    pdf = matriks_pdf(2025, plan["signer"], today=TODAY)
    reader = PdfReader(io.BytesIO(pdf))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # landscape
    text = " ".join(pages_of(pdf))
    assert (
        "PEMERINTAH KOTA METRO" in text
        and "MATRIKS RENCANA AKSI LINTAS SEKTOR" in text
        and "Tahun 2025" in text
    )
    order = [
        "A. KESEHATAN",
        "Pemberian makanan tambahan lokal",
        "Sweeping imunisasi",
        "B. PENDIDIKAN",
        "Rintisan PAUD",
        "C. LINTAS SEKTOR",
        "Rembuk stunting",
        "Gerakan jumat bersih",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    k1 = text[positions[1] : positions[2]]
    assert "Rp1.250.000" in k1 and "Kel. Yosodadi; Posyandu Mawar" in k1 and "Target: 40 balita" in k1
    assert "Berjalan" in k1 and "Realisasi 50% (30 Juni 2025)" in k1
    assert "TERLAMBAT" in text[positions[2] : positions[3]]  # k2 is overdue on TODAY
    assert "Jatuh tempo ≤ 30 hari" in text[positions[4] : positions[5]]
    assert "Tertunda" in text[positions[6] : positions[7]] and "Selesai" in text[positions[7] :]
    assert "TERLAMBAT" not in text[positions[3] :]
    assert "Jumlah: 5 rencana aksi; anggaran Rp1.750.000; 1 terlambat" in text
    assert "Agus Setiawan, S.Sos." in text and "Metro, 15 Juli 2025" in text
    assert "0812" not in text  # the PIC's phone stays off paper


def test_long_matrix_repeats_the_header(plan) -> None:
    for n in range(40):
        save_rencana_aksi(
            RencanaAksiForm(
                tahun=2025,
                bidang="Sosial",
                aksi=f"Verifikasi DTKS RW {n:02d} " * 3,
                masalah="Data fakir miskin belum mutakhir " * 3,
                opd="TKSK/Dinsos",
            )
        )
    pages = pages_of(matriks_pdf(2025, plan["signer"], today=TODAY))
    assert len(pages) >= 3
    assert all(
        "Masalah Aksi Lokus Indikator/Target Penanggung jawab Jadwal Anggaran Status/Realisasi" in p
        for p in pages
    )
    numbers = [int(m) for m in re.findall(r"Verifikasi DTKS RW (\d\d) Verifikasi", " ".join(pages))]
    assert numbers == list(range(40))
    assert "Agus Setiawan" in pages[-1] and "Gerakan jumat bersih" in pages[-1]  # signature never alone


def test_monev_report_for_a_period(plan) -> None:
    text = " ".join(pages_of(monev_pdf(date(2025, 4, 1), date(2025, 6, 30), plan["signer"], today=TODAY)))
    assert "Periode 1 April – 30 Juni 2025" in text
    assert "Triwulan II" in text and "Tambah distribusi" in text and "Mei" in text
    assert "Triwulan I " not in text and "Stok PMT terlambat" not in text  # dated 31 March: outside
    assert text.index("A. KESEHATAN") < text.index("B. LINTAS SEKTOR")
    assert "Rekap per bidang" in text and "Rekap per OPD penanggung jawab" in text
    assert text.index("Rekap per OPD") < text.index("Agus Setiawan, S.Sos.")
    assert "Kesehatan 1 1 50%" in text and "Lintas Sektor 1 1 100% 1" in text and "Babinsa 1 1 100% 1" in text
    empty = " ".join(pages_of(monev_pdf(date(2024, 1, 1), date(2024, 12, 31), today=TODAY)))
    assert "Tidak ada catatan monev pada periode ini." in empty


def test_empty_year_and_group_letters(plan) -> None:
    assert matriks_data(2030, today=TODAY).groups == ()
    assert "Belum ada rencana aksi" in " ".join(pages_of(matriks_pdf(2030, today=TODAY)))
    assert [group_letter(i) for i in (0, 25, 26)] == ["A", "Z", "AA"]
