"""Write an :class:`ImportPlan` to the registry: all rows or none, in ONE transaction.

The plan is re-checked first (a plan with any ``galat``/``peringatan`` row, or a sheet problem,
changes nothing). New posyandu are created through
:func:`db.services.posyandu.find_or_create_posyandu` and kader saved through
:func:`db.services.kader.save_kader` — the same validation and audit as the edit dialog — inside
one outer ``db.atomic()``; any error rolls everything back and is reported with the row it came
from. A NIK read from a numeric cell is stored with ``nik_perlu_dicek``.
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
from db.services.kader import save_kader
from db.services.posyandu import find_or_create_posyandu


@dataclass(frozen=True)
class ApplyResult:
    created: int
    updated: int
    skipped: int
    posyandu_created: int


def _save_row(row: PlanRow, posyandu_ids: dict[tuple[str, str], int], accept: bool) -> None:
    record, form = row.record, row.form
    if form is None:  # planned with a custom checker: the service validates on save anyway
        form = record_form(record, row.existing_id)
    if record.posyandu_baru:
        form = replace(form, posyandu_id=posyandu_ids[(record.posyandu, record.kode_wilayah)])
    save_kader(form, accept_warnings=accept)


def apply_plan(plan: ImportPlan) -> ApplyResult:
    """Write the plan or raise :class:`ImportRejected` with nothing written."""
    if not plan.can_apply:
        raise ImportRejected("Impor ditolak: masih ada baris bergalat atau peringatan yang belum diterima.")
    counts = plan.counts()
    created_posyandu = 0
    current: PlanRow | None = None
    try:
        with db.atomic():
            posyandu_ids: dict[tuple[str, str], int] = {}
            for name, kode in plan.new_posyandu():
                posyandu_ids[(name, kode)], made = find_or_create_posyandu(name, kode)
                created_posyandu += int(made)
            for current in plan.rows:
                if current.status in (BARU, PERBARUI):
                    _save_row(current, posyandu_ids, plan.options.accept_warnings)
            current = None
            audit.record("impor", "kader", None, {"baru": counts[BARU], "perbarui": counts[PERBARUI]},
                         f"Impor Excel: {counts[BARU]} baru, {counts[PERBARUI]} diperbarui")  # fmt: skip
    except (DomainError, PeeweeDatabaseError) as exc:
        where = current.parsed if current is not None else None
        if isinstance(exc, ValidationError):
            reason = "; ".join(exc.problems.values())
        else:
            reason = exc.message if isinstance(exc, DomainError) else f"basis data menolak penulisan ({exc})"
        if where is None:
            raise ImportRejected(f"Impor dibatalkan, tidak ada yang disimpan: {reason}") from exc
        raise ImportRejected(f"Impor dibatalkan, tidak ada yang disimpan: {reason}", where.sheet, where.row) from exc
    return ApplyResult(counts[BARU], counts[PERBARUI], len(plan.rows) - counts[BARU] - counts[PERBARUI], created_posyandu)
