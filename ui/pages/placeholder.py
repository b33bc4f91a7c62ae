"""A page whose feature is not built yet says so plainly — no fake data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages import PageSpec


class PlaceholderPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        title = QLabel(QCoreApplication.translate("pages", spec.title))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        note = QLabel(self.tr("Fitur ini belum tersedia pada versi ini."))
        note.setObjectName("placeholderNote")
        layout.addWidget(note)
        description = QLabel(QCoreApplication.translate("pages", spec.description))
        description.setWordWrap(True)
        description.setObjectName("muted")
        layout.addWidget(description)
        layout.addStretch(1)
