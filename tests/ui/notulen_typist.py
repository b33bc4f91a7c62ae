"""Child process for tests/ui/test_notulen_crash.py: a secretary typing into the notulen tab.

Usage: ``python notulen_typist.py DATA_DIR``. Makes the rakor, opens the real Notulen tab offscreen,
types the pembukaan with QTest key events, waits past the autosave delay and prints
``SAVED <kegiatan id> <text>`` once the tab reports the text saved; then keeps typing one key every
50 ms (faster than the autosave delay, so nothing more is saved) until the parent kills it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from db.paths import DataPaths  # noqa: E402
from db.session import DataStore  # noqa: E402

FIRST = "Rapat dibuka pukul 08.05 oleh Camat.\n- laporan posyandu dibacakan"


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts).replace("\n", "\\n") + "\n")
    sys.stdout.flush()


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> None:
    from tests.ui.notulen_support import make_rakor
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.pages.kegiatan_notulen_tab import NotulenTab

    store = DataStore(DataPaths(Path(sys.argv[1])).ensure())
    store.open()
    kegiatan_id = make_rakor()
    create_application()
    tab = NotulenTab(AppContext(store=store, bus=AppBus()), kegiatan_id)
    tab.resize(1100, 700)
    tab.show()
    tab.refresh()
    editor = tab.pembukaan_edit
    editor.setFocus()
    QTest.keyClicks(editor, FIRST.split("\n")[0])
    QTest.keyClick(editor, "\r")
    QTest.keyClicks(editor, FIRST.split("\n")[1])
    pump(1.6)  # past the one-second autosave delay
    if tab.autosave.dirty or not tab.saved_label.text().startswith("Tersimpan"):
        say("NOT-SAVED")
        return
    say("SAVED", kegiatan_id, editor.toPlainText())
    n = 0
    while True:  # further typing, never pausing long enough for another autosave
        QTest.keyClicks(editor, " lanjut" if n % 2 else " ketik")
        pump(0.05)
        n += 1


if __name__ == "__main__":
    main()
