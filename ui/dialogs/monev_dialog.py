"""Tambah monev: one monitoring entry of a rencana aksi, with an optional proof file.

The proof (a photo from a phone, a scanned report) is chosen with the file dialog and copied into
the data folder by :func:`db.services.rencana_aksi_monev.add_monev`, so it travels with backups;
the dialog only remembers the chosen path until Simpan. Problems the service finds appear under
their fields and the dialog stays open with what was typed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.audit import operator
from db.errors import DomainError, ValidationError
from db.services.rencana_aksi_monev import MonevForm, add_monev
from ui import messages
from ui.context import AppContext
from widgets.form import FieldErrors

BUKTI_FILTER = "Foto atau dokumen (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx);;Semua berkas (*)"


def _number(text: str) -> float | str | None:
    """``"12,5"`` → 12.5; unreadable text goes to the service, which names the field."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


class MonevDialog(QDialog):
    """``entry_id`` holds the new entry's id after Simpan succeeded."""

    def __init__(self, ctx: AppContext, item_id: int, aksi: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah monev"))
        self.setObjectName("monevDialog")
        self._ctx = ctx
        self._item_id = item_id
        self.bukti_path: str = ""
        self.entry_id: int | None = None
        self.errors = FieldErrors()
        self._build(aksi)
        self.resize(520, self.sizeHint().height())

    def _build(self, aksi: str) -> None:
        heading = QLabel(aksi)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        self.tanggal_edit = QDateEdit(QDate.currentDate())
        self.tanggal_edit.setCalendarPopup(True)
        self.tanggal_edit.setDisplayFormat("dd-MM-yyyy")
        self.periode_edit = QLineEdit()
        self.periode_edit.setPlaceholderText(self.tr("mis. Triwulan II 2026"))
        self.nilai_edit = QLineEdit()
        self.nilai_edit.setPlaceholderText(self.tr("angka capaian"))
        self.persen_edit = QLineEdit()
        self.persen_edit.setPlaceholderText("0–100")
        self.kendala_edit = self._text()
        self.tindak_edit = self._text()
        self.bukti_label = QLabel(self.tr("(tidak ada)"))
        self.bukti_label.setObjectName("muted")
        self.bukti_button = QPushButton(self.tr("Pilih berkas…"))
        self.bukti_button.clicked.connect(self.choose_bukti)
        bukti_row = QWidget()
        row = QHBoxLayout(bukti_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bukti_label, 1)
        row.addWidget(self.bukti_button)
        self.oleh_edit = QLineEdit(operator())

        form = QFormLayout()
        add = self.errors.add_row
        add(form, self.tr("&Tanggal"), self.tanggal_edit, "tanggal")
        add(form, self.tr("&Periode"), self.periode_edit, "periode")
        add(form, self.tr("&Realisasi"), self.nilai_edit, "realisasi_nilai")
        add(form, self.tr("Realisasi (&%)"), self.persen_edit, "realisasi_persen")
        add(form, self.tr("&Kendala"), self.kendala_edit, "kendala")
        add(form, self.tr("Tindak &lanjut"), self.tindak_edit, "tindak_lanjut")
        add(form, self.tr("&Bukti"), bukti_row, "bukti")
        add(form, self.tr("&Dicatat oleh"), self.oleh_edit, "dicatat_oleh")
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Save | standard.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _text(self) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(60)
        return edit

    @Slot()
    def choose_bukti(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        title, kinds = self.tr("Pilih bukti"), self.tr(BUKTI_FILTER)
        path, _filter = QFileDialog.getOpenFileName(self, title, folder, kinds)
        if path:
            self.set_bukti(path)

    def set_bukti(self, path: str) -> None:
        self.bukti_path = path
        self.bukti_label.setText(Path(path).name if path else self.tr("(tidak ada)"))
        self.bukti_label.setToolTip(path)

    def form(self) -> MonevForm:
        day = self.tanggal_edit.date()
        return MonevForm(
            rencana_aksi_id=self._item_id,
            tanggal=date(day.year(), day.month(), day.day()),
            periode=self.periode_edit.text(),
            realisasi_nilai=_number(self.nilai_edit.text()),  # type: ignore[arg-type]
            realisasi_persen=_number(self.persen_edit.text()),  # type: ignore[arg-type]
            kendala=self.kendala_edit.toPlainText(),
            tindak_lanjut=self.tindak_edit.toPlainText(),
            dicatat_oleh=self.oleh_edit.text(),
        )

    @Slot()
    def save(self) -> None:
        try:
            bukti = self.bukti_path or None
            self.entry_id = add_monev(self.form(), bukti=bukti, data_root=self._ctx.paths.root)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                messages.error(self, self.windowTitle(), "\n".join(unplaced.values()))
            return
        except (DomainError, OSError) as exc:
            messages.error(self, self.windowTitle(), messages.error_text(exc))
            return
        self.accept()


def open_monev_dialog(ctx: AppContext, item_id: int, aksi: str, parent: QWidget | None = None) -> int | None:
    """Show the dialog modally; the new entry's id, or None when cancelled."""
    dialog = MonevDialog(ctx, item_id, aksi, parent)
    try:
        dialog.exec()
        return dialog.entry_id
    finally:
        dialog.deleteLater()
