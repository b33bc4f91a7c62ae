"""Helpers for the start-up benchmark: notice the first paint of a main window and quit.

Imported by the two probe scripts (``bare_window.py`` and ``gui_probe.py``) so both measure the
same moment the same way: the first ``Paint`` event a QMainWindow receives — the window is on
screen and drawn. The probe prints ``SHOWN <epoch seconds>`` on stdout and asks the event loop to
quit; a repeating timer keeps asking in case a nested loop (a modal dialog) was running.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

MARKER = "SHOWN"


class QuitOnFirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(app.quit)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._done and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self._done = True
            sys.stdout.write(f"{MARKER} {time.time():.6f}\n")
            sys.stdout.flush()
            self._timer.start()
        return False


def install(app: QApplication) -> QuitOnFirstPaint:
    watcher = QuitOnFirstPaint(app)
    app.installEventFilter(watcher)
    return watcher
