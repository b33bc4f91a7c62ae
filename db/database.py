"""The one SQLite database: connection settings, file checks and the schema version.

peewee's database object is created unbound at import and bound by :func:`open_database`
(peewee's "late initialisation"), so tests and the CLI can point it anywhere.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError
from peewee import SqliteDatabase

from db.errors import DatabaseDamaged, DatabaseForeign, DatabaseTooNew

APPLICATION_ID = 0x504B4A4C  # "PKJL": marks a file as a Pokjanal Desk database
SQLITE_MAGIC = b"SQLite format 3\x00"

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: the data is precious and the write load small
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "secure_delete": 1,  # deleted personal data is overwritten, not left in free pages (UU PDP)
    # trusted_schema stays ON for our own file: the kader_fts (FTS5) triggers of schema 2 are
    # "unsafe use of virtual table" under OFF. Files from outside (imports, restores) are checked
    # with quick_check, application_id and user_version before use instead.
    "cache_size": -16000,
}

db = SqliteDatabase(None, pragmas=PRAGMAS)


@dataclass(frozen=True)
class FileState:
    """What a database file on disk is, read without writing to it."""

    exists: bool
    application_id: int = 0
    user_version: int = 0
    table_count: int = 0

    @property
    def is_new(self) -> bool:
        return not self.exists or (self.user_version == 0 and self.table_count == 0)


def lenient_text(raw: bytes) -> str:
    """Text factory for checks on untrusted files: damaged pages can hold invalid UTF-8, which
    must give a readable "rusak" verdict rather than a UnicodeDecodeError."""
    return raw.decode("utf-8", "replace")


def open_readonly(path: Path, timeout: float = 5) -> sqlite3.Connection:
    """A connection that cannot write ``path`` (checks, backups, change markers)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    conn.text_factory = lenient_text
    return conn


def inspect_file(path: Path, *, latest_version: int, full_check: bool = False) -> FileState:
    """Check a file before use; raise a :class:`~db.errors.DatabaseError` for a bad one.

    Never writes. ``full_check`` runs ``integrity_check`` instead of ``quick_check``.
    """
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists())
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise DatabaseForeign(f"Berkas {path.name} bukan basis data Pokjanal Desk (bukan SQLite).")
    try:
        conn = open_readonly(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            check = "integrity_check" if full_check else "quick_check"
            verdict = [row[0] for row in conn.execute(f"PRAGMA {check}")]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged schema text is not UTF-8
        raise DatabaseDamaged(f"Basis data {path.name} rusak dan tidak dapat dibaca ({exc}).") from exc
    if verdict != ["ok"]:
        raise DatabaseDamaged(f"Basis data {path.name} rusak: {verdict[0]}")
    if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0 and version == 0):
        raise DatabaseForeign(f"Berkas {path.name} adalah basis data SQLite milik aplikasi lain.")
    if version > latest_version:
        raise DatabaseTooNew(
            f"Basis data {path.name} dibuat oleh versi Pokjanal Desk yang lebih baru "
            f"(skema {version}, aplikasi ini {latest_version}). Perbarui aplikasi; berkas tidak diubah."
        )
    return FileState(True, app_id, version, tables)


def open_database(path: Path) -> None:
    """Bind :data:`db` to ``path`` with our pragmas and connect."""
    if not db.is_closed():
        db.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    db.init(str(path), pragmas=PRAGMAS)
    db.connect()


def close_database() -> None:
    """Close the connection (which checkpoints the WAL into the main file)."""
    if db.database and not db.is_closed():
        try:
            db.execute_sql("PRAGMA optimize")  # only statistics: never worth failing a close over
        except PeeweeDatabaseError:
            pass
        db.close()


def schema_version() -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def total_changes() -> int:
    """Rows changed through this connection since it was opened (tells whether to back up)."""
    return int(db.connection().total_changes)


def check_database() -> list[str]:
    """``integrity_check`` plus ``foreign_key_check``; an empty list means healthy."""
    conn = db.connection()
    previous, conn.text_factory = conn.text_factory, lenient_text
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"Rujukan rusak: {table} baris {rowid} menunjuk {parent} yang tidak ada")
    finally:
        conn.text_factory = previous
    return problems
