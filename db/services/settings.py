"""Generic key → JSON settings stored in the ``pengaturan`` table."""

from __future__ import annotations

import json
from typing import Any

from db import audit
from db.database import db


def get_setting(key: str, default: Any = None) -> Any:
    # Plain SQL: the first page reads settings at start-up without loading the peewee models.
    row = db.execute_sql("SELECT nilai FROM pengaturan WHERE kunci = ?", (key,)).fetchone()
    if row is None:
        return default
    return json.loads(row[0])


def set_setting(key: str, value: Any, *, audit_changes: bool = True) -> None:
    from db.models import Pengaturan

    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    with db.atomic():
        old = get_setting(key)
        Pengaturan.insert(kunci=key, nilai=encoded).on_conflict_replace().execute()
        if audit_changes and old != value:
            audit.record("ubah", "pengaturan", None, {key: [old, value]}, f"Pengaturan {key}")
