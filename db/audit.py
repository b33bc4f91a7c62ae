"""Audit trail (UU PDP Ps. 31): who changed what, written in the same transaction as the change.

Services call :func:`record` inside their ``db.atomic()`` block. Personal numbers (NIK, phone) are
masked before they are stored, so the trail itself never holds them in full.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db.database import db
from db.masking import mask_value

if TYPE_CHECKING:
    from peewee import Model

# (action, entity, entity_id, changes, summary) — the arguments of :func:`record`, for record_many.
AuditEntry = tuple[str, str, "int | None", "dict[str, Any] | None", str]

_operator: str = ""


def set_operator(name: str) -> None:
    """Name recorded on every change from now on (chosen in the app; default the OS user)."""
    global _operator
    _operator = name.strip()


def operator() -> str:
    if _operator:
        return _operator
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser can raise anything on odd systems
        return "pengguna"


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as ``{field: [old, new]}``."""
    keys = [k for k in after if k in before and before[k] != after[k]]
    keys += [k for k in after if k not in before]
    return {k: [before.get(k), after[k]] for k in keys}


def record(
    action: str,
    entity: str,
    entity_id: int | None,
    changes: dict[str, Any] | None = None,
    summary: str = "",
) -> None:
    """Add one audit row. ``action`` is ``tambah``/``ubah``/``hapus``/``pulihkan``/… ."""
    from db.models import Riwayat  # at the first write: reading the first page needs no models

    Riwayat.create(**_row(now_iso(), operator(), (action, entity, entity_id, changes, summary)))


def record_many(entries: Iterable[AuditEntry]) -> int:
    """Add one audit row per entry, in order, with multi-row INSERTs; returns how many.

    For bulk writers (the Excel import): the same rows :func:`record` would write one by one,
    masked the same way, at a fraction of the cost. Call it inside the writing transaction.
    """
    when, who = now_iso(), operator()
    rows = [_row(when, who, entry) for entry in entries]
    from db.models import Riwayat

    insert_rows(Riwayat, rows)
    return len(rows)


def _row(when: str, who: str, entry: AuditEntry) -> dict[str, Any]:
    action, entity, entity_id, changes, summary = entry
    safe = {field: mask_value(field, value) for field, value in (changes or {}).items()}
    return {
        "waktu": when,
        "operator": who,
        "aksi": action,
        "entitas": entity,
        "entitas_id": entity_id,
        "ringkasan": summary[:300],
        "perubahan": json.dumps(safe, ensure_ascii=False, default=str),
    }


def insert_rows(model: type[Model], rows: list[dict[str, Any]]) -> None:
    """Insert many rows (dicts keyed by field name, the same keys for all) with multi-row
    INSERT statements; values converted as the model's fields convert them.

    Why not the alternatives: peewee's ``insert_many`` builds its SQL value by value in Python
    (slower than SQLite's whole write for thousands of rows), and ``executemany`` runs one
    statement per row, after each of which the FTS5 index behind the kader triggers flushes
    (≈8× slower than a few hundred rows per statement). Triggers still fire for every row.
    """
    if not rows:
        return
    fields = [model._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    head = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES '
    one = "(" + ", ".join("?" * len(fields)) + ")"
    per_statement = _rows_per_statement(len(fields))
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        values = [field.db_value(row[field.name]) for row in chunk for field in fields]
        db.execute_sql(head + ", ".join([one] * len(chunk)), values)


def _rows_per_statement(columns: int) -> int:
    """Within this SQLite's bound-parameter limit (999 on old builds, 32766 on newer); ≤ 500."""
    try:
        limit = int(db.connection().getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):  # Python < 3.11 or an unusual driver
        limit = 999
    return max(1, min(500, limit // columns))
