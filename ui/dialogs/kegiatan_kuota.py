"""The quota tab of the kegiatan dialog: seats per asal ("10 per kelurahan, 2 per kecamatan").

Each row is an asal (a kecamatan or kelurahan of the office's kota, or a typed office name) and
its seats. "Isi semua" fills every kecamatan and kelurahan in one go, the usual bimtek pattern;
:func:`db.services.kegiatan_rekap.set_kuota` replaces the stored quotas with the table.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from db import wilayah
from db.services.kegiatan_rekap import KuotaForm, KuotaRow
from ui.dialogs.peserta_dialog import OPD, asal_choices, fill_asal
from widgets.form import error_label


class KuotaEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("kuotaTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Asal"), self.tr("Nama instansi (bila OPD)"), self.tr("Kuota")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 90)
        self.kelurahan_spin, self.kecamatan_spin = QSpinBox(), QSpinBox()
        for spin, value in ((self.kelurahan_spin, 10), (self.kecamatan_spin, 2)):
            spin.setRange(0, 1000)
            spin.setValue(value)
        self.fill_button = QPushButton(self.tr("Isi semua"))
        self.fill_button.setToolTip(self.tr("Satu baris untuk setiap kecamatan dan kelurahan di kota ini"))
        self.add_button = QPushButton(self.tr("Tambah baris"))
        self.remove_button = QPushButton(self.tr("Hapus baris"))
        quick = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Per kelurahan:")), self.kelurahan_spin,
            QLabel(self.tr("per kecamatan:")), self.kecamatan_spin, self.fill_button,
        ):  # fmt: skip
            quick.addWidget(widget)
        quick.addStretch(1)
        quick.addWidget(self.add_button)
        quick.addWidget(self.remove_button)
        self.error = error_label()
        note = QLabel(
            self.tr("Kuota menghitung peserta berperan Peserta; narasumber dan panitia tidak memakai kursi.")
        )
        note.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(quick)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.fill_button.clicked.connect(self.fill_all)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)

    def load(self, rows: list[KuotaRow]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row.kode_wilayah, row.label, row.kuota)

    def add_row(self, kode: str = "", label: str = "", kuota: int = 0) -> int:
        position = self.table.rowCount()
        self.table.insertRow(position)
        combo = QComboBox()
        fill_asal(combo, kode)
        combo.setCurrentIndex(max(combo.findData(kode or (OPD if label else "")), 0))
        spin = QSpinBox()
        spin.setRange(0, 10000)
        spin.setValue(kuota)
        self.table.setCellWidget(position, 0, combo)
        name = QLineEdit(label)
        name.setEnabled(combo.currentData() == OPD)  # only an OPD row needs a typed name
        combo.currentIndexChanged.connect(lambda _i: name.setEnabled(combo.currentData() == OPD))
        self.table.setCellWidget(position, 1, name)
        self.table.setCellWidget(position, 2, spin)
        return position

    @Slot()
    def fill_all(self) -> None:
        """One row per kecamatan (its seats) and kelurahan (theirs), keeping OPD rows."""
        kept = [f for f in self.value() if not f.kode_wilayah]
        self.table.setRowCount(0)
        for _label, kode in asal_choices():
            region = wilayah.get(kode)
            is_kecamatan = region is not None and region.tingkat == wilayah.KECAMATAN
            per = self.kecamatan_spin if is_kecamatan else self.kelurahan_spin
            self.add_row(kode, "", per.value())
        for form in kept:
            self.add_row("", form.label, form.kuota)

    @Slot()
    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True):
            self.table.removeRow(row)

    def value(self) -> list[KuotaForm]:
        """Rows with an asal; an empty row is ignored."""
        out = []
        for row in range(self.table.rowCount()):
            kode = self.table.cellWidget(row, 0).currentData() or ""
            label = self.table.cellWidget(row, 1).text().strip()
            kuota = self.table.cellWidget(row, 2).value()
            if kode == OPD:
                kode = ""
            elif kode:
                label = ""
            if kode or label:
                out.append(KuotaForm(kuota, kode_wilayah=kode, label=label))
        return out
