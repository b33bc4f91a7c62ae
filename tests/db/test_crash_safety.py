"""R1/R18: SIGKILL at random moments never loses an acknowledged write, never half-applies one,
and never leaves a change without its audit row (or an audit row without its change).

The child (tests/db/crash_writer.py) runs the real services on a real file and prints ``ACK``
after each commit returned; it is killed at a random moment of its life (start-up backup,
migration, writes), then the file is opened and checked, and the next child carries on.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.paths import DataPaths
from db.session import DataStore

WRITER = Path(__file__).with_name("crash_writer.py")
FIRST_JABATAN = "Camat ꦱꦶꦠꦶ سيتي 王"  # what crash_writer gives a new signatory
KILLS = 60
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


class Ledger:
    """What the children said: acknowledged writes, and the attempts after each last ack."""

    def __init__(self) -> None:
        self.settings: dict[str, int] = {}
        self.signatories: set[str] = set()
        self.jabatan: dict[int, set[str]] = {}  # allowed current values per signatory id
        self.profile: set[str] = {""}  # allowed current alamat values
        self.acks = 0

    def read(self, output: str) -> None:
        for line in output.splitlines():
            parts = line.split(" ")
            if len(parts) != 4:
                continue
            state, kind, key, value = parts
            if kind == "upd":
                self._attempt(self.jabatan.setdefault(int(key), {FIRST_JABATAN}), value, state == "ACK")
            elif kind == "prof":
                self._attempt(self.profile, value, state == "ACK")
            elif state == "ACK" and kind == "set":
                self.settings[key] = int(value)
            elif state == "ACK" and kind == "sig":
                self.signatories.add(key)
            self.acks += state == "ACK"

    @staticmethod
    def _attempt(allowed: set[str], value: str, acked: bool) -> None:
        """An acked write makes it the only allowed value; a try (maybe committed) adds one."""
        if acked:
            allowed.clear()
        allowed.add(value)


def check_file(path: Path, ledger: Ledger) -> None:
    if not path.exists():  # killed before the first start created the file
        assert ledger.acks == 0
        return
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "pengaturan" not in tables:  # killed before the first migration committed
            assert ledger.acks == 0
            return
        stored = dict(conn.execute("SELECT kunci, nilai FROM pengaturan WHERE kunci LIKE 'uji.%'"))
        for key, n in ledger.settings.items():
            assert key in stored, f"setelan {key} yang sudah di-ACK hilang"
            assert json.loads(stored[key])["n"] == n
        names = {r[0] for r in conn.execute("SELECT nama FROM penandatangan")}
        assert ledger.signatories <= names, "penandatangan yang sudah di-ACK hilang"
        for sig_id, allowed in ledger.jabatan.items():
            (jabatan,) = conn.execute("SELECT jabatan FROM penandatangan WHERE id = ?", (sig_id,)).fetchone()
            assert jabatan in allowed, (sig_id, jabatan, allowed)
        office = dict(conn.execute("SELECT kunci, nilai FROM pengaturan WHERE kunci = 'kantor'"))
        alamat = json.loads(office["kantor"])["alamat"] if office else ""
        assert alamat in ledger.profile, (alamat, ledger.profile)
        check_audit_matches(conn, stored, names)
    finally:
        conn.close()


def check_audit_matches(conn: sqlite3.Connection, stored: dict[str, str], names: set[str]) -> None:
    """Same transaction: every change has its audit row, and every audit row its change."""
    audited_keys = [
        r[0].removeprefix("Pengaturan ")
        for r in conn.execute("SELECT ringkasan FROM riwayat WHERE entitas = 'pengaturan'")
    ]
    assert sorted(audited_keys) == sorted(stored)
    added = [
        r[0]
        for r in conn.execute(
            "SELECT ringkasan FROM riwayat WHERE aksi = 'tambah' AND entitas = 'penandatangan'"
        )
    ]
    assert sorted(added) == sorted(names)
    last_edit: dict[int, str] = {}
    for entity_id, changes in conn.execute(
        "SELECT entitas_id, perubahan FROM riwayat "
        "WHERE aksi = 'ubah' AND entitas = 'penandatangan' ORDER BY id"
    ):
        last_edit[entity_id] = json.loads(changes)["jabatan"][1]
    current = dict(conn.execute("SELECT id, jabatan FROM penandatangan"))
    for sig_id, jabatan in last_edit.items():
        assert current[sig_id] == jabatan, "perubahan tanpa baris riwayat (atau sebaliknya)"


def test_sigkill_never_loses_acknowledged_writes(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    ledger = Ledger()
    rng = random.Random(20240229)
    started = time.monotonic()
    killed_while_writing = 0
    for round_no in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(WRITER), str(paths.root), str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        head = ""
        if round_no % 3:  # two rounds in three: kill in the write phase, whatever the machine's load
            head = child.stdout.readline()
            assert head == "READY\n", child.stderr.read() if not head else head
            time.sleep(rng.uniform(0.0, 0.2))
        else:  # every third: any moment from process start (imports, lock, backup, migration)
            time.sleep(rng.uniform(0.0, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        output, errors = child.communicate(timeout=10)
        output = head + output
        assert child.returncode == -signal.SIGKILL, errors
        ledger.read(output)
        killed_while_writing += "READY" in output
        check_file(paths.database, ledger)

    elapsed = time.monotonic() - started
    print(f"\n{KILLS} kills in {elapsed:.1f} s, {killed_while_writing} while writing, {ledger.acks} acks")
    assert killed_while_writing >= KILLS * 2 // 3
    assert ledger.acks > 200
    store = DataStore(paths)  # the killed holders' locks and -wal files do not block a normal start
    store.open()
    store.close()
