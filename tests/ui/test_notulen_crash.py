"""Nothing typed before the last autosave is lost when the app is killed in the middle of typing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.paths import DataPaths
from db.session import DataStore

TYPIST = Path(__file__).with_name("notulen_typist.py")
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def _wait_for_saved(child: subprocess.Popen, timeout: float = 90) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        if line.startswith(("SAVED", "NOT-SAVED")):
            return line.rstrip("\n").split(" ", 2)
        if not line and child.poll() is not None:
            break
    child.kill()
    raise AssertionError(f"the typist never reported its autosave: {child.stderr.read()[-2000:]}")


def test_sigkill_while_typing_keeps_the_autosaved_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, str(TYPIST), str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        state, kegiatan_id, saved = _wait_for_saved(child)
        assert state == "SAVED"
        time.sleep(0.6)  # it is typing now
        assert child.poll() is None, "the typist stopped before the kill"
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    saved = saved.replace("\\n", "\n")
    store = DataStore(DataPaths(data))
    store.open()
    try:
        from db.models import Riwayat
        from db.services.notulen import get_notulen

        stored = get_notulen(int(kegiatan_id))
        assert stored is not None
        assert stored.pembukaan.startswith(saved), (stored.pembukaan, saved)
        assert "\n- laporan posyandu dibacakan" in stored.pembukaan
        burst = Riwayat.select().where((Riwayat.entitas == "notulen") & (Riwayat.aksi == "sunting")).first()
        assert json.loads(burst.perubahan)["pembukaan"][1] == stored.pembukaan  # the trail matches the text
    finally:
        store.close()
