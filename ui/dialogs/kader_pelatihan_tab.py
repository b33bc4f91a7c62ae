"""The "Riwayat pelatihan" tab of the kader dialog: the training list plus a one-line add form.

The bimtek feature fills this history later; here a secretary can type older trainings in by
hand. Each add or remove is saved at once through :mod:`db.services.pelatihan` (audited), so it
needs a stored kader: for a new kader the tab explains that it opens after the first save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError, ValidationError
from db.services.kader import PelatihanForm, add_pelatihan, delete_pelatihan, list_pelatihan
from reports.formatting import angka
from ui import messages
from widgets.form import error_label, set_error
from widgets.table_model import Column, RowTableModel


def _columns() -> list[Column]:
    tr = lambda text: QCoreApplication.translate("KaderPelatihanTab", text)  # noqa: E731
    right = Qt.AlignmentFlag.AlignRight
    return [
        Column("tanggal", tr("Tanggal"), lambda r: f"{r.tanggal:%d-%m-%Y}", sort_key=lambda r: r.tanggal),
        Column("kegiatan", tr("Kegiatan"), lambda r: r.kegiatan),
        Column("jpl", tr("JPL"), lambda r: angka(r.jpl), sort_key=lambda r: r.jpl, align=right),
        Column("nomor_sertifikat", tr("Nomor sertifikat"), lambda r: r.nomor_sertifikat),
    ]


class PelatihanTab(QWidget):
    """``changed(count)`` fires after an add or remove."""

    changed = Signal(int)

    def __init__(self, kader_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kader_id = kader_id
        self.model = RowTableModel(_columns(), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 100)
        self.table.setColumnWidth(2, 60)
        self.table.setColumnWidth(3, 170)

        self.tanggal_edit = QLineEdit()
        self.tanggal_edit.setPlaceholderText(self.tr("hh-bb-tttt"))
        self.tanggal_edit.setMaximumWidth(110)
        self.kegiatan_edit = QLineEdit()
        self.kegiatan_edit.setPlaceholderText(self.tr("mis. Pelatihan Kader Posyandu Tingkat Dasar"))
        self.jpl_edit = QLineEdit()
        self.jpl_edit.setPlaceholderText(self.tr("JPL"))
        self.jpl_edit.setMaximumWidth(60)
        self.nomor_edit = QLineEdit()
        self.nomor_edit.setPlaceholderText(self.tr("Nomor sertifikat"))
        self.nomor_edit.setMaximumWidth(170)
        self.add_button = QPushButton(self.tr("Tambah"))
        self.remove_button = QPushButton(self.tr("Hapus yang dipilih"))
        self.error = error_label()
        self.note = QLabel(
            self.tr("Simpan data kader terlebih dahulu; riwayat pelatihan dapat diisi sesudahnya.")
        )
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.total_label = QLabel()
        self.total_label.setObjectName("muted")

        entry = QHBoxLayout()
        for widget in (
            self.tanggal_edit,
            self.kegiatan_edit,
            self.jpl_edit,
            self.nomor_edit,
            self.add_button,
        ):
            entry.addWidget(widget, 1 if widget is self.kegiatan_edit else 0)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label, 1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addLayout(entry)
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self.add)
        for edit in (self.tanggal_edit, self.kegiatan_edit, self.jpl_edit, self.nomor_edit):
            edit.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_state)
        self.reload()

    def reload(self) -> None:
        rows = list_pelatihan(self._kader_id) if self._kader_id is not None else []
        self.model.set_rows(rows)
        total = sum(r.jpl for r in rows)
        self.total_label.setText(self.tr("{0} pelatihan · {1} JPL").format(len(rows), angka(total)))
        self._update_state()

    def count(self) -> int:
        return self.model.rowCount()

    @Slot()
    def _update_state(self) -> None:
        stored = self._kader_id is not None
        self.note.setVisible(not stored)
        for widget in (
            self.tanggal_edit,
            self.kegiatan_edit,
            self.jpl_edit,
            self.nomor_edit,
            self.add_button,
        ):
            widget.setEnabled(stored)
        self.remove_button.setEnabled(stored and self.table.selectionModel().hasSelection())

    @Slot()
    def add(self) -> None:
        if self._kader_id is None:
            return
        form = PelatihanForm(
            tanggal=self.tanggal_edit.text().strip() or None,  # type: ignore[arg-type] - parsed by the service
            kegiatan=self.kegiatan_edit.text(),
            jpl=self.jpl_edit.text().strip() or 0,  # type: ignore[arg-type]
            nomor_sertifikat=self.nomor_edit.text(),
        )
        try:
            add_pelatihan(self._kader_id, form)
        except ValidationError as exc:
            set_error(
                self.error, "\n".join(QCoreApplication.translate("errors", m) for m in exc.problems.values())
            )
            return
        except DomainError as exc:
            messages.error(self, self.tr("Riwayat pelatihan"), messages.error_text(exc))
            return
        set_error(self.error, "")
        for edit in (self.tanggal_edit, self.kegiatan_edit, self.jpl_edit, self.nomor_edit):
            edit.clear()
        self.tanggal_edit.setFocus()
        self.reload()
        self.changed.emit(self.count())

    @Slot()
    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._kader_id is None:
            return
        entry = self.model.row(rows[0].row())
        question = self.tr('Hapus riwayat pelatihan "{0}" ({1:%d-%m-%Y})?').format(
            entry.kegiatan, entry.tanggal
        )
        if not messages.confirm(self, self.tr("Riwayat pelatihan"), question):
            return
        try:
            delete_pelatihan(entry.id)
        except DomainError as exc:
            messages.error(self, self.tr("Riwayat pelatihan"), messages.error_text(exc))
            return
        self.reload()
        self.changed.emit(self.count())
