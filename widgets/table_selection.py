"""Selection helpers shared by every table page: the selected row object, select a row by id,
and move the keyboard focus into the table. The model is any of ours that offers ``row(i)`` and
``position_of(id)`` (widgets.table_model.RowTableModel, ui.models.paged_model.PagedSearchModel …)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView


def selected_row(view: QAbstractItemView, model: Any) -> Any | None:
    """The row object of the first selected row, or None."""
    rows = view.selectionModel().selectedRows()
    return model.row(rows[0].row()) if rows else None


def select_id(view: QAbstractItemView, model: Any, row_id: Any) -> bool:
    """Select and scroll to the row with ``row_id``; False when it is not shown."""
    position = model.position_of(row_id)
    if position < 0:
        return False
    view.selectRow(position)
    view.scrollTo(model.index(position, 0))
    return True


def focus_table(view: QAbstractItemView, model: Any) -> None:
    """Give the table the keyboard focus, selecting the first row if nothing is selected."""
    view.setFocus()
    if model.rowCount() and not view.selectionModel().hasSelection():
        view.selectRow(0)
