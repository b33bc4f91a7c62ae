"""The check-in desk's table model: roster rows tinted by their attendance on the chosen day.

``data`` is the hot path of every repaint (rows × columns × roles), so it answers from plain ints
and attribute reads instead of the generic column lambdas of :class:`RowTableModel`: painting the
visible rows after a mark then costs about a millisecond instead of ten.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from db.services.kehadiran import STATUS_LABEL, Mark
from widgets.table_model import ROW_ROLE, Column, RowTableModel

_Index = QModelIndex | QPersistentModelIndex
STATUS_COLORS = {"hadir": "#e3f4e6", "izin": "#fff4d6", "sakit": "#fff4d6", "alpa": "#fde4e4"}
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
ROW_ROLE_INT = int(ROW_ROLE)
STATUS_COLUMN = 4  # Kode, Nama, Asal, Peran come first (see CheckinView._columns)


class CheckinModel(RowTableModel):
    """Roster rows; the status of each comes from ``marks`` (peserta_id → Mark) and tints the row."""

    def __init__(self, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent=parent)
        self.marks: dict[int, Mark] = {}
        self._positions: dict[int, int] = {}
        self._brushes = {status: QColor(color) for status, color in STATUS_COLORS.items()}

    def set_rows(self, rows: Iterable[Any]) -> None:
        super().set_rows(rows)
        self._positions = {row.id: position for position, row in enumerate(self._rows)}

    def position_of(self, row_id: Any) -> int:
        return self._positions.get(row_id, -1)

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        role = int(role)
        if role == DISPLAY:
            row = self._rows[index.row()]
            column = index.column()
            if column < STATUS_COLUMN:
                return (row.kode, row.nama, row.asal, row.peran)[column]
            mark = self.marks.get(row.id)
            if mark is None:
                return "–" if column == STATUS_COLUMN else ""
            return self.status_text(mark.status) if column == STATUS_COLUMN else mark.jam_datang
        if role == BACKGROUND:
            mark = self.marks.get(self._rows[index.row()].id)
            return self._brushes[mark.status] if mark else None
        if role == ROW_ROLE_INT:
            return self._rows[index.row()]
        return None

    def status_text(self, status: str) -> str:
        return QCoreApplication.translate("CheckinView", STATUS_LABEL[status])

    def set_mark(self, peserta_id: int, mark: Mark | None) -> None:
        """Update one participant's status and repaint only their row."""
        if mark is None:
            self.marks.pop(peserta_id, None)
        else:
            self.marks[peserta_id] = mark
        position = self.position_of(peserta_id)
        if position >= 0:
            self.dataChanged.emit(self.index(position, 0), self.index(position, self.columnCount() - 1))
