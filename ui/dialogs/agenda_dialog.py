"""Add or edit one susunan acara item: day, acara/materi, start, duration and end kept in step,
narasumber (a participant with peran Narasumber, or any name typed), moderator, kelompok materi
and JPL T/P/PL (only for materi with a kelompok).

Start, duration and end move together: changing the start or the duration moves the end,
changing the end changes the duration, so the times the service stores always agree.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTime, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.agenda import (
    KELOMPOK,
    AgendaForm,
    get_agenda,
    list_agenda,
    narasumber_choices,
    people_names,
    save_agenda,
)
from db.services.kegiatan import list_hari
from reports.formatting import tanggal_panjang
from ui import messages
from widgets.form import FieldErrors, save_cancel_buttons

TIME_FORMAT = "HH:mm"


def _time(text: str, fallback: str = "08:00") -> QTime:
    value = QTime.fromString(text or fallback, TIME_FORMAT)
    return value if value.isValid() else QTime(8, 0)


def _jpl_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 99)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setMaximumWidth(80)
    return box


class AgendaDialog(QDialog):
    """``saved_id`` after a save."""

    def __init__(
        self, kegiatan_id: int, agenda_id: int | None = None, hari_ke: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.saved_id: int | None = None
        self.kegiatan_id = kegiatan_id
        self._original = get_agenda(agenda_id) if agenda_id is not None else self._new_form(hari_ke)
        self.setWindowTitle(self.tr("Ubah acara") if agenda_id is not None else self.tr("Tambah acara"))
        self.errors = FieldErrors()
        self._syncing = False
        self._build()
        self._load(self._original)
        self.resize(600, 0)

    def _new_form(self, hari_ke: int) -> AgendaForm:
        """A new item starts where the day's last item ends (else at the day's jam mulai)."""
        ends = [r.jam_selesai for r in list_agenda(self.kegiatan_id, hari_ke) if r.jam_selesai]
        day = next((h for h in list_hari(self.kegiatan_id) if h.hari_ke == hari_ke), None)
        start = max(ends) if ends else (day.jam_mulai if day else "08:00")
        return AgendaForm(self.kegiatan_id, "", hari_ke, jam_mulai=start, durasi_menit=30)

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.hari_combo = QComboBox()
        for day in list_hari(self.kegiatan_id):
            self.hari_combo.addItem(
                self.tr("Hari ke-{0} — {1}").format(day.hari_ke, tanggal_panjang(day.tanggal)), day.hari_ke
            )
        self.acara_edit = QLineEdit()
        self.acara_edit.setPlaceholderText(self.tr("mis. Pemantauan pertumbuhan balita"))
        self.mulai_edit, self.selesai_edit = QTimeEdit(), QTimeEdit()
        for edit in (self.mulai_edit, self.selesai_edit):
            edit.setDisplayFormat(TIME_FORMAT)
        self.durasi_spin = QSpinBox()
        self.durasi_spin.setRange(0, 24 * 60 - 1)
        self.durasi_spin.setSingleStep(5)
        self.durasi_spin.setSuffix(self.tr(" menit"))
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((None, self.mulai_edit), (self.tr("durasi"), self.durasi_spin),
                              (self.tr("selesai"), self.selesai_edit)):  # fmt: skip
            if label:
                times.addWidget(QLabel(label))
            times.addWidget(widget)
        times.addStretch(1)
        time_row = QWidget()
        time_row.setLayout(times)
        self.narasumber_combo = QComboBox()
        self.narasumber_combo.setEditable(True)
        self.narasumber_combo.addItem("", None)
        for peserta_id, nama in narasumber_choices(self.kegiatan_id):
            self.narasumber_combo.addItem(nama, peserta_id)
        self.narasumber_combo.lineEdit().setPlaceholderText(
            self.tr("pilih peserta Narasumber atau ketik nama")
        )
        self.moderator_combo = QComboBox()
        self.moderator_combo.setEditable(True)
        self.moderator_combo.addItems(["", *people_names(self.kegiatan_id, ("Moderator", "Panitia"))])
        self.kelompok_combo = QComboBox()
        for value in KELOMPOK:
            self.kelompok_combo.addItem(self.tr("Materi {0}").format(value) if value else "–", value)
        self.t_spin, self.p_spin, self.pl_spin = _jpl_box(), _jpl_box(), _jpl_box()
        jpl = QHBoxLayout()
        jpl.setContentsMargins(0, 0, 0, 0)
        for label, widget in (("T", self.t_spin), ("P", self.p_spin), ("PL", self.pl_spin)):
            jpl.addWidget(QLabel(label))
            jpl.addWidget(widget)
        jpl.addStretch(1)
        self.jpl_row = QWidget()
        self.jpl_row.setLayout(jpl)
        self.catatan_edit = QLineEdit()
        form = QFormLayout()
        e = self.errors
        e.add_row(form, self.tr("&Hari"), self.hari_combo, "hari_ke")
        e.add_row(form, self.tr("&Acara/materi"), self.acara_edit, "acara")
        e.add_row(form, self.tr("&Jam mulai"), time_row, "jam_mulai")
        e.register("jam_selesai", self.selesai_edit, e.label("jam_mulai"))
        e.register("durasi_menit", self.durasi_spin, e.label("jam_mulai"))
        e.add_row(form, self.tr("&Narasumber"), self.narasumber_combo, "narasumber")
        e.add_row(form, self.tr("&Moderator"), self.moderator_combo, "moderator")
        e.add_row(form, self.tr("&Kelompok materi"), self.kelompok_combo, "kelompok")
        e.add_row(form, self.tr("JPL"), self.jpl_row, "jpl_t",
                  self.tr("T = teori, P = penugasan, PL = praktik lapangan; untuk materi saja."))  # fmt: skip
        e.add_row(form, self.tr("Ca&tatan"), self.catatan_edit, "catatan")
        self.buttons, self.ok_button = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.mulai_edit.timeChanged.connect(self._end_from_duration)
        self.durasi_spin.valueChanged.connect(self._end_from_duration)
        self.selesai_edit.timeChanged.connect(self._duration_from_end)
        self.kelompok_combo.currentIndexChanged.connect(self._on_kelompok)

    def _load(self, form: AgendaForm) -> None:
        self.hari_combo.setCurrentIndex(max(self.hari_combo.findData(form.hari_ke), 0))
        self.acara_edit.setText(form.acara)
        self._syncing = True
        self.mulai_edit.setTime(_time(form.jam_mulai))
        self.durasi_spin.setValue(form.durasi_menit)
        self.selesai_edit.setTime(_time(form.jam_selesai, form.jam_mulai).addSecs(0))
        self._syncing = False
        self._end_from_duration()
        index = self.narasumber_combo.findData(form.narasumber_peserta_id)
        if form.narasumber_peserta_id is not None and index >= 0:
            self.narasumber_combo.setCurrentIndex(index)
        else:
            self.narasumber_combo.setEditText(form.narasumber)
        self.moderator_combo.setEditText(form.moderator)
        self.kelompok_combo.setCurrentIndex(max(self.kelompok_combo.findData(form.kelompok), 0))
        for box, value in ((self.t_spin, form.jpl_t), (self.p_spin, form.jpl_p), (self.pl_spin, form.jpl_pl)):
            box.setValue(value)
        self.catatan_edit.setText(form.catatan)
        self._on_kelompok()

    # ------------------------------------------------------------------ keeping times in step
    @Slot()
    def _end_from_duration(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.selesai_edit.setTime(self.mulai_edit.time().addSecs(self.durasi_spin.value() * 60))
        self._syncing = False

    @Slot()
    def _duration_from_end(self) -> None:
        if self._syncing:
            return
        minutes = self.mulai_edit.time().secsTo(self.selesai_edit.time()) // 60
        if minutes >= 0:
            self._syncing = True
            self.durasi_spin.setValue(minutes)
            self._syncing = False

    @Slot()
    def _on_kelompok(self) -> None:
        self.jpl_row.setEnabled(bool(self.kelompok_combo.currentData()))

    # ------------------------------------------------------------------ saving
    def _narasumber(self) -> tuple[int | None, str]:
        """The linked participant when the text is one of the listed names, else the typed name."""
        text = self.narasumber_combo.currentText().strip()
        index = self.narasumber_combo.findText(text)
        peserta_id = self.narasumber_combo.itemData(index) if text and index >= 0 else None
        return peserta_id, text

    def value(self) -> AgendaForm:
        peserta_id, nama = self._narasumber()
        kelompok = self.kelompok_combo.currentData() or ""
        start = self.mulai_edit.time()
        end = start.addSecs(self.durasi_spin.value() * 60)
        return replace(
            self._original,
            hari_ke=self.hari_combo.currentData(),
            acara=self.acara_edit.text(),
            jam_mulai=start.toString(TIME_FORMAT),
            jam_selesai=end.toString(TIME_FORMAT) if end >= start else "",
            durasi_menit=self.durasi_spin.value(),
            narasumber_peserta_id=peserta_id,
            narasumber=nama,
            moderator=self.moderator_combo.currentText(),
            kelompok=kelompok,
            jpl_t=self.t_spin.value() if kelompok else 0,
            jpl_p=self.p_spin.value() if kelompok else 0,
            jpl_pl=self.pl_spin.value() if kelompok else 0,
            catatan=self.catatan_edit.text(),
        )

    def accept(self) -> None:
        form = self.value()
        if form.durasi_menit and not form.jam_selesai:
            self.errors.show({"jam_mulai": self.tr("Acara melewati pukul 24.00; perpendek durasinya.")})
            return
        try:
            self.saved_id = save_agenda(form)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.warn(self, self.tr("Susunan acara"), "\n".join(unplaced.values()))
            return
        except DomainError as exc:
            messages.error(self, self.tr("Susunan acara"), messages.error_text(exc))
            return
        super().accept()


def open_agenda_dialog(
    parent: QWidget | None, kegiatan_id: int, agenda_id: int | None = None, hari_ke: int = 1
) -> int | None:
    dialog = AgendaDialog(kegiatan_id, agenda_id, hari_ke, parent)
    try:
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
