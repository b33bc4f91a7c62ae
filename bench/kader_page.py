"""Filter latency per keystroke THROUGH the Kader page, and peak memory with the page open.

The registry (100,000 kader by default, built by :func:`bench.registry_search.populate`) is made
in this process; a fresh child process then opens the main window on the Kader page, so its
peak RSS is what an office PC sees with the page open, not the cost of building test data.
The child types into the search box one key at a time (QTest.keyClick) and, for each key that
changes the search, times until the table model has been reset with the new result (processing
events as the app would, so a debounce is counted). Keys that start no search (a trailing space,
the first 1–3 digits of a NIK: see ``ui.pages.kader_page.searches``) are counted apart. It also
times the filter boxes and a header-click sort.

    .venv/bin/python bench/kader_page.py [--kader 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ("siti aminah", "yosodadi", "1872", "hj. sri", "purnama")
TIMEOUT_S = 5.0


def _until_reset(app, model, before: int, counter: list[int]) -> None:  # noqa: ANN001
    deadline = time.perf_counter() + TIMEOUT_S
    while counter[0] == before:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the table was not updated within 5 s")


def child(folder: str) -> dict:
    """Open the page on the prepared data folder, type, filter, sort; return the figures."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from db.paths import DataPaths
    from db.session import DataStore
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.pages.kader_page import searches

    app = create_application()
    store = DataStore(DataPaths(Path(folder)), auto_backup=False)
    store.open()
    started = time.perf_counter()
    window = MainWindow(AppContext(store=store, bus=AppBus()))
    window.resize(1366, 768)
    window.show()
    page = window.show_page("kader")
    app.processEvents()
    open_ms = (time.perf_counter() - started) * 1000
    model, box = page.model, page.search_box
    resets = [0]
    model.modelReset.connect(lambda: resets.__setitem__(0, resets[0] + 1))
    keystrokes: list[float] = []
    skipped = 0
    per_word: dict[str, float] = {}
    for word in WORDS:
        box.setFocus()
        timings = []
        for end, char in enumerate(word, start=1):
            typed = word[:end].strip()
            if typed == word[: end - 1].strip() or not searches(typed):
                QTest.keyClick(box, char)  # a trailing space or 1–3 digits start no search
                skipped += 1
                continue
            before = resets[0]
            t0 = time.perf_counter()
            QTest.keyClick(box, char)
            _until_reset(app, model, before, resets)
            timings.append((time.perf_counter() - t0) * 1000)
        per_word[word] = statistics.median(timings)
        keystrokes += timings
        box.clear()
        app.processEvents()
    filters: list[float] = []
    for combo in (page.filters.kelurahan_combo, page.filters.status_combo, page.filters.tingkatan_combo):
        for index in (1, 0):
            before = resets[0]
            t0 = time.perf_counter()
            combo.setCurrentIndex(index)
            _until_reset(app, model, before, resets)
            filters.append((time.perf_counter() - t0) * 1000)
    before = resets[0]
    t0 = time.perf_counter()
    page.table.sortByColumn(model.column_position("kelurahan"), Qt.SortOrder.AscendingOrder)
    _until_reset(app, model, before, resets)
    sort_ms = (time.perf_counter() - t0) * 1000
    total = page.model.total()
    store.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "keystrokes": keystrokes,
        "per_word": per_word,
        "filters": filters,
        "sort_ms": sort_ms,
        "open_ms": open_ms,
        "peak_mb": peak_kb / 1024,
        "rows": total,
        "immediate": box.immediate,
        "skipped": skipped,
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kader", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="build the registry in this folder once and reuse it")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    from bench.registry_search import populate
    from db.paths import DB_NAME, DataPaths
    from db.session import DataStore

    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp) / "data"
        if not (folder / DB_NAME).exists():
            store = DataStore(DataPaths(folder), auto_backup=False)
            store.open()
            try:
                seconds = populate(args.kader)
            finally:
                store.close()
            print(f"registry: {args.kader:,} kader, built in {seconds:.1f} s")
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(folder)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return 1
    result = json.loads(done.stdout.strip().splitlines()[-1])
    keys = result["keystrokes"]
    print(
        f"page opened (window + first page of rows) in {result['open_ms']:.0f} ms; search answers at once: "
        f"{result['immediate']}"
    )
    for word, median in result["per_word"].items():
        print(f"  typing {word!r:<15} median {median:6.2f} ms per key")
    print(
        f"keystroke → table updated: median {statistics.median(keys):.2f} ms, "
        f"p95 {percentile(keys, 0.95):.2f} ms, max {max(keys):.2f} ms over {len(keys)} keys "
        "(aim: median ≤ 10 ms)"
    )
    print(f"  ({result['skipped']} more keys started no search: a trailing space, or 1–3 digits of a NIK)")
    print(
        f"filter box change → table updated: median {statistics.median(result['filters']):.2f} ms; "
        f"header sort {result['sort_ms']:.2f} ms"
    )
    print(f"peak RSS with the page open: {result['peak_mb']:.0f} MB (aim ≤ 150 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
