"""Back-fill from the paper daftar hadir: page by page in the print order, tick who signed, then
save the ticks as one batch that records who entered them and when.

The numbers shown are the sheet's own "No" (the print order of :func:`roster_order`), so the
operator reads the paper and the screen side by side. Ticks survive paging; Space ticks the
selected row, PgDn/PgUp turn the page, Ctrl+S saves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import audit
from db.errors import DomainError
from db.services.kegiatan import get_kegiatan
from db.services.kegiatan_print import PANITIA, PESERTA
from db.services.kehadiran import marks_for_hari, record_batch
from db.services.peserta import PesertaRow, roster_order
from reports.formatting import tanggal_panjang
from ui import messages

GROUPS = {"peserta": PESERTA, "lain": PANITIA}  # the same two sheets as the printed daftar hadir


class BackfillView(QWidget):
    changed = Signal(int)

    def __init__(self, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self.people: list[PesertaRow] = []
        self.ticked: set[int] = set()
        self.already: set[int] = set()
        self.page = 0
        self._build()

    def _build(self) -> None:
        self.day_combo, self.group_combo = QComboBox(), QComboBox()
        self.group_combo.addItem(self.tr("Lembar peserta"), "peserta")
        self.group_combo.addItem(self.tr("Lembar narasumber/panitia"), "lain")
        self.per_page = QSpinBox()
        self.per_page.setRange(5, 60)
        self.per_page.setValue(20)
        self.per_page.setSuffix(self.tr(" baris/halaman"))
        self.operator_edit = QLineEdit(audit.operator())
        self.operator_edit.setMaximumWidth(180)
        top = QHBoxLayout()
        for caption, widget in (
            (self.tr("Hari:"), self.day_combo), (self.tr("Lembar:"), self.group_combo),
            ("", self.per_page), (self.tr("Diisi oleh:"), self.operator_edit),
        ):  # fmt: skip
            if caption:
                top.addWidget(QLabel(caption))
            top.addWidget(widget)
        top.addStretch(1)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("backfillTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("No"), self.tr("Nama"), self.tr("Asal"), self.tr("Tanda tangan")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 50), (2, 220), (3, 120)):
            self.table.setColumnWidth(column, width)
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._on_item)
        self.prev_button = QPushButton(self.tr("‹ Halaman sebelumnya"))
        self.next_button = QPushButton(self.tr("Halaman berikutnya ›"))
        self.page_label = QLabel()
        self.done_label = QLabel()
        self.done_label.setStyleSheet("color: #2e7d32; font-weight: 600;")
        self.save_button = QPushButton(self.tr("Simpan isian"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Simpan yang dicentang sebagai hadir (Ctrl+S)"))
        bottom = QHBoxLayout()
        for widget in (self.prev_button, self.page_label, self.next_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.done_label)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.day_combo.currentIndexChanged.connect(self._reload)
        self.group_combo.currentIndexChanged.connect(self._reload)
        self.per_page.valueChanged.connect(lambda _v: self.show_page(0))
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.save_button.clicked.connect(self.save)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)

    @Slot()
    def refresh(self) -> None:
        current = self.day_combo.currentData()
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        for hari in get_kegiatan(self.kegiatan_id).hari_aktif:
            label = self.tr("Hari ke-{0} · {1}").format(hari.hari_ke, tanggal_panjang(hari.tanggal))
            self.day_combo.addItem(label, hari.id)
        self.day_combo.setCurrentIndex(max(self.day_combo.findData(current), 0))
        self.day_combo.blockSignals(False)
        self._reload()

    @Slot()
    def _reload(self) -> None:
        """The sheet's people for the chosen day and group; ticks start empty, signed people shown."""
        hari_id = self.day_combo.currentData()
        self.people = roster_order(self.kegiatan_id, "asal", GROUPS[self.group_combo.currentData()])
        marks = marks_for_hari(hari_id) if hari_id is not None else {}
        self.already = {pid for pid, m in marks.items() if m.status == "hadir"}
        self.ticked = set()
        self.done_label.setText("")
        self.show_page(0)

    def pages(self) -> int:
        return max(1, -(-len(self.people) // self.per_page.value()))

    def show_page(self, page: int) -> None:
        self.page = min(max(page, 0), self.pages() - 1)
        size = self.per_page.value()
        start = self.page * size
        chunk = self.people[start : start + size]
        self.table.blockSignals(True)
        self.table.setRowCount(len(chunk))
        for row, person in enumerate(chunk):
            number = QTableWidgetItem(str(start + row + 1))
            number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            tick = QTableWidgetItem(self.tr("sudah hadir") if person.id in self.already else "")
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            signed = person.id in self.ticked or person.id in self.already
            tick.setCheckState(Qt.CheckState.Checked if signed else Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, person.id)
            items = (number, QTableWidgetItem(person.nama), QTableWidgetItem(person.asal), tick)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.page_label.setText(self.tr("Halaman {0} dari {1} (No. {2}–{3})").format(
            self.page + 1, self.pages(), start + 1 if chunk else 0, start + len(chunk)))  # fmt: skip
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages() - 1)
        self._update_save()

    @Slot(QTableWidgetItem)
    def _on_item(self, item: QTableWidgetItem) -> None:
        peserta_id = item.data(Qt.ItemDataRole.UserRole)
        if peserta_id is None or peserta_id in self.already:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self.ticked.add(peserta_id)
        else:
            self.ticked.discard(peserta_id)
        self._update_save()

    def tick(self, number: int, signed: bool = True) -> None:
        """Tick the person with sheet number ``number`` (1-based), turning to their page."""
        self.show_page((number - 1) // self.per_page.value())
        item = self.table.item((number - 1) % self.per_page.value(), 3)
        item.setCheckState(Qt.CheckState.Checked if signed else Qt.CheckState.Unchecked)

    def _update_save(self) -> None:
        self.save_button.setEnabled(bool(self.ticked))
        self.save_button.setText(self.tr("Simpan isian ({0} hadir)").format(len(self.ticked)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Space:
                row = self.table.currentRow()
                item = self.table.item(row, 3) if row >= 0 else None
                if item is not None:
                    checked = item.checkState() == Qt.CheckState.Checked
                    item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                return True
            if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.show_page(self.page + (1 if event.key() == Qt.Key.Key_PageDown else -1))
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def save(self) -> int | None:
        hari_id = self.day_combo.currentData()
        if hari_id is None or not self.ticked:
            return None
        try:
            batch_id = record_batch(hari_id, sorted(self.ticked), self.operator_edit.text())
        except DomainError as exc:
            messages.error(self, self.tr("Isi dari daftar hadir kertas"), messages.error_text(exc))
            return None
        count = len(self.ticked)
        page = self.page
        self._reload()
        self.show_page(page)
        self.done_label.setText(self.tr("Tersimpan: {0} peserta dicatat hadir.").format(count))
        self.changed.emit(self.kegiatan_id)
        return batch_id
