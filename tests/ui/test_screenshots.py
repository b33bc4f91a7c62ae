"""Screenshots of every sidebar page, the Pengaturan tabs and the About box, for a person to look at.

Run under a real X server with ``tools/xvfb-run-tests tests/ui/test_screenshots.py`` (``make
screenshots``) or plainly offscreen; PNGs land in ``tests/screenshots/`` (git-ignored), named
``<platform>-<width>x<height>-<nn>-<page>.png``. The test also checks what a person would notice
first: the page is really shown after a click on the sidebar, the picture has the window's size
and is not one flat colour (a stylesheet error renders nothing).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QTabWidget, QWidget

from db.services.demo import load_demo
from ui.pages import PAGES

pytestmark = pytest.mark.gui

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SIZES = ((1366, 768), (1920, 1080))


@pytest.fixture
def main_window(store, qtbot):
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.main_window import MainWindow

    create_application()
    load_demo()
    window = MainWindow(AppContext(store=store, bus=AppBus()))
    qtbot.addWidget(window)
    return window


def _built(spec) -> bool:  # noqa: ANN001 - PageSpec
    """False for a page whose module another engineer has not written yet."""
    return importlib.util.find_spec(spec.target.split(":")[0]) is not None


def _save(widget: QWidget, name: str) -> QImage:
    OUT.mkdir(parents=True, exist_ok=True)
    pixmap = widget.grab()
    image = pixmap.toImage()
    path = OUT / f"{QGuiApplication.platformName()}-{name}.png"
    assert pixmap.save(str(path)), path
    return image


def _not_blank(image: QImage) -> bool:
    """More than a handful of distinct colours in a coarse sample of the picture."""
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), max(1, image.width() // 40))
        for y in range(0, image.height(), max(1, image.height() // 40))
    }
    return len(colours) > 4


def _click_nav(qtbot, window, row: int) -> None:  # noqa: ANN001
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_at_common_screen_sizes(main_window, qtbot, size) -> None:
    width, height = size
    main_window.resize(width, height)
    with qtbot.waitSignal(main_window.ready, timeout=5000):  # Beranda's figures come after the first paint
        main_window.show()
    qtbot.waitExposed(main_window)
    qtbot.waitUntil(lambda: not main_window.nav.item(0).icon().isNull())  # icons follow the figures
    shown = 0
    for row, spec in enumerate(PAGES):
        if not _built(spec):
            continue
        _click_nav(qtbot, main_window, row)
        qtbot.waitUntil(lambda key=spec.key: main_window.current_page_key() == key)
        assert main_window.stack.currentWidget().objectName() == f"page_{spec.key}"
        image = _save(main_window, f"{width}x{height}-{row + 1:02d}-{spec.key}")
        ratio = main_window.devicePixelRatioF()
        assert (image.width(), image.height()) == (round(width * ratio), round(height * ratio))
        assert _not_blank(image), spec.key
        shown += 1
        for index, tab in enumerate(main_window.stack.currentWidget().findChildren(QTabWidget)):
            for page in range(tab.count()):
                tab.setCurrentIndex(page)
                qtbot.wait(10)
                _save(main_window, f"{width}x{height}-{row + 1:02d}-{spec.key}-tab{index}{page}")
    assert shown >= 1


def test_about_box_picture(main_window, qtbot) -> None:
    from ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog(main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _not_blank(_save(dialog, "about"))


def _gallery() -> QWidget:
    """Every kind of control the stylesheet covers, in its usual states, on one page."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QDateEdit,
        QFormLayout,
        QGroupBox,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QPushButton,
        QSpinBox,
        QTableView,
        QVBoxLayout,
    )

    page = QWidget()
    page.setObjectName("pageStack")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(32, 24, 32, 24)
    title = QLabel("Contoh kontrol")
    title.setObjectName("pageTitle")
    layout.addWidget(title)
    form_box = QGroupBox("Data kader")
    form = QFormLayout(form_box)
    name = QLineEdit("Siti Aminah")
    form.addRow("Nama", name)
    nik = QLineEdit("18720141")
    nik.setProperty("invalid", True)
    form.addRow("NIK", nik)
    error = QLabel("NIK harus 16 angka.")
    error.setObjectName("fieldError")
    form.addRow("", error)
    combo = QComboBox()
    combo.addItems(["Purwa", "Madya", "Utama"])
    form.addRow("Tingkatan", combo)
    birth = QDateEdit()
    birth.setCalendarPopup(True)
    form.addRow("Tanggal lahir", birth)
    form.addRow("Jumlah peserta", QSpinBox())
    form.addRow("", QCheckBox("Kader aktif"))
    search = QLineEdit()
    search.setPlaceholderText("Cari nama atau NIK…")
    form.addRow("Cari", search)
    layout.addWidget(form_box)
    buttons = QHBoxLayout()
    save = QPushButton("Simpan")
    save.setProperty("primary", True)
    disabled = QPushButton("Hapus")
    disabled.setEnabled(False)
    for button in (save, QPushButton("Batal"), disabled):
        buttons.addWidget(button)
    buttons.addStretch(1)
    layout.addLayout(buttons)
    tabs = QTabWidget()
    model = QStandardItemModel(0, 4)
    model.setHorizontalHeaderLabels(["Nama", "Posyandu", "Kelurahan", "Tingkatan"])
    for row in range(8):
        model.appendRow([QStandardItem(t) for t in (f"Kader {row + 1}", "Melati", "Yosodadi", "Purwa")])
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.selectRow(1)
    tabs.addTab(table, "Daftar")
    tabs.addTab(QWidget(), "Riwayat pelatihan")
    layout.addWidget(tabs, 1)
    notice = QLabel("Belum ada penandatangan aktif: isi di Pengaturan → Penandatangan.")
    notice.setObjectName("notice")
    layout.addWidget(notice)
    page._focus = name  # type: ignore[attr-defined]
    return page


def test_control_gallery_picture(qtbot) -> None:
    """Buttons, inputs (one with focus, one invalid), a table, tabs and labels under the stylesheet."""
    from ui.app import create_application
    from ui.icons import register_search_path

    create_application()
    register_search_path()  # the main window's import of ui.icons does this in the app
    page = _gallery()
    qtbot.addWidget(page)
    page.resize(900, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page._focus.setFocus()
    qtbot.wait(20)
    assert _not_blank(_save(page, "gallery"))


def _bimtek_tab(detail, tab: str) -> bool:  # noqa: ANN001 - KegiatanDetailView
    if tab == "agenda":  # day 1 of the 3-day agenda
        return detail.agenda_tab.model.rowCount() == 8
    return detail.sertifikat_tab.model.rowCount() == 235  # eligible green, not eligible red


def _notulen_tab(detail, tab: str) -> bool:  # noqa: ANN001 - the past rakor's final notulen
    return detail.notulen_tab.keputusan_box.count() >= 3


@pytest.mark.parametrize(
    ("kegiatan", "tab", "shown", "name"),
    [
        ("bimtek", "agenda", _bimtek_tab, "susunan-acara"),
        ("bimtek", "sertifikat", _bimtek_tab, "sertifikat"),
        ("rakor", "notulen", _notulen_tab, "notulen"),
    ],
)
def test_kegiatan_tab_pictures(main_window, qtbot, kegiatan, tab, shown, name) -> None:  # noqa: ANN001
    """Tabs of the demo kegiatan at 1366×768: the bimtek's Susunan Acara and Sertifikat, the past
    rakor's Notulen."""
    from db.services.demo_kegiatan import BIMTEK_NAMA
    from db.services.demo_notulen import NAMA as RAKOR_NAMA
    from db.services.kegiatan import list_kegiatan

    wanted = BIMTEK_NAMA if kegiatan == "bimtek" else RAKOR_NAMA
    main_window.resize(1366, 768)
    main_window.show()
    qtbot.waitExposed(main_window)
    page = main_window.show_page("kegiatan")
    page.open_kegiatan(next(k.id for k in list_kegiatan() if k.nama == wanted))
    page.detail.show_tab(tab)
    qtbot.wait(300)  # let the layouts settle as a user would see them
    assert shown(page.detail, tab)
    assert _not_blank(_save(main_window, f"1366x768-kegiatan-{name}"))
