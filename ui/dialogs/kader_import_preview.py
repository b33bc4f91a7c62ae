"""The import dialog's preview table: one plan row per line, the status cell coloured and
spelled out (colour alone never carries the meaning), the first findings in Keterangan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from db.importer.plan import BARU, GALAT, LEWATI, PERBARUI, PERINGATAN
from db.masking import mask_nik
from widgets.table_model import Column, RowTableModel

STATUS_COLORS = {
    BARU: QColor("#dff3e4"), PERBARUI: QColor("#dde9f7"), LEWATI: QColor("#ececec"),
    GALAT: QColor("#fbdcdc"), PERINGATAN: QColor("#fff1c2"),
}  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("KaderImportDialog", text)


def status_text(status: str) -> str:
    labels = {
        BARU: _tr("Baru"), PERBARUI: _tr("Perbarui"), LEWATI: _tr("Lewati (duplikat)"),
        GALAT: _tr("Galat"), PERINGATAN: _tr("Peringatan"),
    }  # fmt: skip
    return labels[status]


def _reason(row) -> str:  # noqa: ANN001 - PlanRow
    found = row.problems or (row.warnings if row.status != LEWATI else []) or row.notes
    return " ".join(p.reason for p in found[:3])


def _place(row) -> str:  # noqa: ANN001 - PlanRow
    record = row.record
    if record is None:
        return ""
    return " · ".join(part for part in (record.posyandu, record.kelurahan) if part)


class PreviewModel(RowTableModel):
    """Plan rows with the status cell coloured (the text says the same for colour-blind users)."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201 - Qt override
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            return STATUS_COLORS.get(self.row(index.row()).status)
        return super().data(index, role)


def preview_columns(place_title: str = "") -> list[Column]:
    """The preview's columns; ``place_title`` names the place column ("Posyandu · Asal" for peserta)."""
    record = lambda row: row.record  # noqa: E731
    return [
        Column("baris", _tr("Baris"), lambda r: str(r.parsed.row), lambda r: (r.parsed.sheet, r.parsed.row),
               Qt.AlignmentFlag.AlignRight, tooltip=lambda r: _tr("Lembar {0}, baris {1}").format(r.parsed.sheet, r.parsed.row)),
        Column("status", _tr("Status"), lambda r: status_text(r.status)),
        Column("nama", _tr("Nama"), lambda r: record(r).nama if record(r) else ""),
        Column("nik", _tr("NIK"), lambda r: mask_nik(record(r).nik) if record(r) and record(r).nik else ""),
        Column("posyandu", place_title or _tr("Posyandu · Kelurahan"), _place),
        Column("keterangan", _tr("Keterangan"), _reason, tooltip=lambda r: "\n".join(
            p.line() for p in r.problems + r.warnings + r.notes)),
    ]  # fmt: skip
