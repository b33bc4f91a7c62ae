"""Pengaturan → Daftar pilihan: the bidang, OPD/sektor and sumber dana lists of the rencana aksi form.

One list at a time: add (type, Enter), rename in place (F2 or double-click), remove (Del), move
(Ctrl+↑/↓) and restore the shipped list. The "Dipakai" column counts the rencana aksi items using
each value. Items keep the text they were saved with, so a value renamed or removed here stays on
those items (the tab names such values below the table). Every change is announced on
``bus.rencanaAksiListsChanged`` so an open Rencana Aksi page refreshes its combos.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services import rencana_aksi_lists as lists
from ui import messages
from ui.context import AppContext

VALUE_ROLE = Qt.ItemDataRole.UserRole  # the value as stored, to tell a rename from the old text
LIST_WIDTH = 600


class DaftarPilihanTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False
        self._build()
        self._build_shortcuts()

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        intro = QLabel(
            self.tr(
                "Pilihan bidang, OPD/sektor dan sumber dana pada formulir rencana aksi. Rencana aksi yang "
                "sudah tersimpan tetap memakai nilainya walau nilai itu diubah namanya atau dihapus dari "
                "daftar."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        top = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Bidang"), "bidang")
        self.kind_combo.addItem(self.tr("OPD/sektor"), "opd")
        self.kind_combo.addItem(self.tr("Sumber dana"), "sumber_dana")
        self.kind_combo.setMinimumWidth(180)
        kind_label = QLabel(self.tr("&Daftar:"))
        kind_label.setBuddy(self.kind_combo)
        top.addWidget(kind_label)
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        layout.addLayout(top)

        body = QHBoxLayout()
        body.setSpacing(12)
        left = QVBoxLayout()
        self.table = self._make_table()
        left.addWidget(self.table, 1)
        add_row = QHBoxLayout()
        self.new_edit = QLineEdit()
        self.new_edit.setPlaceholderText(self.tr("Nama pilihan baru, lalu Enter"))
        self.new_edit.setMaxLength(100)
        self.add_button = QPushButton(self.tr("Tambah"))
        self.add_button.setProperty("primary", True)
        add_row.addWidget(self.new_edit, 1)
        add_row.addWidget(self.add_button)
        left.addLayout(add_row)
        self.unlisted_label = QLabel()
        self.unlisted_label.setObjectName("muted")
        self.unlisted_label.setWordWrap(True)
        left.addWidget(self.unlisted_label)
        holder = QWidget()  # names are short: a narrow column keeps each count beside its name
        holder.setLayout(left)
        holder.setMaximumWidth(LIST_WIDTH)
        left.setContentsMargins(0, 0, 0, 0)
        body.addWidget(holder, 1)
        body.addLayout(self._button_column())
        body.addStretch(0)
        layout.addLayout(body, 1)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_edit.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 2)
        table.setHorizontalHeaderLabels([self.tr("Pilihan"), self.tr("Dipakai")])
        table.horizontalHeaderItem(0).setTextAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.itemChanged.connect(self._renamed)
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    def _button_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.rename_button = QPushButton(self.tr("Ubah nama"))
        self.rename_button.setToolTip(self.tr("Ubah nama pilihan yang dipilih (F2)"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.remove_button.setToolTip(self.tr("Hapus dari daftar (Del)"))
        self.up_button = QPushButton(self.tr("Naik"))
        self.up_button.setToolTip(self.tr("Pindahkan ke atas (Ctrl+↑)"))
        self.down_button = QPushButton(self.tr("Turun"))
        self.down_button.setToolTip(self.tr("Pindahkan ke bawah (Ctrl+↓)"))
        self.restore_button = QPushButton(self.tr("Kembalikan bawaan…"))
        self.restore_button.setToolTip(self.tr("Ganti daftar ini dengan daftar bawaan aplikasi"))
        for button in (self.rename_button, self.remove_button, self.up_button, self.down_button):
            column.addWidget(button)
        column.addStretch(1)
        column.addWidget(self.restore_button)
        self.rename_button.clicked.connect(self.rename_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.restore_button.clicked.connect(self.restore_default)
        return column

    def _build_shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_selected),
            (QKeySequence("Ctrl+Up"), lambda: self.move_selected(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_selected(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)  # Del in the text box edits text
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ showing
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def values(self) -> list[str]:
        return [self.table.item(row, 0).data(VALUE_ROLE) for row in range(self.table.rowCount())]

    def selected_value(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(VALUE_ROLE) if rows else None

    @Slot()
    def refresh(self, select: str | None = None) -> None:
        select = select if select is not None else self.selected_value()
        choices = lists.choice_list(self.kind())
        counts = lists.usage_counts(self.kind())
        self._loading = True
        try:
            self.table.setRowCount(len(choices.values))
            for row, value in enumerate(choices.values):
                self._set_row(row, value, counts.get(value, 0))
        finally:
            self._loading = False
        if select in choices.values:
            self.table.selectRow(choices.values.index(select))
        else:
            self.table.clearSelection()
            self.table.setCurrentItem(None)
        unlisted = sorted((v, n) for v, n in counts.items() if v not in choices.values)
        self.unlisted_label.setText(
            self.tr("Tidak ada di daftar, tetapi masih tersimpan pada rencana aksi: {0}.").format(
                ", ".join(self.tr("{0} ({1})").format(v, n) for v, n in unlisted)
            )
            if unlisted
            else ""
        )
        self.unlisted_label.setVisible(bool(unlisted))
        self.restore_button.setEnabled(not choices.is_default)
        self._update_buttons()

    def _set_row(self, row: int, value: str, used: int) -> None:
        name = QTableWidgetItem(value)
        name.setData(VALUE_ROLE, value)
        count = QTableWidgetItem(str(used) if used else "–")
        count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        count.setToolTip(self.tr("Dipakai oleh {0} rencana aksi").format(used))
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, count)

    @Slot()
    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.table.rowCount() - 1)

    # ------------------------------------------------------------------ changing
    def _apply(self, change: Callable[[], object], select: str | None) -> bool:
        """Run one service change; on refusal say why and show the stored list again."""
        try:
            change()
        except DomainError as exc:
            messages.warn(self, self.tr("Daftar pilihan"), messages.error_text(exc))
            self.refresh()
            return False
        self._ctx.bus.rencanaAksiListsChanged.emit()
        self.refresh(select=select)
        return True

    @Slot()
    def add(self) -> None:
        text = self.new_edit.text().strip()
        if self._apply(lambda: lists.add_choice(self.kind(), text), select=text):
            self.new_edit.clear()
        self.new_edit.setFocus()

    @Slot()
    def rename_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.editItem(self.table.item(rows[0].row(), 0))

    @Slot(QTableWidgetItem)
    def _renamed(self, item: QTableWidgetItem) -> None:
        old = item.data(VALUE_ROLE)
        if self._loading or item.column() != 0 or item.text() == old:
            return
        new = item.text().strip()
        self._apply(lambda: lists.rename_choice(self.kind(), old, new), select=new)

    @Slot()
    def remove_selected(self) -> None:
        value = self.selected_value()
        if value is None:
            return
        used = lists.usage_counts(self.kind()).get(value, 0)
        if used and not messages.confirm(
            self,
            self.tr("Hapus dari daftar"),
            self.tr(
                "«{0}» dipakai oleh {1} rencana aksi. Nilai itu tetap tersimpan pada rencana aksi tersebut, "
                "tetapi tidak lagi ditawarkan di formulir. Hapus dari daftar?"
            ).format(value, used),
        ):
            return
        values = self.values()
        index = values.index(value)
        following = values[index + 1] if index + 1 < len(values) else (values[index - 1] if index else None)
        self._apply(lambda: lists.remove_choice(self.kind(), value), select=following)

    def move_selected(self, step: int) -> None:
        value = self.selected_value()
        if value is not None:
            self._apply(lambda: lists.move_choice(self.kind(), value, step), select=value)

    @Slot()
    def restore_default(self) -> None:
        if messages.confirm(
            self,
            self.tr("Kembalikan bawaan"),
            self.tr(
                "Ganti daftar {0} dengan daftar bawaan aplikasi? Rencana aksi yang sudah tersimpan tidak "
                "berubah."
            ).format(self.kind_combo.currentText()),
        ):
            self._apply(lambda: lists.restore_default_list(self.kind()), select=self.selected_value())
