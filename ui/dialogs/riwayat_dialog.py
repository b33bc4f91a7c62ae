"""The change history of ONE record (a signatory, a posyandu, a kader), opened from its page.

UU PDP asks that a data subject can see what was done with their data; this shows exactly the
audit rows of that record, newest first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.pages.riwayat_view import RiwayatView, entity_label


class RiwayatDialog(QDialog):
    def __init__(self, entity: str, entity_id: int, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name = title or entity_label(entity)
        self.setWindowTitle(self.tr("Riwayat perubahan — {0}").format(name))
        self.resize(960, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        label = entity_label(entity)
        heading = QLabel(self.tr("{0}: {1}").format(label, title) if title else label)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.view = RiwayatView(entity, entity_id, self)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def show_for(cls, parent: QWidget | None, entity: str, entity_id: int, title: str = "") -> None:
        """Open modally for ``entity``/``entity_id`` (``title``: the record's name)."""
        dialog = cls(entity, entity_id, title, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
