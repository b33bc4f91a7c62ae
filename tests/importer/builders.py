"""Workbooks built in the tests: the messy office roster and helpers for the bad-file corpus."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from db.services.kader_columns import HEADERS

NIK_SITI = 1872046107850001  # P, 21-07-1985 (stored by Excel as a number)
NIK_SRI = "1872045203900002"  # P, 12-03-1990
NIK_BUDI = "1872041508800003"  # L, 15-08-1980
HEADER = ["No", "Nama Lengkap", "No. KTP", "L/P", "Tempat, Tgl Lahir", "Kelurahan", "Posyandu", "No HP",
          "Jabatan", "Tingkatan"]  # fmt: skip
SERIAL_1990_03_12 = (date(1990, 3, 12) - date(1899, 12, 30)).days


def messy_rows(bad_row: bool = True) -> list[list[object]]:
    """Data rows 5.. of the messy roster (row 7 left blank by the caller's layout)."""
    rows = [
        [1, "Siti Aminah", NIK_SITI, "P", "Metro, 21 Juli 1985", "Tejoagung", "Melati", 81234567890, "Ketua", "Madya"],
        [2, "Hj. Sri Wahyuni, S.Kep.", "'" + NIK_SRI, "p", SERIAL_1990_03_12, "Tejo Agung", "Posyandu Melati",
         "0813 1111 2222", "Sekretaris", "purwa"],
        [None] * 10,
        [3, "Budi Santoso", "1872 0415 0880 0003", "L", "Lampung Tengah, 15-08-1980", "Kel. Iringmulyo", "Mawar",
         "0812-9876-5432", "Anggota", "Purwa"],
        [4, "Dewi (ganda)", "1872046107850001", "P", "Metro, 21-07-1985", "Tejoagung", "Melati", "", "Anggota", ""],
    ]  # fmt: skip
    if bad_row:
        rows.append(
            [5, "Rina", "187204610785001", "P", "Metro, 1-1-1990", "Tejoagung", "Melati", "", "Anggota", ""]
        )
    return rows


def messy_workbook(path: Path, *, bad_row: bool = True, rename: dict[str, str] | None = None) -> Path:
    """Two title rows (merged), a blank row, header on row 4, data, a Jumlah footer, a signature."""
    book = Workbook()
    ws = book.active
    ws.title = "Kader"
    ws["A1"] = "DAFTAR NAMA KADER POSYANDU KECAMATAN METRO TIMUR"
    ws.merge_cells("A1:J1")
    ws["A2"] = "TAHUN 2025"
    ws.merge_cells("A2:J2")
    ws.append([])
    ws.append([(rename or {}).get(title, title) for title in HEADER])
    data = messy_rows(bad_row)
    for values in data:
        ws.append(values)
    last = 4 + len(data)
    ws.append(["Jumlah", None, f"=COUNTA(B5:B{last})"])
    ws.append([])
    signature = [
        "Metro, 2 Januari 2025",
        "Ketua Pokjanal Posyandu",
        None,
        None,
        "Agus Setiawan, S.Sos.",
        "NIP. 198309222010011003",
    ]
    for text in signature:
        row = [None] * 10
        if text:
            row[7] = text
        ws.append(row)
    book.save(path)
    return path


SPELLINGS = {"Tejo Agung": ("Tejoagung", "Kel. Tejo Agung"), "Iring Mulyo": ("Iringmulyo", "IRING MULYO")}


def roster_workbook(path: Path, rows: int, posyandu: list[tuple[str, str, str]], seed: int = 5) -> Path:
    """A valid roster of ``rows`` kader (bench and timing tests). ``posyandu``: (nama, kelurahan name, kelurahan code) of the registry."""
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Kader")
    ws.append(["DAFTAR KADER POSYANDU KOTA METRO"])
    ws.append(["TAHUN 2025"])
    ws.append([])
    ws.append(list(HEADERS))
    for number in range(1, rows + 1):
        nama, kelurahan, kode = rng.choice(posyandu)
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 40))
        woman = rng.random() < 0.9
        day = born.day + (40 if woman else 0)
        nik = f"{kode[:8].replace('.', '')}{day:02d}{born:%m%y}{number:04d}"
        kel = rng.choice((kelurahan, *SPELLINGS.get(kelurahan, ())))
        born_cell = born.strftime("%d-%m-%Y") if number % 2 else (born - date(1899, 12, 30)).days
        ws.append([number, f"Kader Nomor {number}", nik, "P" if woman else "L", "Metro", born_cell, "Islam", "SMA/SMK",
                   "Ibu Rumah Tangga", f"Jl. Mawar No. {number % 90 + 1}", number % 20 + 1, number % 9 + 1, kel, nama,
                   int(f"812{number:08d}"), "Anggota", "", "Purwa", "aktif", "", None, None, ""])  # fmt: skip
    ws.append([])
    ws.append(["Jumlah", None, rows])
    wb.save(path)
    return path
