"""``python main.py --data-dir D db check|backup [-o FILE]|restore FILE`` and ``--version``:
exit codes 0 (done), 1 (refused, Indonesian reason on stderr), 2 (usage), run as real processes."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.paths import DataPaths
from db.services import penandatangan
from db.session import DataStore
from resources import VERSION

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def db_run(paths: DataPaths, *args: str) -> subprocess.CompletedProcess:
    return run("--data-dir", str(paths.root), "db", *args)


def signatories(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT nama FROM penandatangan ORDER BY id")]
    finally:
        conn.close()


def add_signatory(paths: DataPaths, name: str) -> None:
    store = DataStore(paths)
    store.open()
    penandatangan.save_signatory(penandatangan.SignatoryData(nama=name, jabatan="Camat Metro Timur"))
    store.close()


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0 and VERSION in done.stdout


def test_check_on_a_healthy_folder(paths: DataPaths) -> None:
    done = db_run(paths, "check")
    assert done.returncode == 0 and "sehat" in done.stdout


@pytest.mark.parametrize("args", [(), ("backup", "--tidak-ada"), ("hapus",), ("restore",)])
def test_usage_errors_exit_2_in_indonesian(paths: DataPaths, args: tuple[str, ...]) -> None:
    done = db_run(paths, *args)
    assert done.returncode == 2 and "kesalahan penggunaan" in done.stderr


def test_backup_to_folder_and_to_file(paths: DataPaths, tmp_path: Path) -> None:
    add_signatory(paths, "Hj. Siti Aminah")
    done = db_run(paths, "backup")
    assert done.returncode == 0 and "Cadangan dibuat" in done.stdout
    assert any(p.name.endswith("-manual.sqlite") for p in paths.backups.iterdir())

    target = tmp_path / "flashdisk" / "salinan.sqlite"
    assert db_run(paths, "backup", "-o", str(target)).returncode == 0
    assert signatories(target) == ["Hj. Siti Aminah"]
    assert not target.with_name(target.name + "-wal").exists()  # one self-contained file

    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    again = db_run(paths, "backup", "-o", str(target))
    assert again.returncode == 1 and "sudah ada" in again.stderr
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest  # never overwritten


def test_restore_round_trip_keeps_pre_restore(paths: DataPaths, tmp_path: Path) -> None:
    add_signatory(paths, "Sebelum")
    snapshot = tmp_path / "snap.sqlite"
    assert db_run(paths, "backup", "-o", str(snapshot)).returncode == 0
    add_signatory(paths, "Sesudah")

    done = db_run(paths, "restore", str(snapshot))
    assert done.returncode == 0 and "Dipulihkan" in done.stdout
    assert signatories(paths.database) == ["Sebelum"]
    pre = [p for p in paths.backups.iterdir() if p.name.endswith("-pre-restore.sqlite")]
    assert len(pre) == 1 and signatories(pre[0]) == ["Sebelum", "Sesudah"]


def test_restore_refuses_missing_and_foreign_files(paths: DataPaths, tmp_path: Path) -> None:
    add_signatory(paths, "Tetap")
    before = signatories(paths.database)
    missing = db_run(paths, "restore", str(tmp_path / "tidak-ada.sqlite"))
    assert missing.returncode == 1 and "tidak ditemukan" in missing.stderr
    text = tmp_path / "catatan.sqlite"
    text.write_text("bukan basis data", encoding="utf-8")
    foreign = db_run(paths, "restore", str(text))
    assert foreign.returncode == 1 and "bukan basis data" in foreign.stderr
    assert signatories(paths.database) == before


def test_damaged_database_check_fails_and_restore_sets_it_aside(paths: DataPaths, tmp_path: Path) -> None:
    add_signatory(paths, "Dari cadangan")
    snapshot = tmp_path / "snap.sqlite"
    assert db_run(paths, "backup", "-o", str(snapshot)).returncode == 0
    paths.database.write_bytes(paths.database.read_bytes()[:6000])  # truncated by a bad copy

    check = db_run(paths, "check")
    assert check.returncode == 1 and check.stderr.startswith("Ditolak:") and "rusak" in check.stderr

    restore = db_run(paths, "restore", str(snapshot))
    assert restore.returncode == 0, restore.stderr
    assert "disisihkan" in restore.stderr
    assert signatories(paths.database) == ["Dari cadangan"]
    assert [p.stat().st_size for p in paths.quarantine.glob("*.sqlite")] == [6000]  # kept, not deleted


def test_newer_database_is_refused_and_untouched(paths: DataPaths) -> None:
    add_signatory(paths, "Versi baru")
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    digest = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    for args in (("check",), ("backup",)):
        done = db_run(paths, *args)
        assert done.returncode == 1 and "lebih baru" in done.stderr
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == digest
