"""Per-row parsing: a sheet's rows → :class:`ParsedRow` (a kader record, problems, warnings).

Only what depends on the spreadsheet is judged here (cell types, Excel errors, formulas without
a value, numeric NIK cells, serial/1904 dates, TTL cells, names); the field rules (NIK
structure, phone, choices, RT/RW) are the kader service's, applied once per row by the plan.

Blank rows are skipped. The first footer line ("Jumlah …", "Mengetahui", a place-and-date line,
a NIP line, or after a blank gap a row with only a name or no name) ends the data; anything
below it that still looks like a kader is reported, never dropped silently. Kelurahan names are
matched within the office's kab/kota; posyandu within the kelurahan.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from db.errors import ValidationError
from db.identity import clean_nik, parse_date
from db.importer.cells import clean_text, excel_error, split_ttl
from db.importer.header import SheetMapping
from db.importer.problems import Problem
from db.importer.reader import SheetData
from db.importer.resolve import Resolver

MAX_NAME = 150
WARN_NUMERIC_NIK = (
    "NIK tersimpan sebagai angka di Excel; digit terakhir mungkin hilang (Excel hanya menyimpan "
    "15 angka penting). Cocokkan dengan KTP."
)
_FOOTER = re.compile(
    r"^(jumlah|total|mengetahui|menyetujui|disahkan|ttd|tanda tangan|camat|lurah|kepala|sekretaris|"
    r"ketua (tp|tim|pokja|pkk|pokjanal)|a\.?\s?n\.?\s|nip\b|nip\.|dibuat oleh|yang membuat|catatan\s*:)",
    re.IGNORECASE,
)
_NIP_LINE = re.compile(r"^nip\.?\s*:?\s*\d", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^[A-Za-z .'-]+,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$")
# Passed on as cleaned text; the kader service (check_kader) normalises and validates them.
_TEXT_FIELDS = (
    "jenis_kelamin", "agama", "pendidikan", "pekerjaan", "alamat", "bidang", "sk_nomor", "catatan",
    "jabatan", "tingkatan", "status",
)  # fmt: skip


@dataclass(frozen=True)
class KaderRecord:
    """A kader as read from one row: texts cleaned, dates parsed, kelurahan/posyandu resolved
    (codes dotted). NIK, phone and choices are as written; the service normalises them."""

    nama: str
    nik: str = ""
    nik_perlu_dicek: bool = False
    jenis_kelamin: str = ""
    tempat_lahir: str = ""
    tanggal_lahir: date | None = None
    agama: str = ""
    pendidikan: str = ""
    pekerjaan: str = ""
    alamat: str = ""
    rt: str = ""
    rw: str = ""
    kode_wilayah: str = ""
    kelurahan: str = ""  # official name of the matched kelurahan
    posyandu_id: int | None = None
    posyandu: str = ""  # name of the matched posyandu, or the new one's name as written
    hp: str = ""
    jabatan: str = ""  # "" = not given: the service defaults it (Anggota), an update keeps it
    bidang: str = ""
    tingkatan: str = ""
    status: str = ""  # "" = not given: aktif for a new kader, unchanged for an update
    sk_nomor: str = ""
    sk_tanggal: date | None = None
    mulai_aktif: date | None = None
    catatan: str = ""

    @property
    def posyandu_baru(self) -> bool:
        return bool(self.posyandu) and self.posyandu_id is None


@dataclass
class ParsedRow:
    sheet: str
    row: int
    record: Any  # the target's record (KaderRecord for the kader import), None if unreadable
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


RowParser = Callable[["RowReader", Resolver], Any]  # one row → the target's record


@dataclass
class ParsedSheet:
    mapping: SheetMapping
    rows: list[ParsedRow] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # footer lines, for the report


class RowReader:
    """Reads one row's cells by field, collecting problems and warnings as it goes."""

    def __init__(self, sheet: SheetData, mapping: SheetMapping, row: int, epoch_1904: bool) -> None:
        self.sheet, self.mapping, self.row, self.epoch_1904 = sheet, mapping, row, epoch_1904
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._raw: dict[str, object] = {}

    def problem(self, key: str, reason: str) -> None:
        col = self.mapping.column_of(key)
        self.problems.append(
            Problem(self.sheet.name, self.row, self.mapping.header_of(col) if col else "", reason)
        )

    def warn(self, key: str, reason: str) -> None:
        col = self.mapping.column_of(key)
        self.warnings.append(
            Problem(self.sheet.name, self.row, self.mapping.header_of(col) if col else "", reason)
        )

    def raw(self, key: str) -> object:
        """The cell feeding ``key`` (None for an unmapped field); its faults reported once."""
        if key not in self._raw:
            self._raw[key] = self._read(key)
        return self._raw[key]

    def _read(self, key: str) -> object:
        col = self.mapping.column_of(key)
        if col is None:
            return None
        value = self.sheet.cell(self.row, col)
        if value is None and (self.row, col) in self.sheet.formulas_without_value:
            self.problem(
                key, "Sel berisi rumus tanpa nilai tersimpan; buka berkas di Excel, simpan, lalu impor lagi."
            )
        if code := excel_error(value):
            self.problem(key, f"Sel berisi galat Excel {code}; perbaiki rumusnya di Excel.")
            return None
        return value

    def text(self, key: str) -> str:
        return clean_text(self.raw(key))

    def date(self, key: str, value: object = None, *, from_raw: bool = True) -> date | None:
        value = self.raw(key) if from_raw else value
        try:
            found = parse_date(value, field=key, epoch_1904=self.epoch_1904)
        except ValidationError as exc:
            self.problem(key, exc.message)
            return None
        if found and not date(1900, 1, 1) <= found <= date.today():
            self.problem(key, f"Tanggal {found:%d-%m-%Y} di luar rentang yang masuk akal.")
            return None
        return found


def read_nik(reader: RowReader) -> tuple[str, bool]:
    value = reader.raw("nik")
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if numeric:
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            reader.problem("nik", "NIK tersimpan sebagai angka pecahan di Excel; ketik ulang sebagai teks.")
            return "", True
        reader.warn("nik", WARN_NUMERIC_NIK)
        value = str(int(value))
    nik = clean_nik(clean_text(value))  # validated (16 digits, region, date) by the kader service
    return nik, numeric and bool(nik)


def _birth(reader: RowReader) -> tuple[str, date | None]:
    place = reader.text("tempat_lahir")
    born = reader.date("tanggal_lahir") if reader.mapping.column_of("tanggal_lahir") else None
    if reader.mapping.column_of("ttl"):
        ttl_place, ttl_date = split_ttl(reader.raw("ttl"))
        place = place or ttl_place
        if born is None and ttl_date is not None:
            born = reader.date("ttl", ttl_date, from_raw=False)
    return place, born


def _rt_rw(reader: RowReader) -> tuple[str, str]:
    rt, rw = clean_text(reader.raw("rt")), clean_text(reader.raw("rw"))
    combined = reader.text("rt_rw")
    if combined and not (rt or rw):
        parts = re.split(r"\s*[/\\-]\s*", combined, maxsplit=1)
        rt, rw = parts[0], parts[1] if len(parts) > 1 else ""
    return rt, rw


def read_name(reader: RowReader) -> str:
    """The name cell, cleaned and cut to :data:`MAX_NAME` (empty or too long: a problem)."""
    nama = reader.text("nama")
    if not nama:
        reader.problem("nama", "Nama kosong.")
    elif len(nama) > MAX_NAME:
        reader.problem("nama", f"Nama terlalu panjang ({len(nama)} huruf, paling banyak {MAX_NAME}).")
    return nama[:MAX_NAME]


def _person(reader: RowReader) -> KaderRecord | None:
    nama = read_name(reader)
    nik, numeric = read_nik(reader)
    place, born = _birth(reader)
    hp = reader.text("hp")  # a number lost its leading 0: the service's normalise_phone restores it
    rt, rw = _rt_rw(reader)
    texts = {key: reader.text(key)[:500] for key in _TEXT_FIELDS}
    return KaderRecord(
        nama=nama, nik=nik, nik_perlu_dicek=numeric, tempat_lahir=place[:100],
        tanggal_lahir=born, rt=rt[:10], rw=rw[:10], hp=hp,
        sk_tanggal=reader.date("sk_tanggal"), mulai_aktif=reader.date("mulai_aktif"), **texts,
    )  # fmt: skip


def _filled(value: object) -> bool:
    return value is not None and bool(clean_text(value))


def _filled_fields(sheet: SheetData, mapping: SheetMapping, row: int) -> list[str]:
    return [key for col, key in mapping.columns.items() if key != "no" and _filled(sheet.cell(row, col))]


def _footer_text(values: tuple[object, ...]) -> bool:
    if sum(1 for v in values if v is not None) > 8:  # a footer line has a few cells at most
        return False
    texts = [text for text in map(clean_text, values) if text]
    if not texts or len(texts) > 4:
        return False
    first = next((t for t in texts if not t.isdigit()), "")
    return bool(_FOOTER.match(first) or _PLACE_DATE.match(first) or any(_NIP_LINE.match(t) for t in texts))


def parse_sheet(
    sheet: SheetData,
    mapping: SheetMapping,
    resolver: Resolver,
    *,
    epoch_1904: bool = False,
    cancelled: Callable[[], bool] | None = None,
    parse_row: RowParser | None = None,
) -> ParsedSheet:
    """Parse every data row of ``sheet`` under ``mapping``; ``parse_row`` turns one row into the
    target's record (default: a kader, :func:`parse_kader_row`)."""
    parse_row = parse_row or parse_kader_row
    result = ParsedSheet(mapping)
    if mapping.problems():
        return result
    gap, started = False, False
    for row in range(mapping.data_start, len(sheet.rows) + 1):
        if cancelled and row % 500 == 0 and cancelled():
            break
        values = sheet.rows[row - 1]
        filled = _filled_fields(sheet, mapping, row)
        if not filled:
            gap = gap or started
            continue
        if _footer_text(values) or (gap and len(filled) <= 2 and ("nama" not in filled or len(filled) == 1)):
            result.skipped.append(
                Problem(sheet.name, row, "", "Baris penutup/tanda tangan; baris ini dan sesudahnya dilewati.")
            )
            result.rows += _data_after_footer(sheet, mapping, row)
            break
        started = True
        reader = RowReader(sheet, mapping, row, epoch_1904)
        record = parse_row(reader, resolver)
        result.rows.append(ParsedRow(sheet.name, row, record, reader.problems, reader.warnings))
    return result


def _data_after_footer(sheet: SheetData, mapping: SheetMapping, footer: int) -> list[ParsedRow]:
    """Rows below the footer that look like kader (a name and 3+ fields) are never dropped
    silently: each becomes a problem, so the user moves them up or deletes the footer."""
    found = []
    for row in range(footer + 1, len(sheet.rows) + 1):
        filled = _filled_fields(sheet, mapping, row)
        if "nama" in filled and len(filled) >= 3 and not _footer_text(sheet.rows[row - 1]):
            reason = f"Baris data di bawah baris penutup (baris {footer}); pindahkan ke atasnya atau hapus baris penutup."
            found.append(ParsedRow(sheet.name, row, None, [Problem(sheet.name, row, "", reason)]))
    return found


def parse_kader_row(reader: RowReader, resolver: Resolver) -> KaderRecord:
    """One row → a kader record, kelurahan and posyandu resolved (faults noted on ``reader``)."""
    record = _person(reader)
    kelurahan = resolver.kelurahan(reader.text("kelurahan"), reader.text("posyandu"))
    if kelurahan.problem:
        reader.problem("kelurahan", kelurahan.problem)
    posyandu = resolver.posyandu(reader.text("posyandu"), kelurahan.kode)
    if posyandu.problem:
        reader.problem("posyandu", posyandu.problem)
    return replace(
        record, kode_wilayah=kelurahan.kode, kelurahan=kelurahan.nama,
        posyandu_id=posyandu.id, posyandu=posyandu.nama,
    )  # fmt: skip
