"""Edit the undangan of a kegiatan, prefilled with the service's Indonesian defaults.

Left column: the letter's number (nomor urut from the agenda book, pattern, kode unit, with a live
preview), date, sifat, lampiran, hal, acara and signatory. Right column: the recipients (one per
line), the opening and closing paragraphs and the tembusan. Hari/tanggal, pukul and tempat are
not asked: the letter takes them from the kegiatan when it is printed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.penandatangan import list_signatories
from db.services.undangan import SIFAT, UndanganForm, compose_nomor, get_undangan, save_undangan
from ui import messages
from widgets.form import FieldErrors, save_cancel_buttons


def _text_box(lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * (lines + 1) + 12)
    return box


class UndanganDialog(QDialog):
    """``saved_id`` after a save."""

    def __init__(self, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved_id: int | None = None
        self._original = get_undangan(kegiatan_id)
        self.setWindowTitle(self.tr("Undangan kegiatan"))
        self.errors = FieldErrors()
        self._build()
        self._load(self._original)
        self._preview()
        self.resize(1000, 0)

    def _build(self) -> None:
        self.urut_spin = QSpinBox()
        self.urut_spin.setRange(0, 99999)
        self.urut_spin.setSpecialValueText(self.tr("(diisi tangan)"))
        self.pola_edit, self.unit_edit = QLineEdit(), QLineEdit()
        self.nomor_label = QLabel()
        self.nomor_label.setObjectName("muted")
        self.tanggal_edit = QDateEdit()
        self.tanggal_edit.setCalendarPopup(True)
        self.tanggal_edit.setDisplayFormat("dd-MM-yyyy")
        self.sifat_combo = QComboBox()
        self.sifat_combo.addItems(SIFAT)
        self.lampiran_edit, self.hal_edit, self.acara_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.penandatangan_combo = QComboBox()
        self.penandatangan_combo.addItem("–", None)
        for signer in list_signatories(active_only=True):
            self.penandatangan_combo.addItem(f"{signer.nama} — {signer.jabatan}", signer.id)
        self.kepada_edit, self.tembusan_edit = _text_box(4), _text_box(3)
        self.pembuka_edit, self.penutup_edit = _text_box(4), _text_box(4)
        e = self.errors
        left, right = QFormLayout(), QFormLayout()
        e.add_row(left, self.tr("Nomor &urut"), self.urut_spin, "nomor_urut",
                  self.tr("Dari buku agenda surat; kosongkan untuk diisi tangan."))  # fmt: skip
        e.add_row(left, self.tr("&Pola nomor"), self.pola_edit, "nomor_pola",
                  self.tr("Kosongkan untuk mengetik nomor utuh."))  # fmt: skip
        self.pola_edit.setToolTip(
            self.tr("Bagian yang boleh dipakai: {urut} {kode} {unit} {bulan_romawi} {bulan} {tahun}")
        )
        e.add_row(left, self.tr("Kode &unit"), self.unit_edit, "kode_unit")
        left.addRow(self.tr("Nomor"), self.nomor_label)
        self.nomor_edit = QLineEdit()
        e.add_row(left, self.tr("Nomor diketik"), self.nomor_edit, "nomor")
        e.add_row(left, self.tr("&Tanggal surat"), self.tanggal_edit, "tanggal")
        e.add_row(left, self.tr("&Sifat"), self.sifat_combo, "sifat")
        e.add_row(left, self.tr("&Lampiran"), self.lampiran_edit, "lampiran")
        e.add_row(left, self.tr("&Hal"), self.hal_edit, "hal")
        e.add_row(left, self.tr("&Acara"), self.acara_edit, "acara")
        e.add_row(left, self.tr("Pena&ndatangan"), self.penandatangan_combo, "penandatangan_id")
        e.add_row(right, self.tr("&Yth."), self.kepada_edit, "kepada", self.tr("Satu penerima per baris."))
        e.add_row(right, self.tr("Pem&buka"), self.pembuka_edit, "pembuka")
        e.add_row(right, self.tr("Pen&utup"), self.penutup_edit, "penutup")
        e.add_row(right, self.tr("Te&mbusan"), self.tembusan_edit, "tembusan", self.tr("Satu per baris."))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        self.buttons, self.ok_button = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        for signal in (self.urut_spin.valueChanged, self.pola_edit.textChanged, self.unit_edit.textChanged,
                       self.tanggal_edit.dateChanged):  # fmt: skip
            signal.connect(self._preview)

    def _load(self, form: UndanganForm) -> None:
        self.urut_spin.setValue(form.nomor_urut or 0)
        self.pola_edit.setText(form.nomor_pola)
        self.unit_edit.setText(form.kode_unit)
        self.nomor_edit.setText(form.nomor if not form.nomor_pola else "")
        if form.tanggal is not None:
            self.tanggal_edit.setDate(QDate(form.tanggal.year, form.tanggal.month, form.tanggal.day))
        self.sifat_combo.setCurrentIndex(max(self.sifat_combo.findText(form.sifat), 0))
        self.lampiran_edit.setText(form.lampiran)
        self.hal_edit.setText(form.hal)
        self.acara_edit.setText(form.acara)
        self.penandatangan_combo.setCurrentIndex(
            max(self.penandatangan_combo.findData(form.penandatangan_id), 0)
        )
        self.kepada_edit.setPlainText(form.kepada)
        self.pembuka_edit.setPlainText(form.pembuka)
        self.penutup_edit.setPlainText(form.penutup)
        self.tembusan_edit.setPlainText(form.tembusan)

    @Slot()
    def _preview(self) -> None:
        """Show the number as it will print (or why the pattern is refused)."""
        pola = self.pola_edit.text().strip()
        self.nomor_edit.setEnabled(not pola)
        if not pola:
            self.nomor_label.setText(self.tr("(nomor diketik utuh di bawah)"))
            return
        try:
            text = compose_nomor(pola, self.urut_spin.value() or None, self.unit_edit.text().strip(),
                                 self.tanggal_edit.date().toPython())  # fmt: skip
        except DomainError as exc:
            text = messages.error_text(exc)
        self.nomor_label.setText(text.replace("\u00a0" * 10, "……"))

    def value(self) -> UndanganForm:
        return replace(
            self._original,
            nomor=self.nomor_edit.text(),
            nomor_urut=self.urut_spin.value() or None,
            nomor_pola=self.pola_edit.text(),
            kode_unit=self.unit_edit.text(),
            tanggal=self.tanggal_edit.date().toPython(),
            sifat=self.sifat_combo.currentText(),
            lampiran=self.lampiran_edit.text(),
            hal=self.hal_edit.text(),
            acara=self.acara_edit.text(),
            penandatangan_id=self.penandatangan_combo.currentData(),
            kepada=self.kepada_edit.toPlainText(),
            pembuka=self.pembuka_edit.toPlainText(),
            penutup=self.penutup_edit.toPlainText(),
            tembusan=self.tembusan_edit.toPlainText(),
        )

    def accept(self) -> None:
        try:
            self.saved_id = save_undangan(self.value())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.warn(self, self.tr("Undangan"), "\n".join(unplaced.values()))
            return
        except DomainError as exc:
            messages.error(self, self.tr("Undangan"), messages.error_text(exc))
            return
        super().accept()


def open_undangan_dialog(parent: QWidget | None, kegiatan_id: int) -> int | None:
    dialog = UndanganDialog(kegiatan_id, parent)
    try:
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
