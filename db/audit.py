"""Audit trail (UU PDP Ps. 31): who changed what, written in the same transaction as the change.

Services call :func:`record` inside their ``db.atomic()`` block. Personal numbers (NIK, phone) are
masked before they are stored, so the trail itself never holds them in full.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from datetime import datetime
from collections.abc import Iterable
from typing import Any

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
    """Add one audit row per entry, in order, with multi-row INSERTs; returns how many.

    For bulk writers (the Excel import): the same rows :func:`record` would write one by one,
    masked the same way, at a fraction of the cost. Call it inside the writing transaction.
    """
    when, who = now_iso(), operator()
    rows = [_row(when, who, entry) for entry in entries]
    per_chunk = rows_per_insert(7)
    for start in range(0, len(rows), per_chunk):
        Riwayat.insert_many(rows[start : start + per_chunk]).execute()
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


def rows_per_insert(columns: int) -> int:
    """Rows per multi-row INSERT of ``columns`` values each, within the bound-parameter limit
    of this SQLite (999 on old builds, 32766 on newer); at most 500."""
    try:
        limit = int(db.connection().getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):  # Python < 3.11 or an unusual driver
        limit = 999
    return max(1, min(500, limit // columns))
