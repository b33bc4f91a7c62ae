"""The side panel of Rencana Aksi: every field of one item, errors beside the fields, and its monev.

Editing beside the table (not in a modal dialog) keeps the matrix in view while the secretariat
copies a Word table row by row. The panel holds two tabs: "Data" (the form, saved through
:func:`db.services.rencana_aksi.save_rencana_aksi`, whose ``ValidationError.problems`` land under
their fields) and "Monev" (the item's monitoring history, see :mod:`ui.pages.rencana_aksi_monev_tab`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import wilayah
from db.errors import DomainError, ValidationError
from db.services import rencana_aksi_lokus as lokus
from db.services.posyandu import list_posyandu
from db.services.profile import get_profile
from db.services.rencana_aksi import RencanaAksiForm, get_rencana_aksi, save_rencana_aksi
from db.services.rencana_aksi_lists import STATUS_RENCANA_AKSI, bidang_list, opd_list, sumber_dana_list
from reports.formatting import angka
from ui import messages
from ui.context import AppContext
from ui.models.registry_choices import refill
from ui.pages.rencana_aksi_monev_tab import MonevTab
from widgets.form import FieldErrors, small_label

NO_DATE = QDate(2000, 1, 1)  # the minimum of a date field means "not set" (shown as "–")
TEXT_HEIGHT = 54


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def from_qdate(value: QDate) -> date | None:
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def parse_rupiah(text: str) -> int | str | None:
    """``"Rp1.250.000"`` → 1250000; other text goes to the service as is (it names the error)."""
    digits = "".join(ch for ch in text if ch.isdigit())
    stripped = text.replace("Rp", "").replace(".", "").replace(" ", "").strip()
    if not stripped:
        return None
    return int(digits) if stripped.isdigit() else stripped


def parse_number(text: str) -> float | str | None:
    """``"12,5"`` → 12.5 (Indonesian decimal comma); other text goes to the service as is."""
    cleaned = text.strip().replace(".", "").replace(",", ".") if "," in text else text.strip()
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return cleaned


class RencanaAksiPanel(QWidget):
    """``saved(id)`` after a successful save; ``closed()`` when the user is done with the panel."""

    saved = Signal(int)
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rencanaAksiPanel")
        self._ctx = ctx
        self._form = RencanaAksiForm(tahun=date.today().year, bidang="", aksi="")
        self.errors = FieldErrors()
        self.title_label = QLabel()
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)
        self.source_label = small_label("", object_name="muted")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._form_tab(), self.tr("Data"))
        self.monev_tab = MonevTab(ctx)
        self.tabs.addTab(self.monev_tab, self.tr("Monev"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Simpan rencana aksi (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Tutup"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.source_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.closed)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        ctx.bus.rencanaAksiListsChanged.connect(self.refill_choices)

    # ------------------------------------------------------------------ construction
    def _form_tab(self) -> QScrollArea:
        self.tahun_spin = QSpinBox()
        self.tahun_spin.setRange(2000, 2100)
        self.bidang_combo = self._editable_combo()
        self.masalah_edit = self._text_edit()
        self.aksi_edit = self._text_edit()
        self.lokus_list = QListWidget()
        self.lokus_list.setObjectName("lokusList")
        self.lokus_list.setMaximumHeight(110)
        self.indikator_edit = self._text_edit()
        self.target_edit = QLineEdit()
        self.target_edit.setPlaceholderText(self.tr("angka"))
        self.satuan_edit = QLineEdit()
        self.satuan_edit.setPlaceholderText(self.tr("satuan, mis. posyandu"))
        target_row = QWidget()
        target_layout = QHBoxLayout(target_row)
        target_layout.setContentsMargins(0, 0, 0, 0)
        target_layout.addWidget(self.target_edit, 1)
        target_layout.addWidget(self.satuan_edit, 2)
        self.baseline_edit = QLineEdit()
        self.opd_combo = self._editable_combo()
        self.mitra_edit = QLineEdit()
        self.pic_edit = QLineEdit()
        self.pic_hp_edit = QLineEdit()
        self.mulai_edit = self._date_edit()
        self.jatuh_tempo_edit = self._date_edit()
        self.jadwal_edit = QLineEdit()
        self.jadwal_edit.setPlaceholderText(self.tr("mis. Triwulan III atau Agustus"))
        self.anggaran_edit = QLineEdit()
        self.anggaran_edit.setPlaceholderText(self.tr("Rp0"))
        self.anggaran_edit.editingFinished.connect(self._format_anggaran)
        self.sumber_dana_combo = self._editable_combo()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("panelStatus")
        for status in STATUS_RENCANA_AKSI:
            self.status_combo.addItem(status, status)
        self.catatan_edit = self._text_edit()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add = self.errors.add_row
        add(form, self.tr("&Tahun"), self.tahun_spin, "tahun")
        add(form, self.tr("&Bidang"), self.bidang_combo, "bidang")
        add(form, self.tr("&Masalah/isu"), self.masalah_edit, "masalah")
        add(form, self.tr("&Aksi/kegiatan"), self.aksi_edit, "aksi")
        add(form, self.tr("&Lokus"), self.lokus_list, "lokus", self.tr("Centang kelurahan/posyandu sasaran."))
        add(form, self.tr("&Indikator"), self.indikator_edit, "indikator")
        add(form, self.tr("Tar&get"), target_row, "target_nilai")
        self.errors.register("target_satuan", self.satuan_edit, self.errors.label("target_nilai"))
        add(form, self.tr("Baseline"), self.baseline_edit, "baseline")
        add(form, self.tr("&OPD/sektor"), self.opd_combo, "opd")
        add(form, self.tr("Mitra"), self.mitra_edit, "mitra")
        add(form, self.tr("Nama &PIC"), self.pic_edit, "pic_nama")
        add(form, self.tr("No. HP PIC"), self.pic_hp_edit, "pic_hp")
        add(form, self.tr("Mulai"), self.mulai_edit, "mulai")
        add(form, self.tr("&Jatuh tempo"), self.jatuh_tempo_edit, "jatuh_tempo")
        add(form, self.tr("Jadwal (teks)"), self.jadwal_edit, "jadwal_teks")
        add(form, self.tr("A&nggaran"), self.anggaran_edit, "anggaran")
        add(form, self.tr("Sumber dana"), self.sumber_dana_combo, "sumber_dana")
        add(form, self.tr("&Status"), self.status_combo, "status")
        add(form, self.tr("Catatan"), self.catatan_edit, "catatan")
        self.errors.register("sumber", self.status_combo, QLabel())
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _editable_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _text_edit(self) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(TEXT_HEIGHT)
        return edit

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("–")
        edit.setDate(NO_DATE)
        return edit

    # ------------------------------------------------------------------ loading
    def _fill_choices(self, form: RencanaAksiForm) -> None:
        for combo, values, current in (
            (self.bidang_combo, bidang_list(), form.bidang),
            (self.opd_combo, opd_list(), form.opd),
            (self.sumber_dana_combo, sumber_dana_list(), form.sumber_dana),
        ):
            refill(combo, [(v, v) for v in values])
            combo.setCurrentText(current)
        self._fill_lokus(form.lokus)

    @Slot()
    def refill_choices(self) -> None:
        """The lists were edited in Pengaturan: offer the new values, keep what the form holds."""
        for combo, values in (
            (self.bidang_combo, bidang_list()),
            (self.opd_combo, opd_list()),
            (self.sumber_dana_combo, sumber_dana_list()),
        ):
            text = combo.currentText()
            refill(combo, [(v, v) for v in values])
            combo.setCurrentText(text)

    def _fill_lokus(self, chosen: tuple[str, ...]) -> None:
        """Kelurahan of the office's kecamatan, then posyandu, then any stored key not among them."""
        kecamatan = get_profile().kode_wilayah
        names = lokus.posyandu_name_map()
        keys = [r.kode for r in wilayah.children(kecamatan)] if kecamatan else []
        keys += [lokus.posyandu_key(r.id) for r in list_posyandu() if r.aktif]
        keys += [k for k in chosen if k not in keys]
        self.lokus_list.clear()
        for key in keys:
            item = QListWidgetItem(lokus.label(key, names))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.lokus_list.addItem(item)

    def start_new(self, tahun: int, bidang: str = "", opd: str = "") -> None:
        """An empty form for a new item (the page's tahun/bidang/OPD filter preset)."""
        self.load(RencanaAksiForm(tahun=tahun, bidang=bidang or bidang_list()[0], aksi="", opd=opd))

    def open_item(self, item_id: int) -> None:
        self.load(get_rencana_aksi(item_id))

    def load(self, form: RencanaAksiForm) -> None:
        self._form = form
        self.errors.clear()
        self._fill_choices(form)
        self.tahun_spin.setValue(form.tahun)
        self.masalah_edit.setPlainText(form.masalah)
        self.aksi_edit.setPlainText(form.aksi)
        self.indikator_edit.setPlainText(form.indikator)
        self.target_edit.setText(angka(form.target_nilai) if form.target_nilai is not None else "")
        self.satuan_edit.setText(form.target_satuan)
        self.baseline_edit.setText(form.baseline)
        self.mitra_edit.setText(form.mitra)
        self.pic_edit.setText(form.pic_nama)
        self.pic_hp_edit.setText(form.pic_hp)
        self.mulai_edit.setDate(to_qdate(form.mulai))
        self.jatuh_tempo_edit.setDate(to_qdate(form.jatuh_tempo))
        self.jadwal_edit.setText(form.jadwal_teks)
        self.anggaran_edit.setText(angka(form.anggaran) if form.anggaran is not None else "")
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(form.status)))
        self.catatan_edit.setPlainText(form.catatan)
        new = form.id is None
        self.title_label.setText(self.tr("Rencana aksi baru") if new else self.tr("Ubah rencana aksi"))
        self.source_label.setText(self._source_text(form))
        self.source_label.setVisible(bool(self.source_label.text()))
        self.tabs.setTabEnabled(1, not new)
        self.tabs.setCurrentIndex(0)
        self.monev_tab.set_item(form.id)
        self.aksi_edit.setFocus() if new else self.tahun_spin.setFocus()

    def _source_text(self, form: RencanaAksiForm) -> str:
        if form.sumber == "notulen" and form.notulen_keputusan_id:
            from db.services.notulen_keputusan import keputusan_label

            return self.tr("Sumber: {0}").format(keputusan_label(form.notulen_keputusan_id))
        return ""

    @property
    def item_id(self) -> int | None:
        return self._form.id

    # ------------------------------------------------------------------ saving
    @Slot()
    def _format_anggaran(self) -> None:
        value = parse_rupiah(self.anggaran_edit.text())
        if isinstance(value, int):
            self.anggaran_edit.setText(angka(value))

    def lokus_keys(self) -> tuple[str, ...]:
        items = (self.lokus_list.item(i) for i in range(self.lokus_list.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
        )

    def form(self) -> RencanaAksiForm:
        """What the fields say now (unchecked: the service validates)."""
        return RencanaAksiForm(
            tahun=self.tahun_spin.value(),
            bidang=self.bidang_combo.currentText(),
            aksi=self.aksi_edit.toPlainText(),
            masalah=self.masalah_edit.toPlainText(),
            lokus=self.lokus_keys(),
            indikator=self.indikator_edit.toPlainText(),
            target_nilai=parse_number(self.target_edit.text()),  # type: ignore[arg-type]
            target_satuan=self.satuan_edit.text(),
            baseline=self.baseline_edit.text(),
            opd=self.opd_combo.currentText(),
            mitra=self.mitra_edit.text(),
            pic_nama=self.pic_edit.text(),
            pic_hp=self.pic_hp_edit.text(),
            mulai=from_qdate(self.mulai_edit.date()),
            jatuh_tempo=from_qdate(self.jatuh_tempo_edit.date()),
            jadwal_teks=self.jadwal_edit.text(),
            anggaran=parse_rupiah(self.anggaran_edit.text()),  # type: ignore[arg-type]
            sumber_dana=self.sumber_dana_combo.currentText(),
            sumber=self._form.sumber,
            notulen_keputusan_id=self._form.notulen_keputusan_id,
            status=self.status_combo.currentData(),
            urutan=self._form.urutan,
            catatan=self.catatan_edit.toPlainText(),
            id=self._form.id,
        )

    @Slot()
    def save(self) -> int | None:
        """Save through the service; problems appear under their fields. Returns the id or None."""
        try:
            item_id = save_rencana_aksi(self.form())
        except ValidationError as exc:
            self.tabs.setCurrentIndex(0)
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.error(self, self.tr("Rencana aksi"), "\n".join(unplaced.values()))
            return None
        except DomainError as exc:
            messages.error(self, self.tr("Rencana aksi"), messages.error_text(exc))
            return None
        self.errors.clear()
        self.load(get_rencana_aksi(item_id))
        self.saved.emit(item_id)
        return item_id
