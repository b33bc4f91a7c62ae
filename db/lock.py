"""One app instance per data folder: an OS-level lock on ``pokjanal.lock``.

The operating system releases the lock when the process dies, so a lock left by a crash or a
killed process never blocks the next start (no stale-lock recovery needed).

The lock is taken with the OS call directly — ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows — rather than through the ``filelock`` package, whose import (it pulls in asyncio) cost
~20 ms of every start before the window could paint. ``flock`` belongs to the open file
description, so a second lock from the same process is refused too, like a second process.
"""

from __future__ import annotations

import os
from pathlib import Path

from db.errors import DatabaseInUse

IN_USE = (
    "Data Pokjanal Desk sedang dipakai oleh jendela aplikasi lain di komputer ini. "
    "Tutup jendela itu dulu, atau gunakan jendela yang sudah terbuka."
)

if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # one byte at offset 0 is the whole lock
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class DataFolderLock:
    """Non-blocking exclusive lock held from :meth:`acquire` until :meth:`release` or exit."""

    def __init__(self, lock_file: Path) -> None:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        self._path = lock_file
        self._fd: int | None = None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseInUse(IN_USE)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)  # closing alone also releases it; unlocking first is explicit

    @property
    def held(self) -> bool:
        return self._fd is not None
