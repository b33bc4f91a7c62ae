"""Rekap Kota: the packages the kecamatan send, imported and summed up (mode kota).

The page is always in the sidebar. While mode kota is off (a kecamatan office) it explains what
the page is for and offers to switch it on; the setting is stored in Pengaturan
(:func:`db.services.kota_import.set_mode_kota`). With mode kota on: "Impor Paket…" (several files
at once, one result line per file), the recap per kecamatan with its total line, filtered by period
and kecamatan, and the list of received kegiatan whose notulen (or daftar hadir) opens from here.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services.kota_import import ImportResult, import_many, is_mode_kota, set_mode_kota
from db.services.kota_rekap import RekapFilter, kantor_list, list_paket, paket_file, rekap_kota
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.pages import PageSpec
from ui.pages.kota_tables import paket_columns, rekap_columns
from widgets.table_model import RowTableModel
from widgets.table_selection import selected_row


class KotaPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.last_results: list[ImportResult] = []
        self.stack = QStackedWidget()
        self.stack.addWidget(self._off_view())
        self.stack.addWidget(self._on_view())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # ------------------------------------------------------------------ construction
    def _off_view(self) -> QWidget:
        view = QWidget()
        title = QLabel(self.tr("Rekap Kota"))
        title.setObjectName("pageTitle")
        text = QLabel(self.tr(
            "Halaman ini untuk sekretariat Pokjanal kabupaten/kota. Dalam mode kota, paket kiriman "
            "kecamatan (dibuat dengan \u201cKirim ke Kota…\u201d di halaman Kegiatan) diimpor di sini: isinya "
            "diperiksa, lalu kegiatan, peserta, kehadiran, keputusan rapat dan rencana aksi semua "
            "kecamatan direkap.\n\nKantor kecamatan tidak memerlukan mode ini."))  # fmt: skip
        text.setWordWrap(True)
        # a secondary button: a kecamatan office should not be invited to switch this on
        self.enable_button = QPushButton(icon("settings.svg", "#37474f"), self.tr("Aktifkan mode kota…"))
        self.enable_button.clicked.connect(self.ask_enable)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(title)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addWidget(self.enable_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return view

    def _on_view(self) -> QWidget:
        view = QWidget()
        title = QLabel(self.tr("Rekap Kota"))
        title.setObjectName("pageTitle")
        self.import_button = QPushButton(icon("file-import.svg", "#ffffff"), self.tr("Impor Paket…"))
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(icon("file-type-pdf.svg", "#37474f"), self.tr("Buka notulen"))
        self.open_button.clicked.connect(lambda: self.open_file("notulen"))
        self.hadir_button = QPushButton(icon("file-type-pdf.svg", "#37474f"), self.tr("Buka daftar hadir"))
        self.hadir_button.clicked.connect(lambda: self.open_file("daftar_hadir"))
        self.disable_button = QPushButton(self.tr("Matikan mode kota"))
        self.disable_button.clicked.connect(lambda: self.set_mode(False))
        self.period_box = QCheckBox(self.tr("Periode"))
        self.dari, self.sampai = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        for edit, value in (
            (self.dari, QDate(today.year(), 1, 1)),
            (self.sampai, QDate(today.year(), 12, 31)),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setDate(value)
            edit.dateChanged.connect(self.reload)
        self.period_box.toggled.connect(self.reload)
        self.kantor_combo = QComboBox()
        self.kantor_combo.setMinimumContentsLength(28)
        self.kantor_combo.currentIndexChanged.connect(self.reload)
        bar = QHBoxLayout()
        for widget in (self.import_button, self.open_button, self.hadir_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.period_box, self.dari, QLabel(self.tr("s.d.")), self.sampai, self.kantor_combo):
            bar.addWidget(widget)
        self.rekap_model = RowTableModel(rekap_columns(), id_of=lambda r: r.kantor_kode)
        self.paket_model = RowTableModel(paket_columns())
        self.rekap_table = self._table(self.rekap_model, "kantor_nama", 30)
        self.paket_table = self._table(self.paket_model, "nama", 28)
        self.paket_table.doubleClicked.connect(lambda _i: self.open_file("notulen"))
        self.results = QListWidget()
        self.results.setMaximumHeight(72)
        self.results.hide()
        foot = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.disable_button)
        layout = QVBoxLayout(view)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.results)
        layout.addWidget(QLabel(self.tr("Rekap per kecamatan")))
        layout.addWidget(self.rekap_table, 2)
        layout.addWidget(QLabel(self.tr("Kegiatan yang diterima")))
        layout.addWidget(self.paket_table, 3)
        layout.addLayout(foot)
        return view

    @staticmethod
    def _table(model: RowTableModel, stretch: str, height: int) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(height)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(model.column_position(stretch), QHeaderView.ResizeMode.Stretch)
        return table

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        on = is_mode_kota()
        self.stack.setCurrentIndex(1 if on else 0)
        if on:
            self._fill_kantor()
            self.reload()

    def _fill_kantor(self) -> None:
        current = self.kantor_combo.currentData()
        self.kantor_combo.blockSignals(True)
        self.kantor_combo.clear()
        self.kantor_combo.addItem(self.tr("Semua kecamatan"), "")
        for kode, nama in kantor_list():
            self.kantor_combo.addItem(f"{nama.title()} ({kode})", kode)
        self.kantor_combo.setCurrentIndex(max(0, self.kantor_combo.findData(current)))
        self.kantor_combo.blockSignals(False)

    def current_filter(self) -> RekapFilter:
        period = self.period_box.isChecked()
        return RekapFilter(
            dari=self.dari.date().toPython() if period else None,
            sampai=self.sampai.date().toPython() if period else None,
            kantor_kode=str(self.kantor_combo.currentData() or ""),
        )

    @Slot()
    def reload(self) -> None:
        flt = self.current_filter()
        lines, total = rekap_kota(flt)
        self.rekap_model.set_rows([*lines, total] if lines else [])
        rows = list_paket(flt)
        self.paket_model.set_rows(rows)
        self.count_label.setText(self.tr("{0} kegiatan dari {1} kecamatan").format(len(rows), len(lines)))
        chosen = bool(rows)
        self.open_button.setEnabled(chosen)
        self.hadir_button.setEnabled(chosen)

    # ------------------------------------------------------------------ actions
    @Slot()
    def ask_enable(self) -> None:
        if messages.confirm(
            self,
            self.tr("Mode kota"),
            self.tr(
                "Mode kota untuk sekretariat Pokjanal kabupaten/kota yang menerima paket dari "
                "kecamatan. Aktifkan di komputer ini?"
            ),  # fmt: skip
        ):
            self.set_mode(True)

    def set_mode(self, on: bool) -> None:
        set_mode_kota(on)
        self.refresh()

    @Slot()
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Impor paket dari kecamatan"), "", self.tr("Paket Pokjanal (*.zip)")
        )
        if files:
            self.import_files(files)

    def import_files(self, files: list[str]) -> list[ImportResult]:
        """Import each file (each all-or-nothing) and list one result line per file."""
        self.last_results = import_many(files, self._ctx.paths.root)
        self.results.clear()
        for result in self.last_results:
            if result.ok:
                line = self.tr("✔ {0}: {1} — {2}").format(result.berkas, result.kantor.title(), result.pesan)
            else:
                line = self.tr("✘ {0}: ditolak — {1}").format(result.berkas, result.pesan)
            self.results.addItem(line)
        self.results.show()
        self._fill_kantor()
        self.reload()
        return self.last_results

    def open_file(self, role: str) -> None:
        row = selected_row(self.paket_table, self.paket_model)
        if row is None:
            messages.info(self, self.tr("Rekap Kota"), self.tr("Pilih dulu kegiatan di daftar."))
            return
        path = paket_file(self._ctx.paths.root, row, role)
        if path is None:
            messages.info(
                self, self.tr("Rekap Kota"), self.tr("Paket kegiatan ini tidak berisi berkas tersebut.")
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
