"""Registers of issued certificates: the ``.xlsx`` list of a kegiatan and the printed buku register.

The workbook is safe for Excel in the way of :mod:`db.services.kader_export`: every text cell is
written as a string (no formula, URL or number conversion) and text starting with ``= + - @``,
tab or CR gets Excel's quote-prefix flag, so a name such as ``=HYPERLINK(…)`` stays text. It is
written atomically. The buku register lists every number of a year (or of a kegiatan), revoked
ones included, with the kop and a signature.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from db import audit
from db.database import db
from db.errors import ValidationError
from db.services.kader_export import needs_neutralising
from db.services.print_data import kop_from_profile, page_setup, signatory_from_data, signing_place
from db.services.sertifikat import AturanSertifikat, get_aturan
from db.services.sertifikat_print import signatories_for
from db.services.sertifikat_terbit import SertifikatRow, list_sertifikat
from reports.data import SignatureBlock
from reports.data_sertifikat import RegisterLine, RegisterSertifikat
from reports.formatting import tempat_tanggal

COLUMNS = (
    ("No.", 5),
    ("Nomor Sertifikat", 44),
    ("Nama", 32),
    ("Identitas", 24),
    ("Jabatan", 24),
    ("Asal", 26),
    ("Peran", 12),
    ("JPL", 6),
    ("Kegiatan", 40),
    ("Tanggal Kegiatan", 22),
    ("Tanggal Terbit", 14),
    ("Status", 10),
    ("Dicabut Pada", 18),
    ("Alasan Dicabut", 30),
)
STATUS_LABEL = {"valid": "Berlaku", "dicabut": "Dicabut"}
Render = Callable[[str | os.PathLike[str]], int]


def _text_cells(row: SertifikatRow) -> list[str]:
    return [
        row.nomor, row.nama, row.identitas, row.jabatan, row.asal, row.peran, "", row.kegiatan_nama,
        row.kegiatan_tanggal, "", STATUS_LABEL.get(row.status, row.status), row.dicabut_pada or "",
        row.alasan_cabut,
    ]  # fmt: skip


def export_register_xlsx(
    path: str | os.PathLike[str], kegiatan_id: int | None = None, tahun: int | None = None
) -> int:
    """Write the register of a kegiatan (or a year, or everything); returns the number of rows."""
    import xlsxwriter

    rows = list_sertifikat(kegiatan_id, tahun)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("Nama berkas register harus berakhiran .xlsx.", "path")
    handle, temp = tempfile.mkstemp(suffix=".xlsx.tmp", dir=target.parent)
    os.close(handle)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    try:
        with xlsxwriter.Workbook(temp, options) as book:
            _write(book, rows)
        os.replace(temp, target)
    finally:
        Path(temp).unlink(missing_ok=True)
    with db.atomic():
        audit.record(
            "ekspor", "sertifikat", None, {"berkas": target.name, "jumlah": len(rows)},
            f"Register {len(rows)} sertifikat ke {target.name}",
        )  # fmt: skip
    return len(rows)


def _write(book, rows: list[SertifikatRow]) -> None:  # noqa: ANN001 - xlsxwriter's Workbook
    sheet = book.add_worksheet("Register Sertifikat")
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    text = book.add_format({"num_format": "@"})
    guarded = book.add_format({"num_format": "@", "quote_prefix": True})
    dated = book.add_format({"num_format": "dd-mm-yyyy"})
    for column, (title, width) in enumerate(COLUMNS):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, title, header)
    sheet.freeze_panes(1, 3)
    for n, row in enumerate(rows, start=1):
        sheet.write_number(n, 0, n)
        for column, value in enumerate(_text_cells(row), start=1):
            if value:
                value = value.replace("\r\n", "\n").replace("\r", "\n")
                sheet.write_string(n, column, value, guarded if needs_neutralising(value) else text)
        if row.jpl is not None:
            sheet.write_number(n, 7, row.jpl)
        sheet.write_datetime(n, 10, row.tanggal_terbit, dated)
    sheet.autofilter(0, 0, max(len(rows), 1), len(COLUMNS) - 1)


# ------------------------------------------------------------------------------- buku register
def _status(row: SertifikatRow) -> str:
    if row.status != "dicabut":
        return STATUS_LABEL["valid"]
    when = (row.dicabut_pada or "")[:10]
    shown = date.fromisoformat(when).strftime("%d-%m-%Y") if len(when) == 10 else ""
    return " ".join(f"Dicabut {shown}".split()) + (f": {row.alasan_cabut}" if row.alasan_cabut else "")


def register_data(
    tahun: int | None = None, kegiatan_id: int | None = None, today: date | None = None
) -> RegisterSertifikat:
    """Lines of the buku register (a year's series, or one kegiatan) and its signature."""
    rows = list_sertifikat(kegiatan_id, tahun)
    lines = tuple(
        RegisterLine(
            r.nomor,
            r.nama,
            r.asal,
            r.peran,
            r.kegiatan_nama,
            r.tanggal_terbit.strftime("%d-%m-%Y"),
            _status(r),
        )
        for r in rows
    )
    if kegiatan_id is not None:
        subjudul = rows[0].kegiatan_nama if rows else ""
        aturan = get_aturan(kegiatan_id)
    else:
        subjudul = f"Tahun {tahun}" if tahun else "Semua tahun"
        aturan = AturanSertifikat(0)  # no kegiatan: the first active signatory
    signer = signatories_for(aturan)[0]
    block = SignatureBlock(
        signatory_from_data(signer), tempat_tanggal(signing_place(), today or date.today())
    )
    return RegisterSertifikat("BUKU REGISTER SERTIFIKAT", subjudul, lines, (block,))


def register_job(tahun: int | None = None, kegiatan_id: int | None = None) -> Render:
    """Read the register (GUI thread); the returned step only lays out the PDF."""
    from reports.register_sertifikat import RegisterSertifikatDocument

    data = register_data(tahun, kegiatan_id)
    return RegisterSertifikatDocument(data, page_setup("landscape"), kop_from_profile()).render


def register_pdf(
    target: str | os.PathLike[str], tahun: int | None = None, kegiatan_id: int | None = None
) -> int:
    return register_job(tahun, kegiatan_id)(target)
