"""Pengaturan: office identity, signatories, backups, the rencana aksi choice lists and the audit
trail, one tab each.

Each tab reloads itself when it becomes visible (and when the page is shown), so what it shows
is never older than the last change made elsewhere in the app.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages import PageSpec
from ui.pages.pengaturan_cadangan import CadanganTab
from ui.pages.pengaturan_daftar import DaftarPilihanTab
from ui.pages.pengaturan_kantor import KantorTab
from ui.pages.pengaturan_penandatangan import PenandatanganTab
from ui.pages.pengaturan_sertifikat import SertifikatTab
from ui.pages.riwayat_view import RiwayatView


class RiwayatTab(QWidget):
    """The whole audit trail with a filter per bagian."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        intro = QLabel(
            self.tr(
                "Setiap perubahan data tercatat di sini beserta waktu dan nama operatornya "
                "(UU 27/2022 tentang Pelindungan Data Pribadi). NIK dan nomor telepon disamarkan."
            )
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = RiwayatView(parent=self)
        layout.addWidget(self.view, 1)

    @Slot()
    def refresh(self) -> None:
        self.view.refresh()


class PengaturanPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 16)
        layout.setSpacing(12)
        title = QLabel(QCoreApplication.translate("pages", spec.title))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.kantor = KantorTab(ctx)
        self.penandatangan = PenandatanganTab(ctx)
        self.cadangan = CadanganTab(ctx)
        self.daftar = DaftarPilihanTab(ctx)
        self.sertifikat = SertifikatTab(ctx)
        self.riwayat = RiwayatTab()
        self.tabs.addTab(self.kantor, self.tr("Identitas kantor"))
        self.tabs.addTab(self.penandatangan, self.tr("Penandatangan"))
        self.tabs.addTab(self.cadangan, self.tr("Cadangan"))
        self.tabs.addTab(self.daftar, self.tr("Daftar pilihan"))
        self.tabs.addTab(self.sertifikat, self.tr("Sertifikat"))
        self.tabs.addTab(self.riwayat, self.tr("Riwayat perubahan"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        ctx.bus.dataReplaced.connect(self._on_data_replaced)

    @Slot()
    def refresh(self) -> None:
        """Reload the visible tab."""
        current = self.tabs.currentWidget()
        refresh = getattr(current, "refresh", None)
        if callable(refresh):
            refresh()

    @Slot()
    def _on_data_replaced(self) -> None:
        """After a restore every tab shows other data; unsaved office edits no longer apply."""
        self.kantor.revert()
        for tab in (self.penandatangan, self.cadangan, self.daftar, self.riwayat):
            tab.refresh()
