"""The GUI start as a user gets it (``ui.app.run_gui``): the main window's frame is painted first,
and only then is the data folder opened — with the start-up backup still taken and verified before
anything reads the data — and a second window on the same folder is refused before anything shows.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication

from db import backup
from db.lock import DataFolderLock
from db.paths import DataPaths
from db.services import penandatangan
from db.session import DataStore

pytestmark = pytest.mark.gui


@pytest.fixture
def gui_start(qapp, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN201
    """run_gui(--data-dir) that quits once the first page holds its data; restores the logging
    and excepthook it installs."""
    import ui.app

    monkeypatch.setenv("POKJANAL_EXIT_AFTER_SHOW", "1")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    level = root.level

    def start(paths: DataPaths) -> int:
        return ui.app.run_gui(argparse.Namespace(data_dir=str(paths.root), debug=False))

    yield start
    for handler in list(root.handlers):
        if getattr(handler, "_pokjanal", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _database_with_a_change_no_backup_has(paths: DataPaths) -> None:
    store = DataStore(paths)
    store.open()
    penandatangan.save_signatory(penandatangan.SignatoryData(nama="Hj. Siti Aminah", jabatan="Camat"))
    store.close()
    for info in backup.list_backups(paths):
        info.path.unlink()
    assert backup.needs_startup_backup(paths)


def test_frame_paints_before_the_store_opens_and_the_backup_is_still_made(
    gui_start, paths: DataPaths, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture
) -> None:
    import ui.startup

    _database_with_a_change_no_backup_has(paths)
    seen: list[tuple[bool, list[str]]] = []
    real_open = ui.startup.open_store_interactively

    def open_and_look(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        from ui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.append((bool(windows), [b.reason for b in backup.list_backups(paths)]))
        return real_open(*args, **kwargs)

    monkeypatch.setattr(ui.startup, "open_store_interactively", open_and_look)
    assert gui_start(paths) == 0

    out = capfd.readouterr().out
    assert out.index("SHOWN") < out.index("READY")
    ((window_visible, backups_before_open),) = seen
    assert window_visible, "the main window is on screen before the data folder is opened"
    assert backups_before_open == []
    made = backup.list_backups(paths)
    assert [b.reason for b in made] == ["mulai"]
    backup.verify_backup_file(made[0].path)  # integrity_check passes
    with sqlite3.connect(made[0].path) as copy:
        assert copy.execute("SELECT nama FROM penandatangan").fetchall() == [("Hj. Siti Aminah",)]
    again = DataStore(paths)  # the store was closed and the folder lock released
    again.open()
    again.close()


def test_a_second_window_is_refused_before_anything_shows(
    gui_start, paths: DataPaths, no_dialogs: list[tuple[str, str]]
) -> None:
    holder = DataFolderLock(paths.lock_file)
    holder.acquire()
    try:
        assert gui_start(paths) == 1
    finally:
        holder.release()
    assert [kind for kind, _ in no_dialogs] == ["warn"]
    assert "sedang dipakai" in no_dialogs[0][1]
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not paths.database.exists(), "nothing was opened"
