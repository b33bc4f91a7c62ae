"""Crash dialog: an unexpected error shows copyable details and where the log is; data is safe."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.masking import scrub_text
from resources import APP_NAME, VERSION

log = logging.getLogger("crash")


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = "".join(traceback.format_exception(exc_type, exc, tb))
    header = (
        f"{APP_NAME} {VERSION}\nPython {platform.python_version()} · PySide6 {pyside_version} · "
        f"{platform.platform()}\n\n"
    )
    return scrub_text(header + lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Terjadi kesalahan"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Maaf, terjadi kesalahan yang tidak terduga. Data yang sudah tersimpan aman: setiap "
                "perubahan disimpan utuh atau tidak sama sekali.\n\nSalin rincian di bawah ini dan "
                "kirimkan kepada pengembang."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if log_file is not None:
            where = QLabel(self.tr("Berkas log: {0}").format(log_file))
            where.setWordWrap(True)
            where.setObjectName("muted")
            layout.addWidget(where)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Salin rincian"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


def install_excepthook(log_file: Path | None) -> None:
    """Log every uncaught exception and show :class:`CrashDialog` instead of dying silently."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = crash_report(exc_type, exc, tb)
        log.critical("Kesalahan tak tertangani:\n%s", report)
        if QApplication.instance() is not None:
            CrashDialog(report, log_file, QApplication.activeWindow()).exec()

    sys.excepthook = hook
