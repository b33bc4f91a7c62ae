"""The "Monev" tab of the rencana aksi panel: the item's monitoring history, newest on top.

The latest entry is the item's progress, so the list puts it first; "Tambah monev" opens
:class:`ui.dialogs.monev_dialog.MonevDialog` and "Buka bukti" shows the copied proof file with
the system's viewer. Every change is announced on ``bus.rencanaAksiChanged`` so the matrix and
Beranda follow.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot
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

from db.errors import DomainError
from db.services.rencana_aksi import get_rencana_aksi
from db.services.rencana_aksi_monev import MonevRow, delete_monev, list_monev
from reports.formatting import angka, tanggal
from ui import messages
from ui.context import AppContext
from widgets.table_model import Column, RowTableModel

RIGHT = Qt.AlignmentFlag.AlignRight


def _number(value: float | None, suffix: str = "") -> str:
    return "–" if value is None else f"{angka(round(value, 2))}{suffix}"


def monev_columns() -> list[Column]:
    def tr(text: str) -> str:
        return QCoreApplication.translate("MonevTab", text)

    return [
        Column("tanggal", tr("Tanggal"), lambda r: tanggal(r.tanggal), sort_key=lambda r: (r.tanggal, r.id)),
        Column("periode", tr("Periode"), lambda r: r.periode),
        Column("nilai", tr("Realisasi"), lambda r: _number(r.realisasi_nilai), align=RIGHT),
        Column("persen", tr("%"), lambda r: _number(r.realisasi_persen, "%"), align=RIGHT),
        Column("kendala", tr("Kendala"), lambda r: r.kendala, tooltip=lambda r: r.kendala),
        Column(
            "tindak_lanjut", tr("Tindak lanjut"), lambda r: r.tindak_lanjut, tooltip=lambda r: r.tindak_lanjut
        ),  # fmt: skip
        Column(
            "bukti", tr("Bukti"), lambda r: tr("ada") if r.bukti_path else "", tooltip=lambda r: r.bukti_path
        ),  # fmt: skip
        Column("oleh", tr("Dicatat oleh"), lambda r: r.dicatat_oleh),
    ]


class MonevTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._item_id: int | None = None
        self.model = RowTableModel(monev_columns(), parent=self)
        self.table = QTableView()
        self.table.setObjectName("monevTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("muted")
        self.summary_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Tambah monev…"))
        self.add_button.setProperty("primary", True)
        self.open_button = QPushButton(self.tr("Buka bukti"))
        self.delete_button = QPushButton(self.tr("Hapus"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_entry)
        self.open_button.clicked.connect(self.open_bukti)
        self.delete_button.clicked.connect(self.delete_entry)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

    def set_item(self, item_id: int | None) -> None:
        self._item_id = item_id
        self.reload()

    @Slot()
    def reload(self) -> None:
        rows = list_monev(self._item_id) if self._item_id else []
        self.model.set_rows(reversed(rows))  # newest first: the top row is the progress
        if rows:
            latest = rows[-1]
            self.summary_label.setText(
                self.tr("{0} catatan monev · terakhir {1}: {2}").format(
                    len(rows), tanggal(latest.tanggal), _number(latest.realisasi_persen, "%")
                )
            )
        else:
            self.summary_label.setText(
                self.tr("Belum ada catatan monev. Progres diambil dari catatan terakhir.")
            )
        self.add_button.setEnabled(self._item_id is not None)

    def selected(self) -> MonevRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected()
        self.delete_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and bool(row.bukti_path))

    @Slot()
    def add_entry(self) -> int | None:
        if self._item_id is None:
            return None
        from ui.dialogs.monev_dialog import open_monev_dialog

        entry_id = open_monev_dialog(self._ctx, self._item_id, get_rencana_aksi(self._item_id).aksi, self)
        if entry_id is not None:
            self.reload()
            self._ctx.bus.rencanaAksiChanged.emit()
            self._ctx.bus.statusMessage.emit(self.tr("Catatan monev disimpan."))
        return entry_id

    @Slot()
    def open_bukti(self) -> None:
        row = self.selected()
        if row is not None and row.bukti_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._ctx.paths.root / row.bukti_path)))

    @Slot()
    def delete_entry(self) -> None:
        row = self.selected()
        title = self.tr("Hapus monev")
        if row is None or not messages.confirm(
            self, title, self.tr("Hapus catatan monev tanggal {0}?").format(tanggal(row.tanggal))
        ):
            return
        try:
            delete_monev(row.id)
        except DomainError as exc:
            messages.error(self, title, messages.error_text(exc))
            return
        self.reload()
        self._ctx.bus.rencanaAksiChanged.emit()
