"""Pengaturan → Penandatangan: the people who sign letters, attendance lists and certificates.

Signatories are never deleted: an old certificate must still name who signed it, so a person who
moves on is deactivated (shown greyed) and no longer offered for new documents.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
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
from db.services.penandatangan import SignatoryData, list_signatories, set_signatory_active
from db.validators import format_nip
from ui import messages
from ui.context import AppContext
from ui.dialogs.penandatangan_dialog import PenandatanganDialog
from ui.dialogs.riwayat_dialog import RiwayatDialog
from widgets.table_model import Column, RowTableModel
from widgets.table_selection import selected_row


def signatory_columns() -> list[Column]:
    tr = QCoreApplication.translate
    yes, no = tr("PenandatanganTab", "Ya"), tr("PenandatanganTab", "Tidak")
    return [
        Column("nama", tr("PenandatanganTab", "Nama"), lambda s: s.nama),
        Column("jabatan", tr("PenandatanganTab", "Jabatan"), lambda s: s.jabatan),
        Column("nip", tr("PenandatanganTab", "NIP"), lambda s: format_nip(s.nip) or "–", lambda s: s.nip),
        Column("jenis", tr("PenandatanganTab", "Jenis pegawai"), lambda s: s.jenis_pegawai),
        Column(
            "prefiks",
            tr("PenandatanganTab", "Awalan"),
            lambda s: s.prefiks or "–",
            tooltip=lambda s: s.jabatan_atasan,
        ),
        Column(
            "aktif", tr("PenandatanganTab", "Aktif"), lambda s: yes if s.aktif else no, lambda s: not s.aktif
        ),
    ]


class PenandatanganTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RowTableModel(signatory_columns(), muted=lambda s: not s.aktif, parent=self)
        self._build()
        self._build_shortcuts()
        self._update_buttons()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        intro = QLabel(
            self.tr(
                "Penandatangan dipakai pada surat, daftar hadir dan sertifikat. Yang sudah tidak menjabat "
                "dinonaktifkan, bukan dihapus, agar dokumen lama tetap mencantumkan namanya."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah…"))
        self.add_button.setToolTip(self.tr("Tambah penandatangan (Insert)"))
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.edit_button.setToolTip(self.tr("Ubah yang dipilih (Enter atau klik ganda)"))
        self.toggle_button = QPushButton(self.tr("Nonaktifkan"))
        self.history_button = QPushButton(self.tr("Riwayat…"))
        self.history_button.setToolTip(self.tr("Riwayat perubahan penandatangan yang dipilih"))
        for button in (self.add_button, self.edit_button, self.toggle_button, self.history_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.history_button.clicked.connect(self.show_history)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # service order first
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for key in ("nama", "jabatan"):
            header.setSectionResizeMode(self.model.column_position(key), QHeaderView.ResizeMode.Stretch)
        to_contents = QHeaderView.ResizeMode.ResizeToContents
        for key in ("nip", "jenis", "prefiks", "aktif"):
            header.setSectionResizeMode(self.model.column_position(key), to_contents)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return table

    def _build_shortcuts(self) -> None:
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.add)
        self.table.installEventFilter(self)  # Enter opens the selected row (see eventFilter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter on the table edits the selected signatory. A filter rather than a QShortcut: it
        sees only keys really sent to the table, never those typed in a dialog opened above it."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self, select_id: int | None = None) -> None:
        current = self.selected()
        self.model.set_rows(list_signatories())
        wanted = select_id if select_id is not None else (current.id if current else None)
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()

    def selected(self) -> SignatoryData | None:
        return selected_row(self.table, self.model)

    def select(self, signatory_id: int) -> None:
        position = self.model.position_of(signatory_id)
        if position < 0:
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        index = self.model.index(position, 0)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        current = self.selected()
        for button in (self.edit_button, self.toggle_button, self.history_button):
            button.setEnabled(current is not None)
        active = current is None or current.aktif
        self.toggle_button.setText(self.tr("Nonaktifkan") if active else self.tr("Aktifkan"))

    # ------------------------------------------------------------------ actions
    @Slot()
    def add(self) -> None:
        saved = PenandatanganDialog.edit(self)
        self._after_save(saved)

    @Slot()
    def edit_selected(self) -> None:
        current = self.selected()
        if current is not None:
            self._after_save(PenandatanganDialog.edit(self, current))

    def _after_save(self, saved: SignatoryData | None) -> None:
        if saved is None:
            return
        self.refresh(select_id=saved.id)
        self._ctx.bus.signatoriesChanged.emit()
        self._ctx.bus.statusMessage.emit(self.tr("Penandatangan {0} disimpan.").format(saved.nama))

    @Slot()
    def toggle_selected(self) -> None:
        current = self.selected()
        if current is None or current.id is None:
            return
        try:
            set_signatory_active(current.id, not current.aktif)
        except DomainError as exc:
            messages.error(self, self.tr("Penandatangan"), messages.error_text(exc))
            return
        self.refresh(select_id=current.id)
        self._ctx.bus.signatoriesChanged.emit()
        state = self.tr("dinonaktifkan") if current.aktif else self.tr("diaktifkan")
        self._ctx.bus.statusMessage.emit(self.tr("Penandatangan {0} {1}.").format(current.nama, state))

    @Slot()
    def show_history(self) -> None:
        current = self.selected()
        if current is not None and current.id is not None:
            RiwayatDialog.show_for(self, "penandatangan", current.id, current.nama)
