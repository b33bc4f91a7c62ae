"""The main window: a sidebar of pages and a stack that builds each page on first show.

Start-up paints the window's frame first and fills it in afterwards: ``MainWindow(paths=…)`` is the
frame (sidebar, empty page area, remembered geometry) and needs neither the database nor peewee;
:meth:`MainWindow.attach` gives it the opened data store and shows the first page. ``MainWindow(ctx)``
does both at once (tests, and any caller that has the store already).

What the first page's figures do not need — the keyboard shortcuts (QKeySequence creates PySide's
Qt namespace, ~25 ms) and the sidebar icons (QtSvg, ~10–25 ms) — comes after the paint that shows
those figures, or after a fallback delay when the window is not painted.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, QSize, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resources import APP_NAME
from ui.pages import PAGES, PageSpec

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from db.paths import DataPaths
    from ui.context import AppContext

FIRST_PAINT_FALLBACK_MS = 250


class MainWindow(QMainWindow):
    ready = Signal()  # the first page holds its data (emitted once, after the first paint)

    def __init__(self, ctx: AppContext | None = None, *, paths: DataPaths | None = None) -> None:
        super().__init__()
        if ctx is None and paths is None:
            raise ValueError("MainWindow needs ctx or paths")
        self._ctx: AppContext | None = None
        self._pages: dict[str, QWidget] = {}
        self._after_first_paint: list[Callable[[], object]] = []  # run once the window is on screen
        self._actions_built = False
        self._finished = False  # shortcuts and icons: after the paint that shows the first page's data
        root = ctx.paths.root if ctx is not None else paths.root  # type: ignore[union-attr]
        self._settings = QSettings(str(root / "jendela.ini"), QSettings.Format.IniFormat)
        self.setMinimumSize(QSize(1000, 620))
        self.setWindowTitle(APP_NAME)
        self._build()
        self._restore_geometry()
        if ctx is not None:
            self.attach(ctx, deferred=True)
            self._build_actions()  # not the timed start: the keys work as soon as the window shows
        # Should the window never be painted (hidden in a test), the work still runs.
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self._run_after_first_paint)

    def attach(self, ctx: AppContext, *, deferred: bool = False) -> None:
        """Give the window its opened data store: title, change signals, the first page (the
        shortcuts and icons follow once its data is painted, see :meth:`_finish`).
        ``deferred``: the page's data loads after the first paint instead of now."""
        self._ctx = ctx
        self._connect_bus()
        self._update_title()
        self.show_page(PAGES[0].key, deferred=deferred)

    def after_first_paint(self, job: Callable[[], object]) -> None:
        """Run ``job`` once the window has been painted (or the fallback timer fired)."""
        self._after_first_paint.append(job)

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        side = QWidget()
        side.setObjectName("sidebar")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 12)
        self.brand_label = QLabel(APP_NAME)
        self.brand_label.setObjectName("brand")
        self.office_label = QLabel()
        self.office_label.setObjectName("brandSub")
        self.office_label.setWordWrap(True)
        side_layout.addWidget(self.brand_label)
        side_layout.addWidget(self.office_label)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(20, 20))
        # A list view takes focus by click and Tab already (Qt::StrongFocus); the Qt namespace
        # itself is not touched before the first paint (its ~100 enums cost ~25 ms to create).
        for index, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(QCoreApplication.translate("pages", spec.title))
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(item.text(), index))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav_row)
        side_layout.addWidget(self.nav, 1)
        side.setFixedWidth(210)

        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Siap"), 3000)

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt override
        handled = super().event(event)
        if (self._after_first_paint or not self._finished) and event.type() == QEvent.Type.UpdateRequest:
            # The window has just been painted: the data first (then ``ready``); what the data
            # does not need waits for the paint after that, which shows the data.
            QTimer.singleShot(0, self._run_after_first_paint)
        return handled

    @Slot()
    def _run_after_first_paint(self) -> None:
        jobs, self._after_first_paint = self._after_first_paint, []
        if not jobs:
            self._finish()
            return
        for job in jobs:
            job()
        self.ready.emit()
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self._finish)  # should no paint follow

    @Slot()
    def _finish(self) -> None:
        """Shortcuts and sidebar icons, once the first page's data is on screen."""
        if self._finished:
            return
        self._finished = True
        self._build_actions()
        self._set_nav_icons()

    def _set_nav_icons(self) -> None:
        from ui.icons import icon  # QtSvg: not before the first page's data

        for row, spec in enumerate(PAGES):
            self.nav.item(row).setIcon(icon(spec.icon, "#cfd8dc"))

    def _build_actions(self) -> None:
        if self._actions_built:
            return
        self._actions_built = True
        from PySide6.QtGui import QAction, QKeySequence  # not needed for the first page's data

        for index, spec in enumerate(PAGES, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            self.addAction(action)
        about = QAction(self.tr("Tentang {0}").format(APP_NAME), self)
        about.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        about.triggered.connect(self.show_about)
        self.addAction(about)
        quit_action = QAction(self.tr("Keluar"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

    def _connect_bus(self) -> None:
        bus = self._ctx.bus
        bus.profileChanged.connect(self._update_title)
        bus.dataReplaced.connect(self._on_data_replaced)
        bus.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 5000))

    # ------------------------------------------------------------------ pages
    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built on first use."""
        if key not in self._pages:
            spec = next(s for s in PAGES if s.key == key)
            widget = self._create_page(spec)
            widget.setObjectName(f"page_{key}")
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def _create_page(self, spec: PageSpec) -> QWidget:
        module_name, class_name = spec.target.split(":")
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls(self._ctx, spec)

    def show_page(self, key: str, *, deferred: bool = False) -> QWidget | None:
        if self._ctx is None:
            return None  # the frame is on screen but the data folder is not open yet
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        row = next(i for i, s in enumerate(PAGES) if s.key == key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            if deferred:
                self._after_first_paint.append(refresh)
            else:
                refresh()
        return widget

    def current_page_key(self) -> str:
        return PAGES[self.nav.currentRow()].key

    @Slot(int)
    def _on_nav_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row].key)

    @Slot()
    def _on_data_replaced(self) -> None:
        """After a demo load or a restore: drop every built page; rebuild the visible one."""
        current = self.current_page_key()
        for widget in self._pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._pages.clear()
        self._update_title()
        self.show_page(current)

    @Slot()
    def _update_title(self) -> None:
        from db.services.profile import get_profile  # peewee: not before the first paint

        profile = get_profile()
        unit = profile.unit.title() if profile.unit else ""
        self.setWindowTitle(f"{APP_NAME} — {unit}" if unit else APP_NAME)
        self.office_label.setText(profile.sekretariat.title() if profile.sekretariat else "")

    @Slot()
    def show_about(self) -> None:
        from ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).exec()

    # ------------------------------------------------------------------ geometry
    def _restore_geometry(self) -> None:
        geometry = self._settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
