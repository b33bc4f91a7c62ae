"""``python main.py --data-dir D demo [--force]`` as a user runs it (subprocess)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from db.paths import data_dir as data_dir_paths
from tests.cli.cli_support import run_app

ROOT = Path(__file__).resolve().parents[2]


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app(data_dir, "demo", *args)


def _count(data_dir: Path, table: str) -> int:
    with sqlite3.connect(data_dir_paths(data_dir).database) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_demo_loads_then_refuses_then_force_replaces(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Data contoh Kota Metro dimuat." in first.stdout
    assert "5 kecamatan, 22 kelurahan" in first.stdout
    kader = _count(tmp_path, "kader")
    assert f"Kader        : {kader} " in first.stdout
    assert _count(tmp_path, "penandatangan") == 4

    again = _run(tmp_path)
    assert again.returncode == 1
    assert again.stderr.startswith("Ditolak: Data contoh tidak dimuat karena sudah ada data")
    assert again.stdout == ""

    forced = _run(tmp_path, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "data lama diganti" in forced.stdout
    assert _count(tmp_path, "kader") == kader
    assert _count(tmp_path, "penandatangan") == 4
