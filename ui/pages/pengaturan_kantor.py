"""Pengaturan → Identitas kantor: the kop surat, signature place, paper and logos.

One widget per :class:`~db.services.profile.OfficeProfile` field, kept in ``self.fields`` by the
field's name, so loading, collecting and showing the service's ``ValidationError.problems`` are
one loop each. A rejected save leaves everything typed in place with the reasons under the
fields. Unsaved edits survive a page refresh; only "Batalkan perubahan" reloads from the database.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db import audit, wilayah
from db.errors import DomainError, ValidationError
from db.services.profile import OfficeProfile, get_profile, save_profile
from ui import messages
from ui.context import AppContext
from ui.pages.pengaturan_logo import LogoSlot
from ui.wilayah_picker import WilayahPicker
from widgets.form import FieldErrors, error_label

CAPTION_WIDTH = 150
_C = "KantorTab"
TEXT_FIELDS: dict[str, tuple[str, str]] = {  # name → (label, placeholder)
    "pemerintah": (
        QT_TRANSLATE_NOOP(_C, "Pemerintah daerah"),
        QT_TRANSLATE_NOOP(_C, "mis. PEMERINTAH KOTA METRO"),
    ),
    "unit": (QT_TRANSLATE_NOOP(_C, "Unit kerja"), QT_TRANSLATE_NOOP(_C, "mis. KECAMATAN METRO TIMUR")),
    "alamat": (QT_TRANSLATE_NOOP(_C, "Alamat kantor"), QT_TRANSLATE_NOOP(_C, "mis. Jl. Yos Sudarso No. 23")),
    "kelurahan": (
        QT_TRANSLATE_NOOP(_C, "Kelurahan/desa"),
        QT_TRANSLATE_NOOP(_C, "letak kantor, mis. Yosodadi"),
    ),
    "kode_pos": (QT_TRANSLATE_NOOP(_C, "Kode pos"), QT_TRANSLATE_NOOP(_C, "5 angka")),
    "kecamatan": (QT_TRANSLATE_NOOP(_C, "Kecamatan di kop"), QT_TRANSLATE_NOOP(_C, "mis. Metro Timur")),
    "kota": (QT_TRANSLATE_NOOP(_C, "Kabupaten/kota di kop"), QT_TRANSLATE_NOOP(_C, "mis. Kota Metro")),
    "provinsi": (QT_TRANSLATE_NOOP(_C, "Provinsi di kop"), QT_TRANSLATE_NOOP(_C, "mis. Lampung")),
    "telepon": (QT_TRANSLATE_NOOP(_C, "Telepon"), QT_TRANSLATE_NOOP(_C, "mis. (0725) 41234")),
    "faks": (QT_TRANSLATE_NOOP(_C, "Faksimile"), ""),
    "surel": (QT_TRANSLATE_NOOP(_C, "Surel"), QT_TRANSLATE_NOOP(_C, "mis. kec.metrotimur@metrokota.go.id")),
    "laman": (QT_TRANSLATE_NOOP(_C, "Laman"), QT_TRANSLATE_NOOP(_C, "mis. metrotimur.metrokota.go.id")),
    "kota_ttd": (QT_TRANSLATE_NOOP(_C, "Tempat tanda tangan"), QT_TRANSLATE_NOOP(_C, "mis. Metro")),
    "kode_klasifikasi": (QT_TRANSLATE_NOOP(_C, "Kode klasifikasi"), QT_TRANSLATE_NOOP(_C, "mis. 445.8")),
    "operator": (QT_TRANSLATE_NOOP(_C, "Nama operator"), QT_TRANSLATE_NOOP(_C, "nama Anda")),
}
MARGINS = {
    "margin_atas": QT_TRANSLATE_NOOP(_C, "Atas"),
    "margin_bawah": QT_TRANSLATE_NOOP(_C, "Bawah"),
    "margin_kiri": QT_TRANSLATE_NOOP(_C, "Kiri"),
    "margin_kanan": QT_TRANSLATE_NOOP(_C, "Kanan"),
}
ZONES = {"WIB": "WIB (UTC+7)", "WITA": "WITA (UTC+8)", "WIT": "WIT (UTC+9)"}
PAPERS = {"A4": "A4 (210 × 297 mm)", "F4": "F4 (215 × 330 mm)"}
SECRETARIAT_NAMES = ("POKJANAL POSYANDU KECAMATAN {0}", "TIM PEMBINA POSYANDU KECAMATAN {0}")


def _value(widget: QWidget) -> object:
    if isinstance(widget, WilayahPicker):
        return widget.code()
    if isinstance(widget, QDoubleSpinBox):
        return round(widget.value(), 1)
    if isinstance(widget, QComboBox):
        return widget.currentText().strip() if widget.isEditable() else widget.currentData()
    assert isinstance(widget, QLineEdit)
    return widget.text().strip()


def _set_value(widget: QWidget, value: object) -> None:
    if isinstance(widget, WilayahPicker):
        widget.set_code(str(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))  # type: ignore[arg-type]
    elif isinstance(widget, QComboBox) and widget.isEditable():
        widget.setCurrentText(str(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(value)))
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(str(value))


class KantorTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loading = False
        self.dirty = False
        self.errors = FieldErrors()
        self.fields: dict[str, QWidget] = {}
        self._make_widgets()
        self._build()
        self._connect()
        self.refresh()

    # ------------------------------------------------------------------ construction
    def _make_widgets(self) -> None:
        tr = QCoreApplication.translate
        for name, (_label, placeholder) in TEXT_FIELDS.items():
            edit = QLineEdit()
            edit.setPlaceholderText(tr(_C, placeholder) if placeholder else "")
            self.fields[name] = edit
        self.fields["kode_pos"].setMaxLength(5)  # type: ignore[attr-defined]
        sekretariat = QComboBox()
        sekretariat.setEditable(True)
        sekretariat.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sekretariat.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        sekretariat.setMinimumContentsLength(20)  # long suggestions must not widen the whole form
        self.fields["sekretariat"] = sekretariat
        self.picker = WilayahPicker()
        self.fields["kode_wilayah"] = self.picker
        for name, choices in (("zona_waktu", ZONES), ("kertas", PAPERS)):
            combo = QComboBox()
            for key, text in choices.items():
                combo.addItem(text, key)
            self.fields[name] = combo
        for name in MARGINS:
            spin = QDoubleSpinBox()
            spin.setRange(5.0, 50.0)
            spin.setDecimals(0)
            spin.setSuffix(" mm")
            self.fields[name] = spin
        self.logo_daerah = LogoSlot("daerah", self.tr("Logo daerah"), self._ctx)
        self.logo_kedua = LogoSlot("kedua", self.tr("Logo kedua"), self._ctx, self.tr("(boleh kosong)"))

    def _form(self, title: str, names: tuple[str, ...], hints: dict[str, str] | None = None) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(14)
        for name in names:
            hint = (hints or {}).get(name, "")
            caption = self.errors.add_row(form, self._caption(name), self.fields[name], name, hint)
            caption.setMinimumWidth(CAPTION_WIDTH)
        return group

    def _caption(self, name: str) -> str:
        if name in TEXT_FIELDS:
            return QCoreApplication.translate(_C, TEXT_FIELDS[name][0])
        return {
            "sekretariat": self.tr("Nama sekretariat"),
            "zona_waktu": self.tr("Zona waktu"),
            "kertas": self.tr("Ukuran kertas"),
        }[name]

    def _build(self) -> None:
        kop = self._form(
            self.tr("Kop surat"),
            ("pemerintah", "unit", "sekretariat", "alamat", "kelurahan", "kode_pos"),
            {"sekretariat": self.tr("Sebutan baru (Permendagri 13/2024): Tim Pembina Posyandu.")},
        )
        region = self._region_group()
        contact = self._form(self.tr("Kontak"), ("telepon", "faks", "surel", "laman"))
        documents = self._form(self.tr("Dokumen"), ("kota_ttd", "kode_klasifikasi", "zona_waktu", "kertas"))
        documents.layout().addRow(self._caption_label(self.tr("Margin halaman")), self._margins_box())
        operator = self._form(
            self.tr("Operator"),
            ("operator",),
            {"operator": self.tr("Dicatat pada setiap perubahan di Riwayat perubahan.")},
        )
        logos = QGroupBox(self.tr("Logo"))
        logo_row = QHBoxLayout(logos)
        logo_row.addWidget(self.logo_daerah)
        logo_row.addWidget(self.logo_kedua)
        left = QVBoxLayout()
        right = QVBoxLayout()
        for column, groups in ((left, (kop, region, operator)), (right, (contact, documents, logos))):
            column.setSpacing(14)
            for group in groups:
                column.addWidget(group)
            column.addStretch(1)
        content = QWidget()
        content.setObjectName("formContent")
        columns = QHBoxLayout(content)
        columns.setContentsMargins(20, 8, 20, 12)
        columns.setSpacing(18)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._save_bar())

    def _caption_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setMinimumWidth(CAPTION_WIDTH)
        return label

    def _region_group(self) -> QGroupBox:
        group = self._form(
            self.tr("Wilayah kantor"),
            ("kecamatan", "kota", "provinsi"),
            {"kecamatan": self.tr("Terisi dari pilihan wilayah; boleh diubah.")},
        )
        form = group.layout()
        assert isinstance(form, QFormLayout)
        picker_form = self.picker.layout()
        assert isinstance(picker_form, QFormLayout)
        picker_form.setHorizontalSpacing(14)
        for box in (self.picker.provinsi_box, self.picker.kabkota_box, self.picker.kecamatan_box):
            caption = picker_form.labelForField(box)
            if caption is not None:
                caption.setMinimumWidth(CAPTION_WIDTH)
        form.insertRow(0, self.picker)
        form.insertRow(1, self.errors.register("kode_wilayah", self.picker))
        return group

    def _margins_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        shared_error = error_label()
        for i, (name, label) in enumerate(MARGINS.items()):
            caption = QLabel(QCoreApplication.translate(_C, label))
            caption.setBuddy(self.fields[name])
            grid.addWidget(caption, i // 2, (i % 2) * 2)
            grid.addWidget(self.fields[name], i // 2, (i % 2) * 2 + 1)
            self.errors.register(name, self.fields[name], shared_error)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.addWidget(shared_error, 2, 0, 1, 4)
        return box

    def _save_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(20, 10, 20, 0)
        self.state_label = QLabel()
        self.state_label.setObjectName("muted")
        self.revert_button = QPushButton(self.tr("Batalkan perubahan"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Simpan identitas kantor (Ctrl+S)"))
        bar.addWidget(self.state_label, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        return bar

    def _connect(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, WilayahPicker):
                widget.changed.connect(self._on_region)
            elif isinstance(widget, QDoubleSpinBox):
                widget.valueChanged.connect(self._mark_dirty)
            elif isinstance(widget, QComboBox):
                widget.currentTextChanged.connect(self._mark_dirty)
            else:
                widget.textChanged.connect(self._mark_dirty)  # type: ignore[attr-defined]
        self.fields["kecamatan"].textChanged.connect(self._suggest_secretariat)  # type: ignore[attr-defined]
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

    # ------------------------------------------------------------------ state
    @Slot()
    def refresh(self) -> None:
        """Reload from the database, unless the user has unsaved edits."""
        if not self.dirty:
            self.load(get_profile())
        self.logo_daerah.refresh()
        self.logo_kedua.refresh()

    def load(self, profile: OfficeProfile) -> None:
        self._loading = True
        try:
            for name, widget in self.fields.items():
                _set_value(widget, getattr(profile, name))
            self._suggest_secretariat()
        finally:
            self._loading = False
        self.errors.clear()
        self._set_dirty(False)

    def value(self) -> OfficeProfile:
        """The profile as the form shows it now."""
        values = {f.name: _value(self.fields[f.name]) for f in fields(OfficeProfile)}
        return OfficeProfile(**values)  # type: ignore[arg-type]

    @Slot()
    def _mark_dirty(self) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.state_label.setText(self.tr("Ada perubahan yang belum disimpan.") if dirty else "")

    @Slot(str)
    def _on_region(self, code: str) -> None:
        """A kecamatan was chosen: fill the names the kop prints, and any still-empty headings."""
        self._mark_dirty()
        chosen = wilayah.get(code) if code else None
        if chosen is None or self._loading:
            return
        chain = wilayah.ancestors(chosen.kode)
        provinsi, kota = chain[0], chain[1]
        self._put("kecamatan", chosen.nama_pendek)
        self._put("kota", kota.nama)
        self._put("provinsi", provinsi.nama)
        self._put("kota_ttd", kota.nama_pendek, only_if_empty=True)
        self._put("pemerintah", f"PEMERINTAH {kota.nama.upper()}", only_if_empty=True)
        self._put("unit", f"KECAMATAN {chosen.nama_pendek.upper()}", only_if_empty=True)

    def _put(self, name: str, text: str, *, only_if_empty: bool = False) -> None:
        edit = self.fields[name]
        assert isinstance(edit, QLineEdit)
        if not (only_if_empty and edit.text().strip()):
            edit.setText(text)

    @Slot()
    def _suggest_secretariat(self) -> None:
        combo = self.fields["sekretariat"]
        assert isinstance(combo, QComboBox)
        current = combo.currentText()
        kecamatan = _value(self.fields["kecamatan"])
        combo.blockSignals(True)
        combo.clear()
        if kecamatan:
            combo.addItems([pattern.format(str(kecamatan).upper()) for pattern in SECRETARIAT_NAMES])
        combo.setCurrentText(current)
        combo.lineEdit().setCursorPosition(0)
        combo.blockSignals(False)

    # ------------------------------------------------------------------ actions
    @Slot()
    def save(self) -> None:
        if not self.dirty:
            return
        try:
            saved = save_profile(self.value())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.warn(self, self.tr("Identitas kantor"), "\n".join(unplaced.values()))
            self.state_label.setText(self.tr("Belum disimpan: periksa isian yang bertanda merah."))
            return
        except DomainError as exc:
            messages.error(self, self.tr("Identitas kantor"), messages.error_text(exc))
            return
        audit.set_operator(saved.operator)
        self.load(saved)
        self.state_label.setText(self.tr("Tersimpan."))
        self._ctx.bus.profileChanged.emit()
        self._ctx.bus.statusMessage.emit(self.tr("Identitas kantor disimpan."))

    @Slot()
    def revert(self) -> None:
        self._set_dirty(False)
        self.refresh()
