"""The "Cetak" menu of an open kegiatan: daftar hadir per day (or every day), rekap kehadiran,
tanda pengenal, daftar peserta, tanda terima transport/honorarium — each into the PDF preview.

Documents are built in memory by :mod:`db.services.kegiatan_print` (ReportLab imported only
then) and shown in :class:`widgets.pdf_preview.PdfPreviewDialog`, which prints or saves them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QWidget

from db.errors import DomainError
from db.services.kegiatan import get_kegiatan
from ui import messages
from ui.icons import icon
from widgets.pdf_preview import PdfPreviewDialog

Render = Callable[[io.BytesIO], int]


class KegiatanPrintMenu(QObject):
    """Owns the menu of ``button``; rebuilt on every open so new days appear."""

    def __init__(self, kegiatan_id: int, button: QPushButton, parent: QWidget) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self._page = parent
        self.last_preview: PdfPreviewDialog | None = None  # for tests and screenshots
        self.menu = QMenu(parent)
        self.menu.aboutToShow.connect(self._fill)
        button.setMenu(self.menu)
        self._fill()

    def _fill(self) -> None:
        self.menu.clear()
        detail = get_kegiatan(self.kegiatan_id)
        for hari in detail.hari_aktif:
            action = self.menu.addAction(
                icon("printer.svg", "#37474f"),
                self.tr("Daftar hadir hari ke-{0} ({1:%d-%m-%Y})").format(hari.hari_ke, hari.tanggal),
            )
            action.triggered.connect(lambda _=False, n=hari.hari_ke: self.daftar_hadir(n))
        if len(detail.hari_aktif) > 1:
            every_day = self.menu.addAction(self.tr("Daftar hadir semua hari"))
            every_day.triggered.connect(lambda: self.daftar_hadir(None))
        self.menu.addSeparator()
        for text, slot in (
            (self.tr("Rekap kehadiran"), self.rekap),
            (self.tr("Tanda pengenal (8 per halaman)"), self.tanda_pengenal),
            (self.tr("Daftar peserta"), self.daftar_peserta),
            (self.tr("Tanda terima uang transport"), lambda: self.tanda_terima("transport")),
            (self.tr("Tanda terima honorarium"), lambda: self.tanda_terima("honorarium")),
        ):
            self.menu.addAction(text).triggered.connect(slot)

    # ------------------------------------------------------------------ documents
    def daftar_hadir(self, hari_ke: int | None) -> None:
        from db.services.kegiatan_print import daftar_hadir_pdf

        suffix = f"hari-{hari_ke}" if hari_ke else "semua-hari"
        self._preview(lambda out: daftar_hadir_pdf(self.kegiatan_id, out, hari_ke), self.tr("Daftar hadir"),
                      f"daftar-hadir-{suffix}")  # fmt: skip

    def rekap(self) -> None:
        from db.services.kegiatan_print import rekap_kehadiran_pdf

        self._preview(lambda out: rekap_kehadiran_pdf(self.kegiatan_id, out), self.tr("Rekap kehadiran"),
                      "rekap-kehadiran")  # fmt: skip

    def tanda_pengenal(self) -> None:
        from db.services.kegiatan_print import tanda_pengenal_pdf

        self._preview(lambda out: tanda_pengenal_pdf(self.kegiatan_id, out), self.tr("Tanda pengenal"),
                      "tanda-pengenal")  # fmt: skip

    def daftar_peserta(self) -> None:
        from db.services.kegiatan_print import daftar_peserta_pdf

        self._preview(lambda out: daftar_peserta_pdf(self.kegiatan_id, out), self.tr("Daftar peserta"),
                      "daftar-peserta")  # fmt: skip

    def tanda_terima(self, jenis: str) -> None:
        from db.services.kegiatan_print import TerimaOptions, tanda_terima_pdf

        self._preview(lambda out: tanda_terima_pdf(self.kegiatan_id, out, TerimaOptions(jenis=jenis)),
                      self.tr("Tanda terima"), f"tanda-terima-{jenis}")  # fmt: skip

    def _preview(self, render: Render, title: str, stem: str) -> None:
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            buffer = io.BytesIO()
            render(buffer)
        except DomainError as exc:
            messages.error(self._page, title, messages.error_text(exc))
            return
        except Exception as exc:  # noqa: BLE001 - reports.base.RenderError and layout failures
            messages.error(self._page, title, getattr(exc, "message", None) or messages.error_text(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = str(Path(folder) / f"{stem}-kegiatan-{self.kegiatan_id}.pdf")
        preview = PdfPreviewDialog(buffer.getvalue(), title, name, self._page, icon_for=icon)
        self.last_preview = preview
        preview.open()
