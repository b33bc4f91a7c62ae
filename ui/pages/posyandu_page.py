"""Posyandu: the list per kelurahan with strata, ILP status and how many kader serve in each.

A kecamatan has tens to a few hundred posyandu, so the whole filtered list is held in a
:class:`widgets.table_model.RowTableModel` and sorted in Python; filters go to the service.
Posyandu are never deleted (kader and kegiatan refer to them): they are deactivated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.posyandu import PosyanduFilter, PosyanduRow, list_posyandu, set_posyandu_active
from db.services.registry_fields import STRATA
from reports.formatting import angka
from ui import messages
from ui.context import AppContext
from ui.dialogs.posyandu_dialog import open_posyandu_dialog
from ui.icons import icon
from ui.models.registry_choices import kelurahan_choices, refill
from ui.pages import PageSpec
from widgets.table_model import Column, RowTableModel
from widgets.table_selection import select_id, selected_row

RIGHT = Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignCenter
WIDTHS = {
    "kelurahan": 125,
    "nomor_registrasi": 140,
    "strata": 125,
    "status_ilp": 56,
    "hari_buka": 135,
    "ketua": 142,
    "kader": 62,
    "aktif": 76,
}


def posyandu_columns() -> list[Column]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("PosyanduPage", text)

    def strata(row: PosyanduRow) -> str:
        return f"{row.strata} ({row.tahun_strata})" if row.strata and row.tahun_strata else row.strata or "–"

    return [
        Column("nama", tr("Nama"), lambda r: r.nama),
        Column("kelurahan", tr("Kelurahan"), lambda r: r.kelurahan),
        Column("nomor_registrasi", tr("No. registrasi"), lambda r: r.nomor_registrasi),
        Column(
            "strata",
            tr("Strata"),
            strata,
            sort_key=lambda r: STRATA.index(r.strata) if r.strata in STRATA else -1,
        ),
        Column("status_ilp", tr("ILP"), lambda r: tr("Sudah") if r.status_ilp else tr("Belum"), align=CENTER),
        Column("hari_buka", tr("Hari buka"), lambda r: r.hari_buka),
        Column("ketua", tr("Ketua"), lambda r: r.ketua),
        Column(
            "kader",
            tr("Kader"),
            lambda r: f"{r.jumlah_kader_aktif}/{r.jumlah_kader}",
            sort_key=lambda r: r.jumlah_kader_aktif,
            align=RIGHT,
            tooltip=lambda r: tr("{0} kader aktif dari {1} terdaftar").format(
                r.jumlah_kader_aktif, r.jumlah_kader
            ),
        ),
        Column("aktif", tr("Status"), lambda r: tr("Aktif") if r.aktif else tr("Nonaktif")),
    ]


def _combo(items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    return box


class PosyanduPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RowTableModel(posyandu_columns(), muted=lambda r: not r.aktif, parent=self)
        self._build(spec)
        self._connect()
        ctx.bus.registryChanged.connect(self.refresh)
        self.refresh()

    def _build(self, spec: PageSpec) -> None:
        tr = self.tr
        title = QLabel(QCoreApplication.translate("pages", spec.title))
        title.setObjectName("pageTitle")
        self.kelurahan_combo = _combo([(tr("Semua kelurahan"), "")])
        self.kelurahan_combo.setMinimumContentsLength(18)
        self.strata_combo = _combo([(tr("Semua strata"), ""), *((s, s) for s in STRATA)])
        self.ilp_combo = _combo([(tr("ILP: semua"), None), (tr("Sudah ILP"), True), (tr("Belum ILP"), False)])
        self.aktif_combo = _combo(
            [(tr("Posyandu aktif"), True), (tr("Nonaktif"), False), (tr("Aktif dan nonaktif"), None)]
        )
        filters = QHBoxLayout()
        for combo in (self.kelurahan_combo, self.strata_combo, self.ilp_combo, self.aktif_combo):
            filters.addWidget(combo)
        filters.addStretch(1)

        self.add_button = QPushButton(icon("plus.svg", "#ffffff"), tr("Tambah"))
        self.add_button.setProperty("primary", True)
        self.add_button.setToolTip(tr("Tambah posyandu (Ins)"))
        self.edit_button = QPushButton(icon("pencil.svg"), tr("Ubah"))
        self.edit_button.setToolTip(tr("Buka posyandu yang dipilih (Enter)"))
        self.active_button = QPushButton(tr("Nonaktifkan"))
        self.history_button = QPushButton(icon("history.svg"), tr("Riwayat perubahan"))
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.history_button)

        self.table = QTableView()
        self.table.setObjectName("posyanduTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for key, width in WIDTHS.items():
            self.table.setColumnWidth(self.model.column_position(key), width)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _connect(self) -> None:
        for combo in (self.kelurahan_combo, self.strata_combo, self.ilp_combo, self.aktif_combo):
            combo.currentIndexChanged.connect(self._reload)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add_posyandu)
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button.clicked.connect(self.toggle_active)
        self.history_button.clicked.connect(self.show_history)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_posyandu)

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self) -> None:
        everything = list_posyandu()
        refill(
            self.kelurahan_combo,
            [(n, k) for k, n in kelurahan_choices(everything)],
            first=self.tr("Semua kelurahan"),
        )
        self._reload()

    @Slot()
    def _reload(self) -> None:
        selected = self.selected_row()
        filters = PosyanduFilter(
            kode_wilayah=self.kelurahan_combo.currentData() or "",
            strata=self.strata_combo.currentData() or "",
            aktif=self.aktif_combo.currentData(),
            status_ilp=self.ilp_combo.currentData(),
        )
        rows = list_posyandu(filters)
        self.model.set_rows(rows)
        kader = sum(r.jumlah_kader_aktif for r in rows)
        self.count_label.setText(
            self.tr("{0} posyandu · {1} kader aktif").format(angka(len(rows)), angka(kader))
        )
        if selected is not None:
            self.select_posyandu(selected.id)

    def selected_row(self) -> PosyanduRow | None:
        return selected_row(self.table, self.model)

    def select_posyandu(self, posyandu_id: int) -> None:
        select_id(self.table, self.model, posyandu_id)

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.active_button, self.history_button):
            button.setEnabled(row is not None)
        self.active_button.setText(
            self.tr("Aktifkan kembali") if row is not None and not row.aktif else self.tr("Nonaktifkan")
        )

    # ------------------------------------------------------------------ actions
    def _changed(self, message: str, posyandu_id: int) -> None:
        self._ctx.bus.registryChanged.emit()
        self._ctx.bus.statusMessage.emit(message)
        self.select_posyandu(posyandu_id)

    @Slot()
    def add_posyandu(self) -> None:
        posyandu_id = open_posyandu_dialog(self)
        if posyandu_id is not None:
            self._changed(self.tr("Posyandu baru disimpan."), posyandu_id)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._edit(self.model.row(index.row()).id)

    @Slot()
    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._edit(row.id)

    def _edit(self, posyandu_id: int) -> None:
        if open_posyandu_dialog(self, posyandu_id) is not None:
            self._changed(self.tr("Data posyandu disimpan."), posyandu_id)

    @Slot()
    def toggle_active(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        title = self.tr("Status posyandu")
        if row.aktif:
            question = self.tr("Nonaktifkan {0}? {1} kader tetap tercatat di posyandu ini.").format(
                row.nama, row.jumlah_kader
            )
            if not messages.confirm(self, title, question):
                return
        try:
            set_posyandu_active(row.id, not row.aktif)
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return
        done = self.tr("{0} diaktifkan kembali.") if not row.aktif else self.tr("{0} dinonaktifkan.")
        self._changed(done.format(row.nama), row.id)

    @Slot()
    def show_history(self) -> None:
        row = self.selected_row()
        if row is not None:
            from ui.dialogs.riwayat_dialog import RiwayatDialog

            RiwayatDialog.show_for(self, "posyandu", row.id, row.nama)
