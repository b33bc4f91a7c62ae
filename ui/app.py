"""Start the GUI: QApplication, translations, style, crash handler, data folder, first start."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from cli.logsetup import setup_logging
from db import audit
from db.paths import data_dir
from db.services.profile import get_profile
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


def run_gui(args: argparse.Namespace) -> int:
    paths = data_dir(args.data_dir).ensure()
    log_file = setup_logging(paths.logs, debug=getattr(args, "debug", False))
    app = create_application(sys.argv[:1])
    from ui.dialogs.crash_dialog import install_excepthook

    install_excepthook(log_file)
    _require_defusedxml()
    from ui.startup import open_store_interactively

    store = open_store_interactively(paths)
    if store is None:
        return 1
    try:
        return _run_main_window(app, store)
    finally:
        store.close()


def _run_main_window(app: QApplication, store) -> int:  # noqa: ANN001 - DataStore, avoids import cycle
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.main_window import MainWindow

    ctx = AppContext(store=store, bus=AppBus())
    profile = get_profile()
    if profile.operator:
        audit.set_operator(profile.operator)
    window = MainWindow(ctx)
    window.show()
    if os.environ.get("POKJANAL_EXIT_AFTER_SHOW"):  # used by bench/run.py to time start-up
        QTimer.singleShot(0, app.quit)
        return app.exec()
    if not profile.configured:
        from ui.dialogs.first_start import FirstStartDialog

        FirstStartDialog.run(ctx, window)
    return app.exec()
