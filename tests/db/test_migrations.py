"""R7: every earlier schema version upgrades intact; a failing step rolls back; newer files are
never written. Generic over ``db.migrations.STEPS``: a new step is covered automatically once
tests/db/migration_data.py has rows for the version before it."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from peewee import ForeignKeyField, SqliteDatabase

import db.migrations as migrations
from db import backup
from db.database import APPLICATION_ID, PRAGMAS, close_database, db, open_database
from db.errors import DatabaseError, DatabaseTooNew
from db.migrations import LATEST_VERSION, STEPS, migrate
from db.paths import DataPaths
from db.session import DataStore


def _load_migration_data():
    spec = importlib.util.spec_from_file_location(
        "migration_data", Path(__file__).with_name("migration_data.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DATA = _load_migration_data()
EARLIER = list(range(LATEST_VERSION))


# --- helpers ---------------------------------------------------------------------------------


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def build_at(path: Path, version: int) -> None:
    """A database file at ``version`` built by the frozen steps, holding that version's rows."""
    if version not in DATA.POPULATE:
        pytest.fail(
            f"tambahkan populate_v{version} ke tests/db/migration_data.py (migrasi {version + 1} ada)"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect()
    migrate(database, target=version)
    database.close()
    conn = connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        DATA.POPULATE[version](conn)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def table_list(conn: sqlite3.Connection) -> dict[str, tuple[str, bool]]:
    """name → (type: table/virtual/shadow, WITHOUT ROWID) for the main schema's own tables."""
    rows = conn.execute("PRAGMA main.table_list").fetchall()
    return {r[1]: (r[2], bool(r[4])) for r in rows if not r[1].startswith("sqlite_")}


def tables(conn: sqlite3.Connection) -> list[str]:
    return sorted(table_list(conn))


def cells(path: Path) -> dict[str, dict[object, dict[str, tuple[str, object]]]]:
    """table → row key → column → (SQLite type, value): what a migration must carry over.

    Rows are keyed by rowid, or by the primary key in WITHOUT ROWID tables (FTS5 shadow tables)."""
    conn = connect(path)
    out: dict[str, dict[object, dict[str, tuple[str, object]]]] = {}
    for table, (_kind, without_rowid) in sorted(table_list(conn).items()):
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        columns = [r[1] for r in info]
        keys = [f'"{r[1]}"' for r in info if r[5]] if without_rowid else ["rowid"]
        select = ", ".join(f'typeof("{c}"), "{c}"' for c in columns)
        out[table] = {}
        for row in conn.execute(f'SELECT {", ".join(keys)}, {select} FROM "{table}"'):
            values = row[len(keys) :]
            out[table][row[: len(keys)]] = {
                c: (values[2 * i], values[2 * i + 1]) for i, c in enumerate(columns)
            }
    conn.close()
    return out


def normalised_schema(path: Path) -> list[tuple[str, str, str, str]]:
    conn = connect(path)
    rows = conn.execute(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
    )
    out = [(t, n, tb, re.sub(r"\s+", " ", sql).strip()) for t, n, tb, sql in rows]
    conn.close()
    return out


def schema_hash(path: Path) -> str:
    return hashlib.sha256(repr(normalised_schema(path)).encode()).hexdigest()


def pragma(path: Path, name: str) -> object:
    conn = connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def changed_cells_of(applied: list[int]) -> set[tuple[str, str]]:
    """A step that transforms data on purpose names the cells in ``CHANGED_CELLS``."""
    found: set[tuple[str, str]] = set()
    for step in STEPS:
        if step.VERSION in applied:
            found |= set(getattr(step, "CHANGED_CELLS", ()))
    return found


def assert_carried(before: dict, after: dict, exempt: set[tuple[str, str]]) -> None:
    for table, rows in before.items():
        assert table in after, f"tabel {table} hilang"
        for rowid, row in rows.items():
            assert rowid in after[table], f"{table} baris {rowid} hilang"
            new = after[table][rowid]
            for column, value in row.items():
                if column in new and (table, column) not in exempt:
                    assert new[column] == value, f"{table}.{column} baris {rowid} berubah"


@pytest.fixture(scope="module")
def fresh_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = DataPaths(tmp_path_factory.mktemp("fresh") / "data")
    store = DataStore(paths)
    store.open()
    store.close()
    return paths.database


def test_every_version_has_rows() -> None:
    assert sorted(DATA.POPULATE) == list(range(LATEST_VERSION + 1)), (
        "tests/db/migration_data.py needs populate_vN for every schema version 0..LATEST"
    )


# --- upgrades from every earlier version -----------------------------------------------------


@pytest.mark.parametrize("version", EARLIER)
def test_upgrade_from_every_earlier_version(version: int, paths: DataPaths, fresh_install: Path) -> None:
    build_at(paths.database, version)
    before = cells(paths.database)

    store = DataStore(paths)
    result = store.open()
    store.close()

    assert result.migrated == list(range(version + 1, LATEST_VERSION + 1))
    conn = connect(paths.database)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    assert pragma(paths.database, "user_version") == LATEST_VERSION
    assert pragma(paths.database, "application_id") == APPLICATION_ID
    assert_carried(before, cells(paths.database), changed_cells_of(result.migrated))
    assert normalised_schema(paths.database) == normalised_schema(fresh_install)

    if version > 0:  # an existing database was copied before the first step touched it
        saved = [b for b in backup.list_backups(paths) if b.reason == f"pra-migrasi-v{version}"]
        assert len(saved) == 1
        assert pragma(saved[0].path, "user_version") == version
        assert cells(saved[0].path) == before

    # A second run does nothing: no step, same schema, same cells.
    after_first = cells(paths.database)
    again = DataStore(paths)
    assert again.open().migrated == []
    again.close()
    assert cells(paths.database) == after_first
    assert normalised_schema(paths.database) == normalised_schema(fresh_install)


@pytest.mark.parametrize("version", EARLIER)
def test_failing_step_rolls_back(version: int, paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first pending step does its real work and then fails: nothing of it may stay."""
    build_at(paths.database, version)
    before, schema_before = cells(paths.database), normalised_schema(paths.database)
    step = STEPS[version]
    real_up = step.up

    def failing_up(database: SqliteDatabase) -> None:
        real_up(database)
        raise RuntimeError("gagal di tengah migrasi")

    monkeypatch.setattr(step, "up", failing_up)
    store = DataStore(paths)
    with pytest.raises(RuntimeError):
        store.open()
    assert not store.is_open

    assert pragma(paths.database, "user_version") == version
    assert cells(paths.database) == before
    assert normalised_schema(paths.database) == schema_before
    if version > 0:
        assert [b.reason for b in backup.list_backups(paths)].count(f"pra-migrasi-v{version}") == 1

    monkeypatch.setattr(step, "up", real_up)  # the next start succeeds and resumes
    retry = DataStore(paths)
    assert retry.open().migrated == list(range(version + 1, LATEST_VERSION + 1))
    retry.close()


def _future_step(version: int, fk_off: bool, action) -> SimpleNamespace:  # noqa: ANN001
    return SimpleNamespace(VERSION=version, FOREIGN_KEYS_OFF=fk_off, up=action)


def _patch_future(monkeypatch: pytest.MonkeyPatch, step: SimpleNamespace) -> None:
    monkeypatch.setattr(migrations, "STEPS", (*STEPS, step))
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)


def test_failure_in_a_later_step_keeps_latest_file_and_backup(
    paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hypothetical next step (data-changing DDL and DML, then an exception) on a populated
    latest-version file: file content unchanged, the pre-migration copy present and equal."""
    build_at(paths.database, LATEST_VERSION)
    before, schema_before = cells(paths.database), normalised_schema(paths.database)
    digest_before = hashlib.sha256(paths.database.read_bytes()).hexdigest()

    def up(database: SqliteDatabase) -> None:
        database.execute_sql("CREATE TABLE baru (id INTEGER PRIMARY KEY)")
        database.execute_sql("ALTER TABLE riwayat ADD COLUMN tambahan TEXT")
        database.execute_sql("UPDATE riwayat SET ringkasan = 'dirusak'")
        database.execute_sql("DELETE FROM riwayat_pelatihan")
        raise RuntimeError("langkah rusak")

    _patch_future(monkeypatch, _future_step(LATEST_VERSION + 1, False, up))
    database = SqliteDatabase(str(paths.database), pragmas=PRAGMAS)
    database.connect()
    with pytest.raises(RuntimeError):
        migrations.migrate(
            database,
            target=LATEST_VERSION + 1,
            before_first_step=lambda v: backup.create_backup(paths, f"pra-migrasi-v{v}"),
        )
    database.close()

    assert pragma(paths.database, "user_version") == LATEST_VERSION
    assert cells(paths.database) == before
    assert normalised_schema(paths.database) == schema_before
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == digest_before
    saved = [b for b in backup.list_backups(paths) if b.reason == f"pra-migrasi-v{LATEST_VERSION}"]
    assert len(saved) == 1 and cells(saved[0].path) == before


def test_rebuild_step_that_breaks_references_is_refused(
    paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table-rebuild step runs with foreign keys off; a dangling reference aborts it (rolled back)
    and enforcement is switched back on afterwards."""
    build_at(paths.database, LATEST_VERSION)
    before = cells(paths.database)
    assert before["riwayat_pelatihan"], "populate_v{LATEST_VERSION} must fill riwayat_pelatihan"

    def up(database: SqliteDatabase) -> None:
        database.execute_sql("DELETE FROM kader")  # orphans riwayat_pelatihan rows

    _patch_future(monkeypatch, _future_step(LATEST_VERSION + 1, True, up))
    open_database(paths.database)
    with pytest.raises(DatabaseError, match="merusak rujukan"):
        migrations.migrate(db, target=LATEST_VERSION + 1)
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    close_database()
    assert cells(paths.database) == before
    assert pragma(paths.database, "user_version") == LATEST_VERSION


# --- newer files, frozen steps, models ---------------------------------------------------------


def test_newer_database_is_refused_and_never_written(paths: DataPaths) -> None:
    build_at(paths.database, LATEST_VERSION)
    conn = connect(paths.database)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    digest = hashlib.sha256(paths.database.read_bytes()).hexdigest()

    store = DataStore(paths)
    with pytest.raises(DatabaseTooNew, match="lebih baru"):
        store.open()
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == digest
    assert backup.list_backups(paths) == []

    database = SqliteDatabase(str(paths.database), pragmas={"query_only": 1})
    with pytest.raises(DatabaseTooNew):
        migrate(database)  # the runner refuses on its own too
    database.close()
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
def test_released_steps_are_frozen(version: int, tmp_path: Path) -> None:
    """Editing a released step would upgrade old files differently from before."""
    path = tmp_path / "v.sqlite"
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    migrate(database, target=version)
    database.close()
    actual = schema_hash(path)
    expected = DATA.SCHEMA_SHA256.get(version)
    if expected is None and version > max(DATA.SCHEMA_SHA256):
        # steps newer than the last released one may still change until they are released
        pytest.skip(f"skema {version} belum dibekukan; hash: {actual}")
    assert actual == expected, f"skema versi {version} berubah; hash sekarang {actual}"


def _model_columns(model) -> dict[str, tuple[bool, bool, str | None]]:  # noqa: ANN001
    out = {}
    for field in model._meta.sorted_fields:
        target = field.rel_model._meta.table_name if isinstance(field, ForeignKeyField) else None
        out[field.column_name] = (not field.null, bool(field.primary_key), target)
    return out


def _table_columns(path: Path, table: str) -> dict[str, tuple[bool, bool, str | None]]:
    conn = connect(path)
    refs = {r[3]: r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
    out = {
        r[1]: (bool(r[3]) or bool(r[5]), bool(r[5]), refs.get(r[1]))
        for r in conn.execute(f'PRAGMA table_info("{table}")')
    }
    conn.close()
    return out


def test_models_match_migrated_schema(fresh_install: Path) -> None:
    from db import models

    conn = connect(fresh_install)
    schema_tables = {name for name, (kind, _wr) in table_list(conn).items() if kind == "table"}
    conn.close()
    all_models = {m._meta.table_name: m for m in models.ALL_MODELS}
    assert set(all_models) == schema_tables
    for table, model in all_models.items():
        assert _model_columns(model) == _table_columns(fresh_install, table), table
