"""Import kader from an office Excel file: choose, read (in the background), fix the column
mapping, look at the status of every row, then import all rows at once or nothing.

Reading and parsing run in a :class:`~ui.dialogs.kader_import_worker.ReadWorker` on the global
thread pool with a Batal button; the plan (validation against the registry) and the single
import transaction run on the GUI thread, the only thread that talks to the database. The
Impor button is enabled only while the plan has no unresolved problem.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.importer.apply import apply_plan
from db.importer.header import SheetMapping
from db.importer.plan import BARU, GALAT, LEWATI, PERBARUI, PERINGATAN, ImportOptions, ImportPlan, build_plan
from db.importer.reader import WorkbookData
from db.importer.report import save_xlsx
from db.importer.snapshot import RegistrySnapshot
from db.importer.target import ImportTarget, kader_target
from ui import messages
from ui.context import AppContext
from ui.dialogs.kader_import_preview import PreviewModel, preview_columns, status_text
from ui.dialogs.kader_import_worker import ReadWorker


class KaderImportDialog(QDialog):
    """``result_summary`` holds the :class:`~db.importer.apply.ApplyResult` after a successful import.

    ``target`` chooses what is imported: the kader registry (default) or, with
    :func:`db.services.peserta_import.peserta_target`, a kegiatan's roster — the same steps,
    without the kader-only options (duplicate policy, new posyandu)."""

    def __init__(
        self, ctx: AppContext | None = None, parent: QWidget | None = None, target: ImportTarget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._target = target or kader_target()
        if self._target.kader_options:
            self.setWindowTitle(self.tr("Impor kader dari Excel"))
        else:
            self.setWindowTitle(self.tr("Impor peserta dari Excel"))
        self.resize(1200, 680)
        self.path: Path | None = None
        self.book: WorkbookData | None = None
        self.parsed = None
        self.plan: ImportPlan | None = None
        self.result_summary = None
        self._snapshot: RegistrySnapshot | None = None
        self._worker: ReadWorker | None = None
        self._mappings: list[SheetMapping] = []
        self._build()
        self._update_buttons()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit(
            readOnly=True, placeholderText=self.tr("Belum ada berkas (.xlsx) yang dipilih")
        )
        self.choose_button = QPushButton(self.tr("Pilih berkas…"), clicked=self.choose_file)
        file_row.addWidget(QLabel(self.tr("Berkas:")))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        layout.addLayout(file_row)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(textVisible=False, maximumHeight=10)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Batal"), clicked=self.cancel_reading)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.cancel_button)
        self.progress_widget = QWidget()
        self.progress_widget.setLayout(progress_row)
        layout.addWidget(self.progress_widget)
        self.progress_widget.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_mapping())
        splitter.addWidget(self._build_preview())
        splitter.setSizes([380, 820])
        layout.addWidget(splitter, 1)

        options = QHBoxLayout()
        self.accept_warnings = QCheckBox(self.tr("Terima peringatan"))
        self.create_posyandu = QCheckBox(self.tr("Buat posyandu baru"))
        self.accept_warnings.toggled.connect(lambda _checked: self.replan())
        self.create_posyandu.toggled.connect(lambda _checked: self.replan())
        self.duplicate_combo = QComboBox()
        self.duplicate_combo.addItem(self.tr("lewati"), "lewati")
        self.duplicate_combo.addItem(self.tr("perbarui data lama"), "perbarui")
        self.duplicate_combo.currentIndexChanged.connect(lambda _index: self.replan())
        options.addWidget(self.accept_warnings)
        options.addWidget(self.create_posyandu)
        options.addSpacing(16)
        duplicate_label = QLabel(self.tr("Kader yang sudah terdaftar:"))
        options.addWidget(duplicate_label)
        options.addWidget(self.duplicate_combo)
        options.addStretch(1)
        for widget in (self.create_posyandu, duplicate_label, self.duplicate_combo):
            widget.setVisible(self._target.kader_options)
        layout.addLayout(options)

        self.summary_label = QLabel(wordWrap=True)
        layout.addWidget(self.summary_label)
        buttons = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Simpan laporan…"), clicked=self.save_report)
        self.import_button = QPushButton(self.tr("Impor"), clicked=self.run_import, default=True)
        self.close_button = QPushButton(self.tr("Tutup"), clicked=self.reject)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def _build_mapping(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.sheet_combo = QComboBox()
        self.sheet_combo.currentIndexChanged.connect(lambda _index: self._show_mapping())
        self.header_label = QLabel(wordWrap=True)
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Kolom di berkas"), self.tr("Diisi ke")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.mapping_table.setColumnWidth(1, 215)
        self.mapping_table.verticalHeader().hide()
        column.addWidget(QLabel(self.tr("<b>Pemetaan kolom</b>")))
        column.addWidget(self.sheet_combo)
        column.addWidget(self.header_label)
        column.addWidget(self.mapping_table, 1)
        return box

    def _build_preview(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        place = "" if self._target.kader_options else self.tr("Posyandu · Asal")
        self.preview_model = PreviewModel(
            preview_columns(place), id_of=lambda r: (r.parsed.sheet, r.parsed.row), parent=self
        )
        self.preview = QTableView(sortingEnabled=True, alternatingRowColors=False, wordWrap=False)
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        column.addWidget(QLabel(self.tr("<b>Pratinjau</b> — tidak ada yang disimpan sebelum Impor ditekan")))
        self.detail_label = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.detail_label.setMinimumHeight(48)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._show_detail(current.row())
        )
        column.addWidget(self.preview, 1)
        column.addWidget(self.detail_label)
        return box

    def _show_detail(self, position: int) -> None:
        """Every finding of the selected row, in full (the table cell shows only the start)."""
        if not 0 <= position < self.preview_model.rowCount():
            self.detail_label.clear()
            return
        row = self.preview_model.row(position)
        lines = [p.line() for p in row.problems + (row.warnings if row.status != LEWATI else []) + row.notes]
        self.detail_label.setText("\n".join(lines) or self.tr("Baris ini siap diimpor."))

    # ------------------------------------------------------------------ reading
    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas Excel"),
            "",
            self.tr("Buku kerja Excel (*.xlsx *.xlsm);;Semua berkas (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        self.path, self.book, self.parsed, self.plan = path, None, None, None
        self.file_edit.setText(str(path))
        try:
            self._snapshot = self._target.load_snapshot()
        except DomainError as exc:
            self._on_failed(messages.error_text(exc))
            return
        self._start(ReadWorker(self._snapshot, path=path, target=self._target))

    def _start(self, worker: ReadWorker) -> None:
        self._worker = worker
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_read)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Membaca berkas…"))
        self.progress_widget.show()
        self._update_buttons()
        QThreadPool.globalInstance().start(worker)

    @Slot()
    def cancel_reading(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    @Slot(int)
    def _on_progress(self, rows: int) -> None:
        self.progress_label.setText(self.tr("Membaca berkas… {0} baris").format(rows))

    def _finish_worker(self) -> None:
        self._worker = None
        self.progress_widget.hide()

    @Slot(object, object)
    def _on_read(self, book: WorkbookData, parsed) -> None:  # noqa: ANN001 - ParsedBook
        self._finish_worker()
        self.book, self.parsed = book, parsed
        self._mappings = [sheet.mapping for sheet in parsed.sheets]
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems([m.sheet for m in self._mappings])
        self.sheet_combo.blockSignals(False)
        self._show_mapping()
        self.replan()

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        self._finish_worker()
        self.plan = None
        self.preview_model.set_rows([])
        self.summary_label.setText(self.tr("Berkas ditolak: {0}").format(reason))
        self._update_buttons()

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish_worker()
        self.summary_label.setText(self.tr("Pembacaan dibatalkan; belum ada yang disimpan."))
        self._update_buttons()

    # ------------------------------------------------------------------ mapping
    def _current_mapping(self) -> SheetMapping | None:
        index = self.sheet_combo.currentIndex()
        return self._mappings[index] if 0 <= index < len(self._mappings) else None

    def _show_mapping(self) -> None:
        mapping = self._current_mapping()
        self.mapping_table.setRowCount(0)
        if mapping is None:
            return
        if mapping.header_row:
            self.header_label.setText(self.tr("Baris judul kolom: baris {0}").format(mapping.header_row))
        else:
            self.header_label.setText(self.tr("Baris judul kolom tidak ditemukan di 15 baris pertama."))
        columns = sorted(set(mapping.headers) | set(mapping.columns))
        self.mapping_table.setRowCount(len(columns))
        for position, col in enumerate(columns):
            item_text = mapping.header_of(col)
            label = QLabel(item_text, toolTip=item_text)
            label.setContentsMargins(6, 0, 6, 0)
            self.mapping_table.setCellWidget(position, 0, label)
            combo = QComboBox()
            combo.addItem(self.tr("(abaikan)"), None)
            for key, label in self._target.vocabulary.labels.items():
                if key != "no":
                    combo.addItem(QCoreApplication.translate("KaderImportDialog", label), key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(col))))
            combo.currentIndexChanged.connect(
                lambda _i, c=col, box=combo: self.set_column_field(c, box.currentData())
            )
            self.mapping_table.setCellWidget(position, 1, combo)

    def set_column_field(self, col: int, key: str | None) -> None:
        """The user's fix of one column; the sheet is parsed again in the background."""
        index = self.sheet_combo.currentIndex()
        if self.book is None or not 0 <= index < len(self._mappings) or self._worker is not None:
            return
        self._mappings[index] = self._mappings[index].assign(col, key)
        self._show_mapping()
        self._start(
            ReadWorker(self._snapshot, book=self.book, mappings=list(self._mappings), target=self._target)
        )

    # ------------------------------------------------------------------ plan and import
    def options(self) -> ImportOptions:
        return ImportOptions(
            on_duplicate=self.duplicate_combo.currentData(),
            create_posyandu=self.create_posyandu.isChecked(),
            accept_warnings=self.accept_warnings.isChecked(),
        )

    def replan(self) -> None:
        if self.parsed is None or self._snapshot is None:
            return
        try:
            self.plan = build_plan(self.parsed, self._snapshot, self.options())
        except DomainError as exc:
            self.plan = None
            self.summary_label.setText(messages.error_text(exc))
            self._update_buttons()
            return
        self.preview_model.set_rows(self.plan.rows)
        self.preview.resizeColumnsToContents()
        caps = (("baris", 64), ("status", 140), ("nama", 190), ("nik", 150), ("posyandu", 180))
        for key, widest in caps:
            position = self.preview_model.column_position(key)
            self.preview.setColumnWidth(position, min(self.preview.columnWidth(position), widest))
        first_issue = next((i for i, r in enumerate(self.plan.rows) if r.status in (GALAT, PERINGATAN)), 0)
        if self.plan.rows:
            self.preview.selectRow(first_issue)
            self._show_detail(first_issue)
        self.summary_label.setText(self._summary(self.plan))
        self._update_buttons()

    def _summary(self, plan: ImportPlan) -> str:
        counts = plan.counts()
        parts = [self.tr("{0} baris").format(len(plan.rows))]
        parts += [
            f"{counts[s]} {status_text(s).lower()}"
            for s in (BARU, PERBARUI, LEWATI, PERINGATAN, GALAT)
            if counts[s]
        ]
        text = ", ".join(parts) + "."
        for problem in plan.sheet_problems:
            text += " " + problem.line()
        if counts[PERINGATAN]:
            text += " " + self.tr("Periksa peringatan lalu centang 'Terima peringatan'.")
        if counts[GALAT] or plan.sheet_problems:
            text += " " + self.tr("Perbaiki galat di berkas Excel (atau pemetaan kolom) lalu baca ulang.")
        return text

    def _update_buttons(self) -> None:
        idle = self._worker is None
        self.import_button.setEnabled(idle and self.plan is not None and self.plan.can_apply
                                      and any(r.status in (BARU, PERBARUI) for r in self.plan.rows))  # fmt: skip
        self.report_button.setEnabled(idle and self.plan is not None)
        self.choose_button.setEnabled(idle)

    @Slot()
    def save_report(self) -> None:
        if self.plan is None:
            return
        default = (
            (self.path.with_name(self.path.stem + "-laporan.xlsx"))
            if self.path
            else Path("laporan-impor.xlsx")
        )
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan impor"), str(default),
                                                self.tr("Buku kerja Excel (*.xlsx)"))  # fmt: skip
        if not target:
            return
        try:
            save_xlsx(self.plan, target if target.endswith(".xlsx") else target + ".xlsx")
        except OSError as exc:
            messages.error(self, self.tr("Laporan tidak tersimpan"), str(exc))

    @Slot()
    def run_import(self) -> None:
        if self.plan is None or not self.plan.can_apply:
            return
        try:
            self.result_summary = apply_plan(self.plan)
        except DomainError as exc:
            messages.error(self, self.tr("Impor dibatalkan"), messages.error_text(exc))
            return
        r = self.result_summary
        if not self._target.kader_options:  # the roster tab refreshes and announces the change
            messages.info(self, self.tr("Impor selesai"), self.tr("{0} peserta baru.").format(r.created))
            self.accept()
            return
        if self._ctx is not None:
            self._ctx.bus.registryChanged.emit()
        messages.info(self, self.tr("Impor selesai"), self.tr(
            "{0} kader baru, {1} diperbarui, {2} dilewati, {3} posyandu baru.").format(
            r.created, r.updated, r.skipped, r.posyandu_created))  # fmt: skip
        self.accept()

    def reject(self) -> None:
        """Closing cancels a running read first (the worker holds no database state)."""
        self.cancel_reading()
        QThreadPool.globalInstance().waitForDone(5000)
        super().reject()
