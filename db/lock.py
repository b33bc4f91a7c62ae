"""One app instance per data folder: an OS-level lock on ``pokjanal.lock``.

The operating system releases the lock when the process dies, so a lock left by a crash or a
killed process never blocks the next start (no stale-lock recovery needed).
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from db.errors import DatabaseInUse


class DataFolderLock:
    def __init__(self, lock_file: Path) -> None:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(lock_file), timeout=0)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise DatabaseInUse(
                "Data Pokjanal Desk sedang dipakai oleh jendela aplikasi lain di komputer ini. "
                "Tutup jendela itu dulu, atau gunakan jendela yang sudah terbuka."
            ) from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    @property
    def held(self) -> bool:
        return bool(self._lock.is_locked)
