"""Ask why a final notulen is reopened; the reason goes into the audit trail with the change."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

MIN_REASON = 5  # the service refuses shorter reasons too


class BukaKembaliDialog(QDialog):
    def __init__(self, versi: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buka kembali notulen"))
        text = self.tr(
            "Notulen versi {0} sudah final. Membukanya kembali menjadikannya draf lagi; "
            "setelah diperbaiki, finalkan ulang (versi berikutnya). Alasan dicatat di riwayat."
        ).format(versi)
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Alasan, mis. salah tulis nama penanggung jawab"))
        self.reason_edit.setFixedHeight(80)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Buka kembali"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._check)
        self._check()
        self.resize(440, 220)

    @Slot()
    def _check(self) -> None:
        ok = len(self.reason().strip()) >= MIN_REASON
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def reason(self) -> str:
        return self.reason_edit.toPlainText()

    @classmethod
    def ask(cls, versi: int, parent: QWidget | None = None) -> str | None:
        dialog = cls(versi, parent)
        try:
            return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
