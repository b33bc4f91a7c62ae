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

from db.database import inspect_file
from db.errors import DatabaseError
from db.paths import DataPaths

KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 30
_NAME = re.compile(r"^pokjanal-(\d{8}-\d{6})(?:-(\d+))?-([a-z0-9-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


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


def backup_to(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind ``source`` to ``target`` atomically and verify the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    temp.unlink(missing_ok=True)
    dest = sqlite3.connect(temp)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
        verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dest.close()
    if verdict != "ok":
        temp.unlink(missing_ok=True)
        raise DatabaseError(f"Cadangan gagal diperiksa ({verdict}); basis data tidak diubah.")
    os.replace(temp, target)
    return target


def create_backup(paths: DataPaths, reason: str = "manual", when: datetime | None = None) -> Path:
    """Back up the data folder's database into ``paths.backups`` and apply retention."""
    if not paths.database.exists():
        raise DatabaseError("Belum ada basis data untuk dicadangkan.")
    target = _target_name(paths.backups, reason, when or datetime.now())
    source = sqlite3.connect(paths.database, timeout=10)
    try:
        backup_to(source, target)
    finally:
        source.close()
    prune(paths, today=(when or datetime.now()).date())
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
        created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        found.append(BackupInfo(entry, created, match.group(3), entry.stat().st_size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def select_to_keep(backups: list[BackupInfo], today: date) -> set[Path]:
    """Retention rule: the newest 10, and the newest backup of each of the last 30 days."""
    ordered = sorted(backups, key=lambda b: (b.created, b.path.name), reverse=True)
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
    """Delete backups the retention rule does not keep; return what was removed."""
    backups = list_backups(paths)
    keep = select_to_keep(backups, today or date.today())
    removed = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def change_marker(path: Path) -> tuple[int, int]:
    """(schema version, newest audit row id): every service write adds an audit row, so two
    files with the same marker hold the same committed changes."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        try:
            newest = conn.execute("SELECT coalesce(max(id), 0) FROM riwayat").fetchone()[0]
        except sqlite3.OperationalError:
            newest = 0
        return int(version), int(newest)
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
    except sqlite3.DatabaseError:
        return True


def verify_backup_file(path: Path) -> None:
    """Raise a :class:`~db.errors.DatabaseError` unless ``path`` is a usable Pokjanal backup."""
    state = inspect_file(path, latest_version=_latest_version(), full_check=True)
    if state.is_new:
        raise DatabaseError(f"Berkas {path.name} kosong, bukan cadangan Pokjanal Desk.")


def restore_backup(paths: DataPaths, backup: Path) -> Path:
    """Replace the live database's content with ``backup``; returns the ``pre-restore`` copy.

    The caller must have closed the app's own connection (:func:`db.database.close_database`).
    """
    verify_backup_file(backup)
    saved = create_backup(paths, "pre-restore") if paths.database.exists() else backup
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    live = sqlite3.connect(paths.database, timeout=10)
    try:
        source.backup(live)
        verdict = live.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        source.close()
        live.close()
    if verdict != "ok":
        raise DatabaseError(f"Pemulihan gagal diperiksa ({verdict}). Cadangan sebelumnya: {saved.name}")
    return saved


def set_aside(paths: DataPaths, when: datetime | None = None) -> Path:
    """Move a damaged or foreign database (and its -wal/-shm) out of the way; never delete it."""
    paths.quarantine.mkdir(parents=True, exist_ok=True)
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = paths.quarantine / f"{paths.database.stem}-{stamp}{paths.database.suffix}"
    for suffix in ("", "-wal", "-shm"):
        src = paths.database.with_name(paths.database.name + suffix)
        if src.exists():
            os.replace(src, target.with_name(target.name + suffix))
    return target
