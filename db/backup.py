"""Backups through SQLite's online backup API (never a file copy of a live database).

A backup is written to a temporary name, checked with ``integrity_check`` and only then renamed
into place, so a half-written or bad copy is never kept. Retention: the newest 10, plus the newest
of each day for 30 days. Restoring first saves the current file as a ``pre-restore`` backup.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from db.database import inspect_file, lenient_text, open_readonly
from db.errors import DatabaseDamaged, DatabaseError
from db.paths import DataPaths

KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 30
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 3600
_NAME = re.compile(r"^pokjanal-(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)(?:-(\d+))?-([a-z0-9-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int
    written_ns: int = 0


def _latest_version() -> int:
    from db.migrations import LATEST_VERSION

    return LATEST_VERSION


def _target_name(folder: Path, reason: str, when: datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    path = folder / f"pokjanal-{stamp}-{slug}.sqlite"
    counter = 1
    while path.exists():
        path = folder / f"pokjanal-{stamp}-{counter}-{slug}.sqlite"
        counter += 1
    return path


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles, NTFS journals renames."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_to(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind ``source`` to ``target`` atomically and verify the copy.

    On any failure (disk full, bad copy) the temporary file is removed and ``target`` is untouched.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + TEMP_SUFFIX)
    temp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(temp)
        dest.text_factory = lenient_text
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
            verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if verdict != "ok":  # the copy is page-for-page the source: the source is damaged
            raise DatabaseDamaged(f"Cadangan gagal diperiksa ({verdict}); basis data tidak diubah.")
        os.replace(temp, target)
    except BaseException:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)
    return target


def _open_readonly(path: Path) -> sqlite3.Connection:
    return open_readonly(path, timeout=10)


def create_backup(
    paths: DataPaths, reason: str = "manual", when: datetime | None = None, *, apply_retention: bool = True
) -> Path:
    """Back up the data folder's database into ``paths.backups`` and apply retention.

    The live file is read through a read-only connection, so a backup can never change it.
    """
    if not paths.database.exists():
        raise DatabaseError("Belum ada basis data untuk dicadangkan.")
    moment = when or datetime.now()
    target = _target_name(paths.backups, reason, moment)
    try:
        source = _open_readonly(paths.database)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Basis data tidak dapat dibaca untuk dicadangkan ({exc}).") from exc
    try:
        backup_to(source, target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cadangan gagal dibuat ({exc}); basis data tidak diubah.") from exc
    finally:
        source.close()
    if apply_retention:
        prune(paths, today=moment.date())
    return target


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Backups in the folder, newest first."""
    found: list[BackupInfo] = []
    if not paths.backups.exists():
        return found
    for entry in paths.backups.iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        try:
            # the name's stamp, field by field: datetime.strptime would import _strptime at start-up
            created = datetime(*(int(part) for part in match.group(1, 2, 3, 4, 5, 6)))
            stat = entry.stat()
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(entry, created, match.group(8), stat.st_size, stat.st_mtime_ns))
    found.sort(key=_newest_first_key, reverse=True)
    return found


def _newest_first_key(info: BackupInfo) -> tuple[datetime, int, str]:
    """Name stamps have one-second resolution; the write time orders backups of the same second."""
    return (info.created, info.written_ns, info.path.name)


def select_to_keep(backups: list[BackupInfo], today: date) -> set[Path]:
    """Retention rule: the newest 10, and the newest backup of each of the last 30 days."""
    ordered = sorted(backups, key=_newest_first_key, reverse=True)
    keep = {b.path for b in ordered[:KEEP_NEWEST]}
    oldest_day = today - timedelta(days=KEEP_DAILY_DAYS - 1)
    seen_days: set[date] = set()
    for b in ordered:
        day = b.created.date()
        if oldest_day <= day <= today and day not in seen_days:
            seen_days.add(day)
            keep.add(b.path)
    return keep


def prune(paths: DataPaths, today: date | None = None) -> list[Path]:
    """Delete backups the retention rule does not keep (and stale temp files of killed backups);
    return what was removed."""
    backups = list_backups(paths)
    keep = select_to_keep(backups, today or date.today())
    removed = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    _remove_stale_temps(paths)
    return removed


def _remove_stale_temps(paths: DataPaths) -> None:
    """A backup killed mid-write leaves ``*.sqlite.tmp``; after an hour it is surely abandoned."""
    limit = datetime.now().timestamp() - STALE_TEMP_SECONDS
    for entry in paths.backups.glob(f"pokjanal-*.sqlite{TEMP_SUFFIX}*"):
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < limit:
                entry.unlink()


def change_marker(path: Path) -> tuple[object, ...]:
    """Schema version plus the newest audit row and the row count: every service write adds an
    audit row, so two files with the same marker hold the same committed changes. The newest row's
    content (not only its id) is compared because ids are reused after a restore."""
    conn = _open_readonly(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        try:
            count = conn.execute("SELECT count(*) FROM riwayat").fetchone()[0]
            newest = conn.execute(
                "SELECT id, waktu, operator, aksi, entitas, entitas_id, ringkasan, perubahan "
                "FROM riwayat ORDER BY id DESC LIMIT 1"
            ).fetchone()
        except sqlite3.OperationalError:
            count, newest = 0, None
        return (int(version), int(count), tuple(newest or ()))
    finally:
        conn.close()


def needs_startup_backup(paths: DataPaths) -> bool:
    """True when the database holds changes the newest backup lacks (or there is no backup)."""
    if not paths.database.exists():
        return False
    backups = list_backups(paths)
    if not backups:
        return True
    try:
        return change_marker(paths.database) != change_marker(backups[0].path)
    except sqlite3.Error:
        return True


def verify_backup_file(path: Path) -> None:
    """Raise a :class:`~db.errors.DatabaseError` unless ``path`` is a usable Pokjanal backup."""
    state = inspect_file(path, latest_version=_latest_version(), full_check=True)
    if state.is_new:
        raise DatabaseError(f"Berkas {path.name} kosong, bukan cadangan Pokjanal Desk.")


def restore_backup(paths: DataPaths, backup: Path) -> Path:
    """Replace the live database's content with ``backup``; returns the ``pre-restore`` copy.

    The caller must have closed the app's own connection (:func:`db.database.close_database`).
    Retention runs only after the restore, so it can never delete the backup being restored.
    """
    verify_backup_file(backup)
    saved = backup
    if paths.database.exists():
        saved = create_backup(paths, "pre-restore", apply_retention=False)
    source = _open_readonly(backup)
    live = sqlite3.connect(paths.database, timeout=10)
    live.text_factory = lenient_text
    try:
        source.backup(live)
        verdict = live.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        raise DatabaseError(f"Pemulihan gagal ({exc}). Data sebelumnya tersimpan di {saved.name}.") from exc
    finally:
        source.close()
        live.close()
    if verdict != "ok":
        raise DatabaseError(f"Pemulihan gagal diperiksa ({verdict}). Cadangan sebelumnya: {saved.name}")
    prune(paths)
    return saved


def set_aside(paths: DataPaths, when: datetime | None = None) -> Path:
    """Move a damaged or foreign database (and its -wal/-shm) out of the way; never delete it.

    The target name is unique, so a second set-aside in the same second never replaces the first.
    """
    paths.quarantine.mkdir(parents=True, exist_ok=True)
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem, suffix = paths.database.stem, paths.database.suffix
    target = paths.quarantine / f"{stem}-{stamp}{suffix}"
    counter = 1
    while any(target.with_name(target.name + s).exists() for s in ("", "-wal", "-shm")):
        target = paths.quarantine / f"{stem}-{stamp}-{counter}{suffix}"
        counter += 1
    for extra in ("", "-wal", "-shm"):
        src = paths.database.with_name(paths.database.name + extra)
        if src.exists():
            os.replace(src, target.with_name(target.name + extra))
    return target
