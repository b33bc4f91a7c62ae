"""Test harness: offscreen Qt, a fresh data folder and database per test, no blocking dialogs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from db.paths import DataPaths  # noqa: E402
from db.session import DataStore  # noqa: E402


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data").ensure()


@pytest.fixture
def store(paths: DataPaths):
    """An open, migrated, empty database in a temporary data folder."""
    data_store = DataStore(paths)
    data_store.open()
    yield data_store
    data_store.close()


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record message boxes instead of blocking; ``confirm`` answers yes."""
    shown: list[tuple[str, str]] = []
    from ui import messages

    for name in ("info", "warn", "error"):
        monkeypatch.setattr(messages, name, lambda parent, title, text, _n=name: shown.append((_n, text)))
    monkeypatch.setattr(
        messages, "confirm", lambda parent, title, text: shown.append(("confirm", text)) or True
    )
    return shown
