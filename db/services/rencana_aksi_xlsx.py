"""Rencana aksi ↔ ``.xlsx``: the matrix's columns split into their parts, so the file reads back.

Export is formula-safe like the kader export (``write_string`` only, quote prefix on text that
starts with ``= + - @``); dates are real dates, anggaran a whole number. "Realisasi terakhir" is
written for the reader and ignored on import. Import reuses :mod:`db.importer`: the file safety
checks and streamed reader (:func:`~db.importer.reader.read_workbook`), header detection with this
target's vocabulary, :class:`~db.importer.rows.RowReader` for cell faults, and
:class:`~db.importer.problems.Problem` rows for the report. It is all-or-nothing: every row is
checked first; one problem and nothing is written. A row whose ``ID`` (and "Dibuat" stamp, when
present) names an existing item updates it, other rows are added; so export → edit → import
changes exactly what was edited.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from db import audit
from db.database import db
from db.errors import ValidationError
from db.identity import format_phone, parse_date
from db.importer.cells import is_blank
from db.importer.header import SheetMapping, find_header, make_vocabulary
from db.importer.problems import ImportRejected, Problem
from db.importer.reader import read_workbook
from db.importer.rows import RowReader
from db.services import rencana_aksi_lokus as lokus_mod
from db.services.kader_export import needs_neutralising
from db.services.profile import get_profile
from db.services.rencana_aksi import (
    RencanaAksiFilter,
    RencanaAksiForm,
    check_rencana_aksi,
    fetch_rows,
    get_rencana_aksi,
    list_rencana_aksi,
    save_rencana_aksi,
)

SHEET_NAME = "Rencana Aksi"
DATE_FORMAT = "dd-mm-yyyy"
# (header, field); None = written for the reader, not read back.
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("ID", "id"),
    ("Tahun", "tahun"),
    ("Bidang", "bidang"),
    ("Masalah", "masalah"),
    ("Aksi", "aksi"),
    ("Lokus", "lokus"),
    ("Indikator", "indikator"),
    ("Target", "target_nilai"),
    ("Satuan target", "target_satuan"),
    ("Baseline", "baseline"),
    ("Penanggung jawab (OPD)", "opd"),
    ("Mitra", "mitra"),
    ("PIC", "pic_nama"),
    ("HP PIC", "pic_hp"),
    ("Mulai", "mulai"),
    ("Jatuh tempo", "jatuh_tempo"),
    ("Jadwal", "jadwal_teks"),
    ("Anggaran (Rp)", "anggaran"),
    ("Sumber dana", "sumber_dana"),
    ("Status", "status"),
    ("Realisasi terakhir (%)", None),
    ("Urutan", "urutan"),
    ("Sumber rencana", "sumber"),
    ("ID keputusan notulen", "notulen_keputusan_id"),
    ("Catatan", "catatan"),
    ("Dibuat", "dibuat"),
)
_WIDTHS = {
    "masalah": 30,
    "aksi": 34,
    "lokus": 28,
    "indikator": 26,
    "opd": 18,
    "jadwal_teks": 16,
    "catatan": 24,
}
_VARIANTS = {
    "masalah": ("masalah", "isu", "masalahisu", "permasalahan"),
    "aksi": ("aksi", "kegiatan", "aksikegiatan", "rencanaaksi"),
    "opd": ("opd", "penanggungjawab", "sektor", "opdpenanggungjawab"),
    "indikator": ("indikator", "indikatorkinerja"),
    "anggaran": ("anggaran", "anggaranrp", "biaya"),
    "jadwal_teks": ("jadwal", "waktu", "waktupelaksanaan"),
}
VOCABULARY = make_vocabulary({key: header for header, key in COLUMNS if key}, _VARIANTS, COLUMNS)
REQUIRED = ("tahun", "bidang", "aksi")
_DATES = ("mulai", "jatuh_tempo")
_NUMBERS = {"target_nilai": float, "anggaran": int, "urutan": int, "notulen_keputusan_id": int, "id": int}


# ------------------------------------------------------------------------------------ export
def _cell(item, key: str) -> object:  # noqa: ANN001 - RencanaAksiItem
    if key == "lokus":
        return lokus_mod.SEPARATOR.join(item.lokus_label)
    if key == "pic_hp":
        return format_phone(item.form.pic_hp) if item.form.pic_hp else ""
    if key == "id":
        return item.id
    if key == "dibuat":
        return item.dibuat
    value = getattr(item.form, key)
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def export_rencana_aksi(path: str | Path, flt: RencanaAksiFilter | None = None) -> int:
    """Write the items (atomically: a temp file renamed into place); return how many."""
    import xlsxwriter

    path = Path(path)
    items = list_rencana_aksi(flt)
    handle, temp_name = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(handle)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    try:
        with xlsxwriter.Workbook(temp_name, options) as book:
            _write_sheet(book, items)
        os.replace(temp_name, path)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    with db.atomic():
        audit.record(
            "ekspor",
            "rencana_aksi",
            None,
            {"berkas": path.name, "jumlah": len(items)},
            f"Ekspor {len(items)} rencana aksi ke {path.name}",
        )
    return len(items)


def _write_sheet(book, items: list) -> None:  # noqa: ANN001 - xlsxwriter
    sheet = book.add_worksheet(SHEET_NAME)
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    text = book.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})
    guarded = book.add_format({"num_format": "@", "quote_prefix": True, "text_wrap": True, "valign": "top"})
    dated = book.add_format({"num_format": DATE_FORMAT, "valign": "top"})
    money = book.add_format({"num_format": "#,##0", "valign": "top"})
    for column, (title, key) in enumerate(COLUMNS):
        sheet.set_column(column, column, _WIDTHS.get(key or "", 12))
        sheet.write_string(0, column, title, header)
    sheet.freeze_panes(1, 5)
    for number, item in enumerate(items, start=1):
        for column, (_title, key) in enumerate(COLUMNS):
            value = _cell(item, key) if key else item.realisasi_persen
            if value is None or value == "":
                continue
            if isinstance(value, date):
                sheet.write_datetime(number, column, value, dated)
            elif isinstance(value, (int, float)):
                sheet.write_number(number, column, value, money if key == "anggaran" else None)
            else:
                value = str(value)
                sheet.write_string(number, column, value, guarded if needs_neutralising(value) else text)
    sheet.autofilter(0, 0, max(len(items), 1), len(COLUMNS) - 1)


# ------------------------------------------------------------------------------------ import
@dataclass(frozen=True)
class ImportResult:
    """``problems`` empty = applied (unless ``dry_run``); otherwise nothing was written."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self) -> str:
        """The row report shown by the dialog and printed by the CLI (Indonesian)."""
        if self.problems:
            lines = [f"Impor dibatalkan: {len(self.problems)} masalah, tidak ada yang disimpan."]
            return "\n".join([*lines, *(p.line() for p in self.problems)])
        verb = "akan" if self.dry_run else "telah"
        return (
            f"Rencana aksi {verb} ditambah {self.added}, diperbarui {self.updated}, "
            f"tidak berubah {self.unchanged}."
        )


def _sheet_and_mapping(path: Path) -> tuple[object, SheetMapping, bool]:
    book = read_workbook(path)
    sheets = sorted(book.sheets, key=lambda s: s.name != SHEET_NAME)
    for sheet in sheets:
        mapping = find_header(sheet.name, sheet.rows, VOCABULARY)
        if mapping.header_row and all(mapping.column_of(k) for k in REQUIRED):
            return sheet, mapping, book.epoch_1904
    raise ImportRejected("Tidak ada lembar dengan kolom Tahun, Bidang dan Aksi di 15 baris pertama.")


def _number(reader: RowReader, key: str) -> object:
    value = reader.raw(key)
    if is_blank(value):
        return None
    if isinstance(value, str):
        value = value.replace("Rp", "").replace(".", "").replace(",", ".") if key == "anggaran" else value
        value = value.strip().replace(",", ".")
    try:
        number = float(value)
    except (TypeError, ValueError):
        reader.problem(key, "Harus berupa angka.")
        return None
    if _NUMBERS[key] is int:
        if not number.is_integer():
            reader.problem(key, "Harus bilangan bulat.")
            return None
        return int(number)
    return number


def _form(reader: RowReader, within: str) -> RencanaAksiForm | None:
    values: dict[str, object] = {}
    for key in (
        "bidang",
        "masalah",
        "aksi",
        "indikator",
        "target_satuan",
        "baseline",
        "opd",
        "mitra",
        "pic_nama",
        "pic_hp",
        "jadwal_teks",
        "sumber_dana",
        "status",
        "sumber",
    ):
        values[key] = reader.text(key)
    catatan = reader.raw("catatan")
    values["catatan"] = "" if catatan is None else str(catatan).replace("\r\n", "\n").strip()
    for key in _NUMBERS:
        values[key] = _number(reader, key)
    for key in _DATES:
        try:
            values[key] = parse_date(reader.raw(key), field=key, epoch_1904=reader.epoch_1904)
        except ValidationError as exc:
            reader.problem(key, exc.message)
    try:
        values["lokus"] = lokus_mod.parse_names(reader.text("lokus"), within)
    except ValidationError as exc:
        reader.problem("lokus", exc.message)
    values["tahun"] = _number_tahun(reader)
    values["status"] = values["status"] or "Belum mulai"
    values["sumber"] = values["sumber"] or "manual"
    values["urutan"] = values["urutan"] or 0
    if reader.problems:
        return None
    return RencanaAksiForm(**values)  # type: ignore[arg-type]


def _number_tahun(reader: RowReader) -> int | None:
    value = reader.raw("tahun")
    try:
        return None if is_blank(value) else int(float(str(value).strip()))
    except ValueError:
        reader.problem("tahun", "Tahun harus berupa angka (contoh 2025).")
        return None


def _checked(reader: RowReader, form: RencanaAksiForm, existing: dict[int, str]) -> RencanaAksiForm | None:
    """Validated form; an ID that is not this file's item (unknown, or its "Dibuat" stamp differs:
    an export of another office's data) is dropped, so the row adds an item instead of
    overwriting an unrelated one."""
    stamp = reader.text("dibuat")
    if form.id is not None and (form.id not in existing or (stamp and stamp != existing[form.id])):
        form = replace(form, id=None)
    try:
        return check_rencana_aksi(form)
    except ValidationError as exc:
        for key, reason in exc.problems.items():
            reader.problem(key, reason)
        return None


def import_rencana_aksi(path: str | Path, *, dry_run: bool = False) -> ImportResult:
    """Check every row, then (unless ``dry_run`` or a problem) write them all in one transaction."""
    sheet, mapping, epoch_1904 = _sheet_and_mapping(Path(path))
    within = get_profile().kode_wilayah
    existing = {int(r["id"]): str(r["dibuat"]) for r in fetch_rows()}
    forms: list[RencanaAksiForm] = []
    problems: list[Problem] = []
    for row in range(mapping.data_start, len(sheet.rows) + 1):
        if all(is_blank(v) for v in sheet.rows[row - 1]):
            continue
        reader = RowReader(sheet, mapping, row, epoch_1904)
        form = _form(reader, within)
        checked = _checked(reader, form, existing) if form is not None else None
        problems += reader.problems
        if checked is not None:
            forms.append(checked)
    if not forms and not problems:
        problems.append(Problem(sheet.name, 0, "", "Lembar tidak berisi baris rencana aksi."))
    if problems:
        return ImportResult(problems=tuple(problems), dry_run=dry_run)
    return _apply(forms, dry_run, Path(path).name)


def _apply(forms: list[RencanaAksiForm], dry_run: bool, name: str) -> ImportResult:
    """Count (and unless ``dry_run`` write) the checked rows; an unchanged row is not touched."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    with db.atomic():
        for form in forms:
            kind = (
                "added"
                if form.id is None
                else ("unchanged" if get_rencana_aksi(form.id) == form else "updated")
            )
            counts[kind] += 1
            if kind != "unchanged" and not dry_run:
                save_rencana_aksi(form)
        if not dry_run:
            audit.record(
                "impor", "rencana_aksi", None, {"berkas": name, **counts}, f"Impor rencana aksi dari {name}"
            )
    return ImportResult(**counts, dry_run=dry_run)
