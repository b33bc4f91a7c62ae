"""Pengaturan → Cadangan: list, make and restore backups of the one database file.

Restoring replaces every record, so it asks first and the data layer saves the current file as a
``pre-restore`` backup before copying (a restore can itself be undone). The connection is closed
for the copy and reopened in ``finally``: whatever fails, the app is never left without a database.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.dates import format_datetime
from babel.numbers import format_decimal
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.backup import BackupInfo, create_backup, list_backups, restore_backup
from ui import messages
from ui.context import AppContext
from widgets.table_model import Column, RowTableModel

_MIGRATION = re.compile(r"^pra-migrasi-v(\d+)$")


def reason_label(reason: str) -> str:
    """The backup's reason slug in words."""
    tr = QCoreApplication.translate
    words = {
        "mulai": tr("CadanganTab", "Saat aplikasi dibuka"),
        "tutup": tr("CadanganTab", "Saat aplikasi ditutup"),
        "manual": tr("CadanganTab", "Dibuat manual"),
        "pre-restore": tr("CadanganTab", "Sebelum pemulihan"),
    }
    if reason in words:
        return words[reason]
    match = _MIGRATION.match(reason)
    if match:
        return tr("CadanganTab", "Sebelum pembaruan basis data (versi {0})").format(match.group(1))
    return reason


def size_label(size: int) -> str:
    """``1258291`` → ``1,2 MB`` (Indonesian decimal comma)."""
    if size < 1024 * 1024:
        return f"{format_decimal(max(1, round(size / 1024)), locale='id_ID')} KB"
    return f"{format_decimal(size / (1024 * 1024), format='#,##0.0', locale='id_ID')} MB"


def when_label(info: BackupInfo) -> str:
    return format_datetime(info.created, "EEEE, d MMMM y, HH.mm", locale="id_ID")


def backup_columns() -> list[Column]:
    tr = QCoreApplication.translate
    right = Qt.AlignmentFlag.AlignRight
    return [
        Column("tanggal", tr("CadanganTab", "Tanggal"), when_label, lambda b: b.created),
        Column("alasan", tr("CadanganTab", "Alasan"), lambda b: reason_label(b.reason)),
        Column("ukuran", tr("CadanganTab", "Ukuran"), lambda b: size_label(b.size), lambda b: b.size, right),
        Column("berkas", tr("CadanganTab", "Berkas"), lambda b: b.path.name, tooltip=lambda b: str(b.path)),
    ]


class CadanganTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = RowTableModel(backup_columns(), id_of=lambda b: b.path, parent=self)
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        intro = QLabel(
            self.tr(
                "Cadangan dibuat otomatis saat aplikasi dibuka dan saat ditutup bila ada perubahan. "
                "Disimpan 10 cadangan terbaru ditambah satu cadangan per hari selama 30 hari. "
                "Salin folder cadangan ke flashdisk atau penyimpanan lain secara berkala."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        layout.addWidget(self.folder_label)
        bar = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Buat cadangan sekarang"))
        self.restore_button = QPushButton(self.tr("Pulihkan…"))
        self.restore_button.setToolTip(self.tr("Ganti semua data dengan isi cadangan yang dipilih"))
        self.open_button = QPushButton(self.tr("Buka folder cadangan"))
        for button in (self.backup_button, self.restore_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(self.open_folder)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        for key, width in (("tanggal", 280), ("alasan", 280), ("ukuran", 110)):
            table.setColumnWidth(self.model.column_position(key), width)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self, select: Path | None = None) -> None:
        paths = self._ctx.paths
        self.folder_label.setText(
            self.tr("Folder data: {0}\nFolder cadangan: {1}").format(paths.root, paths.backups)
        )
        self.model.set_rows(list_backups(paths))
        if select is not None and (position := self.model.position_of(select)) >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(position, 0), flags)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # ------------------------------------------------------------------ actions
    @Slot()
    def make_backup(self) -> None:
        try:
            made = create_backup(self._ctx.paths, "manual")
        except Exception as exc:  # noqa: BLE001 - disk full, permissions: tell the user, keep going
            messages.error(self, self.tr("Cadangan"), messages.error_text(exc))
            return
        self.refresh(select=made)
        self._ctx.bus.statusMessage.emit(self.tr("Cadangan dibuat: {0}").format(made.name))

    @Slot()
    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = self.tr(
            "Pulihkan data dari cadangan {0} ({1})?\n\n"
            "SEMUA data saat ini akan diganti dengan isi cadangan tersebut. Data saat ini lebih dulu "
            "disimpan sebagai cadangan \u201cSebelum pemulihan\u201d, sehingga langkah ini masih dapat "
            "dibatalkan dengan memulihkan cadangan itu."
        ).format(when_label(chosen), reason_label(chosen.reason))
        if not messages.confirm(self, self.tr("Pulihkan cadangan"), question):
            return
        saved = self._restore(chosen.path)
        if saved is None:
            self.refresh()
            return
        messages.info(
            self,
            self.tr("Pulihkan cadangan"),
            self.tr("Data dipulihkan dari cadangan {0}.\nData sebelumnya disimpan sebagai {1}.").format(
                when_label(chosen), saved.name
            ),
        )
        self.refresh()
        self._ctx.bus.statusMessage.emit(self.tr("Data dipulihkan dari cadangan."))
        self._ctx.bus.dataReplaced.emit()  # the main window rebuilds every page, this one included

    def _restore(self, backup: Path) -> Path | None:
        """Close, restore, reopen (always). Returns the pre-restore copy, or ``None`` on failure."""
        store = self._ctx.store
        saved: Path | None = None
        try:
            store.close_database_only()
            saved = restore_backup(self._ctx.paths, backup)
        except Exception as exc:  # noqa: BLE001 - any failure: report it, reopen below
            messages.error(self, self.tr("Pulihkan cadangan"), messages.error_text(exc))
        finally:
            try:
                store.reopen()
            except Exception as exc:  # noqa: BLE001 - nothing else can be done but say so
                saved = None
                messages.error(
                    self,
                    self.tr("Pulihkan cadangan"),
                    self.tr(
                        "Basis data tidak dapat dibuka kembali: {0}\nTutup aplikasi lalu buka lagi."
                    ).format(messages.error_text(exc)),
                )
        return saved

    @Slot()
    def open_folder(self) -> None:
        folder = self._ctx.paths.backups
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            messages.warn(self, self.tr("Cadangan"), self.tr("Folder tidak dapat dibuka: {0}").format(folder))
