"""The roster tab: search as you type, filter by asal, peran and attendance status, counts per
asal against the quotas.

The roster is at most a few hundred rows cached by :mod:`db.services.peserta`, so each keystroke
filters in Python (well under a millisecond). Ins adds from the kader registry, Ctrl+N adds a
person by hand, Enter edits, Del removes — refused once the person has attendance unless the user
confirms that it goes too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.identity import format_phone
from db.masking import mask_nik
from db.services.kegiatan_rekap import list_kuota
from db.services.peserta import (
    PERAN,
    HasAttendance,
    PesertaFilter,
    PesertaRow,
    add_from_kader,
    remove_peserta,
)
from db.services.peserta_search import count_per_asal, search_peserta
from db.services.peserta_status import STATUS_FILTERS, reference_day
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.pages import kegiatan_peserta_excel
from ui.pages.kegiatan_page import is_enter
from widgets.search_box import SearchBox
from widgets.table_model import Column, RowTableModel
from widgets.table_selection import focus_table, select_id, selected_row

RIGHT = Qt.AlignmentFlag.AlignRight
WIDTHS = {"no": 44, "kode": 74, "jk": 38, "jabatan": 112, "asal": 160, "hp": 126, "peran": 84}


def short_asal(asal: str) -> str:
    """ "Kelurahan Ganjar Agung" → "Kel. Ganjar Agung": the table has no room for the kind words."""
    return asal.replace("Kelurahan ", "Kel. ").replace("Kecamatan ", "Kec. ")


def _hp(row: PesertaRow) -> str:
    try:
        return format_phone(row.hp) if row.hp else ""
    except Exception:  # noqa: BLE001 - a stored odd number is shown as stored
        return row.hp


class PesertaTab(QWidget):
    def __init__(self, ctx: AppContext, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kegiatan_id = kegiatan_id
        columns = [
            Column("no", self.tr("No"), lambda r: str(r.no_urut), sort_key=lambda r: r.no_urut, align=RIGHT),
            Column("kode", self.tr("Kode"), lambda r: r.kode),
            Column("nama", self.tr("Nama"), lambda r: r.nama, tooltip=self._name_tip),
            Column("jk", self.tr("L/P"), lambda r: r.jenis_kelamin, align=Qt.AlignmentFlag.AlignCenter),
            Column("jabatan", self.tr("Jabatan"), lambda r: r.jabatan),
            Column("asal", self.tr("Asal"), lambda r: short_asal(r.asal), tooltip=lambda r: r.asal),
            Column("hp", self.tr("No. HP"), _hp),
            Column("peran", self.tr("Peran"), lambda r: r.peran),
        ]
        self.model = RowTableModel(columns, parent=self)
        self._build()
        self._connect()

    def _name_tip(self, row: PesertaRow) -> str:
        """NIK (masked) and the kader link on hover: the table has no room for a NIK column."""
        parts = [self.tr("NIK {0}").format(mask_nik(row.nik))] if row.nik else []
        if row.kader_id:
            parts.append(self.tr("Terhubung dengan data kader"))
        return " · ".join(parts)

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.search_box = SearchBox()
        self.search_box.setPlaceholderText(self.tr("Cari nama, kode, NIK atau asal…  (Ctrl+F)"))
        self.asal_combo = QComboBox()
        self.asal_combo.setMinimumContentsLength(20)
        self.asal_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.peran_combo = QComboBox()
        self.peran_combo.addItem(self.tr("Semua peran"), "")
        for peran in PERAN:
            self.peran_combo.addItem(peran, peran)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.asal_combo)
        top.addWidget(self.peran_combo)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        labels = (self.tr("Hadir hari ini"), self.tr("Belum hadir hari ini"), self.tr("Izin/Sakit hari ini"),
                  self.tr("Pernah hadir"), self.tr("Belum pernah hadir"))  # fmt: skip
        self.status_combo.addItem(self.tr("Semua status"), "")
        for key, label in zip(STATUS_FILTERS, labels, strict=True):
            self.status_combo.addItem(label, key)
        top.addWidget(self.status_combo)

        self.add_kader_button = QPushButton(icon("user-plus.svg", "#ffffff"), self.tr("Dari data kader…"))
        self.add_kader_button.setProperty("primary", True)
        self.add_kader_button.setToolTip(self.tr("Tambah peserta dari data kader (Ins)"))
        self.add_manual_button = QPushButton(icon("plus.svg", "#37474f"), self.tr("Tambah manual…"))
        self.add_manual_button.setToolTip(self.tr("Tambah pejabat, narasumber, panitia… (Ctrl+N)"))
        self.edit_button = QPushButton(icon("pencil.svg", "#37474f"), self.tr("Ubah"))
        self.edit_button.setToolTip(self.tr("Ubah peserta yang dipilih (Enter)"))
        self.delete_button = QPushButton(icon("trash.svg", "#37474f"), self.tr("Hapus"))
        self.delete_button.setToolTip(self.tr("Hapus peserta yang dipilih (Del)"))
        self.import_button = QPushButton(self.tr("Impor Excel…"), clicked=self.import_excel)
        self.export_button = QPushButton(self.tr("Ekspor Excel…"), clicked=self.export_excel)
        bar = QHBoxLayout()
        for button in (self.add_kader_button, self.add_manual_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setObjectName("pesertaTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.column_position("nama"), QHeaderView.ResizeMode.Stretch
        )
        for key, width in WIDTHS.items():
            self.table.setColumnWidth(self.model.column_position(key), width)

        self.asal_list = QTableWidget(0, 2)
        self.asal_list.setObjectName("asalCounts")
        self.asal_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.asal_list.setFixedWidth(230)
        self.asal_list.setHorizontalHeaderLabels([self.tr("Asal"), self.tr("Terisi")])
        self.asal_list.verticalHeader().hide()
        self.asal_list.verticalHeader().setDefaultSectionSize(22)
        self.asal_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.asal_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.asal_list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.asal_list.setColumnWidth(1, 56)
        side = QVBoxLayout()
        caption = QLabel(self.tr("Per asal (terisi/kuota)"))
        caption.setObjectName("sectionTitle")
        side.addWidget(caption)
        side.addWidget(self.asal_list, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)

        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.count_label)

    def _connect(self) -> None:
        self.search_box.searchChanged.connect(self._reload_rows)
        self.search_box.moveDown.connect(self._focus_table)
        self.search_box.install_shortcut(self)
        self.search_box.report_elapsed(0.0)  # roster search is in memory: search on every key
        self.asal_combo.currentIndexChanged.connect(self._reload_rows)
        self.peran_combo.currentIndexChanged.connect(self._reload_rows)
        self.status_combo.currentIndexChanged.connect(self._reload_rows)
        self.add_kader_button.clicked.connect(self.add_from_registry)
        self.add_manual_button.clicked.connect(self.add_manual)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.installEventFilter(self)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_from_registry),
            (QKeySequence("Ctrl+N"), self.add_manual),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and is_enter(event):
            self.edit_selected()
            return True
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete  # type: ignore[attr-defined]
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self) -> None:
        counts = count_per_asal(self.kegiatan_id)
        current = self.asal_combo.currentData()
        self.asal_combo.blockSignals(True)
        self.asal_combo.clear()
        self.asal_combo.addItem(self.tr("Semua asal"), None)
        for item in counts:
            key = f"{item.kode_wilayah}|{item.asal_opd}"
            self.asal_combo.addItem(item.asal or self.tr("(tanpa asal)"), key)
        self.asal_combo.setCurrentIndex(max(self.asal_combo.findData(current), 0))
        self.asal_combo.blockSignals(False)
        self._fill_counts(counts)
        self._explain_status_day()
        self._reload_rows()

    def _explain_status_day(self) -> None:
        """Say which day "hari ini" means: the day running today, else the latest held day."""
        day = reference_day(self.kegiatan_id)
        when = (
            self.tr("belum ada hari yang berjalan")
            if day is None
            else self.tr("hari ke-{0}, {1}").format(day.hari_ke, day.tanggal.strftime("%d/%m/%Y"))
        )
        self.status_combo.setToolTip(
            self.tr("\"Hari ini\" = hari kegiatan yang berjalan hari ini, atau hari terakhir yang sudah "
                    "berjalan: {0}.").format(when)
        )  # fmt: skip

    def _fill_counts(self, counts) -> None:  # noqa: ANN001 - list[AsalCount]
        """Every asal with its count, and its quota when one is set (quotas count peran Peserta)."""
        self.asal_list.setRowCount(0)
        quotas = {(q.kode_wilayah, q.label.casefold()): q for q in list_kuota(self.kegiatan_id)}
        shown: set[tuple[str, str]] = set()
        for item in counts:
            key = (item.kode_wilayah, item.asal_opd.casefold())
            quota = quotas.get(key)
            shown.add(key)
            count = f"{quota.terisi}/{quota.kuota}" if quota else str(item.jumlah)
            self._count_item(item.asal or "–", count, quota is not None and quota.terisi > quota.kuota)
        for key, quota in quotas.items():
            if key not in shown:
                self._count_item(quota.asal, f"0/{quota.kuota}", False)

    def _count_item(self, asal: str, count: str, over: bool) -> None:
        row = self.asal_list.rowCount()
        self.asal_list.insertRow(row)
        name, number = QTableWidgetItem(short_asal(asal)), QTableWidgetItem(count)
        name.setToolTip(asal)
        number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if over:
            number.setForeground(Qt.GlobalColor.darkRed)
            number.setToolTip(self.tr("Melebihi kuota"))
        self.asal_list.setItem(row, 0, name)
        self.asal_list.setItem(row, 1, number)

    def _filters(self) -> PesertaFilter:
        asal = self.asal_combo.currentData()  # "kode|opd": a string survives findData, a tuple not
        kode, opd = asal.split("|", 1) if asal else ("", "")
        peran, status = self.peran_combo.currentData() or "", self.status_combo.currentData() or ""
        return PesertaFilter(peran=peran, kode_wilayah=kode, asal_opd=opd, status=status)

    @Slot()
    def _reload_rows(self) -> None:
        selected = self.selected_row()
        rows = search_peserta(self.kegiatan_id, self.search_box.text(), self._filters())
        self.model.set_rows(rows)
        if selected is not None:
            self.select_peserta(selected.id)
        total = len(search_peserta(self.kegiatan_id, ""))
        self.count_label.setText(
            self.tr("{0} peserta · {1} ditampilkan").format(total, len(rows))
            if len(rows) != total
            else self.tr("{0} peserta").format(total)
        )

    def selected_row(self) -> PesertaRow | None:
        return selected_row(self.table, self.model)

    def select_peserta(self, peserta_id: int) -> None:
        select_id(self.table, self.model, peserta_id)

    @Slot()
    def _focus_table(self) -> None:
        focus_table(self.table, self.model)

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected_row() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # ------------------------------------------------------------------ actions
    def _changed(self, message: str, select: int | None = None) -> None:
        self.refresh()
        if select is not None:
            self.select_peserta(select)
        self._ctx.bus.statusMessage.emit(message)
        self._ctx.bus.kegiatanChanged.emit(self.kegiatan_id)

    @Slot()
    def add_from_registry(self) -> None:
        from ui.dialogs.kader_picker import KaderPickerDialog

        dialog = KaderPickerDialog(self.kegiatan_id, self)
        try:
            if dialog.exec() != KaderPickerDialog.DialogCode.Accepted:
                return
            ids, peran = dialog.chosen_ids(), dialog.peran()
        finally:
            dialog.deleteLater()
        added, problems, last = 0, [], None
        for kader_id in ids:
            try:
                last = add_from_kader(self.kegiatan_id, kader_id, peran)
                added += 1
            except DomainError as exc:
                problems.append(messages.error_text(exc))
        if problems:
            messages.warn(self, self.tr("Tambah peserta"), "\n".join(problems))
        if added:
            self._changed(self.tr("{0} kader ditambahkan sebagai peserta.").format(added), last)

    @Slot()
    def import_excel(self) -> None:
        added = kegiatan_peserta_excel.import_roster(self._ctx, self, self.kegiatan_id)
        if added:
            self._changed(self.tr("{0} peserta diimpor dari Excel.").format(added))

    @Slot()
    def export_excel(self) -> None:
        done = kegiatan_peserta_excel.export_roster(self, self.kegiatan_id)
        if done:
            self._ctx.bus.statusMessage.emit(
                self.tr("{0} peserta diekspor ke {1}.").format(done[1], done[0].name)
            )

    @Slot()
    def add_manual(self) -> None:
        from ui.dialogs.peserta_dialog import open_peserta_dialog

        peserta_id = open_peserta_dialog(self, self.kegiatan_id)
        if peserta_id is not None:
            self._changed(self.tr("Peserta disimpan."), peserta_id)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_peserta(self.model.row(index.row()).id)

    @Slot()
    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.edit_peserta(row.id)

    def edit_peserta(self, peserta_id: int) -> None:
        from ui.dialogs.peserta_dialog import open_peserta_dialog

        if open_peserta_dialog(self, self.kegiatan_id, peserta_id) is not None:
            self._changed(self.tr("Data peserta disimpan."), peserta_id)

    @Slot()
    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        title = self.tr("Hapus peserta")
        if not messages.confirm(self, title, self.tr("Hapus {0} dari daftar peserta?").format(row.nama)):
            return
        try:
            remove_peserta(row.id)
        except HasAttendance as exc:
            question = self.tr("{0}\n\nCatatan kehadirannya ikut terhapus. Tetap hapus?").format(
                messages.error_text(exc)
            )
            if not messages.confirm(self, title, question):
                return
            try:
                remove_peserta(row.id, force=True)
            except DomainError as again:
                messages.error(self, title, messages.error_text(again))
                return
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return
        self._changed(self.tr("{0} dihapus dari daftar peserta.").format(row.nama))
