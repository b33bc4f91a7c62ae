"""Check-in latency at the desk (service level, no Qt): Enter → result for the 235-person demo bimtek.

Loads the demo into a temporary data folder, then on its day 3 (nobody marked yet) checks in
every participant once by code (as a scanner types it) and once more by exact name after an
undo, timing each ``check_in`` call (roster from the cache, match, one audited transaction with
fsync, as the file is configured). Also times a repeated scan (``already``), an ambiguous text,
``undo_last`` and ``count_hari`` (the running count the screen refreshes after every mark).
Prints median and p95 in milliseconds; the aim is ≤ 30 ms from Enter to the row updated.

    .venv/bin/python bench/checkin.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.paths import DataPaths  # noqa: E402
from db.services.demo import load_demo  # noqa: E402
from db.services.demo_kegiatan import BIMTEK_NAMA  # noqa: E402
from db.services.kegiatan import hari_by_number, list_kegiatan  # noqa: E402
from db.services.kehadiran import check_in, count_hari, undo_last  # noqa: E402
from db.services.peserta import roster  # noqa: E402
from db.session import DataStore  # noqa: E402


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def _report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    print(f"{label:<38} n={len(times):>4}  median {statistics.median(times):6.2f} ms  p95 {p95:6.2f} ms  "
          f"max {ordered[-1]:6.2f} ms")  # fmt: skip


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        store = DataStore(DataPaths(Path(folder) / "data").ensure())
        store.open()
        try:
            load_demo()
            kid = next(k.id for k in list_kegiatan() if k.nama == BIMTEK_NAMA)
            day = hari_by_number(kid, 3).id
            people = list(roster(kid))
            print(f"Demo bimtek: {len(people)} peserta, hari ke-3 (belum ada yang hadir)")
            by_code, by_name, again, undo, counts = [], [], [], [], []
            for person in people:
                ms, result = _timed(lambda p=person: check_in(kid, day, p.kode.lower()))
                assert result.status == "marked", result.status
                by_code.append(ms)
                counts.append(_timed(lambda: count_hari(day))[0])
            for person in people[:50]:
                again.append(_timed(lambda p=person: check_in(kid, day, p.kode))[0])
            for person in people:
                undo.append(_timed(lambda: undo_last(day))[0])
            unique = [p for p in people if sum(q.nama.casefold() == p.nama.casefold() for q in people) == 1]
            for person in unique:
                ms, result = _timed(lambda p=person: check_in(kid, day, p.nama))
                assert result.status in ("marked", "already"), (person.nama, result.status)
                by_name.append(ms)
            ambiguous = [_timed(lambda: check_in(kid, day, "siti"))[0] for _ in range(50)]
        finally:
            store.close()
    _report("check_in by scanned code (marked)", by_code)
    _report("check_in by exact name (marked)", by_name)
    _report("check_in repeated scan (already)", again)
    _report("check_in 'siti' (ambiguous)", ambiguous)
    _report("undo_last", undo)
    _report("count_hari (running count)", counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
