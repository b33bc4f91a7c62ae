"""Certificate steps shared by the Sertifikat tab and its print dialog: a small required-text
prompt (a revocation reason, the key passphrase) and issuing numbers, which may first need the
signing key's passphrase (R21) — asked here, once per session, and handed to
:func:`db.services.sertifikat_keys.unlock`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services import sertifikat_keys
from db.services.sertifikat_terbit import TerbitResult, terbitkan
from ui import messages


def tr(text: str) -> str:
    return QCoreApplication.translate("SertifikatActions", text)


class TextPrompt(QDialog):
    """Asks for one required text: a multi-line reason, or a hidden passphrase (``password``)."""

    def __init__(
        self, title: str, intro: str, ok_text: str, parent: QWidget | None = None, *, password: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(intro)
        label.setWordWrap(True)
        if password:
            self.editor: QLineEdit | QPlainTextEdit = QLineEdit()
            self.editor.setEchoMode(QLineEdit.EchoMode.Password)
            self.editor.textChanged.connect(self._check)
        else:
            self.editor = QPlainTextEdit()
            self.editor.setTabChangesFocus(True)
            self.editor.setFixedHeight(80)
            self.editor.textChanged.connect(self._check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self._check()
        self.resize(460, 200 if not password else 150)

    def text(self) -> str:
        editor = self.editor
        return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()

    @Slot()
    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text().strip()))

    @classmethod
    def ask(
        cls, title: str, intro: str, ok_text: str, parent: QWidget | None = None, **kw: bool
    ) -> str | None:
        dialog = cls(title, intro, ok_text, parent, **kw)
        try:
            return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def ask_passphrase(parent: QWidget | None) -> str | None:
    return TextPrompt.ask(
        tr("Kunci sertifikat terkunci"),
        tr("Nomor sertifikat ditandatangani dengan kunci kantor yang dilindungi kata sandi. "
           "Masukkan kata sandinya (hanya diminta sekali selama aplikasi terbuka)."),
        tr("Buka kunci"),
        parent,
        password=True,
    )  # fmt: skip


def unlock_if_needed(parent: QWidget | None) -> bool:
    """True when the signing key can sign (asking the passphrase until right or Batal)."""
    while sertifikat_keys.key_state() == "terkunci":
        passphrase = ask_passphrase(parent)
        if passphrase is None:
            return False
        try:
            sertifikat_keys.unlock(passphrase)
        except ValidationError as exc:
            messages.warn(parent, tr("Kunci sertifikat"), messages.error_text(exc))
    return True


def issue_numbers(parent: QWidget | None, kegiatan_id: int, today: date | None = None) -> TerbitResult | None:
    """Number every eligible person without a certificate; None when the user gave up or it failed."""
    if not unlock_if_needed(parent):
        return None
    try:
        return terbitkan(kegiatan_id, today or date.today())
    except DomainError as exc:  # KeyLocked included (locked again meanwhile)
        messages.error(parent, tr("Terbitkan nomor"), messages.error_text(exc))
        return None


def terbit_text(result: TerbitResult) -> str:
    """ "12 nomor baru diterbitkan (007/… sampai 018/…). 176 orang sudah bernomor. …" """
    if result.baru:
        first, last = result.baru[0].nomor, result.baru[-1].nomor
        span = first if first == last else tr("{0} sampai {1}").format(first, last)
        lines = [tr("{0} nomor baru diterbitkan: {1}.").format(len(result.baru), span)]
    else:
        lines = [tr("Tidak ada nomor baru: semua orang yang layak sudah bernomor.")]
    if result.sudah:
        lines.append(tr("{0} orang sudah bernomor sebelumnya.").format(result.sudah))
    if result.tidak_layak:
        lines.append(tr("{0} orang tidak layak menerima sertifikat.").format(result.tidak_layak))
    return "\n".join(lines)
