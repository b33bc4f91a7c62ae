"""Add or edit one participant entered by hand (officials, puskesmas staff, narasumber), or edit
one copied from the kader registry (the link stays).

Asal is a kecamatan or kelurahan of the office's kota (the usual case: 2 per kecamatan, 10 per
kelurahan) or, for the choice "Instansi/OPD lain", a free office name. NIK and NIP are optional;
the service validates them and errors show beside their fields.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db import wilayah
from db.errors import DomainError, ValidationError
from db.services.peserta import PERAN, PesertaForm, get_peserta, save_peserta
from db.services.profile import get_profile
from ui import messages
from widgets.form import FieldErrors, save_cancel_buttons
from widgets.nik_edit import NikEdit
from widgets.nip_edit import NipEdit

OPD = "__opd__"


def asal_choices() -> list[tuple[str, str]]:
    """(label, kode) for every kecamatan of the office's kota, each followed by its kelurahan."""
    kecamatan = get_profile().kode_wilayah
    if not kecamatan:
        return []
    out: list[tuple[str, str]] = []
    for region in wilayah.children(kecamatan[:5]):
        out.append((region.label, region.kode))
        out.extend((f"    {desa.label}", desa.kode) for desa in wilayah.children(region.kode))
    return out


def fill_asal(combo: QComboBox, kode: str = "", *, with_opd: bool = True) -> None:
    """Fill an asal box; a stored code outside the office's kota is kept as an extra choice."""
    combo.clear()
    combo.addItem("–", "")
    for label, value in asal_choices():
        combo.addItem(label, value)
    if kode and combo.findData(kode) < 0:
        region = wilayah.get(kode)
        combo.addItem(region.label if region else kode, kode)
    if with_opd:
        combo.addItem(QCoreApplication.translate("PesertaDialog", "Instansi/OPD lain…"), OPD)


class PesertaDialog(QDialog):
    """``saved_id`` after a save."""

    def __init__(
        self, kegiatan_id: int, peserta_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.saved_id: int | None = None
        row = get_peserta(peserta_id) if peserta_id is not None else None
        self._original = (
            PesertaForm(
                kegiatan_id,
                row.nama,
                row.nik,
                row.nip,
                row.jenis_kelamin,
                row.jabatan,
                row.instansi,
                row.kode_wilayah,
                row.asal_opd,
                row.posyandu,
                row.hp,
                row.peran,
                row.kader_id,
                row.id,
            )  # fmt: skip
            if row
            else PesertaForm(kegiatan_id, "")
        )
        self.setWindowTitle(self.tr("Ubah peserta") if row else self.tr("Tambah peserta"))
        self.errors = FieldErrors()
        self._build(row is not None and row.kader_id is not None)
        self._load(self._original)
        self.resize(560, 0)

    def _build(self, linked: bool) -> None:
        self.nama_edit, self.jabatan_edit, self.instansi_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.posyandu_edit, self.hp_edit, self.opd_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.nik_edit, self.nip_edit = NikEdit(), NipEdit()
        self.jk_combo = QComboBox()
        for text, data in (("–", ""), (self.tr("Laki-laki"), "L"), (self.tr("Perempuan"), "P")):
            self.jk_combo.addItem(text, data)
        self.peran_combo = QComboBox()
        for peran in PERAN:
            self.peran_combo.addItem(peran, peran)
        self.asal_combo = QComboBox()
        self.asal_combo.setMaxVisibleItems(20)
        self.opd_edit.setPlaceholderText(self.tr("mis. Dinas Kesehatan, Puskesmas Yosomulyo"))
        self.hp_edit.setPlaceholderText(self.tr("mis. 0812-3456-7890"))
        form = QFormLayout()
        e = self.errors
        e.add_row(form, self.tr("&Nama"), self.nama_edit, "nama")
        e.add_row(form, self.tr("&Peran"), self.peran_combo, "peran")
        e.add_row(form, self.tr("NIK"), self.nik_edit, "nik", self.tr("Boleh kosong."))
        e.add_row(form, self.tr("NIP"), self.nip_edit, "nip", self.tr("Untuk ASN/PPPK; boleh kosong."))
        e.add_row(form, self.tr("Jenis kelamin"), self.jk_combo, "jenis_kelamin")
        e.add_row(form, self.tr("Jabatan"), self.jabatan_edit, "jabatan")
        e.add_row(form, self.tr("Unsur/instansi"), self.instansi_edit, "instansi")
        e.add_row(form, self.tr("&Asal"), self.asal_combo, "kode_wilayah")
        self.opd_caption = e.add_row(form, self.tr("Nama instansi/OPD"), self.opd_edit, "asal_opd")
        e.add_row(form, self.tr("Posyandu"), self.posyandu_edit, "posyandu")
        e.add_row(form, self.tr("No. HP"), self.hp_edit, "hp")
        self.buttons, self.ok_button = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        if linked:
            note = QLabel(
                self.tr("Terhubung dengan data kader; perubahan di sini tidak mengubah data kader.")
            )
            note.setObjectName("muted")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.asal_combo.currentIndexChanged.connect(self._on_asal)

    def _load(self, form: PesertaForm) -> None:
        self.nama_edit.setText(form.nama)
        self.nik_edit.set_nik(form.nik)
        self.nip_edit.set_nip(form.nip)
        self.jk_combo.setCurrentIndex(max(self.jk_combo.findData(form.jenis_kelamin), 0))
        self.peran_combo.setCurrentIndex(max(self.peran_combo.findData(form.peran), 0))
        self.jabatan_edit.setText(form.jabatan)
        self.instansi_edit.setText(form.instansi)
        fill_asal(self.asal_combo, form.kode_wilayah)
        wanted = form.kode_wilayah or (OPD if form.asal_opd else "")
        self.asal_combo.setCurrentIndex(max(self.asal_combo.findData(wanted), 0))
        self.opd_edit.setText(form.asal_opd)
        self.posyandu_edit.setText(form.posyandu)
        self.hp_edit.setText(form.hp)
        self._on_asal()

    @Slot()
    def _on_asal(self) -> None:
        is_opd = self.asal_combo.currentData() == OPD
        self.opd_edit.setEnabled(is_opd)
        if is_opd:
            self.opd_edit.setFocus()

    def value(self) -> PesertaForm:
        kode = self.asal_combo.currentData() or ""
        is_opd = kode == OPD
        return replace(
            self._original,
            nama=self.nama_edit.text(),
            nik=self.nik_edit.nik(),
            nip=self.nip_edit.nip(),
            jenis_kelamin=self.jk_combo.currentData(),
            jabatan=self.jabatan_edit.text(),
            instansi=self.instansi_edit.text(),
            kode_wilayah="" if is_opd else kode,
            asal_opd=self.opd_edit.text() if is_opd else "",
            posyandu=self.posyandu_edit.text(),
            hp=self.hp_edit.text(),
            peran=self.peran_combo.currentData(),
        )

    def accept(self) -> None:
        try:
            self.saved_id = save_peserta(self.value())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.warn(self, self.tr("Peserta"), "\n".join(unplaced.values()))
            return
        except DomainError as exc:
            messages.error(self, self.tr("Peserta"), messages.error_text(exc))
            return
        super().accept()


def open_peserta_dialog(
    parent: QWidget | None, kegiatan_id: int, peserta_id: int | None = None
) -> int | None:
    dialog = PesertaDialog(kegiatan_id, peserta_id, parent)
    try:
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
