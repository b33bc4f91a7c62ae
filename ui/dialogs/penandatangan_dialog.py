"""Add or edit one signatory (penandatangan) as Tata Naskah Dinas prints it under a signature.

The dialog saves through :func:`db.services.penandatangan.save_signatory` (with changed images:
``save_signatory_with_images``, one transaction) itself, so a rejected entry keeps the dialog open
with each reason under its field and nothing typed is lost. The scanned signature and stamp
(printed on certificates) are picked here with a preview and stored together with the signatory.
OK is enabled only while the obvious rules hold (name, jabatan, a complete NIP, the superior's jabatan
for a.n./u.b.); the service stays the judge of everything else.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.penandatangan import (
    JENIS_PEGAWAI,
    PREFIXES,
    SignatoryData,
    get_images,
    save_signatory,
    save_signatory_with_images,
)
from db.validators import normalise_nip
from ui import messages
from ui.dialogs.penandatangan_gambar import GambarSlot
from widgets.form import FieldErrors
from widgets.nip_edit import NIP_LENGTH, NipEdit

PREFIX_LABELS = {
    "": QT_TRANSLATE_NOOP("PenandatanganDialog", "– (tanpa awalan)"),
    "a.n.": QT_TRANSLATE_NOOP("PenandatanganDialog", "a.n. (atas nama)"),
    "u.b.": QT_TRANSLATE_NOOP("PenandatanganDialog", "u.b. (untuk beliau)"),
    "Plt.": QT_TRANSLATE_NOOP("PenandatanganDialog", "Plt. (pelaksana tugas)"),
    "Plh.": QT_TRANSLATE_NOOP("PenandatanganDialog", "Plh. (pelaksana harian)"),
    "Pj.": QT_TRANSLATE_NOOP("PenandatanganDialog", "Pj. (penjabat)"),
}
PREFIXES_WITH_SUPERIOR = ("a.n.", "u.b.")
# PNS ranks (PP 99/2000) offered as suggestions; the field stays free text.
PANGKAT_PNS = (
    "Pengatur Muda / II.a", "Pengatur Muda Tk. I / II.b", "Pengatur / II.c", "Pengatur Tk. I / II.d",
    "Penata Muda / III.a", "Penata Muda Tk. I / III.b", "Penata / III.c", "Penata Tk. I / III.d",
    "Pembina / IV.a", "Pembina Tk. I / IV.b", "Pembina Utama Muda / IV.c", "Pembina Utama Madya / IV.d",
    "Pembina Utama / IV.e",
)  # fmt: skip


class PenandatanganDialog(QDialog):
    """``saved`` holds the stored signatory after OK."""

    def __init__(self, data: SignatoryData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = data or SignatoryData()
        self.saved: SignatoryData | None = None
        self.errors = FieldErrors()
        title = self.tr("Tambah penandatangan") if data is None else self.tr("Ubah penandatangan")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._build_fields()
        self._build_layout()
        self._load(self._original)
        self._connect()
        self._update_state()

    # ------------------------------------------------------------------ construction
    def _build_fields(self) -> None:
        self.nama_edit = QLineEdit()
        self.nama_edit.setPlaceholderText(self.tr("mis. Drs. H. Ahmad Fauzi, M.Si."))
        self.jabatan_edit = QLineEdit()
        self.jabatan_edit.setPlaceholderText(self.tr("mis. Camat Metro Timur"))
        self.pangkat_combo = QComboBox()
        self.pangkat_combo.setEditable(True)
        self.pangkat_combo.addItems(["", *PANGKAT_PNS])
        self.pangkat_combo.lineEdit().setPlaceholderText(self.tr("mis. Pembina Tk. I / IV.b"))
        self.jenis_combo = QComboBox()
        self.jenis_combo.addItems(list(JENIS_PEGAWAI))
        self.nip_edit = NipEdit()
        self.prefiks_combo = QComboBox()
        for prefix in PREFIXES:
            label = QCoreApplication.translate("PenandatanganDialog", PREFIX_LABELS[prefix])
            self.prefiks_combo.addItem(label, prefix)
        self.atasan_edit = QLineEdit()
        self.atasan_edit.setPlaceholderText(self.tr("mis. Camat Metro Timur (untuk a.n. dan u.b.)"))
        self.aktif_check = QCheckBox(self.tr("Aktif (ditawarkan saat mencetak)"))
        stored = get_images(self._original.id) if self._original.id is not None else {}
        self.ttd_slot = GambarSlot("ttd", stored.get("ttd"), QSize(150, 60))
        self.stempel_slot = GambarSlot("stempel", stored.get("stempel"), QSize(80, 80))

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add = self.errors.add_row
        add(form, self.tr("Nama dan gelar"), self.nama_edit, "nama", self.tr("Tulis gelar seperti di SK."))
        add(form, self.tr("Jabatan"), self.jabatan_edit, "jabatan")
        add(form, self.tr("Pangkat/golongan"), self.pangkat_combo, "pangkat")
        add(form, self.tr("Jenis pegawai"), self.jenis_combo, "jenis_pegawai")
        self.nip_caption = add(form, self.tr("NIP"), self.nip_edit, "nip")
        add(form, self.tr("Awalan"), self.prefiks_combo, "prefiks")
        add(form, self.tr("Jabatan atasan"), self.atasan_edit, "jabatan_atasan")
        form.addRow(QLabel(), self.aktif_check)
        # two fixed lines: a word-wrapped label makes the form's height-for-width squeeze the images
        images = QLabel(self.tr("Hasil pindaian, dicetak pada sertifikat. Tanpa gambar,\n"
                                "tempatnya untuk tanda tangan basah dan stempel."))  # fmt: skip
        images.setObjectName("muted")
        form.addRow(QLabel(), images)
        form.addRow(self.tr("Tanda tangan\ndan stempel"), self._images_row())
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Simpan"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _images_row(self) -> QWidget:
        """The two image slots side by side (the dialog must fit a 768-pixel-high screen)."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        for caption, slot in (
            (self.tr("Tanda tangan"), self.ttd_slot),
            (self.tr("Stempel"), self.stempel_slot),
        ):
            column = QVBoxLayout()
            column.setSpacing(4)
            column.addWidget(QLabel(caption))
            column.addWidget(slot)
            layout.addLayout(column)
        layout.addStretch(1)
        return row

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        named = (
            ("nama", self.nama_edit),
            ("jabatan", self.jabatan_edit),
            ("jabatan_atasan", self.atasan_edit),
        )
        for name, edit in named:
            edit.textChanged.connect(self._update_state)
            edit.textChanged.connect(lambda _text, n=name: self.errors.clear(n))
        self.nip_edit.textChanged.connect(self._update_state)
        self.nip_edit.left.connect(self._show_incomplete_nip)
        self.jenis_combo.currentIndexChanged.connect(self._update_state)
        self.prefiks_combo.currentIndexChanged.connect(self._update_state)

    def _load(self, data: SignatoryData) -> None:
        self.nama_edit.setText(data.nama)
        self.jabatan_edit.setText(data.jabatan)
        self.pangkat_combo.setCurrentText(data.pangkat)
        self.jenis_combo.setCurrentIndex(max(0, self.jenis_combo.findText(data.jenis_pegawai)))
        self.nip_edit.set_nip(data.nip)
        self.prefiks_combo.setCurrentIndex(max(0, self.prefiks_combo.findData(data.prefiks)))
        self.atasan_edit.setText(data.jabatan_atasan)
        self.aktif_check.setChecked(data.aktif)

    # ------------------------------------------------------------------ values
    def value(self) -> SignatoryData:
        """What the form holds now (the NIP is dropped for Non-ASN, whose field is disabled)."""
        jenis = self.jenis_combo.currentText()
        prefix = self.prefiks_combo.currentData() or ""
        return replace(
            self._original,
            nama=self.nama_edit.text(),
            jabatan=self.jabatan_edit.text(),
            pangkat=self.pangkat_combo.currentText().strip(),
            jenis_pegawai=jenis,
            nip="" if jenis == "Non-ASN" else self.nip_edit.nip(),
            prefiks=prefix,
            jabatan_atasan=self.atasan_edit.text() if prefix in PREFIXES_WITH_SUPERIOR else "",
            aktif=self.aktif_check.isChecked(),
        )

    def _nip_problem(self, jenis: str) -> str:
        """Message for a complete but invalid NIP (incomplete ones only disable OK)."""
        if jenis == "Non-ASN" or self.nip_edit.digit_count() != NIP_LENGTH:
            return ""
        try:
            normalise_nip(self.nip_edit.nip(), jenis_pegawai=jenis)
        except ValidationError as exc:
            return QCoreApplication.translate("errors", exc.problems.get("nip", exc.message))
        return ""

    @Slot()
    def _update_state(self) -> None:
        jenis = self.jenis_combo.currentText()
        asn = jenis != "Non-ASN"
        self.nip_edit.setEnabled(asn)
        self.nip_caption.setText(self.tr("NI PPPK") if jenis == "PPPK" else self.tr("NIP"))
        needs_superior = self.prefiks_combo.currentData() in PREFIXES_WITH_SUPERIOR
        self.atasan_edit.setEnabled(needs_superior)
        nip_problem = self._nip_problem(jenis)
        self.errors.set("nip", nip_problem)
        nip_ok = not asn or (self.nip_edit.digit_count() in (0, NIP_LENGTH) and not nip_problem)
        if not asn:
            self.errors.clear("nip")
        ready = (
            bool(self.nama_edit.text().strip())
            and bool(self.jabatan_edit.text().strip())
            and (not needs_superior or bool(self.atasan_edit.text().strip()))
            and nip_ok
        )
        self.ok_button.setEnabled(ready)

    @Slot()
    def _show_incomplete_nip(self) -> None:
        count = self.nip_edit.digit_count()
        if self.nip_edit.isEnabled() and 0 < count < NIP_LENGTH:
            self.errors.set("nip", self.tr("NIP belum lengkap: {0} dari 18 angka.").format(count))

    # ------------------------------------------------------------------ saving
    def changed_images(self) -> dict[str, bytes | None]:
        """The images picked or removed in this dialog (``None``: remove)."""
        return {slot.jenis: slot.data for slot in (self.ttd_slot, self.stempel_slot) if slot.changed}

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        try:
            images = self.changed_images()
            value = self.value()
            self.saved = save_signatory_with_images(value, images) if images else save_signatory(value)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.warn(self, self.tr("Penandatangan"), "\n".join(unplaced.values()))
            return
        except DomainError as exc:
            messages.error(self, self.tr("Penandatangan"), messages.error_text(exc))
            return
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget | None, data: SignatoryData | None = None) -> SignatoryData | None:
        """Run the dialog; the stored signatory, or ``None`` when cancelled."""
        dialog = cls(data, parent)
        try:
            return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
