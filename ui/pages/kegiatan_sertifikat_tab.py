"""The "Sertifikat" tab of a kegiatan: who is eligible under the rule and why, the numbers issued.

The rule (all held days / at least N days / at least X %) is edited inline above the table. Every
person on the roster is listed with attendance, layak yes/no (green/red), the reason, the number
and its status; a filter and a search narrow the list. Enter overrides the selected person (with a
note), Del revokes their certificate (after asking why), Ctrl+Shift+P opens the print dialog (Ctrl+P
stays the kegiatan's own print menu). Nothing destructive happens without a dialog in between.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStandardPaths, Qt, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.kegiatan import get_kegiatan
from db.services.sertifikat import EligibilityRow, aturan_summary, eligibility, get_aturan, hapus_pengecualian
from db.services.sertifikat_register import export_register_xlsx
from db.services.sertifikat_terbit import cabut
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.pages.kegiatan_page import is_enter
from ui.pages.kegiatan_print_actions import suggested_filename
from ui.pages.sertifikat_actions import TextPrompt, issue_numbers, terbit_text
from ui.pages.sertifikat_rule import RuleEditor
from widgets.search_box import SearchBox
from widgets.table_model import Column, RowTableModel
from widgets.table_selection import select_id

LAYAK = QColor("#e3f3e5")
TIDAK = QColor("#fbe3e3")
FILTERS = ("semua", "layak", "tidak", "bernomor", "dicabut")
# Alasan comes last and takes what is left; the selected person's full reason shows under the table
WIDTHS = {"no": 44, "nama": 180, "asal": 150, "peran": 84, "hadir": 60, "layak": 64, "nomor": 318,
          "status": 72}  # fmt: skip


class EligibilityModel(RowTableModel):
    """The Layak cell is green or red; a revoked row is greyed."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == self._layak:
            return LAYAK if self.row(index.row()).layak else TIDAK
        return super().data(index, role)

    @property
    def _layak(self) -> int:
        return self.column_position("layak")


def _matches(row: EligibilityRow, kind: str, needle: str) -> bool:
    wanted = {
        "semua": True,
        "layak": row.layak,
        "tidak": not row.layak,
        "bernomor": row.status == "valid",
        "dicabut": row.status == "dicabut",
    }[kind]
    return wanted and (not needle or needle in f"{row.nama} {row.asal} {row.nomor}".casefold())


class SertifikatTab(QWidget):
    def __init__(self, ctx: AppContext, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kegiatan_id = kegiatan_id
        self.rows: list[EligibilityRow] = []
        self.print_dialog: QWidget | None = None
        self.model = EligibilityModel(
            self._columns(), id_of=lambda r: r.peserta_id, muted=lambda r: r.status == "dicabut", parent=self
        )
        self._build()
        self._connect()

    def _columns(self) -> list[Column]:
        status = {"valid": self.tr("Berlaku"), "dicabut": self.tr("Dicabut")}
        centre = Qt.AlignmentFlag.AlignCenter
        return [
            Column("no", self.tr("No"), lambda r: str(r.no_urut), lambda r: r.no_urut, centre),
            Column("nama", self.tr("Nama"), lambda r: r.nama),
            Column("asal", self.tr("Asal"), lambda r: r.asal),
            Column("peran", self.tr("Peran"), lambda r: r.peran),
            Column("hadir", self.tr("Hadir"), lambda r: f"{r.hadir}/{r.hari}", lambda r: r.hadir, centre),
            Column("layak", self.tr("Layak"), self._layak_text, lambda r: (r.layak, r.no_urut), centre,
                   tooltip=self._override_tip),
            Column("nomor", self.tr("Nomor"), lambda r: r.nomor),
            Column("status", self.tr("Status"), lambda r: status.get(r.status, "")),
            Column("alasan", self.tr("Alasan"), lambda r: r.alasan, tooltip=lambda r: r.alasan),
        ]  # fmt: skip

    def _layak_text(self, row: EligibilityRow) -> str:
        """ "Ya" / "Tidak"; an asterisk marks an override (the note is in Alasan and the tooltip)."""
        mark = " *" if row.pengecualian is not None else ""
        return (self.tr("Ya") if row.layak else self.tr("Tidak")) + mark

    def _override_tip(self, row: EligibilityRow) -> str:
        return self.tr("Dikecualikan: {0}").format(row.catatan) if row.pengecualian is not None else ""

    # ------------------------------------------------------------------ construction
    def _button(self, text: str, tip: str, svg: str = "", primary: bool = False) -> QPushButton:
        colour = "#ffffff" if primary else "#37474f"
        button = QPushButton(icon(svg, colour), text) if svg else QPushButton(text)
        button.setToolTip(tip)
        if primary:
            button.setProperty("primary", True)
        return button

    def _build(self) -> None:
        self.rule = RuleEditor(self)
        self.template_button = self._button(
            self.tr("Atur teks && tampilan…"),
            self.tr("Teks, penandatangan, latar dan halaman materi"),
            "pencil.svg",
        )
        self.filter_combo = QComboBox()
        names = (self.tr("Semua"), self.tr("Layak"), self.tr("Tidak layak"), self.tr("Sudah bernomor"),
                 self.tr("Dicabut"))  # fmt: skip
        for key, text in zip(FILTERS, names, strict=True):
            self.filter_combo.addItem(text, key)
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Cari nama, asal atau nomor (Ctrl+F)"))
        self.counts_label = QLabel()
        self.counts_label.setObjectName("muted")
        self.table = QTableView()
        self.table.setObjectName("sertifikatTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for key, width in WIDTHS.items():
            self.table.setColumnWidth(self.model.column_position(key), width)
        header.setStretchLastSection(True)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("muted")
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.override_button = self._button(
            self.tr("Ubah kelayakan…"),
            self.tr("Nyatakan layak/tidak layak dengan catatan (Enter)"),
            "pencil.svg",
        )
        self.clear_button = self._button(self.tr("Hapus pengecualian"), self.tr("Kembali mengikuti aturan"))
        self.cabut_button = self._button(
            self.tr("Cabut…"),
            self.tr("Cabut sertifikat yang dipilih; nomornya tetap tercatat (Del)"),
            "trash.svg",
        )
        self.terbit_button = self._button(
            self.tr("Terbitkan nomor"), self.tr("Beri nomor kepada setiap orang layak yang belum bernomor")
        )
        self.register_button = self._button(
            self.tr("Ekspor register (.xlsx)…"), self.tr("Daftar nomor sertifikat kegiatan ini untuk Excel")
        )
        self.print_button = self._button(
            self.tr("Cetak…"), self.tr("Cetak sertifikat: satu PDF atau berkas per orang (Ctrl+Shift+P)"),
            "printer.svg", primary=True,
        )  # fmt: skip

        top = QHBoxLayout()
        top.addWidget(self.rule, 1)
        top.addWidget(self.template_button)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Tampilkan:")))
        bar.addWidget(self.filter_combo)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.counts_label)
        actions = QHBoxLayout()
        for button in (self.override_button, self.clear_button, self.cabut_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.terbit_button, self.register_button, self.print_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason_label)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.rule.saved.connect(self.refresh)
        self.template_button.clicked.connect(self.open_template)
        self.filter_combo.currentIndexChanged.connect(self._show_rows)
        self.search.searchChanged.connect(self._show_rows)
        self.search.moveDown.connect(self.table.setFocus)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.override)
        self.table.installEventFilter(self)
        self.override_button.clicked.connect(self.override)
        self.clear_button.clicked.connect(self.clear_override)
        self.cabut_button.clicked.connect(self.revoke)
        self.terbit_button.clicked.connect(self.issue)
        self.register_button.clicked.connect(self.export_register)
        self.print_button.clicked.connect(self.open_print)
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.search.setFocus),
            (QKeySequence("Ctrl+Shift+P"), self.open_print),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if is_enter(event):
                self.override()
                return True
            if event.key() == Qt.Key.Key_Delete:  # type: ignore[attr-defined]
                self.revoke()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self) -> None:
        try:
            self.rows = eligibility(self.kegiatan_id)
            aturan = get_aturan(self.kegiatan_id)
        except DomainError:
            return  # the kegiatan was deleted; the detail view goes back to the list
        self.rule.show_aturan(aturan, aturan_summary(aturan))
        self._show_rows()

    @Slot()
    def _show_rows(self) -> None:
        kept = [r.peserta_id for r in self.selected_rows()]
        kind, needle = self.filter_combo.currentData(), self.search.text().strip().casefold()
        self.model.set_rows(r for r in self.rows if _matches(r, kind, needle))
        for peserta_id in kept:
            position = self.model.position_of(peserta_id)
            if position >= 0:
                self.table.selectionModel().select(
                    self.model.index(position, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
        layak = sum(r.layak for r in self.rows)
        self.counts_label.setText(
            self.tr("{0} layak · {1} tidak layak · {2} bernomor · {3} dicabut").format(
                layak, len(self.rows) - layak, sum(r.status == "valid" for r in self.rows),
                sum(r.status == "dicabut" for r in self.rows),
            )
        )  # fmt: skip
        self._update_buttons()

    def selected_rows(self) -> list[EligibilityRow]:
        return [self.model.row(i.row()) for i in sorted(self.table.selectionModel().selectedRows())]

    def selected_certificate_ids(self) -> list[int]:
        """Valid certificates among the selected rows (for "print the selected ones")."""
        return [r.sertifikat_id for r in self.selected_rows() if r.status == "valid" and r.sertifikat_id]

    @Slot()
    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        self.override_button.setEnabled(one is not None)
        self.clear_button.setEnabled(one is not None and one.pengecualian is not None)
        self.cabut_button.setEnabled(one is not None and one.status == "valid")
        self.reason_label.setText(f"{one.nama}: {one.alasan}" if one is not None else "")

    def select_peserta(self, peserta_id: int) -> bool:
        return select_id(self.table, self.model, peserta_id)

    # ------------------------------------------------------------------ actions
    def _changed(self) -> None:
        self._ctx.bus.kegiatanChanged.emit(self.kegiatan_id)
        self.refresh()

    @Slot()
    def override(self) -> None:
        from ui.dialogs.sertifikat_override_dialog import open_override

        rows = self.selected_rows()
        if len(rows) == 1 and open_override(rows[0], self):
            self._changed()

    @Slot()
    def clear_override(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].pengecualian is None:
            return
        text = self.tr("{0} kembali mengikuti aturan kelayakan?").format(rows[0].nama)
        if not messages.confirm(self, self.tr("Hapus pengecualian"), text):
            return
        try:
            hapus_pengecualian(rows[0].peserta_id)
        except DomainError as exc:
            messages.error(self, self.tr("Hapus pengecualian"), messages.error_text(exc))
        self._changed()

    @Slot()
    def revoke(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].status != "valid" or rows[0].sertifikat_id is None:
            return
        row = rows[0]
        intro = self.tr(
            "Sertifikat {0} atas nama {1} akan dicabut. Nomornya tetap tercatat di register sebagai "
            "dicabut; bila perlu, terbitkan nomor baru sesudahnya. Tulis alasannya:"
        ).format(row.nomor, row.nama)
        reason = TextPrompt.ask(self.tr("Cabut sertifikat"), intro, self.tr("Cabut sertifikat"), self)
        if reason is None:
            return
        try:
            cabut(row.sertifikat_id, reason)
        except DomainError as exc:
            messages.error(self, self.tr("Cabut sertifikat"), messages.error_text(exc))
            return
        self._changed()

    @Slot()
    def issue(self) -> None:
        result = issue_numbers(self, self.kegiatan_id)
        if result is None:
            return
        self._changed()
        messages.info(self, self.tr("Terbitkan nomor"), terbit_text(result))

    @Slot()
    def export_register(self) -> None:
        name = get_kegiatan(self.kegiatan_id).form.nama
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(folder) / suggested_filename("Register Sertifikat", name)).removesuffix(".pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor register sertifikat"), default + ".xlsx", self.tr("Excel (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            count = export_register_xlsx(path, kegiatan_id=self.kegiatan_id)
        except (DomainError, OSError) as exc:
            text = messages.error_text(exc) if isinstance(exc, DomainError) else str(exc)
            messages.error(self, self.tr("Ekspor register"), text)
            return
        messages.info(
            self,
            self.tr("Ekspor register"),
            self.tr("{0} nomor sertifikat tersimpan di:\n{1}").format(count, path),
        )

    @Slot()
    def open_template(self) -> None:
        from ui.dialogs.sertifikat_template_dialog import open_template_dialog

        if open_template_dialog(self.kegiatan_id, self):
            self.refresh()

    @Slot()
    def open_print(self) -> None:
        from ui.dialogs.cetak_sertifikat_dialog import CetakSertifikatDialog

        dialog = CetakSertifikatDialog(self.kegiatan_id, self.selected_certificate_ids(), self)
        dialog.finished.connect(self._print_closed)
        self.print_dialog = dialog
        dialog.open()

    @Slot()
    def _print_closed(self) -> None:
        self.print_dialog = None
        self.refresh()  # numbers may have been issued from the dialog
