"""The "Susunan Acara" tab of a kegiatan: one day's items in order, edited with the keyboard.

Ins/Ctrl+N adds, Enter edits, Del deletes (after a question), Ctrl+↑/Ctrl+↓ move the selected item
(times re-chain from the durations). An item that starts before the previous one ends is shown on
a red background, a gap on a pale yellow one, with the reason on hover. "Tambah acara evaluasi rencana
aksi" adds that item once and offers the status table of every open rencana aksi. Printing reads
the data here and renders in the background, then opens the PDF preview.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStandardPaths, Qt, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services import agenda_print
from db.services.agenda import (
    AgendaRow,
    add_evaluasi_rencana_aksi,
    delete_agenda,
    list_agenda,
    move_agenda,
    recompute_times,
)
from db.services.kegiatan import get_kegiatan
from reports.formatting import angka, tanggal_panjang
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.pages.kegiatan_page import is_enter
from ui.pages.kegiatan_print_actions import failure_text, pdf_bytes, suggested_filename
from widgets.background_job import BackgroundJob
from widgets.pdf_preview import PdfPreviewDialog
from widgets.table_model import Column, RowTableModel
from widgets.table_selection import select_id, selected_row

BENTROK = QColor("#fbe3e3")
JEDA = QColor("#fff6d6")
WIDTHS = {"waktu": 108, "durasi": 70, "narasumber": 210, "moderator": 150, "kelompok": 86, "jpl": 90}


class AgendaModel(RowTableModel):
    """Rows that collide with the previous item get a red background, gaps a yellow one."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            row: AgendaRow = self.row(index.row())
            return BENTROK if row.bentrok else (JEDA if row.jeda_menit else None)
        return super().data(index, role)


def _jpl(row: AgendaRow) -> str:
    return " / ".join(angka(v) for v in (row.jpl_t, row.jpl_p, row.jpl_pl)) if row.kelompok else ""


class AgendaTab(QWidget):
    def __init__(self, ctx: AppContext, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kegiatan_id = kegiatan_id
        self.job: BackgroundJob | None = None
        self.last_preview: PdfPreviewDialog | None = None
        columns = [
            Column("waktu", self.tr("Waktu"), lambda r: r.waktu, tooltip=self._time_tip),
            Column("durasi", self.tr("Durasi"), lambda r: self.tr("{0} mnt").format(r.durasi_menit)),
            Column("acara", self.tr("Acara/Materi"), lambda r: r.acara, tooltip=lambda r: r.catatan),
            Column(
                "narasumber",
                self.tr("Narasumber"),
                lambda r: r.narasumber,
                tooltip=lambda r: self.tr("Peserta kegiatan") if r.narasumber_peserta_id else "",
            ),  # fmt: skip
            Column("moderator", self.tr("Moderator"), lambda r: r.moderator),
            Column("kelompok", self.tr("Kelompok"), lambda r: r.kelompok),
            Column("jpl", self.tr("JPL T/P/PL"), _jpl, align=Qt.AlignmentFlag.AlignCenter),
        ]
        self.model = AgendaModel(columns, parent=self)
        self._build()
        self._connect()

    def _time_tip(self, row: AgendaRow) -> str:
        if row.bentrok:
            return self.tr("Bertumpuk: mulai sebelum acara sebelumnya selesai.")
        if row.jeda_menit:
            return self.tr("Ada jeda {0} menit sesudah acara sebelumnya.").format(row.jeda_menit)
        return ""

    # ------------------------------------------------------------------ construction
    def _button(self, text: str, tip: str, svg: str = "", primary: bool = False) -> QPushButton:
        button = (
            QPushButton(icon(svg, "#ffffff" if primary else "#37474f"), text) if svg else QPushButton(text)
        )
        button.setToolTip(tip)
        if primary:
            button.setProperty("primary", True)
        return button

    def _build(self) -> None:
        self.hari_combo = QComboBox()
        self.hari_combo.setObjectName("agendaHari")
        self.hari_combo.setMinimumContentsLength(30)  # "Hari ke-1 — Minggu, 22 November 2026"
        self.hari_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_button = self._button(
            self.tr("Tambah acara…"), self.tr("Tambah acara (Ins)"), "plus.svg", True
        )
        self.edit_button = self._button(
            self.tr("Ubah"), self.tr("Ubah acara yang dipilih (Enter)"), "pencil.svg"
        )
        self.delete_button = self._button(
            self.tr("Hapus"), self.tr("Hapus acara yang dipilih (Del)"), "trash.svg"
        )
        self.up_button = self._button(self.tr("Naik"), self.tr("Pindahkan ke atas (Ctrl+↑)"))
        self.down_button = self._button(self.tr("Turun"), self.tr("Pindahkan ke bawah (Ctrl+↓)"))
        self.recompute_button = self._button(
            self.tr("Hitung ulang jam"), self.tr("Susun ulang jam hari ini dari durasi setiap acara")
        )
        self.evaluasi_button = self._button(
            self.tr("Tambah acara evaluasi rencana aksi"),
            self.tr(
                "Tambah acara “Evaluasi rencana aksi” ke hari ini dan cetak status rencana aksi "
                "yang belum selesai"
            ),
        )
        self.undangan_button = self._button(
            self.tr("Undangan…"), self.tr("Isi nomor, penerima dan teks undangan")
        )
        self.print_button = self._button(self.tr("Cetak dokumen acara"),
                                         self.tr("Susunan acara, materi/JPL, undangan, status rencana aksi"),
                                         "printer.svg")  # fmt: skip
        self.print_menu = QMenu(self)
        for text, kind in ((self.tr("Susunan acara"), "susunan_acara"), (self.tr("Materi dan JPL"), "materi"),
                           (self.tr("Undangan"), "undangan"),
                           (self.tr("Status rencana aksi yang belum selesai"), "evaluasi")):  # fmt: skip
            self.print_menu.addAction(text).triggered.connect(lambda _=False, k=kind: self.print_document(k))
        self.print_button.setMenu(self.print_menu)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Hari:")))
        top.addWidget(self.hari_combo)
        for button in (self.add_button, self.edit_button, self.delete_button, self.up_button,
                       self.down_button, self.recompute_button):  # fmt: skip
            top.addWidget(button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.evaluasi_button)
        bottom.addStretch(1)
        bottom.addWidget(self.undangan_button)
        bottom.addWidget(self.print_button)

        self.table = QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.model.column_position("acara"), QHeaderView.ResizeMode.Stretch)
        for key, width in WIDTHS.items():
            self.table.setColumnWidth(self.model.column_position(key), width)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.hari_combo.currentIndexChanged.connect(self._reload_rows)
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.recompute_button.clicked.connect(self.recompute)
        self.evaluasi_button.clicked.connect(self.add_evaluasi)
        self.undangan_button.clicked.connect(self.edit_undangan)
        self.table.doubleClicked.connect(lambda index: self.edit_selected() if index.isValid() else None)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.installEventFilter(self)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_item),
            (QKeySequence("Ctrl+N"), self.add_item),
            (QKeySequence("Ctrl+Up"), lambda: self.move_selected(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_selected(+1)),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and is_enter(event):
            self.edit_selected()
            return True
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key, ctrl = event.key(), event.modifiers() == Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
            if ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):  # the table would only move the cursor
                self.move_selected(-1 if key == Qt.Key.Key_Up else +1)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    @property
    def hari_ke(self) -> int:
        return int(self.hari_combo.currentData() or 1)

    @Slot()
    def refresh(self) -> None:
        current = self.hari_combo.currentData()
        self.hari_combo.blockSignals(True)
        self.hari_combo.clear()
        for day in get_kegiatan(self.kegiatan_id).hari:
            self.hari_combo.addItem(
                self.tr("Hari ke-{0} — {1}").format(day.hari_ke, tanggal_panjang(day.tanggal)), day.hari_ke
            )
        self.hari_combo.setCurrentIndex(max(self.hari_combo.findData(current), 0))
        self.hari_combo.blockSignals(False)
        self._reload_rows()

    @Slot()
    def _reload_rows(self) -> None:
        selected = self.selected_row()
        rows = list_agenda(self.kegiatan_id, self.hari_ke)
        self.model.set_rows(rows)
        if selected is not None:
            select_id(self.table, self.model, selected.id)
        every = list_agenda(self.kegiatan_id)
        clashes = sum(r.bentrok for r in rows)
        jpl = sum(r.jpl for r in every if r.kelompok)
        text = self.tr("{0} acara hari ini · {1} acara seluruhnya · {2} JPL materi").format(
            len(rows), len(every), angka(jpl)
        )
        if clashes:
            text += self.tr(" · {0} acara bertumpuk (merah)").format(clashes)
        self.summary_label.setText(text)

    def selected_row(self) -> AgendaRow | None:
        return selected_row(self.table, self.model)

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        position = self.model.position_of(row.id) if row else -1
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(row is not None)
        self.up_button.setEnabled(position > 0)
        self.down_button.setEnabled(0 <= position < self.model.rowCount() - 1)

    def _changed(self, message: str, select: int | None = None) -> None:
        self._reload_rows()
        if select is not None:
            select_id(self.table, self.model, select)
        self._ctx.bus.statusMessage.emit(message)
        self._ctx.bus.kegiatanChanged.emit(self.kegiatan_id)

    def _run(self, title: str, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return None

    # ------------------------------------------------------------------ actions
    @Slot()
    def add_item(self) -> None:
        from ui.dialogs.agenda_dialog import open_agenda_dialog

        saved = open_agenda_dialog(self, self.kegiatan_id, hari_ke=self.hari_ke)
        if saved is not None:
            self._show_day_of(saved)
            self._changed(self.tr("Acara ditambahkan."), saved)

    @Slot()
    def edit_selected(self) -> None:
        from ui.dialogs.agenda_dialog import open_agenda_dialog

        row = self.selected_row()
        if row is not None and open_agenda_dialog(self, self.kegiatan_id, row.id) is not None:
            self._show_day_of(row.id)
            self._changed(self.tr("Acara disimpan."), row.id)

    def _show_day_of(self, agenda_id: int) -> None:
        """An item saved onto another day is shown on that day."""
        day = next((r.hari_ke for r in list_agenda(self.kegiatan_id) if r.id == agenda_id), None)
        if day is not None and day != self.hari_ke:
            self.hari_combo.setCurrentIndex(max(self.hari_combo.findData(day), 0))

    @Slot()
    def delete_selected(self) -> None:
        row = self.selected_row()
        title = self.tr("Hapus acara")
        if row is None or not messages.confirm(self, title, self.tr('Hapus acara "{0}"?').format(row.acara)):
            return
        if self._run(title, lambda: delete_agenda(row.id) or True):
            self._changed(self.tr('Acara "{0}" dihapus.').format(row.acara))

    def move_selected(self, delta: int) -> None:
        row = self.selected_row()
        if row is not None and self._run(self.tr("Urutan acara"), lambda: move_agenda(row.id, delta)):
            self._changed(self.tr("Urutan acara diubah; jam disusun ulang."), row.id)

    @Slot()
    def recompute(self) -> None:
        count = self._run(
            self.tr("Hitung ulang jam"), lambda: recompute_times(self.kegiatan_id, self.hari_ke)
        )
        if count is not None:
            self._changed(self.tr("{0} acara berubah jamnya.").format(count))

    @Slot()
    def add_evaluasi(self) -> None:
        title = self.tr("Evaluasi rencana aksi")
        agenda_id = self._run(title, lambda: add_evaluasi_rencana_aksi(self.kegiatan_id, self.hari_ke))
        if agenda_id is None:
            return
        self._show_day_of(agenda_id)
        self._changed(self.tr("Acara Evaluasi rencana aksi ada di susunan acara."), agenda_id)
        question = self.tr("Cetak tabel status semua rencana aksi yang belum selesai sebagai bahan rapat?")
        if messages.confirm(self, title, question):
            self.print_document("evaluasi")

    @Slot()
    def edit_undangan(self) -> None:
        from ui.dialogs.undangan_dialog import open_undangan_dialog

        if open_undangan_dialog(self, self.kegiatan_id) is not None:
            self._ctx.bus.statusMessage.emit(self.tr("Undangan disimpan."))

    # ------------------------------------------------------------------ printing
    def _jobs(self) -> dict[str, tuple[str, Callable[[], Callable[..., int]]]]:
        k = self.kegiatan_id
        return {
            "susunan_acara": (self.tr("Susunan Acara"), lambda: agenda_print.susunan_acara_job(k)),
            "materi": (self.tr("Materi dan JPL"), lambda: agenda_print.materi_job(k)),
            "undangan": (self.tr("Undangan"), lambda: agenda_print.undangan_job(k)),
            "evaluasi": (self.tr("Status Rencana Aksi"), lambda: agenda_print.evaluasi_rencana_aksi_job(k)),
        }

    def print_document(self, kind: str) -> BackgroundJob | None:
        """Read the data now (errors shown at once), render in the background, then preview."""
        title, make = self._jobs()[kind]
        render = self._run(title, make)
        if render is None:
            return None
        name = suggested_filename(title, get_kegiatan(self.kegiatan_id).form.nama)
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = BackgroundJob(
            lambda: pdf_bytes(render), self,
            on_done=lambda pdf: self._show(pdf, title, name),
            on_error=lambda exc: messages.error(self, title, failure_text(exc)),
        ).start()  # fmt: skip
        return self.job

    def _show(self, pdf: bytes, title: str, name: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.last_preview = PdfPreviewDialog(pdf, title, str(Path(folder) / name), self, icon_for=icon)
        self.last_preview.open()
