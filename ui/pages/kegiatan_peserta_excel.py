"""The roster tab's Excel actions: import through the shared import dialog (peserta target) and
export the roster with the columns the import reads (NIK masked unless the user asks for it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from db.errors import DomainError
from ui import messages
from ui.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("PesertaTab", text)


def import_roster(ctx: AppContext, parent: QWidget, kegiatan_id: int) -> int:
    """Run the import dialog for ``kegiatan_id``; the number of peserta added (0 = nothing)."""
    from db.services.peserta_import import peserta_target
    from ui.dialogs.kader_import_dialog import KaderImportDialog

    dialog = KaderImportDialog(ctx, parent, peserta_target(kegiatan_id))
    try:
        dialog.exec()
        result = dialog.result_summary
    finally:
        dialog.deleteLater()
    return result.created if result is not None else 0


def export_roster(parent: QWidget, kegiatan_id: int) -> tuple[Path, int] | None:
    """Ask for the file, then whether the NIK goes in full (personal data); write the roster."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / f"peserta-{kegiatan_id}-{date.today():%Y%m%d}.xlsx")
    path, _filter = QFileDialog.getSaveFileName(parent, _tr("Ekspor peserta"), suggested,
                                                _tr("Buku kerja Excel (*.xlsx)"))  # fmt: skip
    if not path:
        return None
    target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
    full_nik = messages.confirm(parent, _tr("Ekspor peserta"), _tr(
        "Sertakan NIK lengkap? NIK adalah data pribadi yang dilindungi UU Nomor 27 Tahun 2022; simpan berkasnya "
        "hanya di komputer kantor.\n\nPilih 'Tidak' untuk menyamarkan NIK."))  # fmt: skip
    return export_to(parent, kegiatan_id, target, full_nik)


def export_to(parent: QWidget, kegiatan_id: int, path: Path, full_nik: bool) -> tuple[Path, int] | None:
    from db.services.peserta_export import export_peserta

    try:
        return path, export_peserta(kegiatan_id, path, full_nik=full_nik)
    except (DomainError, OSError) as exc:
        messages.error(parent, _tr("Ekspor peserta"), messages.error_text(exc))
        return None
