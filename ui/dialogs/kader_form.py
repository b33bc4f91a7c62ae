"""The fields of the kader dialog in two columns: identity and address left, posyandu role right.

Kept apart from :mod:`ui.dialogs.kader_dialog` (which checks and saves) so each file has one job.
Dates are typed as text (``21-07-1985``, ``21 Juli 1985``) and read by the same parser as the
Excel import; an unreadable date is passed on as typed so the service reports it beside the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db import wilayah
from db.errors import ValidationError
from db.identity import parse_date
from db.services.kader import KaderForm
from db.services.posyandu import PosyanduRow
from db.services.registry_fields import AGAMA, BIDANG_SPM, JABATAN, PENDIDIKAN, STATUS_KADER, TINGKATAN
from ui.models.registry_choices import posyandu_choices, refill, select_data
from widgets.form import FieldErrors, small_label
from widgets.nik_edit import NikEdit


def date_text(value: date | None) -> str:
    return f"{value:%d-%m-%Y}" if value else ""


def date_value(text: str) -> date | str | None:
    """A date when readable, else the text as typed (the service names the problem)."""
    try:
        return parse_date(text)
    except ValidationError:
        return text.strip()


def _combo(items: Sequence[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    return box


def _line(placeholder: str = "", width: int = 0) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    if width:
        edit.setMaximumWidth(width)
    return edit


class KaderFormWidget(QWidget):
    """All kader fields; :meth:`load` fills them from a form, :meth:`value` reads them back."""

    def __init__(
        self, posyandu: list[PosyanduRow], kelurahan: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._posyandu = posyandu
        self._kelurahan = kelurahan
        self._own_posyandu: int | None = None
        self.errors = FieldErrors()
        self._build_fields()
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setVerticalSpacing(6)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fill_left(left)
        self._fill_right(right)
        columns = QHBoxLayout(self)
        columns.setSpacing(28)
        for form in (left, right):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.posyandu_kelurahan_combo.currentIndexChanged.connect(self._refill_posyandu)
        self.jabatan_combo.currentIndexChanged.connect(self._update_bidang)

    # ------------------------------------------------------------------ construction
    def _build_fields(self) -> None:
        tr = self.tr
        none = tr("– belum diisi –")
        date_hint = tr("hh-bb-tttt")
        self.nama_edit = _line(tr("mis. Hj. Siti Aminah, S.Pd."))
        self.nik_edit = NikEdit()
        self.nik_info = small_label("", object_name="muted")
        self.nik_check = QCheckBox(tr("NIK perlu dicek (angka ke-16 mungkin hilang di Excel)"))
        self.jk_combo = _combo([(none, ""), (tr("Laki-laki"), "L"), (tr("Perempuan"), "P")])
        self.tempat_lahir_edit = _line(tr("mis. Metro"))
        self.tanggal_lahir_edit = _line(date_hint, 140)
        self.agama_combo = _combo([(none, ""), *((a, a) for a in AGAMA)])
        self.pendidikan_combo = _combo([(none, ""), *((p, p) for p in PENDIDIKAN)])
        self.pekerjaan_edit = _line(tr("mis. Ibu rumah tangga"))
        self.hp_edit = _line(tr("mis. 0812-3456-7890"), 180)
        self.alamat_edit = _line(tr("Jalan, nomor rumah, dusun/lingkungan"))
        self.rt_edit = _line(tr("RT"), 64)
        self.rw_edit = _line(tr("RW"), 64)
        self.kelurahan_combo = _combo(
            [(tr("(sama dengan kelurahan posyandu)"), ""), *((n, k) for k, n in self._kelurahan)]
        )
        self.posyandu_kelurahan_combo = _combo(
            [(tr("Semua kelurahan/desa"), ""), *((n, k) for k, n in self._kelurahan)]
        )
        self.posyandu_combo = QComboBox()
        self.jabatan_combo = _combo([(j, j) for j in JABATAN])
        self.bidang_combo = _combo([("", ""), *((b, b) for b in BIDANG_SPM)])
        self.bidang_combo.setEditable(True)
        self.sk_nomor_edit = _line(tr("mis. 400.5/12/KPTS/2024"))
        self.sk_tanggal_edit = _line(date_hint, 140)
        self.mulai_aktif_edit = _line(date_hint, 140)
        self.status_combo = _combo([(s.capitalize(), s) for s in STATUS_KADER])
        self.tingkatan_combo = _combo([(none, ""), *((t, t) for t in TINGKATAN)])
        self.catatan_edit = QPlainTextEdit()
        self.catatan_edit.setFixedHeight(64)
        self._refill_posyandu()

    def _fill_left(self, form: QFormLayout) -> None:
        tr, add = self.tr, self.errors.add_row
        add(form, tr("Nama dan gelar"), self.nama_edit, "nama")
        nik_box = QWidget()
        column = QVBoxLayout(nik_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in (self.nik_edit, self.nik_info, self.nik_check):
            column.addWidget(widget)
        nik_box.setFocusProxy(self.nik_edit)
        add(form, tr("NIK"), nik_box, "nik")
        add(form, tr("Jenis kelamin"), self.jk_combo, "jenis_kelamin")
        add(form, tr("Tempat lahir"), self.tempat_lahir_edit, "tempat_lahir")
        add(form, tr("Tanggal lahir"), self.tanggal_lahir_edit, "tanggal_lahir")
        add(form, tr("Agama"), self.agama_combo, "agama")
        add(form, tr("Pendidikan"), self.pendidikan_combo, "pendidikan")
        add(form, tr("Pekerjaan"), self.pekerjaan_edit, "pekerjaan")
        add(form, tr("No. HP/WA"), self.hp_edit, "hp")
        add(form, tr("Alamat"), self.alamat_edit, "alamat")
        rt_rw = QWidget()
        row = QHBoxLayout(rt_rw)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rt_edit)
        row.addWidget(QLabel("/"))
        row.addWidget(self.rw_edit)
        row.addStretch(1)
        rt_rw.setFocusProxy(self.rt_edit)
        add(form, tr("RT/RW"), rt_rw, "rt")
        self.errors.register("rw", self.rw_edit, self.errors.label("rt"))
        add(form, tr("Kelurahan/desa alamat"), self.kelurahan_combo, "kode_wilayah")

    def _fill_right(self, form: QFormLayout) -> None:
        tr, add = self.tr, self.errors.add_row
        add(form, tr("Kelurahan posyandu"), self.posyandu_kelurahan_combo, "posyandu_kelurahan")
        add(form, tr("Posyandu"), self.posyandu_combo, "posyandu_id")
        add(form, tr("Jabatan"), self.jabatan_combo, "jabatan")
        add(form, tr("Bidang"), self.bidang_combo, "bidang")
        add(form, tr("Nomor SK"), self.sk_nomor_edit, "sk_nomor")
        add(form, tr("Tanggal SK"), self.sk_tanggal_edit, "sk_tanggal")
        add(form, tr("Mulai aktif"), self.mulai_aktif_edit, "mulai_aktif")
        add(form, tr("Status"), self.status_combo, "status")
        add(form, tr("Tingkatan"), self.tingkatan_combo, "tingkatan")
        add(form, tr("Catatan"), self.catatan_edit, "catatan")

    # ------------------------------------------------------------------ behaviour
    @Slot()
    def _refill_posyandu(self) -> None:
        kode = self.posyandu_kelurahan_combo.currentData() or ""
        keep = self._own_posyandu or self.posyandu_combo.currentData()
        rows = posyandu_choices(self._posyandu, kode, keep)
        items = [(self._posyandu_label(r, with_kelurahan=not kode), r.id) for r in rows]
        refill(self.posyandu_combo, items, first=self.tr("– belum dipilih –"))

    def _posyandu_label(self, row: PosyanduRow, *, with_kelurahan: bool) -> str:
        label = row.nama if row.aktif else self.tr("{0} (nonaktif)").format(row.nama)
        return f"{label} — {row.kelurahan}" if with_kelurahan and row.kelurahan else label

    @Slot()
    def _update_bidang(self) -> None:
        self.bidang_combo.setEnabled(self.jabatan_combo.currentData() == "Ketua Bidang")

    # ------------------------------------------------------------------ values
    def load(self, form: KaderForm) -> None:
        self.nama_edit.setText(form.nama)
        self.nik_edit.set_nik(form.nik)
        self.nik_check.setChecked(form.nik_perlu_dicek)
        self.nik_check.setVisible(form.nik_perlu_dicek)
        select_data(self.jk_combo, form.jenis_kelamin)
        self.tempat_lahir_edit.setText(form.tempat_lahir)
        self.tanggal_lahir_edit.setText(date_text(form.tanggal_lahir))
        select_data(self.agama_combo, form.agama)
        select_data(self.pendidikan_combo, form.pendidikan)
        self.pekerjaan_edit.setText(form.pekerjaan)
        self.hp_edit.setText(form.hp)
        self.alamat_edit.setText(form.alamat)
        self.rt_edit.setText(form.rt)
        self.rw_edit.setText(form.rw)
        if form.kode_wilayah and self.kelurahan_combo.findData(form.kode_wilayah) < 0:
            region = wilayah.get(form.kode_wilayah)  # an address outside the usual kelurahan stays as is
            self.kelurahan_combo.addItem(region.nama if region else form.kode_wilayah, form.kode_wilayah)
        select_data(self.kelurahan_combo, form.kode_wilayah)
        self._own_posyandu = form.posyandu_id  # offered even when it has been deactivated since
        own = next((r for r in self._posyandu if r.id == form.posyandu_id), None)
        select_data(self.posyandu_kelurahan_combo, own.kode_wilayah if own else (form.kode_wilayah or ""))
        self._refill_posyandu()
        select_data(self.posyandu_combo, form.posyandu_id)
        select_data(self.jabatan_combo, form.jabatan or "Anggota")
        self.bidang_combo.setCurrentText(form.bidang)
        self.sk_nomor_edit.setText(form.sk_nomor)
        self.sk_tanggal_edit.setText(date_text(form.sk_tanggal))
        self.mulai_aktif_edit.setText(date_text(form.mulai_aktif))
        select_data(self.status_combo, form.status or "aktif")
        select_data(self.tingkatan_combo, form.tingkatan)
        self.catatan_edit.setPlainText(form.catatan)
        self._update_bidang()

    def value(self, base: KaderForm) -> KaderForm:
        """``base`` with every field replaced by what is typed (dates parsed where possible)."""
        jabatan = self.jabatan_combo.currentData() or "Anggota"
        return replace(
            base,
            nama=self.nama_edit.text(),
            nik=self.nik_edit.nik(),
            nik_perlu_dicek=self.nik_check.isChecked() and not self.nik_check.isHidden(),
            jenis_kelamin=self.jk_combo.currentData() or "",
            tempat_lahir=self.tempat_lahir_edit.text(),
            tanggal_lahir=date_value(self.tanggal_lahir_edit.text()),
            agama=self.agama_combo.currentData() or "",
            pendidikan=self.pendidikan_combo.currentData() or "",
            pekerjaan=self.pekerjaan_edit.text(),
            hp=self.hp_edit.text(),
            alamat=self.alamat_edit.text(),
            rt=self.rt_edit.text(),
            rw=self.rw_edit.text(),
            kode_wilayah=self.kelurahan_combo.currentData() or "",
            posyandu_id=self.posyandu_combo.currentData(),
            jabatan=jabatan,
            bidang=self.bidang_combo.currentText().strip() if jabatan == "Ketua Bidang" else "",
            sk_nomor=self.sk_nomor_edit.text(),
            sk_tanggal=date_value(self.sk_tanggal_edit.text()),
            mulai_aktif=date_value(self.mulai_aktif_edit.text()),
            status=self.status_combo.currentData() or "aktif",
            tingkatan=self.tingkatan_combo.currentData() or "",
            catatan=self.catatan_edit.toPlainText(),
        )  # type: ignore[arg-type] - unreadable dates go to the service as text
