"""The passphrase of the office's certificate-signing key: set it, change it, or enter it to unlock.

R21: the private key is encrypted with a passphrase; it is typed once per session to issue
certificates. Setting or changing asks for the new passphrase twice and shows how strong it
looks; the dialog calls :mod:`db.services.sertifikat_keys` itself, so a wrong current passphrase
keeps the dialog open with the reason under the field and nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services import sertifikat_keys
from ui import messages
from widgets.form import FieldErrors

MODES = ("atur", "ganti", "buka")


def strength(passphrase: str) -> int:
    """0 (too short) … 3 (strong): length and the kinds of characters used. A hint, not a rule."""
    if len(passphrase) < sertifikat_keys.MIN_PASSPHRASE:
        return 0
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    score = 1 + (kinds >= 3) + (len(passphrase) >= 14)
    return min(3, score + (len(passphrase) >= 20))


class SandiDialog(QDialog):
    """``mode``: ``atur`` (no passphrase yet), ``ganti`` (change; needs the current one) or ``buka``
    (unlock for this session). :attr:`done_ok` is True after the service accepted."""

    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode
        self.done_ok = False
        self.errors = FieldErrors()
        titles = {
            "atur": self.tr("Atur kata sandi kunci sertifikat"),
            "ganti": self.tr("Ganti kata sandi kunci sertifikat"),
            "buka": self.tr("Buka kunci sertifikat"),
        }
        self.setWindowTitle(titles[mode])
        self.setMinimumWidth(480)
        self.old_edit = self._secret()
        self.new_edit = self._secret()
        self.again_edit = self._secret()
        self.strength_label = QLabel()
        self.strength_label.setObjectName("muted")
        self._build()
        self._update()

    def _secret(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textChanged.connect(self._update)
        return edit

    def _build(self) -> None:
        intro = QLabel(self._intro())
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        add = self.errors.add_row
        if self.mode == "buka":
            add(form, self.tr("Kata sandi"), self.old_edit, "sandi")
        else:
            if self.mode == "ganti":
                add(form, self.tr("Kata sandi sekarang"), self.old_edit, "sandi")
            add(form, self.tr("Kata sandi baru"), self.new_edit, "sandi_baru")
            form.addRow(QLabel(), self.strength_label)
            add(form, self.tr("Ulangi kata sandi baru"), self.again_edit, "ulangi")
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self.ok_button = self.buttons.button(standard.Ok)
        self.ok_button.setText(self.tr("Buka kunci") if self.mode == "buka" else self.tr("Simpan"))
        self.ok_button.setDefault(True)
        self.buttons.button(standard.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _intro(self) -> str:
        if self.mode == "buka":
            return self.tr(
                "Kunci tanda tangan sertifikat dilindungi kata sandi. Masukkan kata sandinya agar "
                "sertifikat dapat diterbitkan; kunci tetap terbuka sampai aplikasi ditutup."
            )
        return self.tr(
            "Kata sandi melindungi kunci privat kantor, yang ikut tersimpan di setiap cadangan. "
            "Paling sedikit {0} karakter. Catat dan simpan di tempat aman: tanpa kata sandi ini "
            "sertifikat baru tidak dapat diterbitkan."
        ).format(sertifikat_keys.MIN_PASSPHRASE)

    @Slot()
    def _update(self) -> None:
        for name in ("sandi", "sandi_baru", "ulangi"):
            self.errors.clear(name)
        if self.mode == "buka":
            self.ok_button.setEnabled(bool(self.old_edit.text()))
            return
        new, again = self.new_edit.text(), self.again_edit.text()
        labels = (
            self.tr("Terlalu pendek (paling sedikit {0} karakter)").format(sertifikat_keys.MIN_PASSPHRASE),
            self.tr("Kekuatan: lemah — tambah panjang, angka atau tanda baca"),
            self.tr("Kekuatan: cukup"),
            self.tr("Kekuatan: kuat"),
        )
        self.strength_label.setText(labels[strength(new)] if new else "")
        if again and again != new[: len(again)]:
            self.errors.set("ulangi", self.tr("Kedua kata sandi baru tidak sama."))
        ready = strength(new) > 0 and new == again and (self.mode == "atur" or bool(self.old_edit.text()))
        self.ok_button.setEnabled(ready)

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            if self.mode == "buka":
                sertifikat_keys.unlock(self.old_edit.text())
            else:
                sertifikat_keys.set_passphrase(self.new_edit.text(), self.old_edit.text())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.warn(self, self.windowTitle(), "\n".join(unplaced.values()))
            self.old_edit.selectAll()
            self.old_edit.setFocus()
            self.ok_button.setDefault(True)  # a click took it; Enter after retyping must work again
            return
        except DomainError as exc:
            messages.error(self, self.windowTitle(), messages.error_text(exc))
            return
        self.done_ok = True
        super().accept()

    @classmethod
    def run(cls, mode: str, parent: QWidget | None) -> bool:
        """Show the dialog; True when the passphrase was set, changed or accepted."""
        dialog = cls(mode, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and dialog.done_ok
        finally:
            dialog.deleteLater()
