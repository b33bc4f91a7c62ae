"""Add or edit a kegiatan: every field, the days derived from the date range (own times, a
"dilewati" tick) and the money per peran for the tanda terima.

The service derives and stores the days; the dialog then applies each day's times and skip
mark through :func:`db.services.kegiatan.set_hari`. Problems come back beside their fields and
the dialog stays open; dropping days that already hold attendance is asked first.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.kegiatan import (
    JENIS_KEGIATAN,
    SATUAN_UANG,
    STATUS_KEGIATAN,
    DaysHaveAttendance,
    KegiatanForm,
    get_kegiatan,
    list_hari,
    save_kegiatan,
    set_hari,
)
from db.services.kegiatan_rekap import list_kuota, set_kuota
from db.services.peserta import PERAN
from ui import messages
from ui.dialogs.kegiatan_days import DaysTable
from ui.dialogs.kegiatan_kuota import KuotaEditor
from widgets.form import FieldErrors, error_label, save_cancel_buttons


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _number(text: str) -> float | str | None:
    """``1.500.000`` / ``1500000`` → 1500000.0; unreadable text passes on (the service names it)."""
    clean = text.strip().replace(".", "").replace(",", ".")
    if not clean:
        return None
    try:
        return float(clean)
    except ValueError:
        return text.strip()


class KegiatanDialog(QDialog):
    """``saved_id`` holds the kegiatan's id after a save."""

    def __init__(self, kegiatan_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved_id: int | None = kegiatan_id
        self.stored = False  # something was written (even if a later step failed)
        detail = get_kegiatan(kegiatan_id) if kegiatan_id is not None else None
        today = date.today()
        self._original = detail.form if detail else KegiatanForm("Bimtek/Pelatihan", "", today, today)
        self.setWindowTitle(self.tr("Ubah kegiatan") if detail else self.tr("Tambah kegiatan"))
        self.errors = FieldErrors()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._data_tab(), self.tr("Data kegiatan"))
        self.tabs.addTab(self._days_tab(), self.tr("Hari dan jam"))
        self.kuota = KuotaEditor()
        self.tabs.addTab(self.kuota, self.tr("Kuota per asal"))
        self.tabs.addTab(self._money_tab(), self.tr("Uang transport/honor"))
        self.buttons, self.ok_button = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        if detail:
            self.kuota.load(list_kuota(detail.form.id))
            self.days_table.load({h.tanggal: (h.jam_mulai, h.jam_selesai, h.dilewati) for h in detail.hari})
        self._load(self._original)
        self.mulai_edit.dateChanged.connect(self._on_dates)
        self.selesai_edit.dateChanged.connect(self._on_dates)
        self._on_dates()
        self.resize(980, 500)

    # ------------------------------------------------------------------ construction
    def _data_tab(self) -> QWidget:
        self.jenis_combo = QComboBox()
        for jenis in JENIS_KEGIATAN:
            self.jenis_combo.addItem(jenis, jenis)
        self.status_combo = QComboBox()
        for status in STATUS_KEGIATAN:
            self.status_combo.addItem(status.capitalize(), status)
        self.nama_edit, self.tema_edit, self.penyelenggara_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.dasar_edit, self.tempat_edit, self.alamat_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.sumber_dana_edit, self.anggaran_edit, self.jpl_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.pj_edit, self.ketua_edit = QLineEdit(), QLineEdit()
        self.dasar_edit.setPlaceholderText(self.tr("mis. SK Camat No. 400/12/2026, DPA 2026"))
        self.anggaran_edit.setPlaceholderText(self.tr("rupiah, mis. 15.000.000"))
        self.mulai_edit, self.selesai_edit = self._date_edit(), self._date_edit()
        self.target_spin = QSpinBox()
        self.target_spin.setRange(0, 100000)
        self.target_spin.setSpecialValueText(self.tr("–"))
        self.catatan_edit = QPlainTextEdit()
        self.catatan_edit.setFixedHeight(70)
        dates = QHBoxLayout()
        dates.addWidget(self.mulai_edit)
        dates.addWidget(QLabel(self.tr("s.d.")))
        dates.addWidget(self.selesai_edit)
        dates.addStretch(1)
        dates_box = QWidget()
        dates_box.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self.days_note = QLabel()
        self.days_note.setObjectName("muted")
        left, right = QFormLayout(), QFormLayout()
        e = self.errors
        e.add_row(left, self.tr("&Jenis"), self.jenis_combo, "jenis")
        e.add_row(left, self.tr("&Nama kegiatan"), self.nama_edit, "nama")
        e.add_row(left, self.tr("Tema"), self.tema_edit, "tema")
        e.add_row(left, self.tr("Penyelenggara"), self.penyelenggara_edit, "penyelenggara")
        e.add_row(left, self.tr("Dasar (SK/DPA)"), self.dasar_edit, "dasar")
        e.add_row(left, self.tr("&Tanggal"), dates_box, "tanggal_mulai")
        left.addRow("", self.days_note)
        left.addRow("", e.register("tanggal_selesai", self.selesai_edit))
        e.add_row(left, self.tr("Tempat"), self.tempat_edit, "tempat")
        e.add_row(left, self.tr("Alamat"), self.alamat_edit, "alamat")
        e.add_row(right, self.tr("&Status"), self.status_combo, "status")
        e.add_row(right, self.tr("Target peserta"), self.target_spin, "target_peserta")
        e.add_row(right, self.tr("Anggaran"), self.anggaran_edit, "anggaran")
        e.add_row(right, self.tr("Sumber dana"), self.sumber_dana_edit, "sumber_dana")
        e.add_row(right, self.tr("Total JPL"), self.jpl_edit, "total_jpl")
        e.add_row(right, self.tr("Penanggung jawab"), self.pj_edit, "penanggung_jawab")
        e.add_row(right, self.tr("Ketua panitia"), self.ketua_edit, "ketua_panitia")
        e.add_row(right, self.tr("Catatan"), self.catatan_edit, "catatan")
        tab = QWidget()
        grid = QGridLayout(tab)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        return tab

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    def _days_tab(self) -> QWidget:
        self.days_table = DaysTable()
        note = QLabel(
            self.tr(
                "Hari diturunkan dari tanggal mulai–selesai. Ubah jam per hari (JJ:MM) atau centang "
                '"Dilewati" untuk hari tanpa kegiatan (mis. hari Minggu).'
            )
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.days_error = error_label()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addWidget(self.days_table, 1)
        layout.addWidget(self.days_error)
        return tab

    def _money_tab(self) -> QWidget:
        self.satuan_combo = QComboBox()
        labels = (self.tr("per hari hadir"), self.tr("sekali per kegiatan"))
        for satuan, label in zip(SATUAN_UANG, labels, strict=True):
            self.satuan_combo.addItem(label, satuan)
        self.money_spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Dibayar"), self.satuan_combo, "uang_satuan")
        for peran in PERAN:
            spin = QSpinBox()
            spin.setRange(0, 100_000_000)
            spin.setSingleStep(25_000)
            spin.setGroupSeparatorShown(True)
            spin.setPrefix("Rp ")
            self.money_spins[peran] = spin
            form.addRow(peran, spin)
        form.addRow("", self.errors.register("uang_peran", QWidget()))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        note = QLabel(
            self.tr("Jumlah uang transport/honorarium per orang menurut peran, untuk lembar tanda terima.")
        )
        note.setObjectName("muted")
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addStretch(1)
        return tab

    # ------------------------------------------------------------------ values
    def _load(self, form: KegiatanForm) -> None:
        self.jenis_combo.setCurrentIndex(max(self.jenis_combo.findData(form.jenis), 0))
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(form.status), 0))
        for edit, value in (
            (self.nama_edit, form.nama), (self.tema_edit, form.tema),
            (self.penyelenggara_edit, form.penyelenggara),
            (self.dasar_edit, form.dasar), (self.tempat_edit, form.tempat), (self.alamat_edit, form.alamat),
            (self.sumber_dana_edit, form.sumber_dana), (self.pj_edit, form.penanggung_jawab),
            (self.ketua_edit, form.ketua_panitia),
        ):  # fmt: skip
            edit.setText(value)
            edit.setCursorPosition(0)  # show the start of a long name, not its tail
        self.anggaran_edit.setText(f"{form.anggaran:,.0f}".replace(",", ".") if form.anggaran else "")
        self.jpl_edit.setText(f"{form.total_jpl:g}" if form.total_jpl else "")
        self.target_spin.setValue(form.target_peserta or 0)
        self.catatan_edit.setPlainText(form.catatan)
        self.mulai_edit.setDate(_qdate(form.tanggal_mulai))
        self.selesai_edit.setDate(_qdate(form.tanggal_selesai))
        self.satuan_combo.setCurrentIndex(max(self.satuan_combo.findData(form.uang_satuan), 0))
        for peran, spin in self.money_spins.items():
            spin.setValue(int(form.uang_peran.get(peran, 0)))

    def value(self) -> KegiatanForm:
        jpl = self.jpl_edit.text().strip().replace(",", ".")
        return replace(
            self._original,
            id=self.saved_id,
            jenis=self.jenis_combo.currentData(),
            nama=self.nama_edit.text(),
            tema=self.tema_edit.text(),
            penyelenggara=self.penyelenggara_edit.text(),
            dasar=self.dasar_edit.text(),
            tanggal_mulai=_pydate(self.mulai_edit.date()),
            tanggal_selesai=_pydate(self.selesai_edit.date()),
            tempat=self.tempat_edit.text(),
            alamat=self.alamat_edit.text(),
            target_peserta=self.target_spin.value() or None,
            anggaran=_number(self.anggaran_edit.text()),  # type: ignore[arg-type]
            sumber_dana=self.sumber_dana_edit.text(),
            total_jpl=jpl or None,  # type: ignore[arg-type]
            penanggung_jawab=self.pj_edit.text(),
            ketua_panitia=self.ketua_edit.text(),
            status=self.status_combo.currentData(),
            catatan=self.catatan_edit.toPlainText(),
            uang_satuan=self.satuan_combo.currentData(),
            uang_peran={peran: spin.value() for peran, spin in self.money_spins.items() if spin.value()},
        )

    @Slot()
    def _on_dates(self) -> None:
        start, end = _pydate(self.mulai_edit.date()), _pydate(self.selesai_edit.date())
        if end < start:
            self.days_note.setText(self.tr("Tanggal selesai sebelum tanggal mulai."))
            self.days_table.set_range(start, start)
            return
        self.days_table.set_range(start, end)
        note = self.tr("{0} hari — atur jam dan hari yang dilewati di tab Hari dan jam.")
        self.days_note.setText(note.format((end - start).days + 1))

    # ------------------------------------------------------------------ saving
    def accept(self) -> None:
        form = self.value()
        try:
            try:
                kegiatan_id = save_kegiatan(form)
            except DaysHaveAttendance as exc:
                if not messages.confirm(self, self.tr("Kegiatan"), messages.error_text(exc)):
                    return
                kegiatan_id = save_kegiatan(form, force=True)
            self.saved_id, self.stored = kegiatan_id, True
            self._save_days(kegiatan_id)
            self._save_kuota(kegiatan_id)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        except DomainError as exc:
            messages.error(self, self.tr("Kegiatan"), messages.error_text(exc))
            return
        super().accept()

    def _save_days(self, kegiatan_id: int) -> None:
        """Apply the table's times and skip marks to the stored days (only those that differ)."""
        self.days_error.hide()
        wanted = self.days_table.values()
        for hari in list_hari(kegiatan_id):
            values = wanted.get(hari.tanggal)
            if values is None or values == (hari.jam_mulai, hari.jam_selesai, hari.dilewati):
                continue
            jam_mulai, jam_selesai, dilewati = values
            try:
                set_hari(hari.id, jam_mulai=jam_mulai, jam_selesai=jam_selesai, dilewati=dilewati)
            except DaysHaveAttendance as exc:
                if not messages.confirm(self, self.tr("Kegiatan"), messages.error_text(exc)):
                    continue
                set_hari(hari.id, jam_mulai=jam_mulai, jam_selesai=jam_selesai, dilewati=dilewati, force=True)
            except ValidationError as exc:
                self.tabs.setCurrentIndex(1)
                message = "; ".join(messages.error_text(ValidationError(m)) for m in exc.problems.values())
                self.days_error.setText(self.tr("Hari ke-{0}: {1}").format(hari.hari_ke, message))
                self.days_error.show()
                raise ValidationError({}) from exc

    def _save_kuota(self, kegiatan_id: int) -> None:
        self.kuota.error.hide()
        try:
            set_kuota(kegiatan_id, self.kuota.value())
        except ValidationError as exc:
            self.tabs.setCurrentWidget(self.kuota)
            texts = (messages.error_text(ValidationError(m)) for m in exc.problems.values())
            self.kuota.error.setText("; ".join(texts))
            self.kuota.error.show()
            raise ValidationError({}) from exc

    def _show_problems(self, problems: dict[str, str]) -> None:
        if not problems:
            return
        money = set(problems) <= {"uang_peran", "uang_satuan"}
        self.tabs.setCurrentIndex(self.tabs.count() - 1 if money else 0)
        unplaced = self.errors.show(problems)
        if unplaced:
            messages.warn(self, self.tr("Kegiatan"), "\n".join(unplaced.values()))


def open_kegiatan_dialog(parent: QWidget | None, kegiatan_id: int | None = None) -> int | None:
    """Run the dialog modally; the kegiatan's id when anything was stored, else ``None``."""
    dialog = KegiatanDialog(kegiatan_id, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.saved_id if accepted or dialog.stored else None
    finally:
        dialog.deleteLater()
