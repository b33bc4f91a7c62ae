"""Start the real GUI (``main.py --data-dir DIR``) and quit at the main window's first paint.

Only a watcher is added to the QApplication the app creates itself; every import, the data
folder checks, the backup at open and the first page are exactly what a user's start does.
    python bench/gui_probe.py --data-dir DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(1, str(HERE))


def main() -> int:
    from first_paint import install

    import ui.app as app_module

    original = app_module.create_application

    def create_and_watch(argv: list[str] | None = None):  # noqa: ANN202 - QApplication
        app = original(argv)
        if not hasattr(app, "_bench_watcher"):
            app._bench_watcher = install(app)  # type: ignore[attr-defined]
        return app

    app_module.create_application = create_and_watch
    from main import main as app_main

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
