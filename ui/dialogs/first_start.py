"""First start: try the app with the Kota Metro demo, or set up one's own office in two steps.

Shown by ``ui.app`` while the office profile is not configured. The own-data path asks only what
every printout needs (kecamatan, kop lines, address, contacts, one signatory) and prefills the
kop from the chosen kecamatan; everything else waits for Pengaturan. Saving goes through the
services, so their Indonesian reasons appear under the fields and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db import wilayah
from db.errors import DomainError, ValidationError
from db.services.demo import existing_data, load_demo
from db.services.penandatangan import SignatoryData, save_signatory
from db.services.profile import (
    OfficeProfile,
    default_secretariat,
    get_profile,
    save_profile,
    validate_profile,
)
from resources import APP_NAME
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.wilayah_picker import WilayahPicker
from widgets.form import FieldErrors
from widgets.nip_edit import NipEdit

WELCOME, OFFICE, SIGNER = range(3)
CHOICE_STYLE = """
QCommandLinkButton#choice { background: #ffffff; border: 1px solid #c5d1d0; border-radius: 8px;
    padding: 14px 16px; color: #17332f; }
QCommandLinkButton#choice:hover { background: #eef5f4; border-color: #00796b; }
QCommandLinkButton#choice:focus { border: 2px solid #00796b; padding: 13px 15px; }
"""


def _title(text: str, object_name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


class FirstStartDialog(QDialog):
    """Welcome page with two choices; the own-data path has an office page and a signatory page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._auto: dict[QLineEdit, str] = {}  # field → the value we prefilled (user edits win)
        self.office_errors = FieldErrors()
        self.signer_errors = FieldErrors()
        self.setWindowTitle(self.tr("Selamat datang di {0}").format(APP_NAME))
        self.setStyleSheet(CHOICE_STYLE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_welcome())
        self.stack.addWidget(self._build_office())
        self.stack.addWidget(self._build_signer())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._build_buttons())
        self.picker.changed.connect(self._on_kecamatan)
        self.resize(1060, 580)
        self._show_page(WELCOME)

    @classmethod
    def run(cls, ctx: AppContext, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when the office was set up or the demo loaded."""
        return cls(ctx, parent).exec() == QDialog.DialogCode.Accepted

    # ------------------------------------------------------------------ pages
    def _build_welcome(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        layout.setContentsMargins(40, 0, 40, 0)
        layout.addStretch(1)
        layout.addWidget(_title(self.tr("Selamat datang di {0}").format(APP_NAME)))
        intro = QLabel(self.tr(
            "Aplikasi ini membantu sekretariat Pokjanal Posyandu (Tim Pembina Posyandu) kecamatan "
            "mengelola data posyandu dan kader, kegiatan, daftar hadir, sertifikat dan laporan. "
            "Semua data tersimpan di komputer ini. Bagaimana Anda ingin memulai?"
        ))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(8)
        self.demo_button = self._choice(
            "database",
            self.tr("Coba dengan data contoh (Kota Metro)"),
            self.tr("Kecamatan Metro Timur dengan 22 kelurahan, sekitar 100 posyandu dan 500 kader "
                    "rekaan. Cocok untuk mengenal aplikasi; nanti dapat diganti dengan data sendiri."),
        )  # fmt: skip
        self.own_button = self._choice(
            "building-community",
            self.tr("Mulai dengan data kantor saya"),
            self.tr("Pilih kecamatan, periksa kop surat dan isi satu penandatangan. Posyandu dan "
                    "kader dapat diisi atau diimpor sesudahnya."),
        )  # fmt: skip
        self.demo_button.clicked.connect(self._load_demo)
        self.own_button.clicked.connect(lambda: self._show_page(OFFICE))
        layout.addWidget(self.demo_button)
        layout.addWidget(self.own_button)
        privacy = QLabel(self.tr(
            "Data kader seperti NIK dan nomor HP adalah data pribadi; aplikasi menyimpannya hanya di "
            "folder data pada komputer ini, tidak dikirim ke mana pun."
        ))  # fmt: skip
        privacy.setObjectName("muted")
        privacy.setWordWrap(True)
        layout.addSpacing(6)
        layout.addWidget(privacy)
        layout.addStretch(2)
        return page

    def _choice(self, icon_name: str, title: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description)
        button.setObjectName("choice")
        button.setIcon(icon(icon_name, "#00796b"))
        button.setIconSize(QSize(32, 32))
        button.setMinimumHeight(86)
        return button

    def _build_office(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        layout.addWidget(_title(self.tr("Langkah 1 dari 2 · Wilayah dan identitas kantor")))
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(self._build_region_group(), 4)
        columns.addWidget(self._build_identity_group(), 5)
        layout.addLayout(columns, 1)
        return page

    def _build_region_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Wilayah kantor"))
        column = QVBoxLayout(group)
        self.picker = WilayahPicker()
        column.addWidget(self.picker)
        form = self.picker.form
        form.addRow("", self.office_errors.register("kode_wilayah", self.picker.kecamatan_box))
        self.kelurahan_box = QComboBox()
        self.kelurahan_box.setEditable(True)
        self.kelurahan_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kelurahan_box.lineEdit().setPlaceholderText(self.tr("boleh kosong"))
        self.kota_ttd_edit = QLineEdit()
        self.office_errors.add_row(form, self.tr("Kelurahan/desa"), self.kelurahan_box, "kelurahan")
        self.office_errors.add_row(
            form, self.tr("Tempat tanda tangan"), self.kota_ttd_edit, "kota_ttd",
            self.tr("Ditulis sebelum tanggal, mis. \u201cMetro, 17 Agustus 2025\u201d."),
        )  # fmt: skip
        column.addStretch(1)
        return group

    def _build_identity_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Identitas kantor (kop surat)"))
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.pemerintah_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.sekretariat_edit = QLineEdit()
        self.alamat_edit = QLineEdit()
        self.alamat_edit.setPlaceholderText(self.tr("mis. Jl. Yos Sudarso No. 23"))
        self.kode_pos_edit = QLineEdit()
        self.kode_pos_edit.setMaxLength(5)
        self.kode_pos_edit.setPlaceholderText(self.tr("5 angka"))
        self.telepon_edit = QLineEdit()
        self.telepon_edit.setPlaceholderText(self.tr("mis. (0725) 41234"))
        self.surel_edit = QLineEdit()
        self.surel_edit.setPlaceholderText(self.tr("mis. kecamatan@kotaanda.go.id"))
        errors = self.office_errors
        errors.add_row(form, self.tr("Pemerintah daerah"), self.pemerintah_edit, "pemerintah")
        errors.add_row(form, self.tr("Unit kerja"), self.unit_edit, "unit")
        errors.add_row(
            form, self.tr("Nama sekretariat"), self.sekretariat_edit, "sekretariat",
            self.tr("SK yang lebih baru (Permendagri 13/2024) menyebut \u201cTim Pembina Posyandu\u201d; "
                    "ubah bila kantor Anda memakai nama itu."),
        )  # fmt: skip
        errors.add_row(form, self.tr("Alamat"), self.alamat_edit, "alamat")
        errors.add_row(form, self.tr("Kode pos"), self.kode_pos_edit, "kode_pos")
        errors.add_row(form, self.tr("Telepon"), self.telepon_edit, "telepon")
        errors.add_row(form, self.tr("Surel"), self.surel_edit, "surel")
        return group

    def _build_signer(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        layout.addWidget(_title(self.tr("Langkah 2 dari 2 · Penandatangan pertama")))
        note = QLabel(self.tr(
            "Biasanya Camat, sebagai penanggung jawab Pokjanal Posyandu kecamatan. Penandatangan lain "
            "(Sekretaris Camat, Ketua TP-PKK, Ketua Pokjanal) dapat ditambahkan nanti di Pengaturan."
        ))  # fmt: skip
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout.addWidget(note)
        group = QGroupBox(self.tr("Penandatangan"))
        form = QFormLayout(group)
        self.nama_edit = QLineEdit()
        self.nama_edit.setPlaceholderText(
            self.tr("nama lengkap dengan gelar, mis. Drs. H. Ahmad Fauzi, M.Si.")
        )
        self.jabatan_edit = QLineEdit()
        self.pangkat_edit = QLineEdit()
        self.pangkat_edit.setPlaceholderText(self.tr("mis. Pembina Tk. I (IV/b); kosongkan bila bukan ASN"))
        self.nip_edit = NipEdit()
        errors = self.signer_errors
        errors.add_row(form, self.tr("Nama"), self.nama_edit, "nama")
        errors.add_row(form, self.tr("Jabatan"), self.jabatan_edit, "jabatan")
        errors.add_row(form, self.tr("Pangkat/golongan"), self.pangkat_edit, "pangkat")
        errors.add_row(form, self.tr("NIP"), self.nip_edit, "nip", self.tr("Boleh dikosongkan."))
        group.setMaximumWidth(760)
        layout.addWidget(group)
        layout.addStretch(1)
        return page

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.later_button = QPushButton(self.tr("Nanti saja"))
        self.back_button = QPushButton(self.tr("Kembali"))
        self.next_button = QPushButton(self.tr("Lanjut"))
        self.next_button.setProperty("primary", True)
        for button in (self.later_button, self.back_button, self.next_button):
            button.setAutoDefault(False)  # Enter in a field completes it; it must not submit the page
        self.later_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self._show_page(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(self._next)
        row.addWidget(self.later_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        return row

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.back_button.setVisible(page != WELCOME)
        self.next_button.setVisible(page != WELCOME)
        self.next_button.setText(self.tr("Simpan dan mulai") if page == SIGNER else self.tr("Lanjut"))
        focus = {WELCOME: self.demo_button, OFFICE: self.picker.provinsi_box, SIGNER: self.nama_edit}[page]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ prefill from the kecamatan
    @Slot(str)
    def _on_kecamatan(self, kode: str) -> None:
        """Fill the kop lines from the chosen kecamatan, leaving what the user typed alone."""
        self.office_errors.clear("kode_wilayah")
        kecamatan = wilayah.get(kode) if kode else None
        self.kelurahan_box.clear()
        if kecamatan is None:
            return
        self.kelurahan_box.addItems([""] + [d.nama for d in wilayah.children(kecamatan.kode)])
        kabkota = wilayah.ancestors(kecamatan.kode)[1]
        place = kabkota.nama_pendek if kabkota.jenis == "Kota" else kecamatan.nama
        self._prefill(self.pemerintah_edit, f"PEMERINTAH {kabkota.jenis} {kabkota.nama_pendek}".upper())
        self._prefill(self.unit_edit, f"KECAMATAN {kecamatan.nama}".upper())
        self._prefill(self.sekretariat_edit, default_secretariat(kecamatan.nama))
        self._prefill(self.kota_ttd_edit, place)
        self._prefill(self.jabatan_edit, f"Camat {kecamatan.nama}")

    def _prefill(self, edit: QLineEdit, value: str) -> None:
        if not edit.text().strip() or edit.text() == self._auto.get(edit):
            edit.setText(value)
            edit.setCursorPosition(0)
            self._auto[edit] = value

    # ------------------------------------------------------------------ actions
    @Slot()
    def _next(self) -> None:
        if self.stack.currentIndex() == OFFICE:
            if self._check_office():
                self._show_page(SIGNER)
        elif self.stack.currentIndex() == SIGNER:
            self._save_own_data()

    def profile(self) -> OfficeProfile:
        """The office profile as entered (kept defaults: margins, paper, classification code)."""
        kecamatan = self.picker.kecamatan()
        chain = wilayah.ancestors(kecamatan.kode) if kecamatan else []
        return replace(
            get_profile(),
            pemerintah=self.pemerintah_edit.text().strip(),
            unit=self.unit_edit.text().strip(),
            sekretariat=self.sekretariat_edit.text().strip(),
            alamat=self.alamat_edit.text().strip(),
            kelurahan=self.kelurahan_box.currentText().strip(),
            kecamatan=kecamatan.nama if kecamatan else "",
            kota=chain[1].nama if chain else "",
            provinsi=chain[0].nama if chain else "",
            kode_pos=self.kode_pos_edit.text().strip(),
            telepon=self.telepon_edit.text().strip(),
            surel=self.surel_edit.text().strip(),
            kode_wilayah=kecamatan.kode if kecamatan else "",
            kota_ttd=self.kota_ttd_edit.text().strip(),
        )

    def signatory(self) -> SignatoryData:
        return SignatoryData(
            nama=self.nama_edit.text(),
            jabatan=self.jabatan_edit.text(),
            pangkat=self.pangkat_edit.text().strip(),
            nip=self.nip_edit.nip(),
        )

    def _check_office(self) -> bool:
        """Validate step 1 before moving on, so step 2 cannot fail for step 1's reasons."""
        problems: dict[str, str] = {}
        if not self.picker.code():
            problems["kode_wilayah"] = self.tr("Pilih kecamatan tempat kantor berada.")
        try:
            validate_profile(self.profile())
        except ValidationError as exc:
            problems.update(exc.problems)
        return self._show_problems(self.office_errors, problems)

    def _show_problems(self, errors: FieldErrors, problems: dict[str, str]) -> bool:
        """Show problems under their fields; anything else in a message. True when none."""
        unplaced = errors.show(problems)
        if unplaced:
            messages.error(self, self.tr("Belum dapat disimpan"), "\n".join(unplaced.values()))
        return not problems

    def _save_own_data(self) -> None:
        self.signer_errors.clear()
        try:
            save_signatory(self.signatory())
        except ValidationError as exc:
            self._show_problems(self.signer_errors, exc.problems)
            return
        except DomainError as exc:
            messages.error(self, self.tr("Penandatangan tidak tersimpan"), messages.error_text(exc))
            return
        self._ctx.bus.signatoriesChanged.emit()
        try:
            save_profile(self.profile())
        except DomainError as exc:
            self._show_page(OFFICE)
            self._show_problems(self.office_errors, getattr(exc, "problems", {"": exc.message}))
            return
        self._ctx.bus.profileChanged.emit()
        self._ctx.bus.statusMessage.emit(self.tr("Identitas kantor dan penandatangan tersimpan."))
        self.accept()

    @Slot()
    def _load_demo(self) -> None:
        force = existing_data()
        if force and not messages.confirm(
            self,
            self.tr("Ganti dengan data contoh?"),
            self.tr("Sudah ada data di aplikasi ini (penandatangan, posyandu atau kader). Data contoh "
                    "akan menggantikannya. Lanjutkan?"),
        ):  # fmt: skip
            return
        try:
            summary = load_demo(force=force)
        except DomainError as exc:
            messages.error(self, self.tr("Data contoh tidak dimuat"), messages.error_text(exc))
            return
        self._ctx.bus.dataReplaced.emit()
        self._ctx.bus.statusMessage.emit(
            self.tr("Data contoh dimuat: {0} posyandu, {1} kader.").format(summary.posyandu, summary.kader)
        )
        self.accept()
