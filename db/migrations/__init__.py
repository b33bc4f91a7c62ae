"""Versioned schema migrations keyed on SQLite's ``user_version``.

Each step is a module ``mNNNN_name.py`` with ``VERSION`` and ``up(database)``; steps are frozen SQL
(never the current models), so an old file upgrades the same way forever. The runner applies each
step and its version bump in one transaction; a step that rebuilds tables sets
``FOREIGN_KEYS_OFF = True`` and the runner switches enforcement off *outside* the transaction and
runs ``foreign_key_check`` before committing. A backup is taken before the first step touches an
existing database (``before_first_step`` callback).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from peewee import SqliteDatabase

from db.database import APPLICATION_ID
from db.errors import DatabaseError, DatabaseTooNew
from db.migrations import (
    m0001_dasar,
    m0002_pencarian_kader,
    m0003_kegiatan,
    m0004_rencana_aksi,
    m0005_rakor,
    m0006_sertifikat,
)

STEPS: tuple[ModuleType, ...] = (
    m0001_dasar,
    m0002_pencarian_kader,
    m0003_kegiatan,
    m0004_rencana_aksi,
    m0005_rakor,
    m0006_sertifikat,
)
LATEST_VERSION = len(STEPS)

assert [step.VERSION for step in STEPS] == list(range(1, LATEST_VERSION + 1)), "numbering gap"


def current_version(database: SqliteDatabase) -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(
    database: SqliteDatabase,
    *,
    target: int = LATEST_VERSION,
    before_first_step: Callable[[int], object] | None = None,
) -> list[int]:
    """Bring the schema to ``target``; return the versions applied (empty if already there)."""
    version = current_version(database)
    if version > LATEST_VERSION:
        raise DatabaseTooNew(
            f"Skema basis data {version} lebih baru dari aplikasi ({LATEST_VERSION}); tidak diubah."
        )
    pending = [step for step in STEPS if version < step.VERSION <= target]
    if pending and version > 0 and before_first_step is not None:
        before_first_step(version)
    applied: list[int] = []
    for step in pending:
        _apply(database, step)
        applied.append(step.VERSION)
    return applied


def _apply(database: SqliteDatabase, step: ModuleType) -> None:
    fk_off = getattr(step, "FOREIGN_KEYS_OFF", False)
    if fk_off:
        database.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with database.atomic():
            step.up(database)
            if fk_off:
                broken = database.execute_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(f"Migrasi {step.VERSION} merusak rujukan data: {broken[:3]}")
            database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            database.execute_sql(f"PRAGMA user_version = {int(step.VERSION)}")
    finally:
        if fk_off:
            database.execute_sql("PRAGMA foreign_keys = ON")
