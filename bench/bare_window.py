"""Baseline for the start-up benchmark: a bare PySide6 QMainWindow process, nothing else.

It is timed by the same watcher as the app (``ui/startup_probe.py``: the window's first Paint
event); importing that small module costs nothing the bare window does not already load.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from ui.startup_probe import watch  # noqa: E402

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 760)
watch(window)
window.show()
sys.exit(app.exec())
