"""Kegiatan: the list (upcoming first) and, on Enter, one kegiatan's tabs in the same page.

A kecamatan holds tens of kegiatan a year, so the whole filtered list sits in a
:class:`widgets.table_model.RowTableModel`; filters (year, jenis, status) go to the service. The
page is a stack: the list, and the detail (Ringkasan, Peserta, Kehadiran) with a back button
(or Alt+←; Esc belongs to the check-in field), so nobody juggles windows at the check-in desk.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.kegiatan import JENIS_KEGIATAN, STATUS_KEGIATAN, KegiatanRow, delete_kegiatan, list_kegiatan
from reports.formatting import rentang_tanggal
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.pages import PageSpec
from widgets.table_model import Column, RowTableModel
from widgets.table_selection import select_id, selected_row

RIGHT = Qt.AlignmentFlag.AlignRight
WIDTHS = {"tanggal": 210, "jenis": 140, "tempat": 190, "peserta": 80, "hari": 60, "status": 90}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def kegiatan_columns() -> list[Column]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("KegiatanPage", text)

    return [
        Column(
            "tanggal",
            tr("Tanggal"),
            lambda r: rentang_tanggal(r.tanggal_mulai, r.tanggal_selesai),
            sort_key=lambda r: r.tanggal_mulai,
        ),
        Column("nama", tr("Nama kegiatan"), lambda r: r.nama),
        Column("jenis", tr("Jenis"), lambda r: r.jenis),
        Column("tempat", tr("Tempat"), lambda r: r.tempat),
        Column(
            "peserta",
            tr("Peserta"),
            lambda r: str(r.jumlah_peserta),
            sort_key=lambda r: r.jumlah_peserta,
            align=RIGHT,
        ),  # fmt: skip
        Column(
            "hari", tr("Hari"), lambda r: str(r.jumlah_hari), sort_key=lambda r: r.jumlah_hari, align=RIGHT
        ),  # fmt: skip
        Column("status", tr("Status"), lambda r: r.status.capitalize()),
    ]


def is_enter(event: QEvent) -> bool:
    """A plain Enter/Return key press (keypad included)."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in ENTER_KEYS
        and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
    )


class KegiatanPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.detail = None  # KegiatanDetailView while one is open
        self.model = RowTableModel(kegiatan_columns(), muted=lambda r: r.status == "batal", parent=self)
        self._build(spec)
        self._connect()
        ctx.bus.dataReplaced.connect(self.refresh)
        ctx.bus.kegiatanChanged.connect(self._reload)  # the open detail reloads its own tabs

    # ------------------------------------------------------------------ construction
    def _build(self, spec: PageSpec) -> None:
        title = QLabel(QCoreApplication.translate("pages", spec.title))
        title.setObjectName("pageTitle")
        self.year_combo = QComboBox()
        self.jenis_combo = QComboBox()
        self.jenis_combo.addItem(self.tr("Semua jenis"), "")
        for jenis in JENIS_KEGIATAN:
            self.jenis_combo.addItem(jenis, jenis)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Semua status"), "")
        for status in STATUS_KEGIATAN:
            self.status_combo.addItem(status.capitalize(), status)
        self.add_button = QPushButton(icon("plus.svg", "#ffffff"), self.tr("Tambah kegiatan"))
        self.add_button.setProperty("primary", True)
        self.add_button.setToolTip(self.tr("Tambah kegiatan (Ins)"))
        self.open_button = QPushButton(icon("eye.svg", "#37474f"), self.tr("Buka"))
        self.open_button.setToolTip(self.tr("Buka kegiatan yang dipilih (Enter)"))
        self.delete_button = QPushButton(icon("trash.svg", "#37474f"), self.tr("Hapus"))
        self.kota_button = QPushButton(icon("upload.svg", "#37474f"), self.tr("Kirim ke Kota…"))
        self.kota_button.setToolTip(self.tr("Paket satu atau beberapa kegiatan untuk Pokjanal kab/kota"))
        self.kota_button.clicked.connect(self.kirim_kota)
        bar = QHBoxLayout()
        for widget in (self.add_button, self.open_button, self.delete_button, self.kota_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (QLabel(self.tr("Saring:")), self.year_combo, self.jenis_combo, self.status_combo):
            bar.addWidget(widget)
        self.table = self._make_table()
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")

        self.list_view = QWidget()
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("kegiatanTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setSectionResizeMode(self.model.column_position("nama"), QHeaderView.ResizeMode.Stretch)
        for key, width in WIDTHS.items():
            table.setColumnWidth(self.model.column_position(key), width)
        return table

    def _connect(self) -> None:
        for combo in (self.year_combo, self.jenis_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._reload)
        self.add_button.clicked.connect(self.add_kegiatan)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.installEventFilter(self)  # Enter opens (a filter never sees a dialog's keys)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.list_view)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.add_kegiatan)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and is_enter(event):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self) -> None:
        """Reload years (every year that has a kegiatan, plus this one) and the rows."""
        years = sorted({r.tanggal_mulai.year for r in list_kegiatan()} | {date.today().year}, reverse=True)
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("Semua tahun"), 0)
        for year in years:
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)
        self._reload()
        if self.detail is not None:
            self.detail.refresh()

    @Slot()
    def _reload(self) -> None:
        selected = self.selected_row()
        self.model.set_rows(
            list_kegiatan(
                self.year_combo.currentData() or None,
                self.jenis_combo.currentData() or "",
                self.status_combo.currentData() or "",
            )
        )
        if selected is not None:
            self.select_kegiatan(selected.id)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self.count_label.setText(self.tr("{0} kegiatan").format(self.model.rowCount()))

    def selected_row(self) -> KegiatanRow | None:
        return selected_row(self.table, self.model)

    def select_kegiatan(self, kegiatan_id: int) -> None:
        select_id(self.table, self.model, kegiatan_id)

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected_row() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # ------------------------------------------------------------------ actions
    @Slot()
    def add_kegiatan(self) -> None:
        from ui.dialogs.kegiatan_dialog import open_kegiatan_dialog

        kegiatan_id = open_kegiatan_dialog(self)
        if kegiatan_id is not None:
            self._ctx.bus.kegiatanChanged.emit(kegiatan_id)
            self._ctx.bus.statusMessage.emit(self.tr("Kegiatan baru disimpan."))
            self.select_kegiatan(kegiatan_id)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_kegiatan(self.model.row(index.row()).id)

    @Slot()
    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_kegiatan(row.id)

    def open_kegiatan(self, kegiatan_id: int, tab: str = "") -> QWidget:
        """Show one kegiatan's tabs in place of the list; returns the detail view."""
        from ui.pages.kegiatan_detail import KegiatanDetailView

        self.close_detail()
        self.detail = KegiatanDetailView(self._ctx, kegiatan_id, self)
        self.detail.back.connect(self.close_detail)
        self.stack.addWidget(self.detail)
        self.stack.setCurrentWidget(self.detail)
        if tab:
            self.detail.show_tab(tab)  # the tab puts the focus where work starts (the desk field)
        else:
            self.detail.tabs.setFocus()
        return self.detail

    @Slot()
    def close_detail(self) -> None:
        if self.detail is None:
            return
        kegiatan_id = self.detail.kegiatan_id
        self.stack.setCurrentWidget(self.list_view)
        self.stack.removeWidget(self.detail)
        self.detail.deleteLater()
        self.detail = None
        self._reload()
        self.select_kegiatan(kegiatan_id)
        self.table.setFocus()

    @Slot()
    def kirim_kota(self) -> None:
        from ui.dialogs.kirim_kota_dialog import open_kirim_kota

        row = self.selected_row()
        self.kota_dialog = open_kirim_kota(self._ctx, [row.id] if row else [], self)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        title = self.tr("Hapus kegiatan")
        question = self.tr("Hapus kegiatan {0}?").format(row.nama)
        if row.jumlah_peserta:
            question = self.tr(
                "Kegiatan {0} sudah punya {1} peserta. Daftar peserta dan kehadirannya ikut terhapus.\n\n"
                "Tetap hapus?"
            ).format(row.nama, row.jumlah_peserta)
        if not messages.confirm(self, title, question):
            return
        try:
            delete_kegiatan(row.id, force=True)
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return
        self._ctx.bus.kegiatanChanged.emit(row.id)
        self._ctx.bus.statusMessage.emit(self.tr("Kegiatan {0} dihapus.").format(row.nama))
