"""Start the GUI: QApplication, translations, style, crash handler, data folder, first start.

Order of a start, chosen so the window is on screen as early as possible without giving up any
check: log, QApplication, crash handler, the data-folder lock (a second window is refused before
anything shows) → the main window's frame is painted → then the data folder is opened exactly as
before (quick_check, the start-up backup verified with integrity_check, migrations), and only then
is the frame given its data. Nothing reads or writes the database before that open succeeded.
peewee, the services and the pages are therefore imported after the first paint.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from cli.logsetup import setup_logging
from db.errors import DatabaseInUse
from db.lock import DataFolderLock
from db.paths import DataPaths, data_dir
from resources import APP_NAME, APP_SLUG, ORG_NAME, VERSION, resource_path

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our name, Indonesian translations and stylesheet (idempotent)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    QCoreApplication.setApplicationName(APP_SLUG)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationVersion(VERSION)
    app.setApplicationDisplayName(APP_NAME)
    install_translators(app)
    app.setStyle("Fusion")  # the native Windows style mixes badly with our stylesheet
    apply_style(app)
    return app


def install_translators(app: QApplication) -> None:
    """Qt's own strings (buttons, context menus) in Indonesian, plus the app's catalogue."""
    if getattr(app, "_pokjanal_translators", None):
        return
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    translators = []
    folder = resource_path("i18n")
    for name in ("qtbase_id", "pokjanal_id"):
        translator = QTranslator(app)
        if translator.load(name, str(folder)) or translator.load(
            name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(translator)
            translators.append(translator)
    app._pokjanal_translators = translators  # type: ignore[attr-defined]


def apply_style(app: QApplication) -> None:
    from ui.icons import register_search_path

    register_search_path()  # the stylesheet's url(icons:…) must resolve before any widget shows
    qss = resource_path("style.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


def _require_defusedxml() -> None:
    """R10: Excel files are parsed through defusedxml. Checked cheaply at every start (importing
    openpyxl here would cost ~170 ms); the importer asserts ``openpyxl.xml.DEFUSEDXML`` too."""
    import importlib.util

    if importlib.util.find_spec("defusedxml") is None:
        raise RuntimeError("Paket defusedxml tidak terpasang: impor Excel tidak aman. Pasang ulang aplikasi.")


def _install_crash_handler(log_file: Path) -> None:
    """Uncaught errors show the crash dialog (ui.dialogs.crash_dialog.install_excepthook). Its
    module (platform, traceback: ~6 ms) is imported at the first uncaught error, not at start."""

    def first_error(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from ui.dialogs.crash_dialog import install_excepthook

        install_excepthook(log_file)
        sys.excepthook(exc_type, exc, tb)

    sys.excepthook = first_error


def run_gui(args: argparse.Namespace) -> int:
    paths = data_dir(args.data_dir).ensure()
    log_file = setup_logging(paths.logs, debug=getattr(args, "debug", False))
    app = create_application(sys.argv[:1])
    _install_crash_handler(log_file)
    _require_defusedxml()
    folder_lock = DataFolderLock(paths.lock_file)
    try:
        folder_lock.acquire()
    except DatabaseInUse as exc:
        from ui import messages

        messages.warn(
            None, QCoreApplication.translate("startup", "Data sedang dipakai"), messages.error_text(exc)
        )
        return 1
    start = _Start(app, paths, folder_lock)
    try:
        return start.run()
    finally:
        start.close()


class _Start:
    """The main window's frame first, then the data folder, then the frame's data."""

    def __init__(self, app: QApplication, paths: DataPaths, folder_lock: DataFolderLock) -> None:
        self._app = app
        self._paths = paths
        self._lock = folder_lock
        self._store = None  # DataStore once open
        self._exit_code = 0
        self._probing = bool(os.environ.get("POKJANAL_EXIT_AFTER_SHOW"))  # bench/run.py times the start

    def run(self) -> int:
        from ui.main_window import MainWindow

        window = MainWindow(paths=self._paths)
        window.after_first_paint(lambda: self._open_and_fill(window))
        if self._probing:
            from ui.startup_probe import watch

            window.ready.connect(watch(window, wait_for_ready=True).mark_ready)
        window.show()
        code = self._app.exec()
        window.hide()
        window.deleteLater()
        return self._exit_code or code

    def _open_and_fill(self, window) -> None:  # noqa: ANN001 - MainWindow, imported lazily
        from ui.startup import open_store_interactively

        self._store = open_store_interactively(self._paths, self._lock)
        if self._store is None:  # the user has been told why
            self._exit_code = 1
            self._app.exit(1)
            return
        from db import audit
        from db.services.profile import get_profile
        from ui.bus import AppBus
        from ui.context import AppContext

        ctx = AppContext(store=self._store, bus=AppBus())
        profile = get_profile()
        if profile.operator:
            audit.set_operator(profile.operator)
        window.attach(ctx)
        if not profile.configured and not self._probing:
            from ui.dialogs.first_start import FirstStartDialog

            FirstStartDialog.run(ctx, window)

    def close(self) -> None:
        """Close the store (backing up what changed) or, if it never opened, release the lock."""
        if self._store is not None:
            self._store.close()
        else:
            self._lock.release()
