"""The check-in desk: one big field that always has the focus, for a queue of 230 people.

Typing a name (or 4+ NIK digits) lists the matches, best first; Enter marks the highlighted
match (the top one unless ↑/↓ chose another) present. A USB barcode/QR scanner types the
participant's code and Enter, which makes that code the top match, so a scan is one step. Each
mark answers at once with a colour and a beep: green "Hadir: NAMA", amber "sudah tercatat", red
for a code or name nobody has. Ctrl+Z undoes the last mark of the day; Esc clears the field.

Speed: the roster is cached by :mod:`db.services.peserta` and matched in Python; a mark is one
small transaction and one ``dataChanged`` for its row (no model reset), about 5 ms here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.kegiatan import HariRow, list_hari
from db.services.kehadiran import STATUS_LABEL, CheckInResult, mark_present, marks_for_hari, undo_last
from db.services.peserta import PesertaRow, roster
from db.services.peserta_search import search_peserta
from reports.formatting import tanggal_panjang
from ui import messages
from ui.models.checkin_model import CheckinModel
from ui.pages.checkin_feedback import FeedbackBanner
from widgets.table_model import Column

ROW_LIMIT = 60  # matches listed while typing (the whole roster when the field is empty)


class CheckinView(QWidget):
    """``changed(kegiatan_id)`` after every mark or undo, so the other tabs can reload."""

    changed = Signal(int)

    def __init__(self, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self._navigated = False  # ↑/↓ chose a row other than the top match
        self._shown = ""  # the text whose matches the table shows
        self._by_code: dict[str, PesertaRow] = {}
        self._total = 0
        self.last_result: CheckInResult | None = None
        self.model = CheckinModel(self._columns(), self)
        self._build()
        self.field.installEventFilter(self)
        self.field.textEdited.connect(self._on_text)
        self.day_combo.activated.connect(self._on_day)
        self.table.doubleClicked.connect(self._on_double_click)
        self.refresh()

    # ------------------------------------------------------------------ construction
    def _columns(self) -> list[Column]:
        def status(row: PesertaRow) -> str:
            mark = self.model.marks.get(row.id)
            return self.tr(STATUS_LABEL[mark.status]) if mark else "–"

        return [
            Column("kode", self.tr("Kode"), lambda r: r.kode),
            Column("nama", self.tr("Nama"), lambda r: r.nama),
            Column("asal", self.tr("Asal"), lambda r: r.asal),
            Column("peran", self.tr("Peran"), lambda r: r.peran),
            Column("status", self.tr("Status"), status),
            Column("jam", self.tr("Jam"), lambda r: getattr(self.model.marks.get(r.id), "jam_datang", "")),
        ]

    def _build(self) -> None:
        self.day_combo = QComboBox()
        self.day_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.day_combo.setMinimumContentsLength(24)
        self.count_label = QLabel()
        self.count_label.setObjectName("checkinCount")
        self.count_label.setStyleSheet("font-size: 20pt; font-weight: 700; color: #00695c;")
        self.count_label.setMinimumWidth(250)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("muted")
        self.detail_label.setMinimumWidth(330)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Hari:")))
        top.addWidget(self.day_combo)
        self.missing_check = QCheckBox(self.tr("Belum hadir saja"))
        self.missing_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.missing_check.setToolTip(
            self.tr("Saat kolom pencarian kosong, daftar hanya berisi yang belum hadir")
        )
        self.missing_check.toggled.connect(self._on_missing)
        top.addSpacing(12)
        top.addWidget(self.missing_check)
        top.addStretch(1)
        top.addWidget(self.detail_label)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addSpacing(8)

        self.field = QLineEdit()
        self.field.setObjectName("checkinField")
        self.field.setPlaceholderText(self.tr("Ketik nama atau NIK, atau pindai kode — lalu Enter"))
        self.field.setStyleSheet("font-size: 20pt; padding: 6px 10px;")  # the app sheet fixes 10pt
        self.field.setMinimumHeight(56)
        self.feedback = FeedbackBanner()
        self.feedback.say("idle", self.tr("Siap. Peserta berikutnya…"), sound=False)

        self.table = QTableView()
        self.table.setObjectName("checkinTable")
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.model.column_position("nama"), QHeaderView.ResizeMode.Stretch)
        for key, width in (("kode", 80), ("asal", 240), ("peran", 100), ("status", 130), ("jam", 60)):
            self.table.setColumnWidth(self.model.column_position(key), width)
        hint = QLabel(
            self.tr(
                "Enter: tandai hadir  ·  ↑/↓: pilih peserta lain  ·  Esc: kosongkan  ·  "
                "Ctrl+Z: batalkan tanda terakhir  ·  PgUp/PgDn: ganti hari"
            )
        )
        hint.setObjectName("muted")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.field)
        layout.addWidget(self.feedback)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self) -> None:
        """Reload the days, the roster and the marks (after edits elsewhere)."""
        current = self.hari_id()
        days = [h for h in list_hari(self.kegiatan_id) if not h.dilewati]
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        for hari in days:
            self.day_combo.addItem(self._day_label(hari), hari.id)
        wanted = current if current is not None else _today_or_first(days)
        self.day_combo.setCurrentIndex(max(self.day_combo.findData(wanted), 0))
        self.day_combo.blockSignals(False)
        self._load_marks()

    def _day_label(self, hari: HariRow) -> str:
        return self.tr("Hari ke-{0} · {1}").format(hari.hari_ke, tanggal_panjang(hari.tanggal))

    def hari_id(self) -> int | None:
        return self.day_combo.currentData()

    def select_day(self, hari_id: int) -> None:
        self.day_combo.setCurrentIndex(max(self.day_combo.findData(hari_id), 0))
        self._load_marks()
        self.field.setFocus()

    def _load_marks(self) -> None:
        hari_id = self.hari_id()
        people = roster(self.kegiatan_id)
        self._by_code = {person.kode.casefold(): person for person in people}
        self._total = len(people)
        self.model.marks = marks_for_hari(hari_id) if hari_id is not None else {}
        self._show_matches(self.field.text())
        self._update_count()
        self.field.setEnabled(hari_id is not None)
        if hari_id is None:
            self.feedback.say("idle", self.tr("Kegiatan ini belum punya hari (atau semua hari dilewati)."))

    def _update_count(self) -> None:
        """Counted from the marks in memory (they are this day's, reloaded on every refresh)."""
        if self.hari_id() is None:
            self.count_label.setText("")
            self.detail_label.setText("")
            return
        counts = dict.fromkeys(STATUS_LABEL, 0)
        for mark in self.model.marks.values():
            counts[mark.status] += 1
        belum = self._total - sum(counts.values())
        self.count_label.setText(self.tr("Hadir {0}/{1}").format(counts["hadir"], self._total))
        self.detail_label.setText(
            self.tr("Izin {0} · Sakit {1} · Tanpa ket. {2} · Belum {3}").format(
                counts["izin"], counts["sakit"], counts["alpa"], belum
            )
        )

    def _matches(self, text: str) -> list[PesertaRow]:
        """A scanned code is a dict lookup; anything else is the service's ranked roster search."""
        text = text.strip()
        if not text:
            return []
        exact = self._by_code.get(text.casefold())
        return [exact] if exact is not None else search_peserta(self.kegiatan_id, text)[:ROW_LIMIT]

    def _show_matches(self, text: str) -> None:
        text = text.strip()
        rows = self._matches(text) if text else self._idle_rows()
        self.model.set_rows(rows)
        self._shown = text
        self._navigated = False
        if rows and text:
            self.table.selectRow(0)
            self.table.scrollToTop()
        else:
            self.table.clearSelection()

    def _idle_rows(self) -> list[PesertaRow]:
        """The list under an empty field: everyone, or who is still missing today."""
        people = roster(self.kegiatan_id)
        if not self.missing_check.isChecked():
            return people
        marks = self.model.marks
        return [p for p in people if p.id not in marks or marks[p.id].status != "hadir"]

    @Slot()
    def _on_missing(self) -> None:
        if not self.field.text().strip():
            self._show_matches("")
        self.field.setFocus()

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        is_key = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is not self.field or not is_key:
            return super().eventFilter(watched, event)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # Tab too: some scanners end a code with Tab, and the field must keep the focus anyway.
            self.submit()
            return True
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return True
        if key == Qt.Key.Key_Escape:
            self.field.clear()
            self._show_matches("")
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):  # the day, without leaving the field
            step = -1 if key == Qt.Key.Key_PageUp else 1
            index = self.day_combo.currentIndex() + step
            if 0 <= index < self.day_combo.count():
                self.day_combo.setCurrentIndex(index)
                self._load_marks()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        if not self.model.rowCount():
            return
        rows = self.table.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        target = min(max(current + step, 0), self.model.rowCount() - 1)
        self.table.selectRow(target)
        self.table.scrollTo(self.model.index(target, 0))
        self._navigated = True

    @Slot(str)
    def _on_text(self, text: str) -> None:
        self._show_matches(text)

    @Slot()
    def _on_day(self) -> None:
        self._load_marks()
        self.field.setFocus()

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self._mark(self.model.row(index.row()))
        self.field.setFocus()

    # ------------------------------------------------------------------ marking
    @Slot()
    def submit(self) -> None:
        """Enter: mark the highlighted match (the top one unless ↑/↓ moved), or say nobody matched."""
        text = self.field.text().strip()
        if not text or self.hari_id() is None:
            return
        if self._navigated:
            chosen = self._selected()
        elif text == self._shown:  # the list already shows this text's matches, best first
            chosen = self.model.row(0) if self.model.rowCount() else None
        else:
            matches = self._matches(text)
            chosen = matches[0] if matches else None
        if chosen is None:
            self.last_result = CheckInResult("unknown")
            self.feedback.say("bad", self.tr("Kode atau nama tidak dikenal: {0}").format(text))
            self.field.selectAll()
            return
        self._mark(chosen)

    def _selected(self) -> PesertaRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _mark(self, peserta: PesertaRow) -> None:
        hari_id = self.hari_id()
        if hari_id is None:
            return
        try:
            result = mark_present(peserta.id, hari_id)
        except DomainError as exc:
            messages.error(self, self.tr("Meja hadir"), messages.error_text(exc))
            return
        self.last_result = result
        self.model.set_mark(peserta.id, result.mark)
        if result.status == "already":
            when = result.mark.jam_datang if result.mark and result.mark.jam_datang else ""
            text = self.tr("{0} sudah tercatat hadir {1}").format(peserta.nama, when).strip()
            self.feedback.say("warn", text)
        else:
            where = peserta.asal or peserta.peran
            self.feedback.say("ok", self.tr("Hadir: {0} — {1}").format(peserta.nama, where))
            self.changed.emit(self.kegiatan_id)
        # The list stays as it was, the marked row turning green in place: only that row repaints,
        # which keeps Enter → row painted inside the budget. The next keystroke lists new matches.
        self.field.clear()
        self._shown = ""
        self._reveal(peserta.id)
        self._update_count()

    def _reveal(self, peserta_id: int) -> None:
        position = self.model.position_of(peserta_id)
        if position < 0:  # not in the list shown: show the whole roster
            self._show_matches("")
            position = self.model.position_of(peserta_id)
        if position >= 0:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))

    @Slot()
    def undo(self) -> None:
        """Ctrl+Z: put back the state before the day's last change."""
        hari_id = self.hari_id()
        if hari_id is None:
            return
        try:
            peserta = undo_last(hari_id)
        except DomainError as exc:
            messages.error(self, self.tr("Meja hadir"), messages.error_text(exc))
            return
        if peserta is None:
            self.feedback.say("idle", self.tr("Tidak ada tanda hadir yang dapat dibatalkan."))
            return
        self.model.marks = marks_for_hari(hari_id)
        self.model.set_mark(peserta.id, self.model.marks.get(peserta.id))
        self.feedback.say("warn", self.tr("Dibatalkan: {0}").format(peserta.nama))
        self._reveal(peserta.id)
        self._update_count()
        self.changed.emit(self.kegiatan_id)

    def feedback_tone(self) -> str:
        return self.feedback.tone()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.field.setFocus()


def _today_or_first(days: list[HariRow]) -> int | None:
    from datetime import date

    today = date.today()
    return next((h.id for h in days if h.tanggal == today), days[0].id if days else None)
