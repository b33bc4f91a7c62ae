"""Opening and closing the app's data folder: lock, checks, migrations, automatic backups.

Used by the GUI and the CLI alike::

    store = DataStore(data_dir(args.data_dir))
    store.open()          # raises DatabaseInUse / DatabaseDamaged / DatabaseForeign / DatabaseTooNew
    ...
    store.close()         # backs up when anything changed
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from db import backup
from db.database import FileState, close_database, db, inspect_file, open_database, total_changes
from db.errors import DatabaseDamaged, DatabaseError
from db.lock import DataFolderLock
from db.migrations import LATEST_VERSION, migrate
from db.paths import DataPaths

log = logging.getLogger(__name__)


@dataclass
class OpenResult:
    new_database: bool
    migrated: list[int] = field(default_factory=list)
    startup_backup: Path | None = None
    backup_warning: str = ""  # Indonesian; the UI shows it when the start-up backup failed


class DataStore:
    """The open data folder. One per process."""

    def __init__(
        self,
        paths: DataPaths,
        *,
        lock: bool = True,
        auto_backup: bool = True,
        folder_lock: DataFolderLock | None = None,
    ) -> None:
        """``folder_lock``: a lock the caller took already (the GUI takes it before its first
        paint, to refuse a second window at once); the store keeps and releases it."""
        self.paths = paths
        if folder_lock is not None:
            self._lock: DataFolderLock | None = folder_lock
        else:
            self._lock = DataFolderLock(paths.lock_file) if lock else None
        self._auto_backup = auto_backup
        self._changes_at_open = 0

    @property
    def is_open(self) -> bool:
        return bool(db.database) and not db.is_closed()

    def open(self) -> OpenResult:
        self.paths.ensure()
        if self._lock is not None:
            self._lock.acquire()
        try:
            return self._open_locked_classified()
        except BaseException:
            # A failed migration must not leave a connection open behind a released lock.
            if self.is_open:
                db.close()
            self.release_lock()
            raise

    def _open_locked_classified(self) -> OpenResult:
        """Damage that ``quick_check`` let through still surfaces as :class:`DatabaseDamaged`."""
        try:
            return self._open_locked()
        except (sqlite3.DatabaseError, peewee.DatabaseError, UnicodeDecodeError) as exc:
            if isinstance(exc, (sqlite3.OperationalError, peewee.OperationalError, peewee.IntegrityError)):
                raise  # locking, I/O, or a bug in a step: not a damaged file
            raise DatabaseDamaged(f"Basis data {self.paths.database.name} rusak ({exc}).") from exc

    def _open_locked(self) -> OpenResult:
        state = inspect_file(self.paths.database, latest_version=LATEST_VERSION)
        self._refuse_emptied_file(state)
        made: Path | None = None
        warning = ""
        if self._auto_backup and not state.is_new and backup.needs_startup_backup(self.paths):
            made, warning = self._startup_backup()
        open_database(self.paths.database)
        applied = migrate(db, before_first_step=self._backup_before_migration)
        self._changes_at_open = total_changes()
        log.info("Basis data dibuka (skema %s, migrasi %s)", LATEST_VERSION, applied or "-")
        return OpenResult(state.is_new, applied, made, warning)

    def _startup_backup(self) -> tuple[Path | None, str]:
        """A failed start-up backup (disk full, USB pulled) is a warning, not a refusal; a copy
        that fails integrity_check means the live file is damaged and is refused."""
        try:
            return backup.create_backup(self.paths, "mulai"), ""
        except DatabaseDamaged:
            raise
        except (DatabaseError, OSError) as exc:
            log.warning("Cadangan saat mulai gagal: %s", exc)
            return None, f"Cadangan otomatis gagal dibuat: {exc}"

    def _refuse_emptied_file(self, state: FileState) -> None:
        """A 0-byte file next to existing backups is a lost database (truncated by a crash, a
        sync tool or a bad copy), not a first start: refuse it so the user is offered a restore
        instead of silently starting empty."""
        if state.exists and state.is_new and self.paths.database.stat().st_size == 0:
            if backup.list_backups(self.paths):
                raise DatabaseDamaged(
                    f"Berkas basis data {self.paths.database.name} kosong (0 bita), padahal ada cadangan. "
                    "Berkas akan disisihkan dan data dapat dipulihkan dari cadangan."
                )

    def _backup_before_migration(self, version: int) -> None:
        backup.create_backup(self.paths, f"pra-migrasi-v{version}")

    def changed_since_open(self) -> bool:
        return self.is_open and total_changes() > self._changes_at_open

    def close(self) -> Path | None:
        """Close the database, then back up if anything was written in this session (the
        backup reads the checkpointed file). The folder lock is released whatever happens."""
        made = None
        try:
            if self.is_open:
                changed = self.changed_since_open()
                close_database()
                if changed and self._auto_backup:
                    try:
                        made = backup.create_backup(self.paths, "tutup")
                    except Exception:  # noqa: BLE001 - a failed backup must never block closing
                        log.exception("Cadangan saat menutup gagal")
        finally:
            forget_unlocked_key()
            self.release_lock()
        return made

    def release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def close_database_only(self) -> None:
        """Close the connection but keep the folder lock (before a restore)."""
        forget_unlocked_key()
        if self.is_open:
            close_database()

    def reopen(self) -> OpenResult:
        """After a restore: open again (lock is kept)."""
        if self.is_open:
            close_database()
        return self._open_locked_classified()


def forget_unlocked_key() -> None:
    """An unlocked certificate key must not outlive its data folder in this process (R21). Nothing
    can be unlocked unless the key module was loaded, so closing never imports it."""
    keys = sys.modules.get("db.services.sertifikat_keys")
    if keys is not None:
        keys.lock()
