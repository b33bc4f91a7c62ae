"""Shared set-up for the rencana aksi UI tests: the main window and a user filling the side panel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from tests.ui.pengaturan_support import activate, click

TODAY = date(2026, 8, 10)  # injected "now" of the tests


def make_window(store, qtbot):  # noqa: ANN001, ANN201 - DataStore, QtBot → MainWindow
    from db.services.posyandu import PosyanduForm, save_posyandu
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.main_window import MainWindow

    create_application()  # the app's stylesheet, as the user sees it
    save_posyandu(PosyanduForm(nama="Posyandu Melati 1", kode_wilayah="18.72.04.1005"))
    save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah="18.72.04.1005"))
    window = MainWindow(AppContext(store=store, bus=AppBus()))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    for key in ("rencana_aksi", "beranda"):
        window.page(key).today = TODAY
    page = window.show_page("rencana_aksi")
    activate(qtbot, page)
    page.refresh()
    return window


def type_into(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    widget.clear() if hasattr(widget, "clear") else None
    qtbot.keyClicks(widget, text)


def fill_item(page, qtbot, *, bidang: str, aksi: str, opd: str, due: date, anggaran: str = "",  # noqa: ANN001
              status: str = "", lokus: int = 0) -> None:  # fmt: skip
    """Click Tambah and fill the panel as a user would (Simpan not clicked)."""
    click(qtbot, page.add_button)
    panel = page.panel
    assert panel.isVisible()
    panel.bidang_combo.setCurrentText(bidang)
    type_into(qtbot, panel.aksi_edit, aksi)
    type_into(qtbot, panel.masalah_edit, f"Masalah {aksi[:20]}")
    panel.opd_combo.setCurrentText(opd)
    panel.jatuh_tempo_edit.setDate(QDate(due.year, due.month, due.day))
    if anggaran:
        type_into(qtbot, panel.anggaran_edit, anggaran)
    if status:
        panel.status_combo.setCurrentIndex(panel.status_combo.findData(status))
    for row in range(lokus):
        panel.lokus_list.item(row).setCheckState(Qt.CheckState.Checked)


def add_item(page, qtbot, **fields) -> int:  # noqa: ANN001, ANN003
    fill_item(page, qtbot, **fields)
    click(qtbot, page.panel.save_button)
    assert page.panel.errors.messages() == {}
    return page.panel.item_id
