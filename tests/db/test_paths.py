"""R22: where the data lives — per user, never beside the executable; overrides for tests/portable use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db import paths as paths_module
from db.paths import ENV_VAR, data_dir

ROOT = Path(__file__).resolve().parents[2]


def test_override_argument_wins_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert data_dir(tmp_path / "arg").root == (tmp_path / "arg").resolve()
    assert data_dir().root == (tmp_path / "env").resolve()


def test_default_is_the_platformdirs_user_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(ENV_VAR, raising=False)
    expected = Path(platformdirs.user_data_dir("PokjanalDesk", appauthor=False, roaming=False))
    assert data_dir().root == expected


def test_frozen_app_never_puts_data_under_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "Program Files" / "PokjanalDesk"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle / "_internal"), raising=False)
    monkeypatch.delenv(ENV_VAR, raising=False)
    root = data_dir().root
    assert bundle not in root.parents and root != bundle
    everything = paths_module.DataPaths(root)
    for folder in (everything.database, everything.backups, everything.logs, everything.outputs):
        assert bundle not in folder.parents


def test_non_ascii_folder_with_spaces_works(tmp_path: Path) -> None:
    folder = tmp_path / "Siti Nur'aini" / "Data Pokjanal"
    done = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(folder), "db", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (folder / "pokjanal.sqlite").exists()


def test_environment_variable_moves_the_cli(tmp_path: Path) -> None:
    import os

    env = dict(os.environ, **{ENV_VAR: str(tmp_path / "lewat-env")})
    done = subprocess.run(
        [sys.executable, "main.py", "db", "backup"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "lewat-env" / "cadangan").glob("pokjanal-*-manual.sqlite"))
