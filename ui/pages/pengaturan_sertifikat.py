"""Pengaturan › Sertifikat: how certificate numbers are written, the office's signing key and the
public keys of other offices, and the printed buku register.

- Penomoran: the pattern with its placeholders, kode klasifikasi and unit; the example number and
  the pattern's problem update while typing (:func:`db.sertifikat_nomor.check_pattern`), "Simpan"
  stores them (:func:`db.services.sertifikat_terbit.save_penomoran`).
- Kunci kantor: whether the key has a passphrase and whether it is open in this session; set or
  change the passphrase, unlock, lock; export the public key (``.pem``) for the kota and the other
  kecamatan.
- Kunci kantor lain: import another office's ``.pem`` under its name, so its certificates verify
  here; remove one.
- Buku register of a year (:class:`~ui.pages.pengaturan_sertifikat_register.RegisterBox`): read on
  the GUI thread, laid out in the background, shown in the preview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.sertifikat_nomor import DEFAULT_PATTERN, PLACEHOLDERS, check_pattern
from db.services import sertifikat_keys
from db.services.sertifikat_terbit import Penomoran, contoh_nomor, get_penomoran, save_penomoran
from ui import messages
from ui.context import AppContext
from ui.dialogs.sandi_dialog import SandiDialog
from ui.icons import icon
from ui.pages.pengaturan_sertifikat_register import RegisterBox
from widgets.form import FieldErrors

MAX_PEM_BYTES = 16 * 1024  # a public key PEM is ~110 bytes; anything big is not one


class SertifikatTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.errors = FieldErrors()
        left = QVBoxLayout()
        left.addWidget(self._numbering_box())
        self.register = RegisterBox(self)
        left.addWidget(self.register)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._key_box())
        right.addWidget(self._trusted_box(), 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(18)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        ctx.bus.dataReplaced.connect(self.refresh)  # a restored backup has its own key and numbering

    # ------------------------------------------------------------------ construction
    def _numbering_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Penomoran sertifikat"))
        self.pola_edit = QLineEdit()
        # the default pattern shows whole (measured in the edit's own font: the style sheet sets it)
        self.pola_edit.ensurePolished()
        self.pola_edit.setMinimumWidth(self.pola_edit.fontMetrics().horizontalAdvance(DEFAULT_PATTERN) + 40)
        self.kode_edit = QLineEdit()
        self.kode_edit.setPlaceholderText(self.tr("mis. 400.7"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("mis. KEC-MT"))
        names = "<br>".join(f"<b>{{{name}}}</b> — {text}" for name, text in PLACEHOLDERS.items())
        hint = self.tr("Boleh dipakai: {0}<br><b>{{urut:03d}}</b> menulis 7 sebagai 007.").format(names)
        # no word wrap below: wrapped labels make the form's height-for-width clip the last lines
        self.placeholders_label = QLabel(hint)
        self.placeholders_label.setObjectName("muted")
        self.contoh_label = QLabel()
        self.contoh_label.setStyleSheet("font-size: 10.5pt; font-weight: 600; color: #1e4d3a;")
        self.save_button = QPushButton(icon("device-floppy.svg", "#ffffff"), self.tr("Simpan penomoran"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_numbering)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.errors.add_row(form, self.tr("Pola nomor"), self.pola_edit, "pola_nomor")
        form.addRow("", self.placeholders_label)
        self.errors.add_row(form, self.tr("Kode klasifikasi"), self.kode_edit, "kode")
        self.errors.add_row(form, self.tr("Kode unit"), self.unit_edit, "unit")
        row = QHBoxLayout()  # the example gets the box's full width: a number may be 60 characters
        caption = QLabel(self.tr("Contoh:"))
        caption.setObjectName("muted")
        row.addWidget(caption)
        row.addWidget(self.contoh_label, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addLayout(save_row)
        for edit in (self.pola_edit, self.kode_edit, self.unit_edit):
            edit.textChanged.connect(self._update_example)
        return box

    def _key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kunci tanda tangan kantor ini"))
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.kid_label = QLabel()
        self.kid_label.setObjectName("muted")
        self.passphrase_button = QPushButton()
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.unlock_button = QPushButton(self.tr("Buka kunci…"))
        self.unlock_button.clicked.connect(self.unlock)
        self.lock_button = QPushButton(self.tr("Kunci sekarang"))
        self.lock_button.clicked.connect(self.lock)
        self.export_button = QPushButton(icon("file-export.svg", "#37474f"), self.tr("Ekspor kunci publik…"))
        self.export_button.setToolTip(self.tr(
            "Berkas .pem untuk dikirim ke kota dan kecamatan lain agar mereka dapat memeriksa "
            "sertifikat kantor ini"))  # fmt: skip
        self.export_button.clicked.connect(self.export_public_key)
        buttons = QHBoxLayout()
        for button in (self.passphrase_button, self.unlock_button, self.lock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.state_label)
        layout.addWidget(self.kid_label)
        layout.addLayout(buttons)
        layout.addLayout(export_row)
        return box

    def _trusted_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kunci publik kantor lain"))
        intro = QLabel(
            self.tr("Sertifikat kecamatan lain dinyatakan sah di sini setelah kunci publiknya diimpor.")
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.trusted_table = QTableWidget(0, 2)
        self.trusted_table.setHorizontalHeaderLabels([self.tr("Kantor"), self.tr("ID kunci")])
        self.trusted_table.verticalHeader().setVisible(False)
        self.trusted_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trusted_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trusted_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.trusted_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.import_button = QPushButton(icon("file-import.svg", "#37474f"), self.tr("Impor kunci publik…"))
        self.import_button.clicked.connect(self.import_public_key)
        self.remove_button = QPushButton(icon("trash.svg", "#37474f"), self.tr("Hapus"))
        self.remove_button.clicked.connect(self.remove_trusted)
        self.trusted_table.itemSelectionChanged.connect(self._update_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(intro)
        layout.addWidget(self.trusted_table, 1)
        layout.addLayout(buttons)
        return box

    # ------------------------------------------------------------------ loading
    @Slot()
    def refresh(self) -> None:
        """Reload everything from the database (unsaved numbering edits are replaced)."""
        stored = get_penomoran()
        for edit, value in ((self.pola_edit, stored.pola), (self.kode_edit, stored.kode),
                            (self.unit_edit, stored.unit)):  # fmt: skip
            edit.setText(value)
            edit.setCursorPosition(0)  # a long pattern shows its start
        self._update_example()
        self._refresh_key()
        self._refresh_trusted()

    def _refresh_key(self) -> None:
        state = sertifikat_keys.key_state()
        texts = {
            "tanpa_sandi": self.tr(
                "<b>Tanpa kata sandi.</b> Siapa pun yang memegang salinan data dapat menerbitkan "
                "sertifikat atas nama kantor ini. Sebaiknya atur kata sandi."),
            "terkunci": self.tr(
                "<b>Terkunci.</b> Kunci dilindungi kata sandi; buka kunci untuk menerbitkan sertifikat."),
            "terbuka": self.tr(
                "<b>Terbuka</b> untuk sesi ini. Kunci dilindungi kata sandi dan terkunci lagi saat "
                "aplikasi ditutup."),
        }  # fmt: skip
        self.key_state = state
        self.state_label.setText(texts[state])
        self.kid_label.setText(self.tr("ID kunci: {0}").format(sertifikat_keys.own_key().kid))
        self.passphrase_button.setText(
            self.tr("Atur kata sandi…") if state == "tanpa_sandi" else self.tr("Ganti kata sandi…")
        )
        self.unlock_button.setVisible(state == "terkunci")
        self.lock_button.setVisible(state == "terbuka")

    def _refresh_trusted(self) -> None:
        self.trusted = [k for k in sertifikat_keys.list_trusted_keys() if not k.own]
        self.trusted_table.setRowCount(len(self.trusted))
        for row, key in enumerate(self.trusted):
            self.trusted_table.setItem(row, 0, QTableWidgetItem(key.kantor))
            self.trusted_table.setItem(row, 1, QTableWidgetItem(key.kid))
        self._update_remove()

    # ------------------------------------------------------------------ numbering
    def _value(self) -> Penomoran:
        return Penomoran(self.pola_edit.text().strip(), self.kode_edit.text().strip(),
                         self.unit_edit.text().strip())  # fmt: skip

    @Slot()
    def _update_example(self) -> None:
        """The example number for what is typed now, or the pattern's problem beside the field."""
        value = self._value()
        self.errors.clear()
        try:
            check_pattern(value.pola)
            example = contoh_nomor(value)
        except DomainError as exc:  # shown without moving the focus away from the field typed in
            for name, text in getattr(exc, "problems", {"pola_nomor": str(exc)}).items():
                self.errors.set(
                    name if name in ("kode", "unit") else "pola_nomor",
                    QCoreApplication.translate("errors", text),
                )
            self.contoh_label.setText("—")
            self.save_button.setEnabled(False)
            return
        self.contoh_label.setText(example)
        self.save_button.setEnabled(True)

    @Slot()
    def save_numbering(self) -> None:
        try:
            stored = save_penomoran(self._value())
        except DomainError as exc:
            unplaced = self.errors.show(getattr(exc, "problems", {}))
            if unplaced or not getattr(exc, "problems", None):
                messages.warn(self, self.tr("Penomoran sertifikat"), messages.error_text(exc))
            return
        self._ctx.bus.statusMessage.emit(self.tr("Penomoran sertifikat disimpan: {0}").format(
            contoh_nomor(stored)))  # fmt: skip
        self.refresh()

    # ------------------------------------------------------------------ the office key
    @Slot()
    def change_passphrase(self) -> None:
        mode = "atur" if sertifikat_keys.key_state() == "tanpa_sandi" else "ganti"
        if SandiDialog.run(mode, self):
            self._ctx.bus.statusMessage.emit(self.tr("Kata sandi kunci sertifikat disimpan."))
        self._refresh_key()

    @Slot()
    def unlock(self) -> None:
        SandiDialog.run("buka", self)
        self._refresh_key()

    @Slot()
    def lock(self) -> None:
        sertifikat_keys.lock()
        self._refresh_key()

    def _ask_save_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"kunci-publik-sertifikat-{sertifikat_keys.own_key().kid}.pem")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor kunci publik"), suggested, self.tr("Kunci publik (*.pem)")
        )
        return path

    @Slot()
    def export_public_key(self) -> Path | None:
        path = self._ask_save_path()
        if not path:
            return None
        target = Path(path) if Path(path).suffix.lower() == ".pem" else Path(path + ".pem")
        try:
            target.write_text(sertifikat_keys.export_public_key(), encoding="ascii")
        except OSError as exc:
            reason = self.tr("Berkas tidak dapat ditulis: {0}").format(exc.strerror or exc)
            messages.error(self, self.tr("Ekspor kunci publik"), reason)
            return None
        messages.info(self, self.tr("Ekspor kunci publik"), self.tr(
            "Kunci publik disimpan di {0}. Kirimkan berkas ini ke kota dan kecamatan lain; kunci "
            "publik tidak rahasia.").format(target))  # fmt: skip
        return target

    # ------------------------------------------------------------------ other offices' keys
    def _ask_open_path(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Impor kunci publik"), str(Path.home()), self.tr("Kunci publik (*.pem *.txt)")
        )
        return path

    def _ask_kantor(self) -> str | None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Impor kunci publik"),
            self.tr("Nama kantor pemilik kunci (mis. Kecamatan Metro Barat):"),
        )
        return name if ok else None

    @Slot()
    def import_public_key(self) -> None:
        path = self._ask_open_path()
        if not path:
            return
        title = self.tr("Impor kunci publik")
        try:
            if Path(path).stat().st_size > MAX_PEM_BYTES:
                messages.warn(self, title, self.tr("Berkas itu terlalu besar untuk sebuah kunci publik."))
                return
            pem = Path(path).read_text(encoding="ascii", errors="replace")
        except OSError as exc:
            messages.error(self, title, self.tr("Berkas tidak dapat dibaca: {0}").format(exc.strerror or exc))
            return
        kantor = self._ask_kantor()
        if kantor is None:
            return
        try:
            key = sertifikat_keys.import_trusted_key(pem, kantor)
        except DomainError as exc:
            messages.warn(self, title, messages.error_text(exc))
            return
        self._refresh_trusted()
        self._ctx.bus.statusMessage.emit(
            self.tr("Kunci publik {0} ({1}) diimpor.").format(key.kantor, key.kid)
        )

    def _selected_trusted(self):  # noqa: ANN202 - TrustedKey | None
        rows = self.trusted_table.selectionModel().selectedRows()
        return self.trusted[rows[0].row()] if rows else None

    @Slot()
    def _update_remove(self) -> None:
        self.remove_button.setEnabled(self._selected_trusted() is not None)

    @Slot()
    def remove_trusted(self) -> None:
        key = self._selected_trusted()
        if key is None:
            return
        question = self.tr(
            "Hapus kunci publik {0}? Sertifikat kantor itu tidak lagi dinyatakan sah di sini."
        ).format(key.kantor)
        if not messages.confirm(self, self.tr("Hapus kunci publik"), question):
            return
        try:
            sertifikat_keys.remove_trusted_key(key.kid)
        except DomainError as exc:
            messages.warn(self, self.tr("Hapus kunci publik"), messages.error_text(exc))
        self._refresh_trusted()
