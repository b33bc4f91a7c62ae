"""Baseline for the start-up benchmark: a bare PySide6 QMainWindow process, nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_paint import install  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

app = QApplication(sys.argv[:1])
install(app)
window = QMainWindow()
window.resize(1280, 760)
window.show()
sys.exit(app.exec())
