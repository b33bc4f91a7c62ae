"""Options before printing the rencana aksi: the matrix (tahun) or the monev report (period).

Both documents end with a signature block, so both ask for the penandatangan (the first active
one is preselected, "tanpa tanda tangan" is offered for drafts). The matrix takes the tahun the
page is filtered on; the monev report defaults to the current quarter.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from db.services.penandatangan import list_signatories


def quarter_of(day: date) -> tuple[date, date]:
    """First and last day of the quarter holding ``day``."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CetakRencanaAksiDialog(QDialog):
    """``monev=False``: tahun + signatory; ``monev=True``: dari/sampai + signatory."""

    def __init__(
        self, *, monev: bool, years: list[int], tahun: int | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cetakRencanaAksi")
        title = self.tr("Cetak laporan monev") if monev else self.tr("Cetak matriks rencana aksi")
        self.setWindowTitle(title)
        form = QFormLayout()
        self.tahun_combo = QComboBox()
        self.tahun_combo.addItem(self.tr("Semua tahun"), None)
        for year in years:
            self.tahun_combo.addItem(str(year), year)
        self.tahun_combo.setCurrentIndex(max(0, self.tahun_combo.findData(tahun)))
        start, end = quarter_of(today)
        self.dari_edit = self._date(start)
        self.sampai_edit = self._date(end)
        if monev:
            form.addRow(self.tr("Dari tanggal"), self.dari_edit)
            form.addRow(self.tr("Sampai tanggal"), self.sampai_edit)
        else:
            form.addRow(self.tr("Tahun"), self.tahun_combo)
        self.signatory_combo = QComboBox()
        self.signatory_combo.addItem(self.tr("– tanpa tanda tangan –"), None)
        for signer in list_signatories(active_only=True):
            self.signatory_combo.addItem(f"{signer.nama} — {signer.jabatan}", signer.id)
        if self.signatory_combo.count() > 1:
            self.signatory_combo.setCurrentIndex(1)
        form.addRow(self.tr("Penandatangan"), self.signatory_combo)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Pratinjau"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _date(self, value: date) -> QDateEdit:
        edit = QDateEdit(_qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    def tahun(self) -> int | None:
        return self.tahun_combo.currentData()

    def period(self) -> tuple[date, date]:
        return _pydate(self.dari_edit.date()), _pydate(self.sampai_edit.date())

    def signatory_id(self) -> int | None:
        return self.signatory_combo.currentData()
