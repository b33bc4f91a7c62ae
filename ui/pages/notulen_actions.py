"""What the notulen tab's buttons do: items, states, printing and "Jadikan rencana aksi".

Every action first flushes the autosave (so nothing typed is left behind), calls one service
function, then shows the notulen again. Printing follows the ``*_job`` pattern: the data is read
here on the GUI thread, the ReportLab layout runs in a :class:`~widgets.background_job.BackgroundJob`
and the PDF opens in :class:`~widgets.pdf_preview.PdfPreviewDialog`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDialog

from db.errors import DomainError, ValidationError
from db.services import notulen as service
from db.services import notulen_isi, notulen_keputusan
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from widgets.background_job import BackgroundJob
from widgets.pdf_preview import PdfPreviewDialog


class NotulenActions(QObject):
    def __init__(self, tab, ctx: AppContext) -> None:  # noqa: ANN001 - NotulenTab (imports us)
        super().__init__(tab)
        self._tab = tab
        self._ctx = ctx
        self.job: BackgroundJob | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_dialog: QDialog | None = None

    @property
    def _kid(self) -> int:
        return self._tab.kegiatan_id

    def _run(self, title: str, call) -> object:  # noqa: ANN001 - () -> T
        """Flush, call the service, reload; errors go to a message box. Returns the result or None."""
        if not self._tab.autosave.flush():
            return None  # the status line already says what could not be saved
        try:
            result = call()
        except ValidationError as exc:
            messages.error(
                self._tab,
                title,
                "\n".join(messages.error_text(DomainError(m)) for m in exc.problems.values()),
            )
            return None
        except DomainError as exc:
            messages.error(self._tab, title, messages.error_text(exc))
            return None
        self._tab.show_view(service.require_notulen(self._kid))
        self._ctx.bus.kegiatanChanged.emit(self._kid)
        return result if result is not None else True

    # ------------------------------------------------------------------ items
    @Slot()
    def add_pembahasan(self) -> None:
        if self._run(self.tr("Tambah pembahasan"), lambda: notulen_isi.add_pembahasan(self._kid)):
            self._tab.pembahasan_editors[-1].judul_edit.setFocus()

    @Slot()
    def sync_agenda(self) -> None:
        added = self._run(self.tr("Susunan acara"), lambda: notulen_isi.sync_agenda(self._kid))
        if added is not None:
            text = self.tr("{0} acara ditambahkan ke pembahasan.").format(0 if added is True else added)
            self._ctx.bus.statusMessage.emit(text)

    @Slot(int)
    def delete_pembahasan(self, item_id: int) -> None:
        if messages.confirm(self._tab, self.tr("Hapus pembahasan"), self.tr("Hapus butir pembahasan ini?")):
            self._run(self.tr("Hapus pembahasan"), lambda: notulen_isi.delete_pembahasan(item_id))

    @Slot()
    def add_keputusan(self) -> None:
        view = self._tab.view
        if view is None or view.locked:
            return
        if self._run(self.tr("Tambah keputusan"), lambda: notulen_keputusan.add_keputusan(self._kid)):
            editor = self._tab.keputusan_editors[-1]
            editor.isi_edit.setFocus()
            self._tab.scroll.ensureWidgetVisible(editor)

    @Slot(int)
    def delete_keputusan(self, keputusan_id: int) -> None:
        question = self.tr("Hapus keputusan ini? Rencana aksi yang dibuat darinya tetap ada, tanpa sumber.")
        if not messages.confirm(self._tab, self.tr("Hapus keputusan"), question):
            return
        if self._run(self.tr("Hapus keputusan"), lambda: notulen_keputusan.delete_keputusan(keputusan_id)):
            self._ctx.bus.rencanaAksiChanged.emit()

    # ------------------------------------------------------------------ states
    @Slot()
    def finalize(self) -> None:
        question = self.tr(
            "Finalkan notulen? Setelah final notulen terkunci untuk ditandatangani; perubahan "
            'hanya lewat "Buka kembali" dengan alasan.'
        )
        if not messages.confirm(self._tab, self.tr("Finalkan notulen"), question):
            return
        if self._run(self.tr("Finalkan notulen"), lambda: service.finalize(self._kid)):
            self._ctx.bus.statusMessage.emit(self.tr("Notulen difinalkan."))

    @Slot()
    def reopen(self) -> None:
        from ui.dialogs.buka_kembali_dialog import BukaKembaliDialog

        view = self._tab.view
        if view is None:
            return
        reason = BukaKembaliDialog.ask(view.versi, self._tab)
        if reason is not None:
            self._run(self.tr("Buka kembali"), lambda: service.reopen(self._kid, reason))

    # ------------------------------------------------------------------ rencana aksi
    @Slot(int)
    def to_rencana_aksi(self, keputusan_id: int) -> None:
        """Open the rencana aksi form prefilled from the decision; saved items link back to it."""
        from ui.dialogs.rencana_aksi_dialog import RencanaAksiDialog

        if not self._tab.autosave.flush():
            return
        try:
            form = notulen_keputusan.rencana_aksi_form(keputusan_id)
        except DomainError as exc:
            messages.error(self._tab, self.tr("Jadikan rencana aksi"), messages.error_text(exc))
            return
        dialog = RencanaAksiDialog(self._ctx, form, self._tab)
        self.last_dialog = dialog
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if accepted:
            self._ctx.bus.rencanaAksiChanged.emit()
            self._tab.show_view(service.require_notulen(self._kid))
            self._ctx.bus.statusMessage.emit(self.tr("Rencana aksi dibuat dari keputusan."))

    # ------------------------------------------------------------------ printing
    @Slot()
    def print_preview(self) -> None:
        from db.services.notulen_print import notulen_job
        from ui.pages.kegiatan_print_actions import failure_text

        title = self.tr("Notulen")
        self._tab.autosave.flush()
        try:
            render = notulen_job(self._kid, lampiran=self._tab.lampiran_check.isChecked())
        except Exception as exc:  # noqa: BLE001 - DomainError and report set-up failures alike
            messages.error(self._tab, title, failure_text(exc))
            return
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = BackgroundJob(
            lambda: _render_bytes(render),
            self._tab,
            on_done=self._show,
            on_error=lambda exc: messages.error(self._tab, title, failure_text(exc)),
        ).start()

    def _show(self, pdf: bytes) -> None:
        from ui.pages.rencana_aksi_actions import documents_folder

        name = f"notulen-{self._kid}.pdf"
        preview = PdfPreviewDialog(
            pdf, self.tr("Notulen"), str(documents_folder() / name), self._tab, icon_for=icon
        )
        self.last_preview = preview
        preview.open()


def _render_bytes(render) -> bytes:  # noqa: ANN001 - Render
    import io

    buffer = io.BytesIO()
    render(buffer)
    return buffer.getvalue()
