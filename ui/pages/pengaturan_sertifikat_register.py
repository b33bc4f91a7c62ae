"""Pengaturan › Sertifikat: the buku register sertifikat of a year, printed into the preview.

The register is read on the GUI thread (:func:`db.services.sertifikat_register.register_job`), laid
out in a :class:`~widgets.background_job.BackgroundJob` and opened in the PDF preview.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from db.errors import DomainError
from db.services.sertifikat_register import register_job
from ui import messages
from ui.icons import icon
from ui.pages.kegiatan_print_actions import failure_text
from widgets.background_job import BackgroundJob
from widgets.pdf_preview import PdfPreviewDialog


class RegisterBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Buku register sertifikat"), parent)
        self.job: BackgroundJob | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.tahun_spin = QSpinBox()
        self.tahun_spin.setRange(2000, 2100)
        self.tahun_spin.setValue(date.today().year)
        self.register_button = QPushButton(icon("printer.svg", "#37474f"), self.tr("Cetak buku register…"))
        self.register_button.clicked.connect(self.print_register)
        row = QHBoxLayout(self)
        row.addWidget(QLabel(self.tr("Tahun")))
        row.addWidget(self.tahun_spin)
        row.addWidget(self.register_button)
        row.addStretch(1)

    @Slot()
    def print_register(self) -> BackgroundJob | None:
        """Read the year's register now, lay it out in the background, then preview it."""
        tahun = self.tahun_spin.value()
        title = self.tr("Buku Register Sertifikat {0}").format(tahun)
        try:
            render = register_job(tahun)
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return None

        def work() -> bytes:
            buffer = io.BytesIO()
            render(buffer)
            return buffer.getvalue()

        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = BackgroundJob(
            work, self, on_done=lambda pdf: self._show(pdf, title),
            on_error=lambda exc: messages.error(self, title, failure_text(exc)),
        ).start()  # fmt: skip
        return self.job

    def _show(self, pdf: bytes, title: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        preview = PdfPreviewDialog(pdf, title, str(Path(folder) / f"{title}.pdf"), self, icon_for=icon)
        self.last_preview = preview
        preview.open()
