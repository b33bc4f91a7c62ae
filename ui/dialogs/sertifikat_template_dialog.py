"""Every text and the look of a kegiatan's certificates, with a live preview beside the form.

Texts (judul, pembuka, the sentence per role, JPL, the role line, QR caption, materi title) each
have a "↺" that puts the default back; "Kembalikan semua bawaan" resets the whole form. Signatories
come from the penandatangan list; the background is a chosen PNG/JPG (copied into the data folder
on Simpan) or the built-in border. The preview (page 1 of a sample certificate of the chosen role)
follows ~300 ms after typing and is rendered off the GUI thread (:mod:`ui.pages.sertifikat_preview`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.penandatangan import list_signatories
from db.services.sertifikat import AturanSertifikat, get_aturan, save_aturan, set_latar
from db.services.sertifikat_teks import TeksSertifikat, check_teks
from reports.data_sertifikat import PERAN
from ui import messages
from ui.pages.sertifikat_preview import PreviewRenderer, preview_template, sample_certificate
from widgets.form import FieldErrors, error_label, set_error

PREVIEW_WIDTH = 640
DEFAULT = TeksSertifikat()


def _default_text(key: str) -> str:
    """The built-in text behind a field key ("judul", "isi_Peserta", "peran_Moderator" …)."""
    if key.startswith("isi_"):
        return DEFAULT.isi[key[4:]]
    if key.startswith("peran_"):
        return DEFAULT.peran_teks[key[6:]]
    return str(getattr(DEFAULT, key))


class TemplateDialog(QDialog):
    def __init__(self, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self.aturan = get_aturan(kegiatan_id)
        self.latar_source: Path | None = None  # chosen, copied on Simpan
        self.latar_builtin = not self.aturan.background_path
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors = FieldErrors()
        self.preview_image: QImage | None = None
        self.setWindowTitle(self.tr("Teks dan tampilan sertifikat"))
        self.renderer = PreviewRenderer(self._preview_job, self)
        self._build()
        self._load(self.aturan)
        self.renderer.rendered.connect(self._show_preview)
        self.renderer.failed.connect(self._preview_failed)
        self.renderer.busy.connect(
            lambda busy: self.preview_status.setText(self.tr("Memperbarui…") if busy else "")
        )
        self.renderer.render_now()
        self.resize(1280, 720)

    # ------------------------------------------------------------------ construction
    def _text_row(self, form: QFormLayout, key: str, label: str, multi: bool = False, hint: str = "") -> None:
        editor: QLineEdit | QPlainTextEdit
        if multi:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(76)  # three lines without a scroll bar
        else:
            editor = QLineEdit()
        editor.setObjectName(f"teks_{key}")
        editor.textChanged.connect(self.renderer.schedule)
        reset = QToolButton()
        reset.setText("↺")
        reset.setFixedSize(30, 30)
        reset.setToolTip(self.tr("Kembalikan bawaan: {0}").format(_default_text(key)))
        reset.setObjectName(f"reset_{key}")
        reset.clicked.connect(lambda _=False, k=key: self._set_text(k, _default_text(k)))
        line = QWidget()
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 1)
        row.addWidget(reset, 0, Qt.AlignmentFlag.AlignTop)
        self.fields[key] = editor
        self.errors.add_row(form, label, line, key, hint)
        self.errors.register(key, editor, self.errors.label(key))

    def _build(self) -> None:
        texts = QGroupBox(self.tr("Teks"))
        form = QFormLayout(texts)
        self._text_row(form, "judul", self.tr("&Judul:"))
        self._text_row(form, "pembuka", self.tr("Pem&buka:"))
        for peran in PERAN:
            hint = self.tr("{kegiatan}, {tanggal} dan {tempat} diisi otomatis.") if peran == "Peserta" else ""
            self._text_row(form, f"isi_{peran}", self.tr("Kalimat {0}:").format(peran), True, hint)
        self._text_row(form, "jpl_teks", self.tr("Kalimat JPL:"), hint=self.tr("{jpl} diisi jumlah JPL."))
        for peran in PERAN:
            self._text_row(form, f"peran_{peran}", self.tr("Baris peran {0}:").format(peran))
        self._text_row(form, "qr_keterangan", self.tr("Keterangan QR:"))
        self._text_row(form, "materi_judul", self.tr("Judul halaman materi:"))

        look = QGroupBox(self.tr("Penandatangan dan tampilan"))
        look_form = QFormLayout(look)
        self.signer1_combo, self.signer2_combo = QComboBox(), QComboBox()
        for combo in (self.signer1_combo, self.signer2_combo):  # long names must not widen the form
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.signer1_combo.addItem(self.tr("(otomatis: penandatangan aktif pertama)"), None)
        self.signer2_combo.addItem(self.tr("(tidak ada)"), None)
        for signer in list_signatories():
            text = f"{signer.nama} — {signer.jabatan}" + ("" if signer.aktif else self.tr(" (tidak aktif)"))
            self.signer1_combo.addItem(text, signer.id)
            self.signer2_combo.addItem(text, signer.id)
        self.errors.add_row(look_form, self.tr("Penandatangan &1:"), self.signer1_combo, "penandatangan1_id")
        self.errors.add_row(look_form, self.tr("Penandatangan &2:"), self.signer2_combo, "penandatangan2_id")
        self.latar_label = QLabel()
        self.latar_label.setWordWrap(True)
        self.latar_button = QPushButton(self.tr("Pilih gambar…"))
        self.latar_button.setToolTip(
            self.tr("Gambar PNG/JPG selebar halaman A4 mendatar (mis. 3508×2480 piksel)")
        )
        self.builtin_button = QPushButton(self.tr("Bingkai bawaan"))
        latar_row = QWidget()
        latar_layout = QHBoxLayout(latar_row)
        latar_layout.setContentsMargins(0, 0, 0, 0)
        latar_layout.addWidget(self.latar_label, 1)
        latar_layout.addWidget(self.latar_button)
        latar_layout.addWidget(self.builtin_button)
        self.errors.add_row(look_form, self.tr("Latar:"), latar_row, "background_path")
        self.materi_check = QCheckBox(self.tr("Cetak halaman belakang (daftar materi dan JPL)"))
        self.identitas_check = QCheckBox(self.tr("Tampilkan baris NIP/NIK di bawah nama"))
        look_form.addRow(self.materi_check)
        look_form.addRow(self.identitas_check)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(texts)
        column.addWidget(look)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(560)

        self.role_combo = QComboBox()
        for peran in PERAN:
            self.role_combo.addItem(peran, peran)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("sertifikatPreview")
        self.preview_label.setMinimumSize(QSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 210 / 297)))
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setStyleSheet("background: #e8ecee; border: 1px solid #c9d1d5;")
        self.preview_status = QLabel()
        self.preview_status.setObjectName("muted")
        self.preview_error = error_label()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("<b>Pratinjau</b> halaman depan, contoh peran:")))
        head.addWidget(self.role_combo)
        head.addStretch(1)
        head.addWidget(self.preview_status)
        right = QVBoxLayout()
        right.addLayout(head)
        right.addWidget(self.preview_label, 1)
        right.addWidget(self.preview_error)

        self.reset_all_button = QPushButton(self.tr("Kembalikan semua bawaan"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Batal"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_all_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        body = QHBoxLayout()
        body.addWidget(scroll, 0)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self.reset_all_button.clicked.connect(self.reset_all)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.latar_button.clicked.connect(self.choose_latar)
        self.builtin_button.clicked.connect(self.use_builtin)
        for combo in (self.signer1_combo, self.signer2_combo, self.role_combo):
            combo.currentIndexChanged.connect(self.renderer.schedule)
        for check in (self.materi_check, self.identitas_check):
            check.toggled.connect(self.renderer.schedule)

    # ------------------------------------------------------------------ values
    def _set_text(self, key: str, text: str) -> None:
        editor = self.fields[key]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)

    def _text(self, key: str) -> str:
        editor = self.fields[key]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def _load(self, aturan: AturanSertifikat) -> None:
        teks = aturan.teks
        for key in ("judul", "pembuka", "jpl_teks", "qr_keterangan", "materi_judul"):
            self._set_text(key, getattr(teks, key))
        for peran in PERAN:
            self._set_text(f"isi_{peran}", teks.isi.get(peran, ""))
            self._set_text(f"peran_{peran}", teks.peran_teks.get(peran, ""))
        for combo, value in ((self.signer1_combo, aturan.penandatangan1_id),
                             (self.signer2_combo, aturan.penandatangan2_id)):  # fmt: skip
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.materi_check.setChecked(aturan.halaman_materi)
        self.identitas_check.setChecked(aturan.tampilkan_identitas)
        self._show_latar()

    def teks(self) -> TeksSertifikat:
        return TeksSertifikat(
            judul=self._text("judul"),
            pembuka=self._text("pembuka"),
            isi={p: self._text(f"isi_{p}") for p in PERAN},
            jpl_teks=self._text("jpl_teks"),
            peran_teks={p: self._text(f"peran_{p}") for p in PERAN},
            qr_keterangan=self._text("qr_keterangan"),
            materi_judul=self._text("materi_judul"),
            materi=self.aturan.teks.materi,
        )

    def edited(self) -> AturanSertifikat:
        """The aturan as the form shows it (the background as stored, or "" for the border)."""
        return replace(
            self.aturan,
            teks=self.teks(),
            penandatangan1_id=self.signer1_combo.currentData(),
            penandatangan2_id=self.signer2_combo.currentData(),
            background_path="" if self.latar_builtin else self.aturan.background_path,
            halaman_materi=self.materi_check.isChecked(),
            tampilkan_identitas=self.identitas_check.isChecked(),
        )

    # ------------------------------------------------------------------ background
    def _show_latar(self) -> None:
        if self.latar_source is not None:
            text = self.tr("{0} (disimpan saat Simpan)").format(self.latar_source.name)
        elif self.latar_builtin:
            text = self.tr("Bingkai bawaan")
        else:
            text = Path(self.aturan.background_path).name
        self.latar_label.setText(text)
        self.builtin_button.setEnabled(not self.latar_builtin or self.latar_source is not None)

    @Slot()
    def choose_latar(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Gambar latar sertifikat"), "", self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if path:
            self.latar_source, self.latar_builtin = Path(path), False
            self._show_latar()
            self.renderer.schedule()

    @Slot()
    def use_builtin(self) -> None:
        self.latar_source, self.latar_builtin = None, True
        self._show_latar()
        self.renderer.schedule()

    @Slot()
    def reset_all(self) -> None:
        self.latar_source = None
        self.latar_builtin = True
        self._load(AturanSertifikat(self.kegiatan_id, self.aturan.min_hari, self.aturan.min_persen))
        self.renderer.schedule()

    # ------------------------------------------------------------------ preview
    def _preview_job(self):  # noqa: ANN202 - (template, cert) or None
        try:
            check_teks(self.teks())
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return None
        self.errors.clear()
        aturan = self.edited()
        latar = None
        if self.latar_source is not None:
            try:
                latar = self.latar_source.read_bytes()
            except OSError as exc:
                set_error(self.preview_error, str(exc))
                return None
        peran = self.role_combo.currentData()
        return preview_template(self.kegiatan_id, aturan, latar), sample_certificate(
            self.kegiatan_id, aturan, peran
        )

    @Slot(QImage)
    def _show_preview(self, image: QImage) -> None:
        self.preview_image = image
        set_error(self.preview_error, "")
        width = max(PREVIEW_WIDTH, self.preview_label.width() - 8)
        pixmap = QPixmap.fromImage(image).scaled(
            width, self.preview_label.height() - 8, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )  # fmt: skip
        self.preview_label.setPixmap(pixmap)

    @Slot(str)
    def _preview_failed(self, text: str) -> None:
        set_error(self.preview_error, self.tr("Pratinjau tidak dapat dibuat: {0}").format(text))

    # ------------------------------------------------------------------ saving
    @Slot()
    def save(self) -> None:
        aturan = self.edited()
        try:
            if self.latar_source is not None:
                aturan = replace(
                    aturan, background_path=set_latar(self.kegiatan_id, self.latar_source).background_path
                )
            self.aturan = save_aturan(aturan)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.error(self, self.windowTitle(), "\n".join(unplaced.values()))
            return
        except (DomainError, OSError) as exc:
            text = messages.error_text(exc) if isinstance(exc, DomainError) else str(exc)
            messages.error(self, self.windowTitle(), text)
            return
        self.accept()


def open_template_dialog(kegiatan_id: int, parent: QWidget | None = None) -> bool:
    """True when the texts or look were saved."""
    dialog = TemplateDialog(kegiatan_id, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
