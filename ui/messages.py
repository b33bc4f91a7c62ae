"""One place for user messages: they are shown and also logged. Tests patch these functions."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from db.errors import DomainError

log = logging.getLogger("ui")


def tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def error_text(exc: BaseException) -> str:
    """Indonesian text for a service error (the service already wrote it in Indonesian)."""
    if isinstance(exc, DomainError):
        return QCoreApplication.translate("errors", exc.message)
    return tr("Terjadi kesalahan yang tidak terduga: {0}").format(exc)


def info(parent: QWidget | None, title: str, text: str) -> None:
    log.info("%s: %s", title, text)
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    log.warning("%s: %s", title, text)
    QMessageBox.warning(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    log.error("%s: %s", title, text)
    QMessageBox.critical(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes
