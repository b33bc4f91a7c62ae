"""A kegiatan's roster → ``.xlsx`` with exactly the columns the roster import reads.

Formula-safe the same way as the kader export (:mod:`db.services.kader_export`): every text is
written with ``write_string`` (no automatic formula/URL/number conversion) and text starting
with ``= + - @``, tab or CR gets Excel's quote-prefix flag. NIK, NIP and phone stay text. The
NIK is masked unless ``full_nik`` (the UI asks first; CLI ``--nik-lengkap``); a masked NIK is
ignored by the import, which then links by name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from db import audit
from db.database import db
from db.identity import format_phone
from db.masking import mask_nik
from db.services.kader_export import needs_neutralising
from db.services.peserta import PesertaRow, roster
from db.services.peserta_import import PESERTA_COLUMNS

SHEET_NAME = "Peserta"
_WIDTHS = {
    "nama": 32,
    "nik": 19,
    "nip": 20,
    "jabatan": 24,
    "instansi": 22,
    "asal": 28,
    "posyandu": 18,
    "hp": 16,
}


def _value(row: PesertaRow, key: str, full_nik: bool) -> str:
    if key == "nik":
        return row.nik if full_nik else mask_nik(row.nik)
    if key == "hp":
        return format_phone(row.hp) if row.hp else ""
    if key == "asal":
        return row.asal
    return str(getattr(row, key) or "").replace("\r\n", "\n").replace("\r", "\n")


def export_peserta(kegiatan_id: int, path: str | Path, *, full_nik: bool = False) -> int:
    """Write the roster (atomically: a temp file renamed into place); return the row count."""
    import xlsxwriter

    path = Path(path)
    rows = roster(kegiatan_id)
    handle, temp_name = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(handle)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    try:
        with xlsxwriter.Workbook(temp_name, options) as book:
            _write_sheet(book, rows, full_nik)
        os.replace(temp_name, path)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    with db.atomic():
        audit.record("ekspor", "peserta", kegiatan_id, {"berkas": path.name, "jumlah": len(rows), "nik_lengkap": full_nik},
                     f"Ekspor {len(rows)} peserta ke {path.name}")  # fmt: skip
    return len(rows)


def _write_sheet(book, rows: list[PesertaRow], full_nik: bool) -> None:  # noqa: ANN001 - xlsxwriter
    sheet = book.add_worksheet(SHEET_NAME)
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    text = book.add_format({"num_format": "@"})
    guarded = book.add_format({"num_format": "@", "quote_prefix": True})
    for column, (title, key) in enumerate(PESERTA_COLUMNS):
        sheet.set_column(column, column, _WIDTHS.get(key or "", 12 if key else 5))
        sheet.write_string(0, column, title, header)
    sheet.freeze_panes(1, 2)
    for number, row in enumerate(rows, start=1):
        sheet.write_number(number, 0, number)
        for column, (_title, key) in enumerate(PESERTA_COLUMNS[1:], start=1):
            value = _value(row, str(key), full_nik)
            if value:
                sheet.write_string(number, column, value, guarded if needs_neutralising(value) else text)
    sheet.autofilter(0, 0, max(len(rows), 1), len(PESERTA_COLUMNS) - 1)
