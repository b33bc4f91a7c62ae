"""The rencana aksi page's document actions: print the matrix or the monev report, Excel in and out.

Import is checked in full first (a dry run) and only written after the user saw the row report
and agreed; a file with any problem writes nothing (the service is all-or-nothing).

As on the kader page, the database is read on the GUI thread (``*_data`` functions) and only
the ReportLab layout runs in a :class:`~widgets.background_job.BackgroundJob`; the PDF opens in
:class:`~widgets.pdf_preview.PdfPreviewDialog`. ``page.today`` (None = the real date) decides
which items print as TERLAMBAT, the same as on screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from db.errors import DomainError
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

        in_use = years()
        this_year = self._today().year
        # the matrix is a yearly document: the page's tahun, else this year when it has items
        chosen = self._page.filter().tahun  # type: ignore[attr-defined]
        tahun = chosen or (this_year if this_year in in_use else None)
        dialog = CetakRencanaAksiDialog(monev=monev, years=in_use, tahun=tahun, today=self._today(),
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

    # ------------------------------------------------------------------ Excel
    @Slot()
    def export_excel(self) -> None:
        title = self.tr("Ekspor rencana aksi")
        suggested = str(documents_folder() / f"rencana-aksi-{self._today():%Y%m%d}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self._page, title, suggested, self.tr("Buku kerja Excel (*.xlsx)")
        )
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> int | None:
        """Export what the page's filters show (grouping aside); returns the number of items."""
        from db.services.rencana_aksi_xlsx import export_rencana_aksi

        try:
            count = export_rencana_aksi(path, self._page.filter())  # type: ignore[attr-defined]
        except (DomainError, OSError) as exc:
            messages.error(self._page, self.tr("Ekspor rencana aksi"), messages.error_text(exc))
            return None
        done = self.tr("{0} rencana aksi diekspor ke {1}.").format(count, path.name)
        self._ctx.bus.statusMessage.emit(done)
        return count

    @Slot()
    def import_excel(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._page, self.tr("Impor rencana aksi"), str(documents_folder()),
            self.tr("Buku kerja Excel (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bool:
        """Dry run, show the report, ask, then import; True when rows were written."""
        from db.services.rencana_aksi_xlsx import import_rencana_aksi

        title = self.tr("Impor rencana aksi")
        try:
            preview = import_rencana_aksi(path, dry_run=True)
            if not preview.ok:
                messages.error(self._page, title, preview.report())
                return False
            question = self.tr("{0}\n\nLanjutkan impor?").format(preview.report())
            if not messages.confirm(self._page, title, question):
                return False
            result = import_rencana_aksi(path)
        except (DomainError, OSError) as exc:
            messages.error(self._page, title, messages.error_text(exc))
            return False
        if not result.ok:
            messages.error(self._page, title, result.report())
            return False
        self._ctx.bus.rencanaAksiChanged.emit()
        messages.info(self._page, title, result.report())
        return True
