"""The rencana aksi page's document actions: print the matrix or the monev report, Excel in and out.

As on the kader page, the database is read on the GUI thread (``*_data`` functions) and only
the ReportLab layout runs in a :class:`~widgets.background_job.BackgroundJob`; the PDF opens in
:class:`~widgets.pdf_preview.PdfPreviewDialog`. ``page.today`` (None = the real date) decides
which items print as TERLAMBAT, the same as on screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Slot
from PySide6.QtWidgets import QDialog, QWidget

from db.services.print_data import kop_from_profile, page_setup
from db.services.rencana_aksi import years
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from widgets.background_job import BackgroundJob
from widgets.pdf_preview import PdfPreviewDialog


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


class RencanaAksiActions(QObject):
    def __init__(self, page: QWidget, ctx: AppContext) -> None:
        super().__init__(page)
        self._page = page
        self._ctx = ctx
        self.job: BackgroundJob | None = None
        self.last_preview: PdfPreviewDialog | None = None

    def _today(self) -> date:
        return getattr(self._page, "today", None) or date.today()

    def _options(self, monev: bool):  # noqa: ANN202 - CetakRencanaAksiDialog | None
        from ui.dialogs.cetak_rencana_aksi_dialog import CetakRencanaAksiDialog

        tahun = self._page.filter().tahun  # type: ignore[attr-defined]
        dialog = CetakRencanaAksiDialog(monev=monev, years=years(), tahun=tahun, today=self._today(),
                                        parent=self._page)  # fmt: skip
        try:
            return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @Slot()
    def print_matrix(self) -> None:
        dialog = self._options(monev=False)
        if dialog is None:
            return
        from db.services.rencana_aksi_print import matriks_data
        from reports.rencana_aksi import MatriksRencanaAksiDocument

        tahun, signer, today = dialog.tahun(), dialog.signatory_id(), self._today()
        self._preview(
            lambda: MatriksRencanaAksiDocument(
                matriks_data(tahun, signer, today=today), page_setup("landscape"), kop_from_profile()
            ),
            self.tr("Matriks rencana aksi"),
            f"matriks-rencana-aksi-{tahun or 'semua'}.pdf",
        )

    @Slot()
    def print_monev(self) -> None:
        dialog = self._options(monev=True)
        if dialog is None:
            return
        from db.services.rencana_aksi_print import monev_data
        from reports.monev import LaporanMonevDocument

        (dari, sampai), signer, today = dialog.period(), dialog.signatory_id(), self._today()
        if sampai < dari:
            text = self.tr("Tanggal akhir sebelum tanggal awal.")
            messages.error(self._page, self.tr("Laporan monev"), text)
            return
        self._preview(
            lambda: LaporanMonevDocument(
                monev_data(dari, sampai, signer, today=today), page_setup("landscape"), kop_from_profile()
            ),
            self.tr("Laporan monev"),
            f"laporan-monev-{dari:%Y%m%d}-{sampai:%Y%m%d}.pdf",
        )

    def _preview(self, make, title: str, filename: str) -> None:  # noqa: ANN001 - () -> DocumentBuilder
        from ui.pages.kegiatan_print_actions import failure_text

        try:
            document = make()
        except Exception as exc:  # noqa: BLE001 - DomainError and report set-up failures alike
            messages.error(self._page, title, failure_text(exc))
            return
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = BackgroundJob(
            document.render_bytes,
            self._page,
            on_done=lambda pdf: self._show(pdf, title, filename),
            on_error=lambda exc: messages.error(self._page, title, failure_text(exc)),
        ).start()

    def _show(self, pdf: bytes, title: str, filename: str) -> None:
        preview = PdfPreviewDialog(pdf, title, str(documents_folder() / filename), self._page, icon_for=icon)
        self.last_preview = preview
        preview.open()
