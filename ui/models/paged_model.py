"""A read-only table model that shows a service search one page at a time.

The kader registry may hold 100,000 rows; loading them all into Python costs memory and a model
reset per keystroke (docs/PLATFORM.md). This model asks the service for the count and the first
page only, and fetches further pages when the view scrolls near the end (``canFetchMore`` /
``fetchMore``). Sorting is handed back to the service (``ORDER BY`` in SQLite), so a click on a
header re-queries instead of sorting Python objects. Column definitions are the shared
:class:`widgets.table_model.Column`; ``Column.key`` doubles as the service's ``order_by`` name
(``sortable`` lists the keys the service can sort by).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from widgets.table_model import ID_ROLE, MUTED_COLOR, ROW_ROLE, Column

_Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 60  # about three screens of rows at 768 px; more are fetched on scroll
WARN_COLOR = QColor("#b26a00")


class SearchFunction(Protocol):
    def __call__(
        self, text: str, filters: Mapping[str, Any], order_by: str, descending: bool, limit: int, offset: int
    ) -> tuple[int, list[Any]]: ...


class PagedSearchModel(QAbstractTableModel):
    """Rows of ``search(text, filters, order_by, descending, limit, offset) -> (total, rows)``.

    ``queried(elapsed_ms)`` fires after every new query (not after a further page), so the search
    box can decide whether to wait for a typing pause. ``warn[column_key](row)`` paints that cell
    in a warning colour (e.g. a NIK that needs checking).
    """

    queried = Signal(float)  # milliseconds the query took

    def __init__(
        self,
        columns: Sequence[Column],
        search: SearchFunction,
        *,
        sortable: Collection[str] = (),
        default_order: str = "nama",
        page_size: int = PAGE_SIZE,
        muted: Callable[[Any], bool] | None = None,
        warn: Mapping[str, Callable[[Any], bool]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._search = search
        self._sortable = frozenset(sortable)
        self._page_size = page_size
        self._muted = muted
        self._warn = dict(warn or {})
        self._rows: list[Any] = []
        self._total = 0
        self.text = ""
        self.filters: dict[str, Any] = {}
        self.order_by = default_order
        self.descending = False

    # ------------------------------------------------------------------ queries
    def set_query(self, text: str | None = None, filters: Mapping[str, Any] | None = None) -> None:
        """Change the search text and/or filters and show the first page of the new result."""
        if text is not None:
            self.text = text
        if filters is not None:
            self.filters = {key: value for key, value in filters.items() if value not in (None, "")}
        self.reload()

    def reload(self) -> None:
        """Re-run the current query (after an edit elsewhere), keeping as many rows as were loaded."""
        wanted = max(self._page_size, len(self._rows))
        started = time.perf_counter()
        total, rows = self._search(self.text, self.filters, self.order_by, self.descending, wanted, 0)
        elapsed = (time.perf_counter() - started) * 1000
        self.beginResetModel()
        self._total = total
        self._rows = list(rows)
        self.endResetModel()
        self.queried.emit(elapsed)

    def total(self) -> int:
        """How many rows match the query (loaded or not)."""
        return self._total

    # ------------------------------------------------------------------ Qt interface
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt signature
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt signature
        if parent.isValid():
            return
        offset = len(self._rows)
        total, rows = self._search(
            self.text, self.filters, self.order_by, self.descending, self._page_size, offset
        )
        self._total = total
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            warn = self._warn.get(column.key)
            if warn is not None and warn(row):
                return WARN_COLOR
            if self._muted is not None and self._muted(row):
                return MUTED_COLOR
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title if 0 <= section < len(self._columns) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the service for another order; columns it cannot sort by are ignored."""
        if not 0 <= column < len(self._columns) or self._columns[column].key not in self._sortable:
            return
        self.order_by = self._columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].key in self._sortable

    # ------------------------------------------------------------------ rows
    def row(self, position: int) -> Any:
        return self._rows[position]

    def position_of(self, row_id: Any) -> int:
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == row_id), -1)

    def column_position(self, key: str) -> int:
        return next((i for i, c in enumerate(self._columns) if c.key == key), -1)
