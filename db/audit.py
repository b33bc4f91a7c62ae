"""Audit trail (UU PDP Ps. 31): who changed what, written in the same transaction as the change.

Services call :func:`record` inside their ``db.atomic()`` block. Personal numbers (NIK, phone) are
masked before they are stored, so the trail itself never holds them in full.
"""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from collections.abc import Iterable
from typing import Any

from peewee import Model

from db.database import db
from db.masking import mask_value
from db.models import Riwayat

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
    Riwayat.create(**_row(now_iso(), operator(), (action, entity, entity_id, changes, summary)))


def record_many(entries: Iterable[AuditEntry]) -> int:
    """Add one audit row per entry, in order, in one prepared INSERT; returns how many.

    For bulk writers (the Excel import): the same rows :func:`record` would write one by one,
    masked the same way, at a fraction of the cost. Call it inside the writing transaction.
    """
    when, who = now_iso(), operator()
    rows = [_row(when, who, entry) for entry in entries]
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
    """Insert many rows (dicts keyed by field name, the same keys for all) with one prepared
    statement; values converted as the model's fields convert them. Table triggers fire per row.

    peewee's ``insert_many`` builds its SQL in Python value by value, which costs more than
    SQLite's own work for thousands of rows; ``executemany`` does not.
    """
    if not rows:
        return
    fields = [model._meta.fields[name] for name in rows[0]]
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(fields))})'
    values = ([field.db_value(row[field.name]) for field in fields] for row in rows)
    db.cursor().executemany(sql, values)
