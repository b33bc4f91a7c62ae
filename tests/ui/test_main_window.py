"""The main window as a person uses it: sidebar clicks and Ctrl+1..6, lazy pages, remembered
geometry, the About box on F1, and the crash dialog that hides NIKs and copies its details."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QTextBrowser, QWidget

from ui.pages import PAGES

pytestmark = pytest.mark.gui

NIK = "1872014107850004"


def _make_window(store, qtbot):  # noqa: ANN001, ANN202
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.main_window import MainWindow

    create_application()
    window = MainWindow(AppContext(store=store, bus=AppBus()))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(store, qtbot):
    win = _make_window(store, qtbot)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def _built_pages(win) -> set[str]:  # noqa: ANN001
    return {w.objectName() for w in win.stack.findChildren(QWidget) if w.objectName().startswith("page_")}


def test_only_the_first_page_is_built_at_start(window) -> None:
    assert window.stack.count() == 1
    assert _built_pages(window) == {"page_beranda"}


def test_clicking_the_sidebar_shows_and_builds_that_page(window, qtbot) -> None:
    row = next(i for i, s in enumerate(PAGES) if s.key == "kader")
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    assert window.current_page_key() == "kader"
    assert window.stack.currentWidget().objectName() == "page_kader"
    assert _built_pages(window) == {"page_beranda", "page_kader"}
    before = window.stack.currentWidget()
    window.show_page("beranda")
    window.show_page("kader")
    assert window.stack.currentWidget() is before, "a page is built once, then reused"


@pytest.mark.parametrize("index", range(1, len(PAGES) + 1))
def test_ctrl_number_opens_the_page(window, qtbot, index: int) -> None:
    key = PAGES[index - 1].key
    if index == 1:
        window.show_page(PAGES[1].key)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{index}"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == key
    assert window.nav.currentRow() == index - 1
    assert window.stack.currentWidget().objectName() == f"page_{key}"


def test_geometry_is_remembered_in_the_data_folder(store, qtbot) -> None:
    """1000×701 differs from the first-start size (1280×760) and fits even the offscreen
    platform's 800×800 screen once Qt applies the window's minimum width."""
    first = _make_window(store, qtbot)
    first.show()
    qtbot.waitExposed(first)
    default_size = (first.width(), first.height())
    first.setGeometry(QRect(40, 50, 1000, 701))
    qtbot.waitUntil(lambda: first.size().height() == 701)
    first.close()
    assert (store.paths.root / "jendela.ini").exists()
    second = _make_window(store, qtbot)
    assert (second.width(), second.height()) == (1000, 701) != default_size


def _run_modal(qtbot, trigger, inspect) -> list:  # noqa: ANN001
    """Start a modal dialog with ``trigger()``; ``inspect(dialog)`` runs while it is open."""
    seen: list = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, check)
            return
        try:
            seen.append(inspect(dialog))
        finally:
            dialog.reject()

    QTimer.singleShot(0, check)
    trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen


def test_f1_opens_about_with_the_wilayah_mit_notice(window, qtbot) -> None:
    def inspect(dialog) -> str:  # noqa: ANN001
        return dialog.findChild(QTextBrowser).toPlainText()

    (text,) = _run_modal(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_F1), inspect)
    assert "Data kode wilayah Kemendagri" in text
    assert "MIT License" in text and "Cahya DSN" in text
    assert "Tabler" in text


def test_crash_dialog_scrubs_nik_and_copies_details(window, qtbot, tmp_path, monkeypatch) -> None:
    from ui.dialogs.crash_dialog import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_file = tmp_path / "pokjanal.log"
    install_excepthook(log_file)
    try:
        raise ValueError(f"NIK {NIK} ditolak")
    except ValueError as exc:
        error = exc

    def inspect(dialog) -> tuple[str, str, str]:  # noqa: ANN001
        copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Salin rincian")
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
        return dialog.windowTitle(), dialog.details.toPlainText(), QApplication.clipboard().text()

    def trigger() -> None:
        sys.excepthook(type(error), error, error.__traceback__)

    ((title, details, clipboard),) = _run_modal(qtbot, trigger, inspect)
    assert title == "Terjadi kesalahan"
    assert NIK not in details and "1872••••••••0004" in details
    assert "ValueError" in details and "test_crash_dialog_scrubs_nik" in details
    assert clipboard == details
