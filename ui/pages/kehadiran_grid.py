"""Participants × days: fix statuses in bulk (select cells, then H / I / S / A or Del).

Rows follow the print order (asal, then name) so the grid reads like the rekap on paper. A bulk
change is one :func:`db.services.kehadiran.set_status_bulk` call (all or nothing); each cell
repaints through ``dataChanged``, the grid is never rebuilt for an edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.kegiatan import HariRow, get_kegiatan
from db.services.kehadiran import Mark, marks_for_kegiatan, set_status_bulk
from db.services.peserta import PesertaRow, roster_order
from ui import messages
from ui.models.checkin_model import STATUS_COLORS

_Index = QModelIndex | QPersistentModelIndex
FIXED_COLUMNS = 3  # No, Nama, Asal
SHORT = {"hadir": "Hadir", "izin": "Izin", "sakit": "Sakit", "alpa": "Tanpa ket."}
KEYS = {Qt.Key.Key_H: "hadir", Qt.Key.Key_I: "izin", Qt.Key.Key_S: "sakit", Qt.Key.Key_A: "alpa"}


class GridModel(QAbstractTableModel):
    """Rows: participants in print order; columns: No, Nama, Asal, then one per held day."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.people: list[PesertaRow] = []
        self.days: list[HariRow] = []
        self.marks: dict[tuple[int, int], Mark] = {}

    def load(self, people: list[PesertaRow], days: list[HariRow], marks: dict[tuple[int, int], Mark]) -> None:
        self.beginResetModel()
        self.people, self.days, self.marks = people, days, marks
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.days)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < FIXED_COLUMNS:
            return (self.tr("No"), self.tr("Nama"), self.tr("Asal"))[section]
        day = self.days[section - FIXED_COLUMNS]
        return self.tr("Hari {0}\n{1:%d/%m}").format(day.hari_ke, day.tanggal)

    def cell(self, index: _Index) -> tuple[PesertaRow, HariRow | None]:
        person = self.people[index.row()]
        column = index.column() - FIXED_COLUMNS
        return person, (self.days[column] if column >= 0 else None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person, day = self.cell(index)
        mark = self.marks.get((person.id, day.id)) if day else None
        if role == Qt.ItemDataRole.DisplayRole:
            if day is None:
                return (str(index.row() + 1), person.nama, person.asal)[index.column()]
            return self.tr(SHORT[mark.status]) if mark else ""
        if role == Qt.ItemDataRole.BackgroundRole and mark is not None:
            return QColor(STATUS_COLORS[mark.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and (day is not None or index.column() == 0):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and mark is not None:
            return self.tr("{0} · dicatat {1} oleh {2}").format(
                self.tr(SHORT[mark.status]), mark.waktu[:16].replace("T", " "), mark.dicatat_oleh
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_marks(self, marks: dict[tuple[int, int], Mark], cells: list[QModelIndex]) -> None:
        self.marks = marks
        for index in cells:
            self.dataChanged.emit(index, index)


class KehadiranGrid(QWidget):
    """``changed(kegiatan_id)`` after a bulk edit."""

    changed = Signal(int)

    def __init__(self, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self.model = GridModel(self)
        self.table = QTableView()
        self.table.setObjectName("kehadiranGrid")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.installEventFilter(self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Sel terpilih:")))
        for status, label in (
            ("hadir", self.tr("Hadir (H)")), ("izin", self.tr("Izin (I)")),
            ("sakit", self.tr("Sakit (S)")), ("alpa", self.tr("Tanpa keterangan (A)")),
            ("", self.tr("Kosongkan (Del)")),
        ):  # fmt: skip
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=status: self.apply(s or None))
            self.buttons[status] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        hint = QLabel(
            self.tr("Pilih sel (Shift/Ctrl + klik, Shift + panah, klik judul kolom untuk satu hari penuh).")
        )
        hint.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        footer.addWidget(hint, 1)
        footer.addWidget(self.summary)
        layout.addLayout(footer)

    @Slot()
    def refresh(self) -> None:
        days = list(get_kegiatan(self.kegiatan_id).hari_aktif)
        self.model.load(roster_order(self.kegiatan_id), days, marks_for_kegiatan(self.kegiatan_id))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 44)
        self.table.setColumnWidth(2, 200)
        for column in range(FIXED_COLUMNS, self.model.columnCount()):
            self.table.setColumnWidth(column, 96)
        self._update_summary()

    def _status(self, peserta_id: int, hari_id: int) -> str:
        mark = self.model.marks.get((peserta_id, hari_id))
        return mark.status if mark else ""

    def _update_summary(self) -> None:
        present = [
            sum(1 for p in self.model.people if self._status(p.id, d.id) == "hadir") for d in self.model.days
        ]
        total = len(self.model.people)
        self.summary.setText(
            "  ·  ".join(
                self.tr("Hari {0}: hadir {1}/{2}").format(d.hari_ke, n, total)
                for d, n in zip(self.model.days, present, strict=True)
            )  # fmt: skip
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if event.key() in KEYS:
                    self.apply(KEYS[Qt.Key(event.key())])
                    return True
                if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    self.apply(None)
                    return True
        return super().eventFilter(watched, event)

    def selected_cells(self) -> list[QModelIndex]:
        return [i for i in self.table.selectionModel().selectedIndexes() if i.column() >= FIXED_COLUMNS]

    @Slot()
    def apply(self, status: str | None) -> int:
        """Set every selected day cell to ``status`` (``None`` clears); returns cells changed."""
        cells = self.selected_cells()
        if not cells:
            return 0
        changes = []
        for index in cells:
            person, day = self.model.cell(index)
            changes.append((person.id, day.id, status))  # type: ignore[union-attr]
        try:
            changed = set_status_bulk(changes)
        except DomainError as exc:
            messages.error(self, self.tr("Kehadiran"), messages.error_text(exc))
            return 0
        self.model.set_marks(marks_for_kegiatan(self.kegiatan_id), cells)
        self._update_summary()
        if changed:
            self.changed.emit(self.kegiatan_id)
        return changed
