"""Kader registry → ``.xlsx`` with exactly the columns the importer reads (``kader_columns``).

Safe for Excel: every text goes through ``write_string`` (xlsxwriter's automatic formula, URL
and number conversions are off), and text starting with ``= + - @``, tab or CR also gets Excel's
own "quote prefix" cell flag, so even re-editing the cell in Excel keeps it text — without
adding an apostrophe to the value, so a round trip changes nothing. NIK, phone and RT/RW stay
text (leading zeros, all 16 digits); dates are real dates shown dd-mm-yyyy. Line breaks are
written as LF (a CR cannot survive the XML of a cell).

The full NIK is personal data: it is written only with ``full_nik=True``, which the UI asks the
user to confirm (CLI: ``--nik-lengkap``); otherwise the NIK column is masked.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db import audit
from db.database import db
from db.identity import format_phone
from db.masking import mask_nik
from db.services import kader_search
from db.services.kader_columns import DATE_FIELDS, DATE_FORMAT, KADER_COLUMNS, SHEET_NAME
from db.services.kader_search import KaderFilter

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_FIELDS = (
    "id",
    "nama",
    "nik",
    "nik_perlu_dicek",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "agama",
    "pendidikan",
    "pekerjaan",
    "alamat",
    "rt",
    "rw",
    "kode_wilayah",
    "kelurahan",
    "posyandu_id",
    "posyandu",
    "hp",
    "jabatan",
    "bidang",
    "tingkatan",
    "status",
    "sk_nomor",
    "sk_tanggal",
    "mulai_aktif",
    "catatan",
)
_SQL = """
SELECT k.id, k.nama, k.nik, k.nik_perlu_dicek, k.jenis_kelamin, k.tempat_lahir, k.tanggal_lahir, k.agama,
       k.pendidikan, k.pekerjaan, k.alamat, k.rt, k.rw, k.kode_wilayah, coalesce(w.nama, ''), k.posyandu_id,
       coalesce(p.nama, ''), k.hp, k.jabatan, k.bidang, k.tingkatan, k.status, k.sk_nomor, k.sk_tanggal,
       k.mulai_aktif, k.catatan
FROM kader k
LEFT JOIN posyandu p ON p.id = k.posyandu_id
LEFT JOIN wilayah_nama w ON w.kode = k.kode_wilayah
"""


@dataclass(frozen=True)
class KaderExportRow:
    """Every stored field of a kader with the posyandu and kelurahan names; full NIK, E.164 phone."""

    id: int
    nama: str
    nik: str
    nik_perlu_dicek: bool
    jenis_kelamin: str
    tempat_lahir: str
    tanggal_lahir: date | None
    agama: str
    pendidikan: str
    pekerjaan: str
    alamat: str
    rt: str
    rw: str
    kode_wilayah: str
    kelurahan: str
    posyandu_id: int | None
    posyandu: str
    hp: str
    jabatan: str
    bidang: str
    tingkatan: str
    status: str
    sk_nomor: str
    sk_tanggal: date | None
    mulai_aktif: date | None
    catatan: str


def iter_kader(filters: KaderFilter | None = None) -> Iterator[KaderExportRow]:
    """All kader (optionally filtered) by kelurahan, posyandu, name."""
    kader_search.ensure_ready()
    where, params = kader_search.filter_conditions(filters or KaderFilter())
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    order = " ORDER BY w.nama COLLATE NOCASE, p.nama COLLATE NOCASE, k.nama COLLATE NOCASE, k.id"
    for values in db.execute_sql(_SQL + clause + order, params):
        record = dict(zip(_FIELDS, values, strict=True))
        for name in DATE_FIELDS:
            record[name] = date.fromisoformat(record[name]) if record[name] else None
        record["nik_perlu_dicek"] = bool(record["nik_perlu_dicek"])
        yield KaderExportRow(**record)


def needs_neutralising(text: str) -> bool:
    return text.startswith(_TRIGGERS)


def _cell_value(row: KaderExportRow, field: str, full_nik: bool) -> object:
    value = getattr(row, field)
    if field == "hp":
        return format_phone(value) if value else ""
    if field == "nik" and not full_nik:
        return mask_nik(value)
    if isinstance(value, str):  # XML would turn a bare CR into LF anyway; say so explicitly
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def export_kader(path: Path, *, full_nik: bool, filters: KaderFilter | None = None) -> int:
    """Write the workbook (atomically: a temp file renamed into place); return the kader count."""
    import xlsxwriter

    path = Path(path)
    handle, temp_name = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(handle)
    options = {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "constant_memory": True,
    }
    try:
        with xlsxwriter.Workbook(temp_name, options) as book:
            count = _write_sheet(book, full_nik, filters)
        os.replace(temp_name, path)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    with db.atomic():
        audit.record(
            "ekspor",
            "kader",
            None,
            {"berkas": path.name, "jumlah": count, "nik_lengkap": full_nik},
            f"Ekspor {count} kader ke {path.name}",
        )
    return count


def _write_sheet(book, full_nik: bool, filters: KaderFilter | None) -> int:  # noqa: ANN001 - xlsxwriter
    sheet = book.add_worksheet(SHEET_NAME)
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    text = book.add_format({"num_format": "@"})
    guarded = book.add_format({"num_format": "@", "quote_prefix": True})
    dated = book.add_format({"num_format": DATE_FORMAT})
    widths = {"nama": 30, "nik": 19, "alamat": 28, "kelurahan": 18, "posyandu": 22, "hp": 16, "catatan": 30}
    for column, (title, field) in enumerate(KADER_COLUMNS):
        sheet.set_column(column, column, widths.get(field or "", 12 if field else 5))
        sheet.write_string(0, column, title, header)
    sheet.freeze_panes(1, 2)
    count = 0
    for count, row in enumerate(iter_kader(filters), start=1):
        sheet.write_number(count, 0, count)
        for column, (_title, field) in enumerate(KADER_COLUMNS[1:], start=1):
            value = _cell_value(row, str(field), full_nik)
            if isinstance(value, date):
                sheet.write_datetime(count, column, value, dated)
            elif value not in (None, ""):
                value = str(value)
                sheet.write_string(count, column, value, guarded if needs_neutralising(value) else text)
    sheet.autofilter(0, 0, max(count, 1), len(KADER_COLUMNS) - 1)
    return count
