"""App-wide change signals, connected in one place (MainWindow)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppBus(QObject):
    """Emitted after a service call changed data, so views can refresh what they show."""

    profileChanged = Signal()
    signatoriesChanged = Signal()
    dataReplaced = Signal()  # demo loaded, backup restored: everything must reload
    registryChanged = Signal()  # posyandu/kader
    kegiatanChanged = Signal(int)  # a kegiatan, its roster or its attendance (id)
    rencanaAksiChanged = Signal()  # a rencana aksi item or its monev
    rencanaAksiListsChanged = Signal()  # the bidang / OPD / sumber dana lists (Pengaturan)
    statusMessage = Signal(str)
