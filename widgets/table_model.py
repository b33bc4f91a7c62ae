"""A table model over a list of plain rows (frozen dataclasses) with named columns.

Every list in the app shows service results, which are frozen dataclasses. Rather than one
hand-written ``QAbstractTableModel`` per list, a page describes its columns (title, how to show a
row, how to sort it) and hands the rows over. Sorting happens here on Python values
(``SORT_ROLE`` holds the native value, so dates and numbers sort as such), because a
``QSortFilterProxyModel`` over Python data is far too slow for the registry's thousands of rows
(docs/PLATFORM.md). ``ID_ROLE`` gives a row's database id, ``ROW_ROLE`` the row object itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
MUTED_COLOR = QColor("#8a969c")

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: ``title`` is already translated; ``display`` turns a row into text."""

    key: str
    title: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[Any], str] | None = None

    def sort_value(self, row: Any) -> Any:
        return self.sort_key(row) if self.sort_key is not None else self.display(row).casefold()


def _none_last(value: Any) -> tuple[bool, Any]:
    """Sort key wrapper so ``None`` never gets compared with a real value."""
    return (value is None, value if value is not None else 0)


class RowTableModel(QAbstractTableModel):
    """Read-only rows; ``muted(row)`` greys out a row (e.g. an inactive signatory)."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Iterable[Any] = (),
        *,
        id_of: Callable[[Any], Any] = lambda row: getattr(row, "id", None),
        muted: Callable[[Any], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = list(rows)
        self._id_of = id_of
        self._muted = muted
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ Qt interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_value(row)
        if role == ID_ROLE:
            return self._id_of(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and self._muted is not None and self._muted(row):
            return MUTED_COLOR
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in place, keeping selections (persistent indexes) on their rows."""
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        key = self._columns[column].sort_value
        reverse = order == Qt.SortOrder.DescendingOrder
        rows = self._rows
        order_of_old = sorted(range(len(rows)), key=lambda i: _none_last(key(rows[i])), reverse=reverse)
        new_row_of_old = {old: new for new, old in enumerate(order_of_old)}
        self._rows = [self._rows[i] for i in order_of_old]
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(new_row_of_old[i.row()], i.column()) for i in old_indexes]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ rows
    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace every row (a reset), keeping the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        if self._sort is not None:
            self.sort(*self._sort)

    def append_rows(self, rows: Iterable[Any]) -> None:
        """Add rows at the end ("muat lebih banyak")."""
        extra = list(rows)
        if not extra:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(extra) - 1)
        self._rows.extend(extra)
        self.endInsertRows()
        if self._sort is not None:
            self.sort(*self._sort)

    def replace_row(self, row: Any) -> int:
        """Put an edited row in place of the one with the same id; returns its position or -1."""
        position = self.position_of(self._id_of(row))
        if position >= 0:
            self._rows[position] = row
            last = self.index(position, len(self._columns) - 1)
            self.dataChanged.emit(self.index(position, 0), last)
        return position

    def row(self, position: int) -> Any:
        return self._rows[position]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def position_of(self, row_id: Any) -> int:
        """Position of the row whose id is ``row_id``, or -1."""
        for position, row in enumerate(self._rows):
            if self._id_of(row) == row_id:
                return position
        return -1

    def column_position(self, key: str) -> int:
        return next((i for i, c in enumerate(self._columns) if c.key == key), -1)
