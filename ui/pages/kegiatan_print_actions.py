"""The "Cetak" menu of an open kegiatan: daftar hadir per day (or every day), rekap kehadiran
(per participant and per asal), daftar belum hadir of a day, tanda pengenal, daftar peserta,
tanda terima transport/honorarium — options, then the PDF preview.

Each entry opens :class:`~ui.dialogs.cetak_kegiatan_dialog.CetakKegiatanDialog`; the data is read
from the database here on the GUI thread (:mod:`db.services.kegiatan_print` ``*_job`` functions),
and only the ReportLab layout runs in a :class:`~widgets.background_job.BackgroundJob`, so a
three-day daftar hadir for 230 people never freezes the window. The result opens in
:class:`~widgets.pdf_preview.PdfPreviewDialog`, which prints or saves it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from pathvalidate import sanitize_filename
from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QWidget

from db.errors import DomainError
from db.services import kegiatan_print as printing
from db.services import kegiatan_print_rekap as attendance
from db.services.kegiatan import HariRow, get_kegiatan
from db.services.profile import get_profile
from ui import messages
from ui.dialogs.cetak_kegiatan_dialog import CetakChoices, CetakKegiatanDialog, remember, remembered
from ui.icons import icon
from widgets.background_job import BackgroundJob
from widgets.pdf_preview import PdfPreviewDialog

Render = Callable[[io.BytesIO], int]
MAX_NAME = 150  # characters of a suggested file name, ".pdf" included (Windows paths stay short)

# document kind → the DB step (GUI thread) returning the pure render step; tests may swap an entry
BUILDERS: dict[str, Callable[[int, CetakChoices], Render]] = {
    "daftar_hadir": lambda k, c: printing.daftar_hadir_job(k, c.hari_ke, c.print_options()),
    "rekap": lambda k, c: printing.rekap_kehadiran_job(k, c.print_options()),
    "rekap_asal": lambda k, c: attendance.rekap_asal_job(k, c.print_options()),
    "belum_hadir": lambda k, c: attendance.belum_hadir_job(k, c.hari_ke or 0, c.print_options()),
    "tanda_pengenal": lambda k, c: printing.tanda_pengenal_job(k, c.print_options()),
    "daftar_peserta": lambda k, c: printing.daftar_peserta_job(k, c.print_options()),
    "tanda_terima": lambda k, c: printing.tanda_terima_job(k, c.terima_options(), c.print_options()),
}


def suggested_filename(*parts: str) -> str:
    """ "Daftar Hadir - Hari 1 - Bimtek ….pdf": safe on Windows (no reserved names or characters),
    at most :data:`MAX_NAME` characters with the extension."""
    stem = " - ".join(p.strip() for p in parts if p and p.strip())
    spaced = " ".join(sanitize_filename(stem, replacement_text=" ", platform="windows", max_len=1000).split())
    clean = sanitize_filename(spaced, platform="windows", max_len=MAX_NAME - len(".pdf")).strip(" .")
    return f"{clean or 'Dokumen'}.pdf"


def pdf_bytes(render: Render) -> bytes:
    """Run a render step into memory (this is what the worker thread does)."""
    buffer = io.BytesIO()
    render(buffer)
    return buffer.getvalue()


def failure_text(exc: BaseException) -> str:
    """Indonesian text for a failed document: the service's or renderer's own message if it has one."""
    if isinstance(exc, DomainError):
        return messages.error_text(exc)
    own = getattr(exc, "message", None)
    if isinstance(own, str) and own:
        return own
    return QCoreApplication.translate("KegiatanPrintMenu", "Dokumen tidak dapat dibuat: {0}").format(exc)


class KegiatanPrintMenu(QObject):
    """Owns the menu of ``button``; rebuilt on every open so new days appear."""

    def __init__(self, kegiatan_id: int, button: QPushButton, parent: QWidget) -> None:
        super().__init__(parent)
        self.kegiatan_id = kegiatan_id
        self._page = parent
        self.last_preview: PdfPreviewDialog | None = None  # for tests and screenshots
        self.job: BackgroundJob | None = None  # the document being rendered, if any
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
            action.triggered.connect(lambda _=False, n=hari.hari_ke: self.ask("daftar_hadir", hari_ke=n))
        if len(detail.hari_aktif) > 1:
            every_day = self.menu.addAction(self.tr("Daftar hadir semua hari"))
            every_day.triggered.connect(lambda: self.ask("daftar_hadir", hari_ke=None))
        self.menu.addSeparator()
        for text, kind, preset in (
            (self.tr("Rekap kehadiran"), "rekap", {}),
            (self.tr("Rekap kehadiran per asal"), "rekap_asal", {}),
            (self.tr("Daftar belum hadir…"), "belum_hadir", self._today_preset(detail.hari_aktif)),
            (self.tr("Tanda pengenal (8 per halaman)"), "tanda_pengenal", {}),
            (self.tr("Daftar peserta"), "daftar_peserta", {}),
            (self.tr("Tanda terima uang transport"), "tanda_terima", {"jenis": "transport"}),
            (self.tr("Tanda terima honorarium"), "tanda_terima", {"jenis": "honorarium"}),
        ):
            self.menu.addAction(text).triggered.connect(lambda _=False, k=kind, p=preset: self.ask(k, **p))

    @staticmethod
    def _today_preset(days: tuple[HariRow, ...] | list[HariRow]) -> dict[str, object]:
        """Today's held day when the kegiatan runs today (the usual question: who is still missing?),
        else nothing, so the dialog starts at the remembered or the first day."""
        today = date.today()
        return next(({"hari_ke": d.hari_ke} for d in days if d.tanggal == today), {})

    # ------------------------------------------------------------------ options, then the job
    def ask(self, kind: str, **preset: object) -> None:
        """Open the options dialog for ``kind`` (``preset`` overrides the remembered choices: the
        day of the menu entry, the tanda terima jenis); Pratinjau starts the document."""
        earlier = remembered(self.kegiatan_id)
        start = replace(earlier or CetakChoices(), **preset)
        days = list(get_kegiatan(self.kegiatan_id).hari_aktif)
        dialog = CetakKegiatanDialog(
            kind, days, start, get_profile().kertas, self._page, fresh=earlier is None
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choices = dialog.choices()
        finally:
            dialog.deleteLater()
        remember(self.kegiatan_id, choices)
        self.print_document(kind, choices)

    def print_document(self, kind: str, choices: CetakChoices) -> BackgroundJob | None:
        """Read the data now (errors shown at once), render in the background, then preview."""
        title, name = self._names(kind, choices)
        try:
            render = BUILDERS[kind](self.kegiatan_id, choices)
        except Exception as exc:  # noqa: BLE001 - DomainError and layout set-up failures alike
            messages.error(self._page, title, failure_text(exc))
            return None
        if self.job is not None and self.job.running:
            self.job.cancel()  # one document at a time: the newer request wins
        self.job = BackgroundJob(
            lambda: pdf_bytes(render), self._page,
            on_done=lambda pdf: self._show(pdf, title, name),
            on_error=lambda exc: messages.error(self._page, title, failure_text(exc)),
        ).start()  # fmt: skip
        return self.job

    def _names(self, kind: str, choices: CetakChoices) -> tuple[str, str]:
        """The preview's title and the suggested file name."""
        nama = get_kegiatan(self.kegiatan_id).form.nama
        day = self.tr("Hari {0}").format(choices.hari_ke) if choices.hari_ke is not None else ""
        titles = {
            "daftar_hadir": (self.tr("Daftar Hadir"), day or self.tr("Semua Hari")),
            "rekap": (self.tr("Rekap Kehadiran"), ""),
            "rekap_asal": (self.tr("Rekap Kehadiran per Asal"), ""),
            "belum_hadir": (self.tr("Daftar Belum Hadir"), day),
            "tanda_pengenal": (self.tr("Tanda Pengenal"), ""),
            "daftar_peserta": (self.tr("Daftar Peserta"), ""),
            "tanda_terima": (
                self.tr("Tanda Terima Honorarium")
                if choices.jenis == "honorarium"
                else self.tr("Tanda Terima Transport"),
                day,
            ),  # fmt: skip
        }
        title, detail = titles[kind]
        return title, suggested_filename(title, detail, nama)

    def _show(self, pdf: bytes, title: str, name: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        preview = PdfPreviewDialog(pdf, title, str(Path(folder) / name), self._page, icon_for=icon)
        self.last_preview = preview
        preview.open()
