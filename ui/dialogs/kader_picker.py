"""Pick kader from the registry to put on a kegiatan's roster: search as you type, select one or
many (Ctrl/Shift+click, Shift+↓), Enter adds them all with the chosen peran.

Searching goes through :func:`db.services.kader_search.search_kader` (FTS5), so it stays quick
with the whole registry; kader already on the roster are shown greyed and cannot be added twice.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services.kader_search import KaderRow, search_kader
from db.services.peserta import PERAN, roster
from ui.pages.kegiatan_page import is_enter
from widgets.search_box import SearchBox
from widgets.table_model import Column, RowTableModel

LIMIT = 200


class KaderPickerDialog(QDialog):
    """``chosen_ids()`` are the selected kader (not yet on the roster); ``peran()`` their role."""

    def __init__(self, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah peserta dari data kader"))
        self._on_roster = {r.kader_id for r in roster(kegiatan_id) if r.kader_id is not None}
        columns = [
            Column("nama", self.tr("Nama"), lambda r: r.nama),
            Column("nik", self.tr("NIK"), lambda r: r.nik_masked or "–"),
            Column("posyandu", self.tr("Posyandu"), lambda r: r.posyandu),
            Column("kelurahan", self.tr("Kelurahan"), lambda r: r.kelurahan),
            Column("jabatan", self.tr("Jabatan"), lambda r: r.jabatan),
            Column(
                "terdaftar",
                self.tr("Sudah peserta"),
                lambda r: "✓" if r.id in self._on_roster else "",
                align=Qt.AlignmentFlag.AlignCenter,
            ),  # fmt: skip
        ]
        self.model = RowTableModel(columns, muted=lambda r: r.id in self._on_roster, parent=self)
        self.search_box = SearchBox()
        self.search_box.setPlaceholderText(self.tr("Cari nama, NIK, posyandu atau kelurahan…"))
        self.peran_combo = QComboBox()
        for peran in PERAN:
            self.peran_combo.addItem(peran, peran)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(QLabel(self.tr("Sebagai:")))
        top.addWidget(self.peran_combo)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 160), (2, 150), (3, 130), (4, 110), (5, 100)):
            self.table.setColumnWidth(column, width)
        self.table.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Tambahkan"))
        self.ok_button.setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.search_box.searchChanged.connect(self._search)
        self.search_box.moveDown.connect(self._focus_table)
        self.table.selectionModel().selectionChanged.connect(self._update_ok)
        self._search("")
        self.resize(900, 560)

    @Slot(str)
    def _search(self, text: str) -> None:
        page = search_kader(text, limit=LIMIT)
        self.model.set_rows(page.rows)
        shown = len(page.rows)
        if page.total <= shown:
            text = self.tr("{0} kader cocok").format(page.total)
        else:
            text = self.tr("{0} kader cocok, {1} pertama ditampilkan — persempit pencarian")
            text = text.format(page.total, shown)
        self.count_label.setText(text)
        self._update_ok()

    @Slot()
    def _focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and is_enter(event):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> list[KaderRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row(r) for r in rows if self.model.row(r).id not in self._on_roster]

    def chosen_ids(self) -> list[int]:
        return [row.id for row in self.chosen()]

    def peran(self) -> str:
        return self.peran_combo.currentData()

    @Slot()
    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.chosen()))

    def accept(self) -> None:
        if self.chosen():
            super().accept()
