"""Override the certificate rule for one person: layak or tidak layak, with a required note.

The note goes into the audit trail with the change (the service refuses an empty one too); the
dialog shows what the rule alone says so the operator sees what is being overridden.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.sertifikat import EligibilityRow, set_pengecualian
from ui import messages
from widgets.form import error_label, set_error, small_label


class OverrideDialog(QDialog):
    """Accepted only after :func:`set_pengecualian` stored the override."""

    def __init__(self, row: EligibilityRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Ubah kelayakan sertifikat"))
        who = ", ".join(p for p in (row.peran, row.asal) if p)
        title = QLabel(f"<b>{escape(row.nama)}</b> — {escape(who)}")
        title.setWordWrap(True)
        rule = self.tr("Menurut aturan: {0} ({1}).").format(
            self.tr("layak") if row.layak_aturan else self.tr("tidak layak"), row.alasan
        )
        self.layak_radio = QRadioButton(self.tr("&Layak menerima sertifikat"))
        self.tidak_radio = QRadioButton(self.tr("&Tidak layak"))
        group = QButtonGroup(self)
        group.addButton(self.layak_radio)
        group.addButton(self.tidak_radio)
        (self.layak_radio if not row.layak else self.tidak_radio).setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.layak_radio)
        choice.addWidget(self.tidak_radio)
        choice.addStretch(1)
        self.note_edit = QPlainTextEdit(row.catatan)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(72)
        self.note_edit.setPlaceholderText(self.tr("Alasan (wajib), mis. sakit hari ke-2, surat dokter ada"))
        note_caption = QLabel(self.tr("&Catatan alasan:"))
        note_caption.setBuddy(self.note_edit)
        self.note_error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(small_label(rule, object_name="muted"))
        layout.addLayout(choice)
        layout.addWidget(note_caption)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.note_error)
        layout.addWidget(self.buttons)
        self.note_edit.setFocus()
        self.resize(520, 300)

    @Slot()
    def save(self) -> None:
        try:
            set_pengecualian(self.row.peserta_id, self.layak_radio.isChecked(), self.note_edit.toPlainText())
        except ValidationError as exc:
            set_error(self.note_error, messages.error_text(exc))
            self.note_edit.setFocus()
            return
        except DomainError as exc:
            messages.error(self, self.windowTitle(), messages.error_text(exc))
            return
        self.accept()


def open_override(row: EligibilityRow, parent: QWidget | None = None) -> bool:
    """True when an override was stored."""
    dialog = OverrideDialog(row, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
