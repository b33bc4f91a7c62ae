"""Rencana Aksi: the cross-sector plan as a grouped matrix, edited in a side panel, with its monev.

The matrix (a tree: bidang or OPD, then items in the printed order) is filtered by tahun, bidang,
OPD, status and "terlambat saja"; overdue items are red with a badge, items due within 30 days
amber (the flags come from the service, computed against :attr:`RencanaAksiPage.today`, which
tests set). Enter or double-click opens the item in the panel beside the matrix, Ins adds one,
Del deletes; the "Status" box and the context menu change the status of the selected item at
once. Printing and Excel (export what the filters show; import after a dry run) live in
:mod:`ui.pages.rencana_aksi_actions`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.rencana_aksi import (
    RencanaAksiFilter,
    RencanaAksiItem,
    delete_rencana_aksi,
    group_items,
    list_rencana_aksi,
    set_status,
    years,
)
from db.services.rencana_aksi_lists import STATUS_RENCANA_AKSI, bidang_list, opd_list
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.models.registry_choices import refill
from ui.models.rencana_aksi_model import RencanaAksiTreeModel
from ui.pages import PageSpec
from ui.pages.kegiatan_page import is_enter
from ui.pages.rencana_aksi_actions import RencanaAksiActions
from ui.pages.rencana_aksi_panel import RencanaAksiPanel

WIDTHS = {"no": 52, "aksi": 240, "lokus": 150, "opd": 160, "bidang": 140, "jadwal": 110, "anggaran": 116,
          "status": 180, "realisasi": 88}  # fmt: skip
PANEL_WIDTH = 430
NARROW_HIDDEN = ("lokus", "opd", "bidang", "anggaran")  # hidden while the panel takes the room


class RencanaAksiPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.today: date | None = None  # None = the real date; tests inject one
        self.items: list[RencanaAksiItem] = []
        self.model = RencanaAksiTreeModel(self)
        self._build(spec)
        self.actions = RencanaAksiActions(self, ctx)
        self._connect()
        ctx.bus.rencanaAksiChanged.connect(self.refresh)
        ctx.bus.rencanaAksiListsChanged.connect(self.refresh)  # its filter combos
        ctx.bus.dataReplaced.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ construction
    def _build(self, spec: PageSpec) -> None:
        title = QLabel(QCoreApplication.translate("pages", spec.title))
        title.setObjectName("pageTitle")
        self.tahun_combo = self._combo("filterTahun", 10)
        self.bidang_combo = self._combo("filterBidang", 16)
        self.opd_combo = self._combo("filterOpd", 14)
        self.status_combo = self._combo("filterStatus", 11)
        self.late_check = QCheckBox(self.tr("Terlambat saja"))
        self.group_combo = self._combo("groupBy", 8)
        self.group_combo.addItem(self.tr("Bidang"), "bidang")
        self.group_combo.addItem(self.tr("OPD"), "opd")
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("Saring:")), self.tahun_combo, self.bidang_combo, self.opd_combo,
                       self.status_combo, self.late_check):  # fmt: skip
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("Kelompokkan:")))
        filters.addWidget(self.group_combo)

        self.add_button = self._button(
            self.tr("Tambah"), "plus.svg", self.tr("Tambah rencana aksi (Ins)"), primary=True
        )
        self.edit_button = self._button(
            self.tr("Ubah"), "pencil.svg", self.tr("Buka di panel samping (Enter)")
        )
        self.delete_button = self._button(self.tr("Hapus"), "trash.svg", self.tr("Hapus rencana aksi (Del)"))
        self.quick_status = self._combo("quickStatus", 10)
        self.quick_status.setToolTip(self.tr("Ubah status rencana aksi yang dipilih"))
        for status in STATUS_RENCANA_AKSI:
            self.quick_status.addItem(status, status)
        self.print_button = self._button(self.tr("Cetak matriks…"), "printer.svg",
                                         self.tr("Matriks rencana aksi per bidang (PDF)"))  # fmt: skip
        self.monev_button = self._button(self.tr("Laporan monev…"), "clipboard-list.svg",
                                         self.tr("Laporan monev untuk satu periode (PDF)"))  # fmt: skip
        self.export_button = self._button(self.tr("Ekspor…"), "file-export.svg",
                                          self.tr("Simpan yang tampil ke file .xlsx"))  # fmt: skip
        self.import_button = self._button(self.tr("Impor…"), "file-import.svg",
                                          self.tr("Baca rencana aksi dari file .xlsx"))  # fmt: skip
        bar = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.delete_button, QLabel(self.tr("Status:")),
                       self.quick_status):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        documents = (self.print_button, self.monev_button, self.export_button, self.import_button)
        for widget in documents:
            bar.addWidget(widget)

        self.tree = self._make_tree()
        self.panel = RencanaAksiPanel(self._ctx)
        self.panel.setMinimumWidth(360)
        self.panel.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setChildrenCollapsible(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)

    def _combo(self, name: str, length: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setMinimumContentsLength(length)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _button(self, text: str, icon_name: str, tip: str, primary: bool = False) -> QPushButton:
        button = QPushButton(icon(icon_name, "#ffffff" if primary else "#37474f"), text)
        button.setToolTip(tip)
        if primary:
            button.setProperty("primary", True)
        return button

    def _make_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("rencanaAksiTree")
        tree.setModel(self.model)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setWordWrap(False)
        tree.setIndentation(14)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.header().setStretchLastSection(False)
        return tree

    def _size_columns(self) -> None:
        header = self.tree.header()
        for key, width in WIDTHS.items():
            position = self.model.column_position(key)
            if position >= 0:
                self.tree.setColumnWidth(position, width)
        header.setSectionResizeMode(self.model.column_position("aksi"), QHeaderView.ResizeMode.Stretch)
        narrow = not self.panel.isHidden()
        for key in NARROW_HIDDEN:
            position = self.model.column_position(key)
            if position >= 0:
                self.tree.setColumnHidden(position, narrow)

    def _connect(self) -> None:
        combos = (self.tahun_combo, self.bidang_combo, self.opd_combo, self.status_combo, self.group_combo)
        for combo in combos:
            combo.currentIndexChanged.connect(self.reload)
        self.late_check.toggled.connect(self.reload)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.quick_status.activated.connect(self._quick_status)
        self.print_button.clicked.connect(self.actions.print_matrix)
        self.monev_button.clicked.connect(self.actions.print_monev)
        self.export_button.clicked.connect(self.actions.export_excel)
        self.import_button.clicked.connect(self.actions.import_excel)
        self.tree.doubleClicked.connect(self._open_index)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.tree.installEventFilter(self)  # Enter opens (a filter never sees a dialog's keys)
        self.panel.saved.connect(self._saved)
        self.panel.closed.connect(self.close_panel)
        for keys, slot, scope in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_item, self),
            (QKeySequence(Qt.Key.Key_Delete), self.delete_selected, self.tree),
        ):
            shortcut = QShortcut(keys, scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.tree and is_enter(event):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    def filter(self) -> RencanaAksiFilter:
        return RencanaAksiFilter(
            tahun=self.tahun_combo.currentData() or None,
            bidang=self.bidang_combo.currentData() or "",
            opd=self.opd_combo.currentData() or "",
            status=self.status_combo.currentData() or "",
            terlambat_saja=self.late_check.isChecked(),
        )

    @Slot()
    def refresh(self) -> None:
        """Reload the choice lists (they are editable in Pengaturan) and the rows."""
        this_year = (self.today or date.today()).year
        tahun = sorted(set(years()) | {this_year}, reverse=True)
        refill(self.tahun_combo, [(str(y), y) for y in tahun], self.tr("Semua tahun"))
        refill(self.bidang_combo, [(b, b) for b in bidang_list()], self.tr("Semua bidang"))
        refill(self.opd_combo, [(o, o) for o in opd_list()], self.tr("Semua OPD"))
        refill(self.status_combo, [(s, s) for s in STATUS_RENCANA_AKSI], self.tr("Semua status"))
        self.reload()
        if self.panel.isVisible() and self.panel.item_id is not None:
            self.panel.monev_tab.reload()

    @Slot()
    def reload(self) -> None:
        selected = self.selected_item()
        self.items = list_rencana_aksi(self.filter(), today=self.today)
        by = self.group_combo.currentData() or "bidang"
        self.model.set_groups(group_items(self.items, by), by)
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)  # the group heading spans the row
        self.tree.expandAll()
        self._size_columns()
        if selected is not None:
            self.select_item(selected.id)
        self._update_buttons()
        late = sum(i.terlambat for i in self.items)
        soon = sum(i.segera for i in self.items)
        self.count_label.setText(
            self.tr("{0} rencana aksi · {1} terlambat · {2} jatuh tempo dalam 30 hari").format(
                len(self.items), late, soon
            )
        )

    def selected_item(self) -> RencanaAksiItem | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.item(rows[0]) if rows else None

    def select_item(self, item_id: int) -> None:
        index = self.model.index_of(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    @Slot()
    def _update_buttons(self) -> None:
        item = self.selected_item()
        for widget in (self.edit_button, self.delete_button, self.quick_status):
            widget.setEnabled(item is not None)
        if item is not None:
            self.quick_status.setCurrentIndex(self.quick_status.findData(item.form.status))

    # ------------------------------------------------------------------ panel
    @Slot()
    def add_item(self) -> None:
        flt = self.filter()
        self.panel.start_new(flt.tahun or (self.today or date.today()).year, flt.bidang, flt.opd)
        self._show_panel()

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if item is not None:
            self.edit_item(item.id)

    @Slot()
    def edit_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.edit_item(item.id)

    def edit_item(self, item_id: int) -> None:
        try:
            self.panel.open_item(item_id)
        except DomainError as exc:
            messages.error(self, self.tr("Rencana aksi"), messages.error_text(exc))
            return
        self._show_panel()
        self.select_item(item_id)

    def _show_panel(self) -> None:
        if not self.panel.isVisible():
            self.panel.show()
            total = self.splitter.width()
            self.splitter.setSizes([max(300, total - PANEL_WIDTH), PANEL_WIDTH])
            self._size_columns()

    @Slot()
    def close_panel(self) -> None:
        self.panel.hide()
        self._size_columns()
        self.tree.setFocus()

    @Slot(int)
    def _saved(self, item_id: int) -> None:
        self._ctx.bus.rencanaAksiChanged.emit()
        self._ctx.bus.statusMessage.emit(self.tr("Rencana aksi disimpan."))
        self.select_item(item_id)

    # ------------------------------------------------------------------ quick actions
    @Slot(int)
    def _quick_status(self, _position: int) -> None:
        item = self.selected_item()
        if item is not None:
            self.change_status(item.id, self.quick_status.currentData())

    def change_status(self, item_id: int, status: str) -> None:
        try:
            set_status(item_id, status)
        except DomainError as exc:
            messages.error(self, self.tr("Ubah status"), messages.error_text(exc))
            return
        self._ctx.bus.rencanaAksiChanged.emit()
        self._ctx.bus.statusMessage.emit(self.tr("Status diubah menjadi {0}.").format(status))
        if self.panel.isVisible() and self.panel.item_id == item_id:
            self.panel.open_item(item_id)
        self.select_item(item_id)

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        item = self.model.item(self.tree.indexAt(point))
        if item is None:
            return
        self.select_item(item.id)
        self.status_menu(item).popup(self.tree.viewport().mapToGlobal(point))

    def status_menu(self, item: RencanaAksiItem) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Ubah…"), lambda: self.edit_item(item.id))
        status_menu = menu.addMenu(self.tr("Status"))
        for status in STATUS_RENCANA_AKSI:
            action = status_menu.addAction(status, lambda s=status: self.change_status(item.id, s))
            action.setCheckable(True)
            action.setChecked(status == item.form.status)
        menu.addAction(self.tr("Tambah monev…"), lambda: self._add_monev(item.id))
        return menu

    def _add_monev(self, item_id: int) -> None:
        self.edit_item(item_id)
        self.panel.tabs.setCurrentWidget(self.panel.monev_tab)
        self.panel.monev_tab.add_entry()

    @Slot()
    def delete_selected(self) -> None:
        item = self.selected_item()
        title = self.tr("Hapus rencana aksi")
        if item is None:
            return
        question = self.tr('Hapus rencana aksi "{0}" beserta {1} catatan monevnya?').format(
            item.form.aksi[:80], item.jumlah_monev
        )
        if not messages.confirm(self, title, question):
            return
        try:
            delete_rencana_aksi(item.id)
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return
        if self.panel.item_id == item.id:
            self.close_panel()
        self._ctx.bus.rencanaAksiChanged.emit()
        self._ctx.bus.statusMessage.emit(self.tr("Rencana aksi dihapus."))
