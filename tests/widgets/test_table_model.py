"""RowTableModel: Qt's model contract (qtmodeltester), sorting on native values, row updates."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from widgets.table_model import ID_ROLE, MUTED_COLOR, ROW_ROLE, SORT_ROLE, Column, RowTableModel


@dataclass(frozen=True)
class Row:
    id: int
    nama: str
    lahir: date | None
    aktif: bool = True


ROWS = [
    Row(1, "siti", date(1990, 5, 1)),
    Row(2, "Bambang", None, aktif=False),
    Row(3, "agus", date(1980, 1, 2)),
    Row(4, "Dewi", date(2001, 12, 30)),
]


def columns() -> list[Column]:
    return [
        Column("nama", "Nama", lambda r: r.nama),
        Column(
            "lahir",
            "Tanggal lahir",
            lambda r: r.lahir.strftime("%d-%m-%Y") if r.lahir else "–",
            lambda r: r.lahir,
            Qt.AlignmentFlag.AlignRight,
        ),
    ]


@pytest.fixture
def model(qapp) -> RowTableModel:
    return RowTableModel(columns(), ROWS, muted=lambda r: not r.aktif)


def names(model: RowTableModel) -> list[str]:
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_model_contract(model, qtmodeltester) -> None:
    """The tester stays connected after ``check`` and verifies every change signal below."""
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.append_rows([Row(5, "Eko", date(1975, 3, 3))])
    model.replace_row(replace(ROWS[0], nama="Siti Aminah"))
    model.set_rows(ROWS[:2])
    model.set_rows([])
    assert model.rowCount() == 0


def test_roles_and_headers(model) -> None:
    index = model.index(1, 1)
    assert index.data() == "–"
    assert index.data(SORT_ROLE) is None
    assert index.data(ID_ROLE) == 2
    assert index.data(ROW_ROLE) == ROWS[1]
    assert index.data(Qt.ItemDataRole.ForegroundRole) == MUTED_COLOR
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Tanggal lahir"
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert model.column_position("lahir") == 1
    assert model.column_position("nope") == -1


def test_sort_by_text_ignores_case_and_by_date_keeps_none_last(model) -> None:
    model.sort(0)
    assert names(model) == ["agus", "Bambang", "Dewi", "siti"]
    model.sort(1)
    assert names(model) == ["agus", "siti", "Dewi", "Bambang"]  # no date sorts last
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert names(model)[1:] == ["Dewi", "siti", "agus"]


def test_sort_keeps_persistent_indexes_on_their_rows(model) -> None:
    kept = QPersistentModelIndex(model.index(3, 0))  # Dewi
    model.sort(0)
    assert kept.row() == 2
    assert kept.data() == "Dewi"


def test_set_rows_reapplies_the_sort(model) -> None:
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_rows([Row(9, "Zaenal", None), Row(8, "Ani", None), *ROWS])
    assert names(model)[0] == "Zaenal"
    assert names(model)[-1] == "agus"


def test_replace_row_updates_in_place_and_signals(model, qtbot) -> None:
    with qtbot.waitSignal(model.dataChanged) as blocker:
        position = model.replace_row(replace(ROWS[2], nama="Agus Salim"))
    assert position == 2
    assert blocker.args[0].row() == 2
    assert model.index(2, 0).data() == "Agus Salim"
    assert model.replace_row(Row(99, "x", None)) == -1
    assert model.rowCount() == 4


def test_append_rows_and_lookup(model, qtbot) -> None:
    with qtbot.waitSignal(model.rowsInserted):
        model.append_rows([Row(5, "Eko", None)])
    assert model.rowCount() == 5
    assert model.position_of(5) == 4
    assert model.position_of(42) == -1
    assert model.row(4).nama == "Eko"
    assert [r.id for r in model.rows()] == [1, 2, 3, 4, 5]
    model.append_rows([])
    assert model.rowCount() == 5
