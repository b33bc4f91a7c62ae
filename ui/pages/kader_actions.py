"""The kader page's document actions: print the list or the recap (PDF preview), import, export.

Kept out of :mod:`ui.pages.kader_page` so the page file stays about the table. ReportLab and the
report modules are imported only when something is printed (they cost ~0.1 s to import); the
layout itself runs in a :class:`~widgets.background_job.BackgroundJob` so the window stays live.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Slot
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from db.errors import DomainError
from db.services.kader_search import KaderFilter
from db.services.posyandu import list_posyandu
from db.services.print_data import kop_from_profile, page_setup
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.pages.kader_filters import KaderFilters
from widgets.background_job import BackgroundJob
from widgets.pdf_preview import PdfPreviewDialog


class KaderActions(QObject):
    def __init__(self, page: QWidget, ctx: AppContext, filters: KaderFilters) -> None:
        super().__init__(page)
        self._page = page
        self._ctx = ctx
        self._filters = filters
        self.last_preview: PdfPreviewDialog | None = None  # for tests and screenshots
        self.job: BackgroundJob | None = None  # the printout being rendered, if any

    # ------------------------------------------------------------------ print
    def _options(self, recap: bool):  # noqa: ANN202 - CetakKaderDialog | None
        from ui.dialogs.cetak_kader_dialog import CetakKaderDialog

        current = self._filters.value()
        dialog = CetakKaderDialog(
            list_posyandu(),
            recap=recap,
            kode_wilayah=current["kode_wilayah"],
            posyandu_id=current["posyandu_id"],
            parent=self._page,
        )
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None

    @Slot()
    def print_list(self) -> None:
        dialog = self._options(recap=False)
        if dialog is None:
            return
        from db.services.kader_print import DaftarKaderScope, daftar_kader_data
        from reports.daftar_kader import DaftarKaderDocument

        scope = DaftarKaderScope(
            dialog.kode_wilayah(), dialog.posyandu_id(), dialog.status(), dialog.signatory_id()
        )
        self._preview(
            lambda: DaftarKaderDocument(daftar_kader_data(scope), page_setup(), kop_from_profile()),
            self.tr("Daftar kader"),
            f"daftar-kader-{date.today():%Y%m%d}.pdf",
        )

    @Slot()
    def print_recap(self) -> None:
        dialog = self._options(recap=True)
        if dialog is None:
            return
        from db.services.kader_print import rekap_kader_data
        from reports.rekap_kader import RekapKaderDocument

        signer = dialog.signatory_id()
        self._preview(
            lambda: RekapKaderDocument(rekap_kader_data(signer), page_setup(), kop_from_profile()),
            self.tr("Rekap kader"),
            f"rekap-kader-{date.today():%Y%m%d}.pdf",
        )

    def _preview(self, make, title: str, filename: str) -> None:  # noqa: ANN001 - () -> DocumentBuilder
        """``make`` reads the database here (GUI thread); only the ReportLab layout runs in the
        background, with a progress window, and the preview opens when it is done."""
        from ui.pages.kegiatan_print_actions import failure_text

        try:
            document = make()
        except Exception as exc:  # noqa: BLE001 - DomainError and report set-up failures alike
            messages.error(self._page, title, failure_text(exc))
            return
        if self.job is not None and self.job.running:
            self.job.cancel()  # one document at a time: the newer request wins
        self.job = BackgroundJob(
            document.render_bytes,
            self._page,
            on_done=lambda pdf: self._show(pdf, title, filename),
            on_error=lambda exc: messages.error(self._page, title, failure_text(exc)),
        ).start()

    def _show(self, pdf: bytes, title: str, filename: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        preview = PdfPreviewDialog(pdf, title, str(Path(folder) / filename), self._page, icon_for=icon)
        self.last_preview = preview
        preview.open()

    # ------------------------------------------------------------------ Excel
    @Slot()
    def export_excel(self) -> None:
        """Export every kader (full NIK) after the user confirmed that the file holds personal data."""
        title = self.tr("Ekspor kader")
        question = self.tr(
            "File Excel ini berisi NIK lengkap dan nomor HP kader — data pribadi yang dilindungi "
            "UU Nomor 27 Tahun 2022. Simpan hanya di komputer kantor dan jangan dibagikan.\n\nLanjutkan?"
        )
        if not messages.confirm(self._page, title, question):
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"kader-{date.today():%Y%m%d}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self._page, title, suggested, self.tr("Buku kerja Excel (*.xlsx)")
        )
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> int | None:
        from db.services.kader_export import export_kader

        filters = self._filters.value()
        try:
            count = export_kader(path, full_nik=True, filters=KaderFilter(**filters))
        except (DomainError, OSError) as exc:
            messages.error(self._page, self.tr("Ekspor kader"), messages.error_text(exc))
            return None
        self._ctx.bus.statusMessage.emit(self.tr("{0} kader diekspor ke {1}.").format(count, path.name))
        return count

    @Slot()
    def import_excel(self) -> None:
        from ui.dialogs.kader_import_dialog import KaderImportDialog

        dialog = KaderImportDialog(self._ctx, self._page)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
