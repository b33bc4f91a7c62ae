"""Read-only view of the audit trail ("Riwayat perubahan"): everything, or one record's history.

The trail grows without bound, so rows are fetched a page at a time, newest first; "Muat lebih
banyak" appends the next page. The change details can be long, so the table shows them elided and
the full text of the selected entry appears underneath.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services.riwayat import ENTITY_LABELS, AuditEntry, list_changes
from widgets.table_model import ROW_ROLE, Column, RowTableModel

PAGE_SIZE = 200
ACTION_LABELS = {
    "tambah": QT_TRANSLATE_NOOP("RiwayatView", "Tambah"),
    "ubah": QT_TRANSLATE_NOOP("RiwayatView", "Ubah"),
    "hapus": QT_TRANSLATE_NOOP("RiwayatView", "Hapus"),
    "pulihkan": QT_TRANSLATE_NOOP("RiwayatView", "Pulihkan"),
}


def format_time(iso: str) -> str:
    """``2026-05-01T10:20:30`` → ``01-05-2026 10.20`` (Indonesian time uses a dot)."""
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m-%Y %H.%M")
    except ValueError:
        return iso


def action_label(action: str) -> str:
    if action in ACTION_LABELS:
        return QCoreApplication.translate("RiwayatView", ACTION_LABELS[action])
    return action.replace("_", " ").capitalize()


def entity_label(entity: str) -> str:
    return QCoreApplication.translate("RiwayatView", ENTITY_LABELS.get(entity, entity))


def audit_columns() -> list[Column]:
    tr = QCoreApplication.translate
    return [
        Column("waktu", tr("RiwayatView", "Waktu"), lambda e: format_time(e.waktu), lambda e: e.id),
        Column("operator", tr("RiwayatView", "Operator"), lambda e: e.operator),
        Column("aksi", tr("RiwayatView", "Aksi"), lambda e: action_label(e.aksi)),
        Column("bagian", tr("RiwayatView", "Bagian"), lambda e: entity_label(e.entitas)),
        Column(
            "ringkasan", tr("RiwayatView", "Ringkasan"), lambda e: e.ringkasan, tooltip=lambda e: e.ringkasan
        ),
        Column("rincian", tr("RiwayatView", "Rincian"), AuditEntry.describe_changes),
    ]


class RiwayatView(QWidget):
    """The trail for ``entity``/``entity_id`` (both ``None``: everything, with a filter box)."""

    def __init__(
        self, entity: str | None = None, entity_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._entity = entity
        self._entity_id = entity_id
        self._loaded = 0
        self.model = RowTableModel(audit_columns(), parent=self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.filter_combo = QComboBox()
        self.filter_combo.addItem(self.tr("Semua bagian"), None)
        for key in ENTITY_LABELS:
            self.filter_combo.addItem(entity_label(key), key)
        self.filter_combo.setVisible(self._entity is None)
        self.filter_combo.currentIndexChanged.connect(self.refresh)
        self.filter_label = QLabel(self.tr("Bagian:"))
        self.filter_label.setBuddy(self.filter_combo)
        self.filter_label.setVisible(self._entity is None)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(120)
        self.detail.setPlaceholderText(self.tr("Pilih satu baris untuk melihat rincian perubahannya."))
        layout.addWidget(self.detail)
        bottom = QHBoxLayout()
        self.more_button = QPushButton(self.tr("Muat lebih banyak"))
        self.more_button.clicked.connect(self.load_more)
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        widths = {"waktu": 130, "operator": 120, "aksi": 110, "bagian": 130, "ringkasan": 240}
        for key, width in widths.items():
            table.setColumnWidth(self.model.column_position(key), width)
        table.setColumnHidden(self.model.column_position("bagian"), self._entity is not None)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        return table

    # ------------------------------------------------------------------ data
    def entity_filter(self) -> str | None:
        return self._entity if self._entity is not None else self.filter_combo.currentData()

    def _fetch(self, offset: int) -> list[AuditEntry]:
        """One page plus one row, so we know whether there is more without counting."""
        return list_changes(self.entity_filter(), self._entity_id, limit=PAGE_SIZE + 1, offset=offset)

    @Slot()
    def refresh(self) -> None:
        rows = self._fetch(0)
        self.model.set_rows(rows[:PAGE_SIZE])
        self._loaded = min(len(rows), PAGE_SIZE)
        self._after_load(has_more=len(rows) > PAGE_SIZE)
        self.detail.clear()

    @Slot()
    def load_more(self) -> None:
        rows = self._fetch(self._loaded)
        self.model.append_rows(rows[:PAGE_SIZE])
        self._loaded += min(len(rows), PAGE_SIZE)
        self._after_load(has_more=len(rows) > PAGE_SIZE)

    def _after_load(self, *, has_more: bool) -> None:
        self.more_button.setEnabled(has_more)
        self.more_button.setVisible(has_more)
        if self._loaded == 0:
            self.count_label.setText(self.tr("Belum ada perubahan tercatat."))
        elif has_more:
            self.count_label.setText(self.tr("{0} perubahan terbaru ditampilkan").format(self._loaded))
        else:
            self.count_label.setText(self.tr("{0} perubahan").format(self._loaded))

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        entry: AuditEntry | None = rows[0].data(ROW_ROLE) if rows else None
        if entry is None:
            self.detail.clear()
            return
        parts = (format_time(entry.waktu), entry.operator, action_label(entry.aksi), entry.ringkasan)
        head = " · ".join(parts)
        self.detail.setPlainText(f"{head}\n{entry.describe_changes().replace('; ', chr(10))}")

    def entries(self) -> list[AuditEntry]:
        return self.model.rows()
