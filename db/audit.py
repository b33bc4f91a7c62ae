"""Audit trail (UU PDP Ps. 31): who changed what, written in the same transaction as the change.

Services call :func:`record` inside their ``db.atomic()`` block. Personal numbers (NIK, phone) are
masked before they are stored, so the trail itself never holds them in full.
"""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from typing import Any

from db.masking import mask_value
from db.models import Riwayat

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
    safe = {field: mask_value(field, value) for field, value in (changes or {}).items()}
    Riwayat.create(
        waktu=now_iso(),
        operator=operator(),
        aksi=action,
        entitas=entity,
        entitas_id=entity_id,
        ringkasan=summary[:300],
        perubahan=json.dumps(safe, ensure_ascii=False, default=str),
    )
