"""The GUI start as a user gets it (``ui.app.run_gui``): the main window's frame is painted first,
and only then is the data folder opened — with the start-up backup still taken and verified before
anything reads the data — and a second window on the same folder is refused before anything shows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import backup
from db.lock import DataFolderLock
from db.paths import DataPaths
from db.services import penandatangan
from db.session import DataStore

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
# run_gui runs the application's event loop to its end, which leaves a QApplication unusable for
# later tests (no window can be activated any more): each start runs in its own process, with
# the same instruments a monkeypatch would add.
START = """
import argparse, json, sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
import ui.app, ui.startup
from db import backup
from db.paths import DataPaths
from ui import messages
paths = DataPaths(__import__("pathlib").Path(sys.argv[1]))
seen, shown = [], []
real_open = ui.startup.open_store_interactively

def open_and_look(*args, **kwargs):
    from ui.main_window import MainWindow
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    seen.append([bool(windows), [b.reason for b in backup.list_backups(paths)]])
    return real_open(*args, **kwargs)

ui.startup.open_store_interactively = open_and_look
messages.warn = lambda parent, title, text: shown.append(text)
import ui.startup_probe
at_ready, real_mark = [], ui.startup_probe._mark

def mark(name):
    if name == "READY":
        at_ready.extend(sorted(sys.modules))
        if "Qt" in vars(sys.modules["PySide6.QtCore"]):  # PySide creates the namespace on first use
            at_ready.append("PySide6.QtCore.Qt")
    real_mark(name)

ui.startup_probe._mark = mark
code = ui.app.run_gui(argparse.Namespace(data_dir=str(paths.root), debug=False))
result = {{"code": code, "seen": seen, "warnings": shown, "at_ready": at_ready}}
print("RESULT " + json.dumps(result), flush=True)
"""


def gui_start(paths: DataPaths) -> tuple[dict, str]:
    """run_gui(--data-dir) in a child process that quits once the first page holds its data."""
    env = dict(os.environ, POKJANAL_EXIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", START.format(root=str(ROOT)), str(paths.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line is not None, done.stdout + done.stderr
    return json.loads(line[len("RESULT ") :]), done.stdout


def _database_with_a_change_no_backup_has(paths: DataPaths) -> None:
    store = DataStore(paths)
    store.open()
    penandatangan.save_signatory(penandatangan.SignatoryData(nama="Hj. Siti Aminah", jabatan="Camat"))
    store.close()
    for info in backup.list_backups(paths):
        info.path.unlink()
    assert backup.needs_startup_backup(paths)


def test_frame_paints_before_the_store_opens_and_the_backup_is_still_made(paths: DataPaths) -> None:
    _database_with_a_change_no_backup_has(paths)
    result, out = gui_start(paths)

    assert result["code"] == 0
    assert out.index("SHOWN") < out.index("READY")
    ((window_visible, backups_before_open),) = result["seen"]
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


def test_a_second_window_is_refused_before_anything_shows(paths: DataPaths) -> None:
    holder = DataFolderLock(paths.lock_file)
    holder.acquire()
    try:
        result, out = gui_start(paths)
    finally:
        holder.release()
    assert result["code"] == 1 and result["seen"] == []
    assert len(result["warnings"]) == 1 and "sedang dipakai" in result["warnings"][0]
    assert "SHOWN" not in out
    assert not paths.database.exists(), "nothing was opened"


# Loaded only after Beranda holds its figures (start-up figure of issue #2): the peewee models,
# the kegiatan and rencana aksi matrix services, the wilayah index, the sidebar's SVG icons, and
# nothing that only printing or importing needs; nor the Qt namespace (~25 ms to create).
NOT_BEFORE_THE_FIGURES = (
    "PySide6.QtCore.Qt",
    "db.models",
    "db.services.kegiatan",
    "db.services.rencana_aksi",
    "db.wilayah",
    "PySide6.QtSvg",
    "reportlab",
    "openpyxl",
    "babel",
    "phonenumbers",
    "stdnum",
    "cryptography",
)


def test_the_first_page_fills_without_loading_what_it_does_not_need(paths: DataPaths) -> None:
    _database_with_a_change_no_backup_has(paths)
    result, _out = gui_start(paths)
    assert result["code"] == 0
    loaded = set(result["at_ready"])
    assert {"ui.pages.beranda", "db.services.dashboard", "db.services.rencana_aksi_ringkasan"} <= loaded
    early = [
        name for name in NOT_BEFORE_THE_FIGURES if any(m == name or m.startswith(name + ".") for m in loaded)
    ]
    assert early == []
