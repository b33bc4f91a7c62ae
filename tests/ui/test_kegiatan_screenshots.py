"""Screenshots of the Kegiatan screens at 1366×768 with the demo data (the 230-person bimtek), for
a person to look at: the list, the three detail tabs, the check-in desk mid-queue, the grid, the
back-fill and the kegiatan dialog. PNGs land in ``tests/screenshots/`` (git-ignored) like the
other screenshot tests; each is checked to be the window's size and not blank."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.services.demo import load_demo
from db.services.kegiatan import list_kegiatan
from tests.ui.pengaturan_support import with_modal
from tests.ui.test_screenshots import _not_blank, _save

pytestmark = pytest.mark.gui


@pytest.fixture
def window(store, qtbot):  # noqa: ANN001, ANN201
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.main_window import MainWindow

    create_application()
    load_demo()
    main = MainWindow(AppContext(store=store, bus=AppBus()))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


def shot(window, name: str) -> None:  # noqa: ANN001
    image = _save(window, f"1366x768-kegiatan-{name}")
    assert _not_blank(image), name


def test_kegiatan_screens(window, qtbot) -> None:  # noqa: ANN001
    page = window.show_page("kegiatan")
    bimtek = next(k for k in list_kegiatan() if k.jenis == "Bimtek/Pelatihan")
    assert bimtek.jumlah_peserta >= 230
    shot(window, "01-list")
    page.select_kegiatan(bimtek.id)
    page.open_selected()
    detail = page.detail
    shot(window, "02-ringkasan")
    detail.show_tab("peserta")
    shot(window, "03-peserta")
    detail.show_tab("kehadiran")
    desk = detail.kehadiran_tab.checkin
    assert desk.field.hasFocus()
    waiting = next(
        desk.model.row(i)
        for i in range(desk.model.rowCount())
        if desk.model.row(i).id not in desk.model.marks
    )
    qtbot.keyClicks(desk.field, waiting.kode)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    assert desk.feedback_tone() == "ok"
    qtbot.keyClicks(desk.field, waiting.nama.split()[0].lower())
    shot(window, "04-meja-hadir")
    detail.kehadiran_tab.views.setCurrentIndex(1)
    shot(window, "05-tabel-kehadiran")
    detail.kehadiran_tab.views.setCurrentIndex(2)
    shot(window, "06-isi-kertas")
    detail.kehadiran_tab.views.setCurrentIndex(3)
    shot(window, "07-rekap-asal")

    def dialog_shot(dialog) -> None:  # noqa: ANN001
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            qtbot.wait(10)
            assert _not_blank(_save(dialog, f"kegiatan-dialog-tab{index}"))
        dialog.reject()

    with_modal(qtbot, detail.edit, dialog_shot)
