"""Print a kegiatan's certificates: one PDF for the printer and/or one PDF per person in a folder.

The pre-print check (:func:`db.services.sertifikat_periksa.periksa`) is listed first, so the user
either goes on or goes back and fixes the profile, signatories or texts. Everything the PDFs need is
read here on the GUI thread (:func:`sertifikat_batch`); only the layout runs in a cooperative
:class:`~widgets.background_job.BackgroundJob` with a "123 dari 188" bar and Batal. A cancelled run
leaves no file behind (the service writes through temporary names); the dialog stays open.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.kegiatan import get_kegiatan
from db.services.sertifikat_periksa import periksa
from db.services.sertifikat_print import SertifikatBatch, sertifikat_batch, without_back_page
from db.services.sertifikat_terbit import list_sertifikat, siap_terbit
from ui import messages
from ui.icons import icon
from ui.pages.kegiatan_print_actions import failure_text, suggested_filename
from ui.pages.sertifikat_actions import issue_numbers
from widgets.background_job import BackgroundJob
from widgets.pdf_preview import PdfPreviewDialog


@dataclass(frozen=True)
class PrintPlan:
    """What the worker makes: the single PDF (``batch``, when ``want_pdf``) and/or per-person files
    (``folder_batch`` into ``folder``). ``labels`` are the two progress captions, translated."""

    batch: SertifikatBatch
    want_pdf: bool
    folder_batch: SertifikatBatch | None
    folder: Path | None
    overwrite: bool
    labels: tuple[str, str]

    def run(self, progress: Callable[..., None], cancelled: Callable[[], bool]) -> dict[str, Any]:
        """Worker step (no database): {"pdf": bytes} and/or {"files": [Path, …]}."""
        out: dict[str, Any] = {}
        if self.want_pdf:
            with tempfile.TemporaryDirectory(prefix="sertifikat-") as work:
                target = Path(work) / "sertifikat.pdf"
                self.batch.render_pdf(target, lambda d, t: progress(d, t, self.labels[0]), cancelled)
                out["pdf"] = target.read_bytes()
        if self.folder_batch is not None and self.folder is not None:
            out["files"] = self.folder_batch.render_folder(
                self.folder, lambda d, t: progress(d, t, self.labels[1]), cancelled, overwrite=self.overwrite
            )
        return out


class CetakSertifikatDialog(QDialog):
    def __init__(self, kegiatan_id: int, selected_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self.selected_ids = list(selected_ids)
        self.job: BackgroundJob | None = None
        self.preview: PdfPreviewDialog | None = None
        self.written: list[Path] = []
        self.nama = get_kegiatan(kegiatan_id).form.nama
        self.setWindowTitle(self.tr("Cetak sertifikat"))
        self._build()
        self.refresh()
        self.resize(720, 600)

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.problems = QListWidget()
        self.problems.setObjectName("periksaList")
        self.problems.setWordWrap(True)
        self.problems.setMinimumHeight(110)
        check_box = QGroupBox(self.tr("Pemeriksaan sebelum mencetak"))
        check_layout = QVBoxLayout(check_box)
        check_layout.addWidget(self.problems)
        hint = QLabel(
            self.tr("Bila ada yang perlu diperbaiki, tekan Kembali; bila tidak, lanjutkan mencetak.")
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        check_layout.addWidget(hint)

        self.all_radio = QRadioButton()
        self.selected_radio = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.all_radio)
        group.addButton(self.selected_radio)
        self.issue_check = QCheckBox()
        which = QGroupBox(self.tr("Yang dicetak"))
        which_layout = QVBoxLayout(which)
        for widget in (self.all_radio, self.selected_radio, self.issue_check):
            which_layout.addWidget(widget)

        self.pdf_check = QCheckBox(
            self.tr("Satu &PDF berisi semua sertifikat (dibuka di pratinjau untuk dicetak)")
        )
        self.pdf_check.setChecked(True)
        self.folder_check = QCheckBox(self.tr("Satu berkas PDF per &orang di folder:"))
        self.folder_edit = QLineEdit()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder_edit.setText(str(Path(documents) / suggested_filename("Sertifikat", self.nama)[:-4]))
        self.folder_button = QPushButton(self.tr("Pilih folder…"))
        self.front_only_check = QCheckBox(
            self.tr("Berkas per orang tanpa halaman materi (untuk dikirim lewat WhatsApp)")
        )
        folder_row = QHBoxLayout()
        folder_row.addSpacing(24)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        output = QGroupBox(self.tr("Hasil"))
        output_layout = QVBoxLayout(output)
        output_layout.addWidget(self.pdf_check)
        output_layout.addWidget(self.folder_check)
        output_layout.addLayout(folder_row)
        front_row = QHBoxLayout()
        front_row.addSpacing(24)
        front_row.addWidget(self.front_only_check, 1)
        output_layout.addLayout(front_row)

        self.status_label = QLabel()
        self.status_label.setObjectName("muted")
        self.status_label.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Kembali"))
        self.back_button.setToolTip(self.tr("Tutup tanpa mencetak, untuk memperbaiki dulu"))
        self.print_button = QPushButton(icon("printer.svg", "#ffffff"), self.tr("Cetak"))
        self.print_button.setProperty("primary", True)
        self.print_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{self.tr('Sertifikat')}</b> — {self.nama}"))
        layout.addWidget(check_box, 1)
        layout.addWidget(which)
        layout.addWidget(output)
        layout.addLayout(buttons)

        self.back_button.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.start)
        self.folder_button.clicked.connect(self.choose_folder)
        for widget in (self.all_radio, self.selected_radio, self.pdf_check, self.folder_check):
            widget.toggled.connect(self._update)

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        self.problems.clear()
        try:
            found = periksa(self.kegiatan_id)
        except DomainError as exc:
            found = [messages.error_text(exc)]
        for text in found:
            self.problems.addItem(QListWidgetItem(icon("alert-triangle.svg", "#b26a00"), text))
        if not found:
            self.problems.addItem(
                QListWidgetItem(icon("check.svg", "#2e7d32"), self.tr("Tidak ada masalah: siap dicetak."))
            )
        self.valid = len(list_sertifikat(self.kegiatan_id, status="valid"))
        self.waiting = len(siap_terbit(self.kegiatan_id))
        self.all_radio.setText(self.tr("&Semua sertifikat yang berlaku ({0})").format(self.valid))
        self.selected_radio.setText(
            self.tr("&Hanya yang dipilih di daftar ({0})").format(len(self.selected_ids))
        )
        self.selected_radio.setEnabled(bool(self.selected_ids))
        (self.selected_radio if self.selected_ids else self.all_radio).setChecked(True)
        self.issue_check.setText(
            self.tr("&Terbitkan dulu nomor untuk {0} orang layak yang belum bernomor").format(self.waiting)
        )
        self.issue_check.setChecked(self.waiting > 0)
        self.issue_check.setVisible(self.waiting > 0)
        self._update()

    @Slot()
    def _update(self) -> None:
        busy = self.job is not None
        every = self.all_radio.isChecked()
        self.issue_check.setEnabled(every and not busy)
        per_person = self.folder_check.isChecked()
        for widget in (self.folder_edit, self.folder_button, self.front_only_check):
            widget.setEnabled(per_person and not busy)
        count = self.valid + (self.waiting if every and self.issue_check.isChecked() else 0)
        something = count if every else len(self.selected_ids)
        self.print_button.setEnabled(
            not busy and bool(something) and (self.pdf_check.isChecked() or per_person)
        )
        self.back_button.setEnabled(not busy)

    @Slot()
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder sertifikat per orang"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    # ------------------------------------------------------------------ printing
    def _batch(self) -> SertifikatBatch | None:
        if self.all_radio.isChecked() and self.issue_check.isChecked() and self.waiting:
            if issue_numbers(self, self.kegiatan_id) is None:
                return None
            self.refresh()
        try:
            return sertifikat_batch(
                self.kegiatan_id, None if self.all_radio.isChecked() else self.selected_ids
            )
        except DomainError as exc:
            messages.error(self, self.windowTitle(), messages.error_text(exc))
            return None

    def _folder(self, batch: SertifikatBatch) -> tuple[Path | None, bool] | None:
        """(folder, overwrite) for per-person files, (None, False) when not wanted; None = stop."""
        if not self.folder_check.isChecked():
            return None, False
        text = self.folder_edit.text().strip()
        if not text:
            messages.warn(self, self.windowTitle(), self.tr("Pilih folder untuk berkas per orang."))
            return None
        folder = Path(text)
        clash = batch.existing(folder)
        if clash and not messages.confirm(
            self, self.tr("Berkas sudah ada"),
            self.tr("{0} berkas sudah ada di folder itu (mis. {1}). Timpa?").format(len(clash), clash[0]),
        ):  # fmt: skip
            return None
        return folder, bool(clash)

    @Slot()
    def start(self) -> BackgroundJob | None:
        if self.job is not None:
            return None
        batch = self._batch()
        chosen = self._folder(batch) if batch is not None else None
        if batch is None or chosen is None:
            return None
        folder, overwrite = chosen
        per_person = without_back_page(batch) if self.front_only_check.isChecked() else batch
        plan = PrintPlan(
            batch, self.pdf_check.isChecked(), per_person if folder else None, folder, overwrite,
            (self.tr("PDF untuk dicetak…"), self.tr("Berkas per orang…")),
        )  # fmt: skip
        self.job = BackgroundJob(
            plan.run,
            self,
            label=self.tr("Membuat sertifikat…"),
            on_done=self._done,
            on_error=self._failed,
            reports_progress=True,
        )
        self.job.finished.connect(self._job_over)
        self.status_label.setText(self.tr("Membuat {0} sertifikat…").format(len(batch.certificates)))
        self.job.start()
        self._update()
        return self.job

    @Slot()
    def _job_over(self) -> None:
        if self.job is not None and self.job.cancelled:
            self.status_label.setText(self.tr("Dibatalkan; tidak ada berkas yang ditulis."))
        self.job = None
        self._update()

    def _done(self, out: dict) -> None:
        self.written = list(out.get("files", []))
        if self.written:
            self.status_label.setText(
                self.tr("{0} berkas tersimpan di {1}").format(len(self.written), self.written[0].parent)
            )
        if "pdf" in out:
            documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            name = str(Path(documents) / suggested_filename("Sertifikat", self.nama))
            owner = self.parentWidget() or self
            self.preview = PdfPreviewDialog(out["pdf"], self.tr("Sertifikat"), name, owner, icon_for=icon)
            self.preview.open()
        elif self.written:
            messages.info(self, self.windowTitle(), self.status_label.text())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.status_label.setText("")
        messages.error(self, self.windowTitle(), failure_text(exc))
