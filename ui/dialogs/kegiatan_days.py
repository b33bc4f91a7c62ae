"""The days of a kegiatan as an editable table: derived from the date range, each with its own
times and a "dilewati" (skipped) tick.

The service derives the stored days from the range on save; this table shows the same derivation
live while the dates are typed, keeps what was entered for a date when the range moves, and hands
back ``{tanggal: (jam_mulai, jam_selesai, dilewati)}`` for :func:`db.services.kegiatan.set_hari`.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from db.services.kegiatan import DEFAULT_JAM, MAX_HARI
from reports.formatting import tanggal_panjang

DayValues = tuple[str, str, bool]  # jam_mulai, jam_selesai, dilewati
COL_HARI, COL_TANGGAL, COL_MULAI, COL_SELESAI, COL_DILEWATI = range(5)


class DaysTable(QTableWidget):
    """One row per calendar day of the range; times editable, "Dilewati" a check box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("daysTable")
        self._values: dict[date, DayValues] = {}
        self._days: list[date] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("Hari ke"),
                self.tr("Tanggal"),
                self.tr("Jam mulai"),
                self.tr("Jam selesai"),
                self.tr("Dilewati"),
            ]  # fmt: skip
        )
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(28)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_TANGGAL, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_HARI, 70), (COL_MULAI, 100), (COL_SELESAI, 100), (COL_DILEWATI, 90)):
            self.setColumnWidth(column, width)

    def load(self, values: dict[date, DayValues]) -> None:
        """Remember stored values (an existing kegiatan's days) before the range is set."""
        self._values = dict(values)

    def set_range(self, start: date, end: date) -> None:
        """Show the days from ``start`` to ``end``; values typed for a date survive a range change."""
        self._values.update(self.values())
        count = (end - start).days + 1 if end >= start else 0
        self._days = [start + timedelta(days=i) for i in range(min(count, MAX_HARI))]
        self.setRowCount(len(self._days))
        last = DEFAULT_JAM
        for row, day in enumerate(self._days):
            jam_mulai, jam_selesai, dilewati = self._values.get(day, (*last, False))
            last = (jam_mulai, jam_selesai)
            self._set_row(row, day, jam_mulai, jam_selesai, dilewati)

    def _set_row(self, row: int, day: date, jam_mulai: str, jam_selesai: str, dilewati: bool) -> None:
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        number = QTableWidgetItem(str(row + 1))
        number.setFlags(fixed)
        number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        label = QTableWidgetItem(tanggal_panjang(day))
        label.setFlags(fixed)
        skipped = QTableWidgetItem()
        skipped.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
        skipped.setCheckState(Qt.CheckState.Checked if dilewati else Qt.CheckState.Unchecked)
        for column, item in (
            (COL_HARI, number),
            (COL_TANGGAL, label),
            (COL_MULAI, QTableWidgetItem(jam_mulai)),
            (COL_SELESAI, QTableWidgetItem(jam_selesai)),
            (COL_DILEWATI, skipped),
        ):
            self.setItem(row, column, item)

    def days(self) -> list[date]:
        return list(self._days)

    def set_skipped(self, row: int, skipped: bool) -> None:
        state = Qt.CheckState.Checked if skipped else Qt.CheckState.Unchecked
        self.item(row, COL_DILEWATI).setCheckState(state)

    def set_times(self, row: int, jam_mulai: str, jam_selesai: str) -> None:
        self.item(row, COL_MULAI).setText(jam_mulai)
        self.item(row, COL_SELESAI).setText(jam_selesai)

    def values(self) -> dict[date, DayValues]:
        out: dict[date, DayValues] = {}
        for row, day in enumerate(self._days):
            out[day] = (
                self.item(row, COL_MULAI).text().strip(),
                self.item(row, COL_SELESAI).text().strip(),
                self.item(row, COL_DILEWATI).checkState() == Qt.CheckState.Checked,
            )
        return out
