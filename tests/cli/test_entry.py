"""The entry point: a plain GUI start must not import the subcommands (start-up speed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli import names_a_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], False),
        (["--data-dir", "D"], False),
        (["--data-dir=D", "--debug"], False),
        (["--data-dir", "db"], False),  # a folder called "db" is not the db command
        (["--data-dir", "D", "db", "check"], True),
        (["demo"], True),
        (["--help"], True),
        (["-h"], True),
    ],
)
def test_names_a_command(argv: list[str], expected: bool) -> None:
    assert names_a_command(argv) is expected


def test_gui_start_parses_without_importing_command_modules() -> None:
    code = (
        "import sys; sys.path.insert(0, '.');"
        "import cli; p = cli.build_parser(with_commands=False); p.parse_args(['--data-dir', 'x']);"
        "print(sorted(m for m in sys.modules if m.startswith(('cli.', 'db.services'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_help_lists_every_command() -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    for command in ("db", "demo", "kader", "kegiatan"):
        assert command in done.stdout


def test_usage_texts_are_indonesian() -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "db", "bogus"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "penggunaan:" in done.stderr and "pilihan tidak sah" in done.stderr
    assert "usage:" not in done.stderr and "invalid choice" not in done.stderr
