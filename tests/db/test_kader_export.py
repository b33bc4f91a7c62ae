"""Kader export: the importer's exact columns, values read back equal by openpyxl, NIK/phone/RT as
text, real dates, formula payloads kept as text (R13), masked NIK unless confirmed (R16)."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from db.identity import format_phone
from db.models import Kader, Riwayat
from db.services.kader import KaderForm, save_kader
from db.services.kader_columns import HEADERS, KADER_COLUMNS
from db.services.kader_export import export_kader, iter_kader
from db.services.kader_search import KaderFilter
from db.services.posyandu import PosyanduForm, save_posyandu

PAYLOADS = [
    "=1+2",
    "+SUM(A1:A2)",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example","klik")',
    "=cmd|' /C calc'!A0",
    "{=1+1}",
    "-",
    "http://example.com",
    "0812345",
    "1e5",
]


@pytest.fixture
def filled(store) -> list[int]:
    mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah="18.72.04.1001"))
    melati = save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah="18.72.02.1001"))
    return [
        save_kader(
            KaderForm(
                nama="Hj. Siti Aminah, S.Kep.",
                nik="1872044107850004",
                hp="081234567890",
                posyandu_id=mawar,
                tempat_lahir="Metro",
                agama="Islam",
                pendidikan="S1",
                pekerjaan="Bidan",
                alamat="Jl. Nuri No. 3",
                rt="3",
                rw="1",
                jabatan="Ketua",
                tingkatan="Utama",
                sk_nomor="400/1/2024",
                sk_tanggal=date(2024, 7, 1),
                mulai_aktif=date(2010, 1, 1),
                catatan="ketua sejak 2010",
            )
        ),
        save_kader(
            KaderForm(nama="Budi Santoso", nik="1872042503900012", posyandu_id=melati, status="pindah")
        ),
        save_kader(KaderForm(nama="Tanpa Apa-apa")),
    ]


def _read(path: Path) -> list[list]:
    book = openpyxl.load_workbook(path)
    return [[cell for cell in row] for row in book.active.iter_rows()]


def test_export_reads_back_equal(filled: list[int], tmp_path: Path) -> None:
    target = tmp_path / "kader.xlsx"
    assert export_kader(target, full_nik=True) == 3
    rows = _read(target)
    assert tuple(cell.value for cell in rows[0]) == HEADERS
    stored = list(iter_kader())
    assert len(rows) == 1 + len(stored)
    for number, (cells, record) in enumerate(zip(rows[1:], stored, strict=True), start=1):
        values = dict(zip((field for _, field in KADER_COLUMNS), cells, strict=True))
        assert values[None].value == number and values[None].data_type == "n"
        for _, field in KADER_COLUMNS[1:]:
            cell, expected = values[field], getattr(record, field)
            if field == "hp":
                expected = format_phone(expected)
            if isinstance(expected, date):
                assert cell.value == datetime(expected.year, expected.month, expected.day)
                assert cell.number_format == "dd-mm-yyyy"
            else:
                assert (cell.value or "") == (expected or ""), field
                assert cell.value is None or cell.data_type == "s"
    siti_row = rows[1 + [r.nama for r in stored].index("Hj. Siti Aminah, S.Kep.")]
    siti = dict(zip(HEADERS, (c.value for c in siti_row), strict=True))
    assert (siti["NIK"], siti["No HP"], siti["RT"], siti["RW"]) == (
        "1872044107850004",
        "0812-3456-7890",
        "003",
        "001",
    )
    assert (siti["Kelurahan"], siti["Posyandu"], siti["Tingkatan"]) == ("Yosodadi", "Posyandu Mawar", "Utama")
    audit = Riwayat.get(Riwayat.aksi == "ekspor")
    assert "kader.xlsx" in audit.perubahan and '"nik_lengkap": true' in audit.perubahan


def test_formula_payloads_stay_text(store, tmp_path: Path) -> None:
    now = "2025-01-01T00:00:00"
    for payload in PAYLOADS:  # straight into the table: imports of old data may hold anything
        Kader.insert(
            nama=payload,
            tempat_lahir=payload,
            alamat=payload,
            pekerjaan=payload,
            catatan=payload,
            sk_nomor=payload,
            dibuat=now,
            diubah=now,
        ).execute()
    target = tmp_path / "payload.xlsx"
    export_kader(target, full_nik=True)
    rows = _read(target)[1:]
    assert len(rows) == len(PAYLOADS)
    seen = set()
    for cells in rows:
        for cell in cells[1:]:
            assert cell.data_type != "f"
            if cell.value is not None:
                assert cell.data_type == "s" and isinstance(cell.value, str)
                seen.add(cell.value)
                if cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                    assert cell.quotePrefix, repr(cell.value)
    assert seen >= {payload.replace("\r", "\n") for payload in PAYLOADS}
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet and "<hyperlink" not in sheet
    assert "HYPERLINK" in sheet  # the payload is there, as text


def test_nik_is_masked_unless_confirmed_and_filters_apply(filled: list[int], tmp_path: Path) -> None:
    target = tmp_path / "samaran.xlsx"
    export_kader(target, full_nik=False)
    with zipfile.ZipFile(target) as archive:
        text = " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    assert not re.search(r"\d{16}", text)
    assert "1872••••••••0004" in text
    subset = tmp_path / "pindah.xlsx"
    assert export_kader(subset, full_nik=True, filters=KaderFilter(status="pindah")) == 1
    assert [row[1].value for row in _read(subset)[1:]] == ["Budi Santoso"]
    assert (
        export_kader(tmp_path / "kosong.xlsx", full_nik=True, filters=KaderFilter(kode_wilayah="18.72.05"))
        == 0
    )
    assert [c.value for c in _read(tmp_path / "kosong.xlsx")[0]] == list(HEADERS)
