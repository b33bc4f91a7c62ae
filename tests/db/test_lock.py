"""R8: one app process per data folder; a killed holder's lock never blocks the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import DatabaseInUse
from db.paths import DataPaths
from db.session import DataStore

ROOT = Path(__file__).resolve().parents[2]
HOLDER = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from db.errors import DatabaseInUse
from db.paths import DataPaths
from db.session import DataStore
store = DataStore(DataPaths(Path(sys.argv[1])))
try:
    store.open()
except DatabaseInUse:
    print("INUSE", flush=True)
    sys.exit(3)
print("READY", flush=True)
time.sleep(60)
"""


def start_holder(paths: DataPaths) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def first_line(proc: subprocess.Popen) -> str:
    return proc.stdout.readline().strip()


def kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=10)


def test_second_process_is_refused_with_a_message(paths: DataPaths) -> None:
    holder = start_holder(paths)
    try:
        assert first_line(holder) == "READY"
        cli = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(paths.root), "db", "check"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert cli.returncode == 1
        assert "sedang dipakai" in cli.stderr and "Traceback" not in cli.stderr
        with pytest.raises(DatabaseInUse, match="sedang dipakai"):
            DataStore(paths).open()
        assert holder.poll() is None  # the holder was not disturbed
    finally:
        kill(holder)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_killed_holders_lock_does_not_block_the_next_start(paths: DataPaths) -> None:
    for _ in range(5):
        holder = start_holder(paths)
        assert first_line(holder) == "READY"
        kill(holder)  # SIGKILL: no clean-up code runs; the lock file and -wal stay behind
        assert paths.lock_file.exists()
        store = DataStore(paths)
        store.open()
        store.close()


def test_two_processes_started_together_exactly_one_wins(paths: DataPaths) -> None:
    for _ in range(4):
        pair = [start_holder(paths), start_holder(paths)]
        try:
            answers = sorted(first_line(p) for p in pair)
            assert answers == ["INUSE", "READY"]
        finally:
            for proc in pair:
                kill(proc)


def test_same_process_reopens_after_close(paths: DataPaths) -> None:
    store = DataStore(paths)
    store.open()
    with pytest.raises(DatabaseInUse):
        DataStore(paths).open()  # a second window in the same process is refused too
    store.close()
    again = DataStore(paths)
    again.open()
    again.close()
