"""Start-up timing hook for ``make bench``: report the main window's first paint, then quit.

Set ``POKJANAL_EXIT_AFTER_SHOW=1`` and the app (from source or frozen) prints
``SHOWN <epoch seconds>`` at the first Paint event of its main window, ``READY <epoch seconds>``
once the first page's data is filled in, and quits. The bare PySide6 baseline
(``bench/bare_window.py``) uses this same watcher, so both sides are timed the same way.

The filter sits on the window only, never on the QApplication: an application-wide Python event
filter is called for every event of every widget (about a thousand before the first paint) and
would add tens of milliseconds to the measured start that a user never pays.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

EXIT_ENV = "POKJANAL_EXIT_AFTER_SHOW"


class FirstPaintWatcher(QObject):
    """Prints the markers on stdout; quits once the window is painted and ready."""

    def __init__(self, window: QWidget, *, wait_for_ready: bool) -> None:
        super().__init__(window)
        self._painted = False
        self._ready = not wait_for_ready
        # Keeps asking the event loop to quit, in case a nested loop (a modal dialog) runs.
        self._quit = QTimer(self)
        self._quit.setInterval(20)
        self._quit.timeout.connect(QApplication.quit)
        app = QApplication.instance()
        if app is not None:  # once the loop has ended, stop asking (a test's QApplication lives on)
            app.aboutToQuit.connect(self._quit.stop)
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            _mark("SHOWN")
            if self._ready:
                _mark("READY")
                self._quit.start()
        return False

    def mark_ready(self) -> None:
        """The first page holds its data: quit now if the window has been painted."""
        self._ready = True
        if self._painted:
            _mark("READY")
            self._quit.start()


def _mark(name: str) -> None:
    sys.stdout.write(f"{name} {time.time():.6f}\n")
    sys.stdout.flush()


def watch(window: QWidget, *, wait_for_ready: bool = False) -> FirstPaintWatcher:
    return FirstPaintWatcher(window, wait_for_ready=wait_for_ready)
