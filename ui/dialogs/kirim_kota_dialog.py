""" "Kirim ke Kota…": choose the kegiatan (one, several, or those of a period), the folder (a USB
stick), the options, then write the package in the background and say where it went.

The database is read on the GUI thread (:func:`db.services.kota_paket.prepare_paket`); the PDFs,
the ``.xlsx`` and the zip are made by :func:`~db.services.kota_paket.write_paket` in a
:class:`~widgets.background_job.BackgroundJob`; the notulen is marked terkirim afterwards
(:func:`~db.services.kota_paket.finish_paket`). "Sertakan NIK lengkap" asks for confirmation (R16).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.kegiatan import KegiatanRow, list_kegiatan
from db.services.kota_paket import PaketOptions, PaketPlan, finish_paket, prepare_paket, write_paket
from db.services.settings import get_setting, set_setting
from ui import messages
from ui.context import AppContext
from widgets.background_job import BackgroundJob

FOLDER_KEY = "kota_paket_folder"


class KirimKotaDialog(QDialog):
    """``chosen`` kegiatan start ticked; after a successful run :attr:`written` is the package path."""

    def __init__(self, chosen: list[int] | tuple[int, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kirim ke Kota"))
        self.written: Path | None = None
        self.sent_ids: tuple[int, ...] = ()
        self.job: BackgroundJob | None = None
        self._plan: PaketPlan | None = None
        self._rows = list_kegiatan()
        self._build(set(chosen))
        self.resize(720, 560)

    # ------------------------------------------------------------------ construction
    def _build(self, chosen: set[int]) -> None:
        intro = QLabel(self.tr(
            "Paket berisi notulen, daftar hadir, rekap kehadiran, daftar peserta (Excel) dan data "
            "kegiatan untuk Pokjanal kabupaten/kota. Simpan ke flashdisk atau folder lalu serahkan."
        ))  # fmt: skip
        intro.setWordWrap(True)
        self.kegiatan_list = QListWidget()
        self.kegiatan_list.setWordWrap(True)  # long kegiatan names wrap instead of scrolling sideways
        for row in self._rows:
            item = QListWidgetItem(self._label(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setCheckState(Qt.CheckState.Checked if row.id in chosen else Qt.CheckState.Unchecked)
            self.kegiatan_list.addItem(item)
        self.kegiatan_list.itemChanged.connect(self._update)
        self.dari, self.sampai = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        for edit, value in ((self.dari, QDate(today.year(), 1, 1)), (self.sampai, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setDate(value)
        self.period_button = QPushButton(self.tr("Centang kegiatan pada periode ini"))
        self.period_button.clicked.connect(self.tick_period)
        period = QHBoxLayout()
        for widget in (QLabel(self.tr("Periode")), self.dari, QLabel(self.tr("s.d.")), self.sampai):
            period.addWidget(widget)
        period.addWidget(self.period_button, 1)

        self.folder_edit = QLineEdit(str(get_setting(FOLDER_KEY, "") or self._documents()))
        self.folder_edit.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Pilih folder…"))
        browse.clicked.connect(self.browse)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(browse)
        self.nik_box = QCheckBox(self.tr("Sertakan NIK lengkap (hanya bila diminta kabupaten/kota)"))
        self.nik_box.toggled.connect(self._confirm_nik)
        self.lampiran_box = QCheckBox(self.tr("Lampirkan daftar hadir dan materi pada notulen"))
        self.lampiran_box.setChecked(True)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Simpan ke"), folder)
        form.addRow("", self.nik_box)
        form.addRow("", self.lampiran_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(
            self.tr("Buat paket"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Kegiatan yang dikirim")))
        layout.addWidget(self.kegiatan_list, 1)
        layout.addLayout(period)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._update()

    def _label(self, row: KegiatanRow) -> str:
        when = f"{row.tanggal_mulai:%d-%m-%Y}"
        if row.tanggal_selesai != row.tanggal_mulai:
            when += f" s.d. {row.tanggal_selesai:%d-%m-%Y}"
        return self.tr("{0} · {1} · {2} · {3} peserta").format(row.nama, row.jenis, when, row.jumlah_peserta)

    @staticmethod
    def _documents() -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    # ------------------------------------------------------------------ state
    def checked_ids(self) -> list[int]:
        return [
            int(self.kegiatan_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.kegiatan_list.count())
            if self.kegiatan_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    @Slot()
    def _update(self) -> None:
        count = len(self.checked_ids())
        folder_ok = Path(self.folder_edit.text().strip() or ".").is_dir() and bool(
            self.folder_edit.text().strip()
        )
        self.send_button.setEnabled(count > 0 and folder_ok and self.job is None)
        if not folder_ok:
            self.summary.setText(self.tr("Pilih folder tujuan yang ada (misalnya flashdisk)."))
        else:
            self.summary.setText(self.tr("{0} kegiatan dipilih.").format(count))

    @Slot()
    def tick_period(self) -> None:
        dari, sampai = self.dari.date().toPython(), self.sampai.date().toPython()
        for i in range(self.kegiatan_list.count()):
            item = self.kegiatan_list.item(i)
            row = self._rows[i]
            inside = row.tanggal_mulai <= sampai and row.tanggal_selesai >= dari
            item.setCheckState(Qt.CheckState.Checked if inside else Qt.CheckState.Unchecked)

    @Slot()
    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder tujuan paket"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    @Slot(bool)
    def _confirm_nik(self, on: bool) -> None:
        if on and not messages.confirm(
            self,
            self.tr("NIK lengkap"),
            self.tr(
                "NIK lengkap adalah data pribadi. Sertakan hanya bila kabupaten/kota memintanya dan "
                "paket diserahkan langsung. Sertakan NIK lengkap?"
            ),  # fmt: skip
        ):
            self.nik_box.setChecked(False)

    # ------------------------------------------------------------------ run
    @Slot()
    def send(self) -> None:
        folder = Path(self.folder_edit.text().strip())
        options = PaketOptions(full_nik=self.nik_box.isChecked(), lampiran=self.lampiran_box.isChecked())
        try:
            self._plan = prepare_paket(self.checked_ids(), options)
        except DomainError as exc:
            messages.error(self, self.tr("Paket tidak dapat dibuat"), messages.error_text(exc))
            return
        target = folder / self._plan.filename
        overwrite = target.exists()
        if overwrite and not messages.confirm(
            self, self.tr("Berkas sudah ada"), self.tr("{0} sudah ada. Ganti?").format(target.name)
        ):
            return
        set_setting(FOLDER_KEY, str(folder), audit_changes=False)
        plan = self._plan
        self.job = BackgroundJob(
            lambda progress, cancelled: write_paket(
                plan, target, overwrite=overwrite, progress=progress, cancelled=cancelled
            ),
            self,
            reports_progress=True,
            label=self.tr("Menyiapkan paket untuk kota…"),
            on_done=self._done,
            on_error=self._failed,
        )
        self.job.finished.connect(self._job_over)
        self.job.start()
        self._update()

    @Slot()
    def _job_over(self) -> None:
        self.job = None
        self._update()

    def _done(self, path: Path) -> None:
        assert self._plan is not None
        try:
            marked = finish_paket(self._plan, path, date.today())
        except DomainError as exc:
            text = self.tr("Paket tersimpan di {0}, tetapi: {1}").format(path, messages.error_text(exc))
            messages.warn(self, self.tr("Paket dibuat"), text)
            marked = 0
        self.written = path
        self.sent_ids = self._plan.kegiatan_ids
        note = self.tr(" Notulen ditandai terkirim: {0}.").format(marked) if marked else ""
        messages.info(self, self.tr("Paket dibuat"), self.tr("Paket tersimpan di:\n{0}").format(path) + note)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        text = messages.error_text(exc) if isinstance(exc, DomainError) else str(exc)
        messages.error(
            self,
            self.tr("Paket tidak dapat dibuat"),
            self.tr("Tidak ada berkas yang ditulis. {0}").format(text),
        )


def open_kirim_kota(ctx: AppContext, chosen: list[int] | tuple[int, ...], parent: QWidget) -> KirimKotaDialog:
    """Open the dialog window-modal (non-blocking); once a package is written the kegiatan are
    announced on the bus (their notulen is now terkirim)."""
    dialog = KirimKotaDialog(chosen, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def announce() -> None:
        for kegiatan_id in dialog.sent_ids:
            ctx.bus.kegiatanChanged.emit(kegiatan_id)

    dialog.accepted.connect(announce)
    dialog.open()
    return dialog
