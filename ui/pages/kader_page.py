"""Kader: the registry as a searchable, sortable table, built for the keyboard.

The table pages through :func:`db.services.kader_search.search_kader` (FTS5, one page at a time),
so typing in the search box stays quick at 100,000 kader. Ctrl+F searches, ↓/Enter moves to the
table, Enter opens the selected kader, Ins adds one, Del deletes (kader with training history are
deactivated instead) and Ctrl+Z puts the last deleted kader back. NIKs are shown masked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
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
from db.services.kader import DeleteRefused, KaderSnapshot, delete_kader, restore_kader, set_status
from db.services.kader_search import SORT_COLUMNS, KaderFilter, KaderRow, search_kader
from db.services.posyandu import list_posyandu
from reports.formatting import angka
from ui import messages
from ui.context import AppContext
from ui.dialogs.kader_dialog import open_kader_dialog
from ui.icons import icon
from ui.models.paged_model import PagedSearchModel
from ui.pages import PageSpec
from ui.pages.kader_actions import KaderActions
from ui.pages.kader_filters import KaderFilters
from widgets.search_box import SearchBox
from widgets.table_model import Column
from widgets.table_selection import focus_table, select_id, selected_row

ROW_HEIGHT = 28
MIN_NIK_DIGITS = 4
# column key → initial width in pixels; Nama takes what is left (about 200 px at 1366×768)
WIDTHS = {
    "nik": 168,
    "jenis_kelamin": 40,
    "posyandu": 155,
    "kelurahan": 120,
    "jabatan": 110,
    "tingkatan": 88,
    "status": 80,
    "hp": 122,
}


def searches(text: str) -> bool:
    """Whether ``text`` is worth a query: 1–3 digits match nearly every NIK (they all start with
    the same province and kota code), so a digits-only search waits for the fourth digit."""
    return not (text.isdigit() and len(text) < MIN_NIK_DIGITS)


def _nik(row: KaderRow) -> str:
    if row.nik_perlu_dicek:
        return f"{row.nik_masked} ⚠"
    return row.nik_masked or "–"


def _jabatan(row: KaderRow) -> str:
    return f"{row.jabatan} {row.bidang}".strip() if row.jabatan == "Ketua Bidang" else row.jabatan


def kader_columns() -> list[Column]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("KaderPage", text)

    nik_tip = tr(
        "⚠ NIK perlu dicek: angka ke-16 mungkin hilang saat dibaca dari Excel. Cocokkan dengan KTP/KK, "
        'lalu buka data kader ini dan hapus tanda centang "NIK perlu dicek".'
    )
    return [
        Column("nama", tr("Nama"), lambda r: r.nama),
        Column("nik", tr("NIK"), _nik, tooltip=lambda r: nik_tip if r.nik_perlu_dicek else ""),
        Column("jenis_kelamin", tr("L/P"), lambda r: r.jenis_kelamin, align=Qt.AlignmentFlag.AlignCenter),
        Column("posyandu", tr("Posyandu"), lambda r: r.posyandu),
        Column("kelurahan", tr("Kelurahan"), lambda r: r.kelurahan),
        Column("jabatan", tr("Jabatan"), _jabatan),
        Column("tingkatan", tr("Tingkatan"), lambda r: r.tingkatan),
        Column("status", tr("Status"), lambda r: r.status.capitalize()),
        Column("hp", tr("No. HP"), lambda r: r.hp),
    ]


def _search(text: str, filters: dict, order_by: str, descending: bool, limit: int, offset: int):  # noqa: ANN202
    page = search_kader(
        text, KaderFilter(**filters), order_by=order_by, descending=descending, limit=limit, offset=offset
    )
    return page.total, page.rows


class KaderPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._undo: list[KaderSnapshot] = []
        self._registry_total = 0
        self.model = PagedSearchModel(
            kader_columns(),
            _search,
            sortable=SORT_COLUMNS.keys(),
            muted=lambda r: r.status != "aktif",
            warn={"nik": lambda r: r.nik_perlu_dicek},
            parent=self,
        )
        self._build(spec)
        self.actions = KaderActions(self, ctx, self.filters)
        self._connect()
        ctx.bus.registryChanged.connect(self.refresh)
        ctx.bus.dataReplaced.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ construction
    def _build(self, spec: PageSpec) -> None:
        title = QLabel(QCoreApplication.translate("pages", spec.title))
        title.setObjectName("pageTitle")
        self.search_box = SearchBox()
        self.search_box.setPlaceholderText(self.tr("Cari kader…  (Ctrl+F)"))
        self.search_box.setToolTip(
            self.tr(
                "Cari menurut nama, NIK, nama posyandu atau kelurahan. Beberapa kata: semuanya harus cocok."
            )
        )
        self.search_box.setMinimumWidth(280)
        self.filters = KaderFilters()
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.filters)

        self.add_button = self._button(
            self.tr("Tambah"), "user-plus.svg", self.tr("Tambah kader (Ins)"), primary=True
        )
        self.edit_button = self._button(
            self.tr("Ubah"), "pencil.svg", self.tr("Buka kader yang dipilih (Enter)")
        )
        self.delete_button = self._button(
            self.tr("Hapus"), "trash.svg", self.tr("Hapus kader yang dipilih (Del)")
        )
        self.print_button = self._button(
            self.tr("Cetak daftar…"), "printer.svg", self.tr("Daftar kader per kelurahan atau posyandu (PDF)")
        )
        self.recap_button = self._button(
            self.tr("Cetak rekap…"),
            "clipboard-list.svg",
            self.tr("Rekap kader per posyandu, tingkatan dan kelurahan (PDF)"),
        )
        self.import_button = self._button(
            self.tr("Impor Excel…"), "file-import.svg", self.tr("Baca daftar kader dari file .xlsx")
        )
        self.export_button = self._button(
            self.tr("Ekspor Excel…"),
            "file-export.svg",
            self.tr("Simpan kader (sesuai saringan kelurahan, posyandu, status, tingkatan) ke file .xlsx"),
        )
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.print_button, self.recap_button, self.import_button, self.export_button):
            bar.addWidget(button)

        self.table = self._make_table()
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.undo_label = QLabel()
        self.undo_label.setObjectName("muted")
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.undo_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    def _button(self, text: str, icon_name: str, tip: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(icon(icon_name, "#ffffff" if primary else "#37474f"), text)
        button.setToolTip(tip)
        if primary:
            button.setProperty("primary", True)
        return button

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("kaderTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.model.column_position("nama"), QHeaderView.ResizeMode.Stretch)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        for key, width in WIDTHS.items():
            table.setColumnWidth(self.model.column_position(key), width)
        return table

    def _connect(self) -> None:
        self.search_box.searchChanged.connect(self._on_search)
        self.search_box.moveDown.connect(self._focus_table)
        self.search_box.install_shortcut(self)
        self.model.queried.connect(self.search_box.report_elapsed)
        self.model.modelReset.connect(self._update_footer)
        self.model.rowsInserted.connect(self._update_footer)
        self.filters.changed.connect(self._on_filters)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add_kader)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.print_button.clicked.connect(self.actions.print_list)
        self.recap_button.clicked.connect(self.actions.print_recap)
        self.import_button.clicked.connect(self.actions.import_excel)
        self.export_button.clicked.connect(self.actions.export_excel)
        shortcuts = (
            (QKeySequence(Qt.Key.Key_Insert), self.add_kader, self),
            (QKeySequence(QKeySequence.StandardKey.Undo), self.undo_delete, self),
            (QKeySequence(Qt.Key.Key_Delete), self.delete_selected, self.table),
        )
        for keys, slot, scope in shortcuts:
            shortcut = QShortcut(keys, scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self) -> None:
        """Reload choices, the registry count and the rows (after any registry change)."""
        self.filters.set_posyandu(list_posyandu())
        self._registry_total = search_kader("", None, limit=0).total
        text = self.search_box.text().strip()
        self.model.set_query(text if searches(text) else self.model.text, self.filters.value())

    @Slot(str)
    def _on_search(self, text: str) -> None:
        if not searches(text):
            self.count_label.setText(
                self.tr("Ketik sedikitnya {0} angka untuk mencari NIK.").format(MIN_NIK_DIGITS)
            )
            return
        self.model.set_query(text=text)

    @Slot()
    def _on_filters(self) -> None:
        self.model.set_query(filters=self.filters.value())

    @Slot()
    def _update_footer(self) -> None:
        shown = self.model.total()
        if self.search_box.text().strip() or self.filters.is_filtered():
            text = self.tr("{0} kader · {1} ditampilkan").format(angka(self._registry_total), angka(shown))
        else:
            text = self.tr("{0} kader").format(angka(self._registry_total))
        self.count_label.setText(text)
        self.undo_label.setText(
            self.tr("Ctrl+Z: kembalikan {0}").format(self._undo[-1].nama) if self._undo else ""
        )

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected_row() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected_row(self) -> KaderRow | None:
        return selected_row(self.table, self.model)

    @Slot()
    def _focus_table(self) -> None:
        focus_table(self.table, self.model)

    def select_kader(self, kader_id: int) -> None:
        select_id(self.table, self.model, kader_id)

    # ------------------------------------------------------------------ actions
    def _changed(self, message: str, select: int | None = None) -> None:
        self._ctx.bus.registryChanged.emit()
        self._ctx.bus.statusMessage.emit(message)
        if select is not None:
            self.select_kader(select)

    @Slot()
    def add_kader(self) -> None:
        kader_id = open_kader_dialog(self)
        if kader_id is not None:
            self._changed(self.tr("Kader baru disimpan."), kader_id)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_kader(self.model.row(index.row()).id)

    @Slot()
    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.edit_kader(row.id)

    def edit_kader(self, kader_id: int) -> None:
        if open_kader_dialog(self, kader_id) is not None:
            self._changed(self.tr("Data kader disimpan."), kader_id)

    @Slot()
    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        title = self.tr("Hapus kader")
        if not messages.confirm(
            self, title, self.tr("Hapus {0} dari daftar kader?\n(Ctrl+Z membatalkan.)").format(row.nama)
        ):
            return
        position = self.table.selectionModel().selectedRows()[0].row()
        try:
            self._undo.append(delete_kader(row.id))
        except DeleteRefused as refused:
            self._offer_deactivate(row, messages.error_text(refused))
            return
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return
        self._changed(self.tr("{0} dihapus. Tekan Ctrl+Z untuk membatalkan.").format(row.nama))
        if self.model.rowCount():
            self.table.selectRow(min(position, self.model.rowCount() - 1))

    def _offer_deactivate(self, row: KaderRow, reason: str) -> None:
        if row.status != "aktif":
            messages.info(self, self.tr("Hapus kader"), reason)
            return
        question = self.tr("{0}\n\nJadikan {1} nonaktif?").format(reason, row.nama)
        if messages.confirm(self, self.tr("Hapus kader"), question):
            try:
                set_status(row.id, "nonaktif")
            except DomainError as exc:
                messages.error(self, self.tr("Hapus kader"), messages.error_text(exc))
                return
            self._changed(self.tr("{0} sekarang nonaktif.").format(row.nama), row.id)

    @Slot()
    def undo_delete(self) -> None:
        if not self._undo:
            self._ctx.bus.statusMessage.emit(self.tr("Tidak ada penghapusan yang dapat dibatalkan."))
            return
        snapshot = self._undo.pop()
        try:
            restore_kader(snapshot)
        except DomainError as exc:
            messages.error(self, self.tr("Batalkan hapus"), messages.error_text(exc))
            return
        self._changed(self.tr("{0} dikembalikan.").format(snapshot.nama), snapshot.id)
