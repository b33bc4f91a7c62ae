"""Add or edit one posyandu. Saves through :func:`db.services.posyandu.save_posyandu` itself, so a
rejected entry keeps the dialog open with each reason under its field."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.posyandu import PosyanduForm, get_posyandu, list_posyandu, save_posyandu
from db.services.profile import get_profile
from db.services.registry_fields import STRATA
from ui import messages
from ui.dialogs.kader_form import date_text, date_value
from ui.models.registry_choices import kelurahan_choices, select_data
from widgets.form import FieldErrors

HARI_BUKA = (
    "Setiap tanggal 10",
    "Senin minggu ke-1",
    "Rabu minggu ke-2",
    "Kamis minggu ke-3",
    "Sabtu minggu ke-4",
)


class PosyanduDialog(QDialog):
    """``saved_id`` holds the posyandu's id after OK."""

    def __init__(self, posyandu_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = get_posyandu(posyandu_id) if posyandu_id is not None else PosyanduForm()
        self.saved_id: int | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(
            self.tr("Ubah posyandu") if posyandu_id is not None else self.tr("Tambah posyandu")
        )
        self._build_fields()
        self._build_layout(posyandu_id is not None)
        self._load(self._original)
        self.nama_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(bool(self._original.nama.strip()))
        self.resize(self.sizeHint().expandedTo(QSize(900, 400)))

    def _build_fields(self) -> None:
        tr = self.tr
        self.nama_edit = QLineEdit()
        self.nama_edit.setPlaceholderText(tr("mis. Posyandu Melati 2"))
        self.kelurahan_combo = QComboBox()
        self.kelurahan_combo.addItem(tr("– pilih kelurahan/desa –"), "")
        for kode, nama in kelurahan_choices(list_posyandu(), get_profile().kode_wilayah):
            self.kelurahan_combo.addItem(nama, kode)
        self.alamat_edit = QLineEdit()
        self.rt_edit = QLineEdit()
        self.rt_edit.setPlaceholderText(tr("RT"))
        self.rw_edit = QLineEdit()
        self.rw_edit.setPlaceholderText(tr("RW"))
        for edit in (self.rt_edit, self.rw_edit):
            edit.setMaximumWidth(64)
        self.puskesmas_edit = QLineEdit()
        self.puskesmas_edit.setPlaceholderText(tr("mis. Puskesmas Yosomulyo"))
        self.nomor_edit = QLineEdit()
        self.nomor_edit.setPlaceholderText(tr("PP.KK.KC.DDDD.NNN, mis. 18.72.04.1001.003"))
        self.strata_combo = QComboBox()
        self.strata_combo.addItem(tr("– belum dinilai –"), "")
        for strata in STRATA:
            self.strata_combo.addItem(strata, strata)
        self.tahun_edit = QLineEdit()
        self.tahun_edit.setPlaceholderText(tr("tahun"))
        self.tahun_edit.setFixedWidth(70)
        self.ilp_check = QCheckBox(tr("Sudah ILP (Integrasi Layanan Primer)"))
        self.hari_combo = QComboBox()
        self.hari_combo.setEditable(True)
        self.hari_combo.addItems(["", *HARI_BUKA])
        self.sk_nomor_edit = QLineEdit()
        self.sk_tanggal_edit = QLineEdit()
        self.sk_tanggal_edit.setPlaceholderText(tr("hh-bb-tttt"))
        self.sk_tanggal_edit.setMaximumWidth(140)
        self.ketua_edit = QLineEdit()
        self.aktif_check = QCheckBox(tr("Posyandu aktif"))
        self.catatan_edit = QPlainTextEdit()
        self.catatan_edit.setFixedHeight(60)

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        box.setFocusProxy(widgets[0])
        return box

    def _build_layout(self, existing: bool) -> None:
        tr, add = self.tr, self.errors.add_row
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setVerticalSpacing(8)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add(left, tr("Nama posyandu"), self.nama_edit, "nama")
        add(left, tr("Kelurahan/desa"), self.kelurahan_combo, "kode_wilayah")
        add(left, tr("Alamat"), self.alamat_edit, "alamat")
        add(left, tr("RT/RW"), self._row(self.rt_edit, QLabel("/"), self.rw_edit), "rt")
        self.errors.register("rw", self.rw_edit, self.errors.label("rt"))
        add(left, tr("Puskesmas"), self.puskesmas_edit, "puskesmas")
        add(left, tr("Nomor registrasi"), self.nomor_edit, "nomor_registrasi")
        add(left, tr("Ketua"), self.ketua_edit, "ketua")
        add(right, tr("Strata"), self._row(self.strata_combo, QLabel(tr("tahun")), self.tahun_edit), "strata")
        self.errors.register("tahun_strata", self.tahun_edit, self.errors.label("strata"))
        right.addRow("", self.ilp_check)
        add(right, tr("Hari buka"), self.hari_combo, "hari_buka")
        add(right, tr("Nomor SK pembentukan"), self.sk_nomor_edit, "sk_nomor")
        add(right, tr("Tanggal SK"), self.sk_tanggal_edit, "sk_tanggal")
        add(right, tr("Catatan"), self.catatan_edit, "catatan")
        right.addRow("", self.aktif_check)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        for form in (left, right):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(tr("Simpan"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.history_button = QPushButton(tr("Riwayat perubahan…"))
        self.history_button.setEnabled(existing)
        self.buttons.addButton(self.history_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.history_button.clicked.connect(self.show_history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

    def _load(self, form: PosyanduForm) -> None:
        self.nama_edit.setText(form.nama)
        select_data(self.kelurahan_combo, form.kode_wilayah)
        self.alamat_edit.setText(form.alamat)
        self.rt_edit.setText(form.rt)
        self.rw_edit.setText(form.rw)
        self.puskesmas_edit.setText(form.puskesmas)
        self.nomor_edit.setText(form.nomor_registrasi)
        select_data(self.strata_combo, form.strata)
        self.tahun_edit.setText(str(form.tahun_strata) if form.tahun_strata else "")
        self.ilp_check.setChecked(form.status_ilp)
        self.hari_combo.setCurrentText(form.hari_buka)
        self.sk_nomor_edit.setText(form.sk_nomor)
        self.sk_tanggal_edit.setText(date_text(form.sk_tanggal))
        self.ketua_edit.setText(form.ketua)
        self.aktif_check.setChecked(form.aktif)
        self.catatan_edit.setPlainText(form.catatan)

    def value(self) -> PosyanduForm:
        base = self._original if self.saved_id is None else replace(self._original, id=self.saved_id)
        return replace(
            base,
            nama=self.nama_edit.text(),
            kode_wilayah=self.kelurahan_combo.currentData() or "",
            alamat=self.alamat_edit.text(),
            rt=self.rt_edit.text(),
            rw=self.rw_edit.text(),
            puskesmas=self.puskesmas_edit.text(),
            nomor_registrasi=self.nomor_edit.text(),
            strata=self.strata_combo.currentData() or "",
            tahun_strata=self.tahun_edit.text().strip() or None,
            status_ilp=self.ilp_check.isChecked(),
            hari_buka=self.hari_combo.currentText(),
            sk_nomor=self.sk_nomor_edit.text(),
            sk_tanggal=date_value(self.sk_tanggal_edit.text()),
            ketua=self.ketua_edit.text(),
            aktif=self.aktif_check.isChecked(),
            catatan=self.catatan_edit.toPlainText(),
        )  # type: ignore[arg-type] - year and date are checked by the service

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            self.saved_id = save_posyandu(self.value())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.warn(self, self.tr("Posyandu"), "\n".join(unplaced.values()))
            return
        except DomainError as exc:
            messages.error(self, self.tr("Posyandu"), messages.error_text(exc))
            return
        super().accept()

    @Slot()
    def show_history(self) -> None:
        if self._original.id is not None:
            from ui.dialogs.riwayat_dialog import RiwayatDialog

            RiwayatDialog.show_for(self, "posyandu", self._original.id, self._original.nama)


def open_posyandu_dialog(parent: QWidget | None, posyandu_id: int | None = None) -> int | None:
    """Run the dialog modally; the saved posyandu's id, or ``None`` when cancelled."""
    dialog = PosyanduDialog(posyandu_id, parent)
    try:
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
