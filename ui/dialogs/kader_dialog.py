"""Add or edit one kader: every registry field, a live NIK check, and the training history.

The only screen that shows the full NIK. While the NIK is typed the dialog shows what it encodes
(birth date, gender) and whether it disagrees with what was entered; the service stays the judge:
errors come back beside their fields (the dialog stays open, nothing typed is lost), warnings
(NIK vs. birth date, an odd age, a namesake) are listed and the user may save anyway.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from db.errors import DomainError, ValidationError
from db.identity import format_phone, nik_mismatches, normalise_phone, parse_date, parse_nik
from db.services.kader import KaderForm, NeedsConfirmation, find_kader_by_nik, get_kader, save_kader
from db.services.posyandu import list_posyandu
from db.services.profile import get_profile
from ui import messages
from ui.dialogs.kader_form import KaderFormWidget, date_text
from ui.dialogs.kader_pelatihan_tab import PelatihanTab
from ui.models.registry_choices import kelurahan_choices
from widgets.form import set_error
from widgets.nik_edit import NIK_LENGTH

WARNING_STYLE = "color: #8d6e00;"


class KaderDialog(QDialog):
    """``saved_id`` holds the kader's id after a save; ``saved`` fires after every save."""

    saved = Signal(int)

    def __init__(
        self, kader_id: int | None = None, parent: QWidget | None = None, *, preset: KaderForm | None = None
    ) -> None:
        super().__init__(parent)
        self.saved_id: int | None = None
        detail = get_kader(kader_id) if kader_id is not None else None
        self._original = detail.form if detail is not None else (preset or KaderForm())
        self.setWindowTitle(self.tr("Ubah data kader") if detail else self.tr("Tambah kader"))
        posyandu = list_posyandu()
        kecamatan = get_profile().kode_wilayah
        self.form = KaderFormWidget(posyandu, kelurahan_choices(posyandu, kecamatan), self)
        self.errors = self.form.errors
        self.pelatihan = PelatihanTab(kader_id, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Data kader"))
        self.tabs.addTab(self.pelatihan, self._training_title(self.pelatihan.count()))
        self.pelatihan.changed.connect(lambda n: self.tabs.setTabText(1, self._training_title(n)))
        self.training_changed = False
        self.pelatihan.changed.connect(lambda _n: setattr(self, "training_changed", True))
        self._build_buttons(kader_id is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.form.load(self._original)
        self._connect()
        self._check_nik()
        self.resize(980, 640)

    def _training_title(self, count: int) -> str:
        return self.tr("Riwayat pelatihan ({0})").format(count) if count else self.tr("Riwayat pelatihan")

    def _build_buttons(self, existing: bool) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(self.tr("Simpan"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.history_button = QPushButton(self.tr("Riwayat perubahan…"))
        self.history_button.setEnabled(existing)
        self.history_button.setToolTip(self.tr("Siapa mengubah apa pada data kader ini"))
        self.buttons.addButton(self.history_button, QDialogButtonBox.ButtonRole.HelpRole)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.history_button.clicked.connect(self.show_history)
        f = self.form
        f.nik_edit.nikChanged.connect(self._check_nik)
        f.nik_edit.editingFinished.connect(self._show_incomplete_nik)
        f.tanggal_lahir_edit.textChanged.connect(self._check_nik)
        f.jk_combo.currentIndexChanged.connect(self._check_nik)
        f.hp_edit.editingFinished.connect(self._tidy_phone)
        f.nama_edit.textChanged.connect(lambda _t: self._update_ok())
        self._update_ok()

    # ------------------------------------------------------------------ live checks
    @Slot()
    def _check_nik(self) -> None:
        """Show what the NIK encodes and where it disagrees with the entered birth date/gender."""
        f = self.form
        nik = f.nik_edit.nik()
        f.nik_info.setStyleSheet("")
        if len(nik) != NIK_LENGTH:
            self.errors.clear("nik")
            f.nik_info.setText(self.tr("{0} dari 16 angka").format(len(nik)) if nik else "")
            return
        try:
            info = parse_nik(nik)
        except ValidationError as exc:
            set_error(self.errors.label("nik"), _err(exc.problems.get("nik", exc.message)))
            f.nik_info.setText("")
            return
        other = find_kader_by_nik(nik)
        if other is not None and other != self._original.id:
            set_error(self.errors.label("nik"), self.tr("NIK ini sudah terdaftar untuk kader lain."))
        else:
            self.errors.clear("nik")
        gender = self.tr("perempuan") if info.jenis_kelamin == "P" else self.tr("laki-laki")
        text = self.tr("Tersirat di NIK: lahir {0}, {1}.").format(date_text(info.tanggal_lahir), gender)
        entered = _safe_date(f.tanggal_lahir_edit.text())
        warnings = nik_mismatches(info, entered, f.jk_combo.currentData() or "")
        if warnings:
            f.nik_info.setStyleSheet(WARNING_STYLE)
            text += " " + " ".join(_err(w) for w in warnings)
        f.nik_info.setText(text)

    @Slot()
    def _show_incomplete_nik(self) -> None:
        count = self.form.nik_edit.digit_count()
        if 0 < count < NIK_LENGTH:
            set_error(
                self.errors.label("nik"), self.tr("NIK harus 16 angka (tertulis {0} angka).").format(count)
            )

    @Slot()
    def _tidy_phone(self) -> None:
        """Show a phone the way it is stored and printed: 0812-3456-7890."""
        edit = self.form.hp_edit
        try:
            normal = normalise_phone(edit.text())
        except ValidationError as exc:
            set_error(self.errors.label("hp"), _err(exc.problems.get("hp", exc.message)))
            return
        self.errors.clear("hp")
        if normal:
            edit.setText(format_phone(normal))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.form.nama_edit.text().strip()))

    # ------------------------------------------------------------------ saving
    def value(self) -> KaderForm:
        return self.form.value(
            self._original if self.saved_id is None else replace(self._original, id=self.saved_id)
        )

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        form = self.value()
        try:
            try:
                kader_id = save_kader(form)
            except NeedsConfirmation as warning:
                question = self.tr("Periksa lagi:\n\n{0}\n\nSimpan juga?").format(
                    "\n".join(f"• {_err(w)}" for w in warning.warnings)
                )
                if not messages.confirm(self, self.tr("Data kader"), question):
                    return
                kader_id = save_kader(form, accept_warnings=True)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        except DomainError as exc:
            messages.error(self, self.tr("Data kader"), messages.error_text(exc))
            return
        self.saved_id = kader_id
        self.saved.emit(kader_id)
        super().accept()

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.tabs.setCurrentWidget(self.form)
        unplaced = self.errors.show(problems)
        if unplaced:
            messages.warn(self, self.tr("Data kader"), "\n".join(unplaced.values()))

    @Slot()
    def show_history(self) -> None:
        if self._original.id is None:
            return
        from ui.dialogs.riwayat_dialog import RiwayatDialog

        RiwayatDialog.show_for(self, "kader", self._original.id, self._original.nama)


def _err(message: str) -> str:
    """A service message (Indonesian already) through the "errors" catalogue, like FieldErrors does."""
    return QCoreApplication.translate("errors", message)


def _safe_date(text: str) -> date | None:
    try:
        return parse_date(text)
    except ValidationError:
        return None


def open_kader_dialog(parent: QWidget | None, kader_id: int | None = None) -> int | None:
    """Run the dialog modally; the kader's id when anything was stored (the form, or a training
    row added or removed before cancelling), else ``None``."""
    dialog = KaderDialog(kader_id, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.saved_id
        return kader_id if dialog.training_changed else None
    finally:
        dialog.deleteLater()
