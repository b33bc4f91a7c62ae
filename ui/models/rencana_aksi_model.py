"""The rencana aksi matrix as a two-level tree: groups (bidang or OPD), then their items in order.

A QTreeView over this model shows the same grouping as the printed matrix, so what the
secretariat sees is what the Pokjanal meeting gets on paper. Overdue items are painted red with a
"TERLAMBAT" badge in the status column, items due within 30 days amber, so neither depends on
colour alone. ``ID_ROLE``/``ROW_ROLE`` (from :mod:`widgets.table_model`) give an item's id and row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from db.services.rencana_aksi import Kelompok, RencanaAksiItem
from reports.formatting import angka, rupiah
from widgets.table_model import ID_ROLE, MUTED_COLOR, ROW_ROLE

OVERDUE_TEXT = QColor("#b71c1c")
OVERDUE_BACK = QColor("#fdecea")
SOON_TEXT = QColor("#8a5a00")
SOON_BACK = QColor("#fff4d6")
GROUP_BACK = QColor("#e0f2f1")
GROUP_ID = 0  # internalId of a group row; an item row holds its group's position + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROW_SIZE = QSize(-1, 28)

_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("RencanaAksiModel", text)


def jadwal(item: RencanaAksiItem) -> str:
    due = item.form.jatuh_tempo
    return due.strftime("%d-%m-%Y") if due else item.form.jadwal_teks


def status_text(item: RencanaAksiItem) -> str:
    if item.terlambat:
        return tr("{0} · TERLAMBAT").format(item.form.status)
    if item.segera:
        return tr("{0} · ≤30 hari").format(item.form.status)
    return item.form.status


def anggaran(item: RencanaAksiItem) -> str:
    return rupiah(item.form.anggaran) if item.form.anggaran else "–"


def realisasi(item: RencanaAksiItem) -> str:
    return "–" if item.realisasi_persen is None else f"{angka(round(item.realisasi_persen, 1))}%"


@dataclass(frozen=True)
class TreeColumn:
    key: str
    title: str
    display: Callable[[RencanaAksiItem, int], str]  # (item, number in its group)
    align: Qt.AlignmentFlag | None = None


def matrix_columns(grouped_by: str) -> list[TreeColumn]:
    """The columns; the one that would repeat the group (bidang or OPD) shows the other one."""
    other = (
        TreeColumn("opd", tr("Penanggung jawab"), lambda i, n: i.form.opd)
        if grouped_by == "bidang"
        else TreeColumn("bidang", tr("Bidang"), lambda i, n: i.form.bidang)
    )
    return [
        TreeColumn("no", tr("No"), lambda i, n: str(n), RIGHT),
        TreeColumn("aksi", tr("Aksi/kegiatan"), lambda i, n: " ".join(i.form.aksi.split())),
        TreeColumn("lokus", tr("Lokus"), lambda i, n: ", ".join(i.lokus_label)),
        other,
        TreeColumn("jadwal", tr("Jatuh tempo"), lambda i, n: jadwal(i)),
        TreeColumn("anggaran", tr("Anggaran"), lambda i, n: anggaran(i), RIGHT),
        TreeColumn("status", tr("Status"), lambda i, n: status_text(i)),
        TreeColumn("realisasi", tr("Realisasi"), lambda i, n: realisasi(i), RIGHT),
    ]


def tooltip(item: RencanaAksiItem) -> str:
    form = item.form
    parts = [tr("Masalah: {0}").format(form.masalah)] if form.masalah else []
    parts.append(tr("Aksi: {0}").format(form.aksi))
    if form.indikator:
        parts.append(tr("Indikator: {0}").format(form.indikator))
    if form.pic_nama:
        parts.append(tr("PIC: {0} {1}").format(form.pic_nama, form.pic_hp).strip())
    return "\n".join(parts)


class RencanaAksiTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[Kelompok] = []
        self._columns = matrix_columns("bidang")

    # ------------------------------------------------------------------ data in
    def set_groups(self, groups: Sequence[Kelompok], grouped_by: str) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._columns = matrix_columns(grouped_by)
        self.endResetModel()

    def groups(self) -> list[Kelompok]:
        return list(self._groups)

    def column_position(self, key: str) -> int:
        return next((i for i, c in enumerate(self._columns) if c.key == key), -1)

    def index_of(self, item_id: int, column: int = 0) -> QModelIndex:
        for g, group in enumerate(self._groups):
            for r, item in enumerate(group.items):
                if item.id == item_id:
                    return self.createIndex(r, column, g + 1)
        return QModelIndex()

    def item(self, index: _Index) -> RencanaAksiItem | None:
        if not index.isValid() or index.internalId() == GROUP_ID:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]

    # ------------------------------------------------------------------ Qt interface
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == GROUP_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, GROUP_ID)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP_ID and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self._columns)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.SizeHintRole:
            return ROW_SIZE
        if index.internalId() == GROUP_ID:
            return self._group_data(self._groups[index.row()], index.column(), role)
        item = self._groups[index.internalId() - 1].items[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(item, index.row() + 1)
        if role == ID_ROLE:
            return item.id
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align)
        return self._decoration(item, column.key, role)

    def _decoration(self, item: RencanaAksiItem, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.terlambat:
                return OVERDUE_TEXT
            if item.segera:
                return SOON_TEXT
            if item.form.status in ("Selesai", "Batal"):
                return MUTED_COLOR
        if role == Qt.ItemDataRole.BackgroundRole and key == "status":
            return OVERDUE_BACK if item.terlambat else SOON_BACK if item.segera else None
        if role == Qt.ItemDataRole.FontRole and key == "status" and item.terlambat:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _group_data(self, group: Kelompok, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            late = sum(i.terlambat for i in group.items)
            text = tr("{0} — {1} rencana").format(group.nama, len(group.items))
            return text + (tr(" · {0} terlambat").format(late) if late else "")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return GROUP_BACK
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == GROUP_ID:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
