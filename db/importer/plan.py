"""The import plan: what would happen to each row, decided before anything is written.

Statuses: ``baru`` (new kader), ``perbarui`` (update the registry's record), ``lewati`` (a
duplicate: inside the file, or in the registry when the policy is *lewati*), ``galat`` (a problem
the user must fix in the file) and ``peringatan`` (warnings not yet acknowledged). A plan can be
applied only with no ``galat`` or ``peringatan`` row and no sheet-level problem.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from db.importer.header import SheetMapping, find_header
from db.importer.problems import Problem
from db.importer.reader import WorkbookData
from db.importer.resolve import Resolver
from db.importer.rows import KaderRecord, ParsedRow, ParsedSheet, parse_sheet
from db.importer.snapshot import RegistrySnapshot, person_key

BARU, PERBARUI, LEWATI, GALAT, PERINGATAN = "baru", "perbarui", "lewati", "galat", "peringatan"
STATUS_LABELS = {
    BARU: "baru",
    PERBARUI: "perbarui",
    LEWATI: "lewati (duplikat)",
    GALAT: "galat",
    PERINGATAN: "peringatan",
}
DUPLICATE_POLICIES = ("lewati", "perbarui")
Checker = Callable[[KaderRecord, "int | None"], object]  # → forms.RowCheck


@dataclass(frozen=True)
class ImportOptions:
    on_duplicate: str = "lewati"
    create_posyandu: bool = False
    accept_warnings: bool = False


@dataclass
class PlanRow:
    parsed: ParsedRow
    status: str
    existing_id: int | None = None
    notes: list[Problem] = field(default_factory=list)  # duplicate / new posyandu reasons
    form: object | None = None  # the service's checked KaderForm, for rows to be written
    check_problems: list[Problem] = field(default_factory=list)
    check_warnings: list[Problem] = field(default_factory=list)

    @property
    def record(self) -> KaderRecord | None:
        return self.parsed.record

    @property
    def problems(self) -> list[Problem]:
        return self.parsed.problems + self.check_problems + [n for n in self.notes if self.status == GALAT]

    @property
    def warnings(self) -> list[Problem]:
        return self.parsed.warnings + self.check_warnings


@dataclass
class ParsedBook:
    """Every sheet parsed under its mapping (the part the worker thread computes)."""

    sheets: list[ParsedSheet]
    notes: list[Problem] = field(default_factory=list)
    epoch_1904: bool = False
    checks: dict = field(default_factory=dict)  # (sheet, row, existing id) → RowCheck, reused across options
    target: Any = None  # the ImportTarget it was parsed for (None = kader)


@dataclass
class ImportPlan:
    rows: list[PlanRow]
    options: ImportOptions
    sheet_problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # skipped sheets and footer lines
    mappings: list[SheetMapping] = field(default_factory=list)
    target: Any = None  # the ImportTarget (None = kader)

    def counts(self) -> Counter[str]:
        return Counter(row.status for row in self.rows)

    @property
    def can_apply(self) -> bool:
        counts = self.counts()
        return not self.sheet_problems and not counts[GALAT] and not counts[PERINGATAN]

    def new_posyandu(self) -> list[tuple[str, str]]:
        """(name, kelurahan code) of each posyandu the apply would create, in file order."""
        seen: dict[tuple[str, str], None] = {}
        for row in self.rows:
            rec = row.record
            if row.status in (BARU, PERBARUI) and rec and getattr(rec, "posyandu_baru", False):
                seen.setdefault((rec.posyandu, rec.kode_wilayah), None)
        return list(seen)


def _target(target: Any) -> Any:
    if target is None:
        from db.importer.target import kader_target

        return kader_target()
    return target


def detect_mappings(book: WorkbookData, target: Any = None) -> list[SheetMapping]:
    vocabulary = _target(target).vocabulary
    return [find_header(sheet.name, sheet.rows, vocabulary) for sheet in book.sheets]


def parse_book(
    book: WorkbookData,
    snapshot: RegistrySnapshot,
    mappings: list[SheetMapping] | None = None,
    cancelled: Callable[[], bool] | None = None,
    target: Any = None,
) -> ParsedBook:
    """Parse every sheet for ``target`` (default kader; no database access: the snapshot holds
    what is needed)."""
    target = _target(target)
    mappings = mappings or detect_mappings(book, target)
    resolver = Resolver(snapshot)
    by_name = {m.sheet: m for m in mappings}
    sheets = [
        parse_sheet(sheet, by_name.get(sheet.name) or find_header(sheet.name, sheet.rows, target.vocabulary),
                    resolver, epoch_1904=book.epoch_1904, cancelled=cancelled, parse_row=target.parse_row)
        for sheet in book.sheets
    ]  # fmt: skip
    return ParsedBook(sheets, list(book.notes), book.epoch_1904, target=target)


def _sheet_problems(parsed: ParsedBook, noun: str) -> tuple[list[Problem], list[Problem]]:
    """(blocking problems, notes): sheets without any header are only noted, unless none has one."""
    blocking, notes = [], []
    with_header = [s for s in parsed.sheets if s.mapping.header_row]
    for sheet in parsed.sheets:
        found = sheet.mapping.problems()
        if not sheet.mapping.header_row and with_header:
            notes.append(
                Problem(sheet.mapping.sheet, 0, "", "Baris judul kolom tidak ditemukan; lembar ini dilewati.")
            )
        else:
            blocking.extend(found)
    if with_header and not any(s.rows for s in parsed.sheets) and not blocking:
        blocking.append(
            Problem(with_header[0].mapping.sheet, 0, "", f"Tidak ada baris data {noun} di berkas ini.")
        )
    return blocking, notes


def _person(record: KaderRecord) -> tuple[str, object] | None:
    return (person_key(record.nama), record.tanggal_lahir) if record.tanggal_lahir else None


def _check(plan_row: PlanRow, parsed: ParsedBook, mapping: SheetMapping, checker: Checker) -> None:
    row = plan_row.parsed
    key = (row.sheet, row.row, plan_row.existing_id)
    if key not in parsed.checks:
        parsed.checks[key] = checker(row.record, plan_row.existing_id)
    found = parsed.checks[key]
    plan_row.form = found.form
    already = {p.column for p in row.problems}  # one reason per column: the spreadsheet's wins
    for field_key, reason in found.problems.items():
        col = mapping.column_of(field_key)
        column = mapping.header_of(col) if col else ""
        if column not in already or not column:
            plan_row.check_problems.append(Problem(row.sheet, row.row, column, reason))
    plan_row.check_warnings = [Problem(row.sheet, row.row, "", text) for text in found.warnings]
    if plan_row.check_problems:
        plan_row.status = GALAT


def kader_status(row: ParsedRow, snapshot: RegistrySnapshot, options: ImportOptions, seen: dict) -> PlanRow:
    """A kader row: new, a duplicate inside the file, or already registered (per the policy)."""
    rec = row.record
    plan_row = PlanRow(row, BARU)
    if rec and rec.posyandu_baru and not options.create_posyandu:
        plan_row.notes.append(Problem(row.sheet, row.row, "", f"Posyandu '{rec.posyandu}' belum terdaftar di Kelurahan "
                                      f"{rec.kelurahan}; izinkan pembuatan posyandu baru untuk mengimpornya."))  # fmt: skip
    if row.problems or plan_row.notes:
        plan_row.status = GALAT
        return plan_row
    key = ("nik", rec.nik) if rec.nik else ("orang", _person(rec))
    if key[1] is not None and key in seen:
        plan_row.status = LEWATI
        plan_row.notes.append(
            Problem(row.sheet, row.row, "", f"Duplikat di dalam berkas: sama dengan baris {seen[key]}.")
        )
        return plan_row
    for known in (("nik", rec.nik), ("orang", _person(rec))):  # a later row without NIK matches by person
        if known[1]:
            seen.setdefault(known, row.row)
    plan_row.existing_id = snapshot.existing_kader(rec.nik, rec.nama, rec.tanggal_lahir)
    if plan_row.existing_id is not None:
        policy = "diperbarui" if options.on_duplicate == PERBARUI else "dilewati"
        plan_row.notes.append(
            Problem(row.sheet, row.row, "", f"Sudah terdaftar (kader #{plan_row.existing_id}); {policy}.")
        )
        plan_row.status = PERBARUI if options.on_duplicate == PERBARUI else LEWATI
    return plan_row


def build_plan(
    parsed: ParsedBook,
    snapshot: RegistrySnapshot,
    options: ImportOptions | None = None,
    checker: Checker | None = None,
) -> ImportPlan:
    """Decide each row's status under ``options``. ``checker`` (default: the target's service
    validation, which reads the database) runs once per row and is cached in ``parsed``, so
    re-planning when an option changes is cheap."""
    options = options or ImportOptions()
    if options.on_duplicate not in DUPLICATE_POLICIES:
        raise ValueError(options.on_duplicate)
    target = _target(parsed.target)
    checker = checker or target.check
    blocking, notes = _sheet_problems(parsed, target.noun)
    seen: dict = {}
    rows = []
    for sheet in parsed.sheets:
        for row in sheet.rows:
            plan_row = target.status(row, snapshot, options, seen)
            if plan_row.status != LEWATI and row.record is not None:
                _check(plan_row, parsed, sheet.mapping, checker)
            if plan_row.warnings and not options.accept_warnings and plan_row.status in (BARU, PERBARUI):
                plan_row.status = PERINGATAN
            rows.append(plan_row)
    skipped = [p for sheet in parsed.sheets for p in sheet.skipped]
    mappings = [s.mapping for s in parsed.sheets]
    return ImportPlan(rows, options, blocking, parsed.notes + notes + skipped, mappings, target)
