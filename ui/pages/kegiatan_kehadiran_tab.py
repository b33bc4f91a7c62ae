"""The Kehadiran tab of a kegiatan: the check-in desk, the participants × days grid, the
back-fill from paper and the rekap per asal — four views of the same attendance, each reloaded
when shown."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.checkin_view import CheckinView
from ui.pages.kehadiran_backfill import BackfillView
from ui.pages.kehadiran_grid import KehadiranGrid
from ui.pages.kehadiran_rekap import RekapView


class KehadiranTab(QWidget):
    def __init__(self, ctx: AppContext, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kegiatan_id = kegiatan_id
        self.checkin = CheckinView(kegiatan_id)
        self.grid = KehadiranGrid(kegiatan_id)
        self.backfill = BackfillView(kegiatan_id)
        self.rekap = RekapView(kegiatan_id)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(self.checkin, self.tr("Meja hadir"))
        self.views.addTab(self.grid, self.tr("Tabel kehadiran"))
        self.views.addTab(self.backfill, self.tr("Isi dari daftar hadir kertas"))
        self.views.addTab(self.rekap, self.tr("Rekap per asal"))
        self.views.currentChanged.connect(self._on_view)
        # Marks at the desk stay local (the desk must stay instant); edits in bulk tell the app.
        self.grid.changed.connect(ctx.bus.kegiatanChanged)
        self.backfill.changed.connect(ctx.bus.kegiatanChanged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)

    @Slot()
    def refresh(self) -> None:
        self._on_view(self.views.currentIndex())

    @Slot(int)
    def _on_view(self, index: int) -> None:
        self.views.widget(index).refresh()
        if index == 0:
            self.checkin.field.setFocus()
