"""Write an :class:`ImportPlan` to the registry: all rows or none, in ONE transaction.

The plan is re-checked first (a plan with any ``galat``/``peringatan`` row, or a sheet problem,
changes nothing). New posyandu are created through
:func:`db.services.posyandu.find_or_create_posyandu` and the kader written in one batch by
:func:`db.services.kader.save_kader_many` (the forms the preview checked, the registry rules
checked again in bulk, multi-row INSERTs, audit rows batched) inside one outer ``db.atomic()``.
If the batch fails, its savepoint is rolled back and the rows are replayed one by one through
:func:`db.services.kader.save_kader` — the edit dialog's path — to name the row at fault; any
error rolls everything back and is reported with that row. A NIK read from a numeric cell is
stored with ``nik_perlu_dicek``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from peewee import DatabaseError as PeeweeDatabaseError

from db import audit
from db.database import db
from db.errors import DomainError, ValidationError
from db.importer.forms import record_form
from db.importer.plan import BARU, PERBARUI, ImportPlan, PlanRow
from db.importer.problems import ImportRejected
from db.services.kader import (
    KaderForm,
    NeedsConfirmation,
    check_kader,
    save_kader,
    save_kader_many,
)
from db.services.posyandu import find_or_create_posyandu


@dataclass(frozen=True)
class ApplyResult:
    created: int
    updated: int
    skipped: int
    posyandu_created: int


class _RowFailed(Exception):
    def __init__(self, row: PlanRow, cause: Exception) -> None:
        super().__init__(str(cause))
        self.row, self.cause = row, cause


def _row_form(row: PlanRow, posyandu_ids: dict[tuple[str, str], int]) -> KaderForm:
    record, form = row.record, row.form
    if form is None:  # planned with a custom checker: the service validates on save anyway
        form = record_form(record, row.existing_id)
    if record.posyandu_baru:
        form = replace(form, posyandu_id=posyandu_ids[(record.posyandu, record.kode_wilayah)])
    return form


def _checked(row: PlanRow, form: KaderForm, accept: bool) -> KaderForm:
    """The preview's checked form, or check it now (plans made with a custom checker)."""
    if row.form is not None:
        return form
    try:
        checked = check_kader(form)
        if checked.warnings and not accept:
            raise NeedsConfirmation(checked.warnings)
    except DomainError as exc:
        raise _RowFailed(row, exc) from None
    return checked.form


def _write_kader(rows: list[PlanRow], posyandu_ids: dict[tuple[str, str], int], accept: bool) -> None:
    """The batch; when it fails, the same rows one by one to find (and report) the failing one."""
    forms = [_row_form(row, posyandu_ids) for row in rows]
    try:
        with db.atomic():
            checked = [_checked(row, form, accept) for row, form in zip(rows, forms, strict=True)]
            save_kader_many(checked, accept)
        return
    except (DomainError, PeeweeDatabaseError):
        pass  # the savepoint is rolled back; replay below (a replay that succeeds is a valid import)
    for row, form in zip(rows, forms, strict=True):
        try:
            save_kader(form, accept_warnings=accept)
        except (DomainError, PeeweeDatabaseError) as exc:
            raise _RowFailed(row, exc) from None


def apply_plan(plan: ImportPlan) -> ApplyResult:
    """Write the plan through its target (kader by default) or raise :class:`ImportRejected`
    with nothing written."""
    if plan.target is not None:
        return plan.target.apply(plan)
    return apply_kader_plan(plan)


def refuse_unless_applicable(plan: ImportPlan) -> None:
    if not plan.can_apply:
        raise ImportRejected("Impor ditolak: masih ada baris bergalat atau peringatan yang belum diterima.")


def rejection(exc: Exception, row: PlanRow | None) -> ImportRejected:
    """The all-or-nothing refusal for a write that failed (at ``row``, when known)."""
    if isinstance(exc, ValidationError):
        reason = "; ".join(exc.problems.values())
    else:
        reason = exc.message if isinstance(exc, DomainError) else f"basis data menolak penulisan ({exc})"
    where = row.parsed if row is not None else None
    if where is None:
        return ImportRejected(f"Impor dibatalkan, tidak ada yang disimpan: {reason}")
    return ImportRejected(f"Impor dibatalkan, tidak ada yang disimpan: {reason}", where.sheet, where.row)


def apply_kader_plan(plan: ImportPlan) -> ApplyResult:
    """The kader target's apply: new posyandu, then every kader in one batch."""
    refuse_unless_applicable(plan)
    counts = plan.counts()
    created_posyandu = 0
    current: PlanRow | None = None
    try:
        with db.atomic():
            posyandu_ids: dict[tuple[str, str], int] = {}
            for name, kode in plan.new_posyandu():
                posyandu_ids[(name, kode)], made = find_or_create_posyandu(name, kode)
                created_posyandu += int(made)
            writes = [row for row in plan.rows if row.status in (BARU, PERBARUI)]
            try:
                _write_kader(writes, posyandu_ids, plan.options.accept_warnings)
            except _RowFailed as failed:
                current = failed.row
                raise failed.cause from None
            current = None
            audit.record("impor", "kader", None, {"baru": counts[BARU], "perbarui": counts[PERBARUI]},
                         f"Impor Excel: {counts[BARU]} baru, {counts[PERBARUI]} diperbarui")  # fmt: skip
    except (DomainError, PeeweeDatabaseError) as exc:
        raise rejection(exc, current) from exc
    return ApplyResult(
        counts[BARU], counts[PERBARUI], len(plan.rows) - counts[BARU] - counts[PERBARUI], created_posyandu
    )
