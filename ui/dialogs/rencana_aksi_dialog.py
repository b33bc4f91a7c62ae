"""The rencana aksi side panel in a dialog, for adding an item from elsewhere (a notulen decision).

The same :class:`~ui.pages.rencana_aksi_panel.RencanaAksiPanel` as on the Rencana Aksi page, so the
fields, validation and errors are the same; the dialog only closes when the panel saved (accepted)
or the user pressed Tutup/Esc (rejected).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.rencana_aksi_panel import RencanaAksiPanel


class RencanaAksiDialog(QDialog):
    def __init__(self, ctx: AppContext, form, parent: QWidget | None = None) -> None:  # noqa: ANN001 - RencanaAksiForm
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jadikan rencana aksi"))
        self.saved_id: int | None = None
        self.panel = RencanaAksiPanel(ctx, self)
        self.panel.load(form)
        self.panel.saved.connect(self._saved)
        self.panel.closed.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.resize(520, 720)

    @Slot(int)
    def _saved(self, item_id: int) -> None:
        self.saved_id = item_id
        self.accept()
