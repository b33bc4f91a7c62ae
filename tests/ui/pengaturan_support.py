"""Shared set-up for the Pengaturan tab tests: a real page over a fresh database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget


def make_page(store, qtbot):  # noqa: ANN001, ANN201 - DataStore, QtBot → PengaturanPage
    """The Pengaturan page as the main window builds it, shown at 1366×768 with the app style."""
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.pages import PAGES
    from ui.pages.pengaturan import PengaturanPage

    create_application()
    ctx = AppContext(store=store, bus=AppBus())
    spec = next(s for s in PAGES if s.key == "pengaturan")
    page = PengaturanPage(ctx, spec)
    qtbot.addWidget(page)
    page.resize(1366 - 210, 740)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)  # shortcuts (Insert, Ctrl+S) and focus need an active window
    page.refresh()
    return page


def activate(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    """Make ``widget``'s window the active one. On the offscreen platform ``activateWindow()``
    does not move activation to a modal dialog; asking its QWindow does."""
    from PySide6.QtWidgets import QApplication

    widget.window().windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=3000)


def click(qtbot, button: QAbstractButton) -> None:  # noqa: ANN001
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def with_modal(qtbot, trigger, drive) -> None:  # noqa: ANN001 - QtBot, callables
    """Call ``trigger`` (which opens a modal dialog) and let ``drive(dialog)`` act inside it.

    A failing ``drive`` (or one that leaves the dialog open for 5 s) closes the dialog, so the
    test fails instead of hanging, and the failure is raised here.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    errors: list[BaseException] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            errors.append(AssertionError(f"no modal dialog open (found {dialog!r})"))
            return

        def give_up() -> None:
            if dialog.isVisible():
                errors.append(AssertionError("dialog still open after 5 s"))
                dialog.reject()

        activate(qtbot, dialog)  # keys must reach the dialog, not a shortcut of the page behind
        watchdog = QTimer(dialog)  # dies with the dialog, so it never fires into a later test
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(give_up)
        watchdog.start(5000)
        try:
            drive(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test below
            errors.append(exc)
            dialog.reject()

    QTimer.singleShot(0, act)
    trigger()
    if errors:
        raise errors[0]
