"""The frozen build works: PyInstaller builds build.spec, and both executables pass --selftest.

Slow (about a minute) and it writes build/ and dist/, so it runs only with RUN_BUILD_TEST=1:
    RUN_BUILD_TEST=1 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/test_build.py -q
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "PokjanalDesk"
SUFFIX = ".exe" if os.name == "nt" else ""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("RUN_BUILD_TEST") != "1", reason="set RUN_BUILD_TEST=1 to build"),
]


@pytest.fixture(scope="module")
def built() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=900,
    )
    return DIST


@pytest.mark.parametrize("exe", ["pokjanal-cli", "PokjanalDesk"])
def test_frozen_selftest_passes(built: Path, exe: str, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [str(built / f"{exe}{SUFFIX}"), "--selftest"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    if exe == "pokjanal-cli" or os.name != "nt":  # a windowed Windows exe has no stdout
        assert "OK" in done.stdout.splitlines()[0]


def test_bundle_has_resources_and_no_unused_qt(built: Path) -> None:
    internal = built / "_internal"
    resources = internal / "resources"
    for relative in (
        "style.qss",
        "i18n/qtbase_id.qm",
        "icons/home.svg",
        "icons/qss/chevron-down.svg",
        "icons/LICENSE",
        "wilayah.tsv.gz",
        "wilayah.NOTICE.md",
        "fonts/LiberationSans-Regular.ttf",
    ):
        assert (resources / relative).is_file(), relative
    assert not (resources / "i18n" / "qtbase_id.ts").exists()
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    assert not list(internal.rglob("QtQml*")), "QtQml is not used"
    size_mb = sum(p.lstat().st_size for p in built.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    assert size_mb < 220, f"dist/ grew to {size_mb:.0f} MB"


def test_cli_subcommand_runs_frozen(built: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(built / f"pokjanal-cli{SUFFIX}"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "Pokjanal Desk" in done.stdout
