"""Rekap on screen: per asal, present/expected on each held day, with the totals — the same
numbers as the printed rekap (Cetak → Rekap kehadiran), from
:func:`db.services.kegiatan_rekap.rekap_asal`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.services.kegiatan import get_kegiatan
from db.services.kegiatan_rekap import rekap_asal

CENTER = Qt.AlignmentFlag.AlignCenter


class RekapView(QWidget):
    def __init__(self, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self.table = QTableWidget()
        self.table.setObjectName("rekapAsal")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.note = QLabel()
        self.note.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    @Slot()
    def refresh(self) -> None:
        days = get_kegiatan(self.kegiatan_id).hari_aktif
        groups = rekap_asal(self.kegiatan_id)
        headers = [self.tr("Asal"), self.tr("Peserta")]
        headers += [self.tr("Hari {0} ({1:%d/%m})").format(d.hari_ke, d.tanggal) for d in days]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(groups) + 1)
        totals = [0] * len(days)
        for row, group in enumerate(groups):
            self._set_row(row, group.asal or "–", group.jumlah, group.hadir)
            totals = [a + b for a, b in zip(totals, group.hadir, strict=True)]
        expected = sum(g.jumlah for g in groups)
        self._set_row(len(groups), self.tr("Jumlah"), expected, tuple(totals), bold=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            self.table.setColumnWidth(column, 120)
        self.note.setText(
            self.tr("Hadir/peserta per hari. Izin, sakit dan tanpa keterangan tidak dihitung hadir.")
        )

    def _set_row(
        self, row: int, asal: str, jumlah: int, hadir: tuple[int, ...], *, bold: bool = False
    ) -> None:
        cells = [QTableWidgetItem(asal), QTableWidgetItem(str(jumlah))]
        cells += [QTableWidgetItem(f"{n}/{jumlah}") for n in hadir]
        for column, item in enumerate(cells):
            if column:
                item.setTextAlignment(CENTER)
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)
