"""Per-keystroke latency of the kader search at 100,000 kader (service level, no Qt).

Types "siti aminah" one letter at a time and times ``search_kader(prefix)`` — count plus the
first 100 rows, sorted by name — as the page does on each keystroke. Prints each keystroke's
median and the overall median and p95. ``populate()`` is reusable: the kader page benchmark
builds the same registry and adds the through-the-page figure. Then the first page (100 rows,
no text) sorted by each ``SORT_COLUMNS`` key, ascending, descending and at offset 50,000.
Measured 2026-11-23 (shared 2-core box, 99,999 kader): kelurahan 2.2 / 2.2 / 5.9 ms, where the
former ``ORDER BY w.nama`` over the join took ≈200 ms (≈240 ms at offset 5,000) on the same
registry. Still slow without an index of their own: nik, hp, status, tingkatan, jenis_kelamin
(70–170 ms first page, up to 440 ms at offset 50,000).

    .venv/bin/python bench/registry_search.py [--kader 100000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import wilayah  # noqa: E402
from db.database import db  # noqa: E402
from db.models import Kader, Posyandu  # noqa: E402
from db.paths import DataPaths  # noqa: E402
from db.services import kader_search  # noqa: E402
from db.services.demo import FLOWERS, MEN_FIRST, MEN_SECOND, SUFFIX_TITLES, WOMEN_FIRST, WOMEN_SECOND  # noqa: E402
from db.session import DataStore  # noqa: E402

TYPED = "siti aminah"
STATUS = ("aktif",) * 8 + ("nonaktif", "pindah")
TINGKATAN = ("Purwa",) * 5 + ("Madya",) * 3 + ("Utama", "")


def _name(rng: random.Random) -> tuple[str, bool]:
    woman = rng.random() < 0.9
    first, second = (WOMEN_FIRST, WOMEN_SECOND) if woman else (MEN_FIRST, MEN_SECOND)
    name = f"{rng.choice(first)} {rng.choice(second)}"
    if rng.random() < 0.3:
        name += f" {rng.choice(second)}"
    if woman and rng.random() < 0.08:
        name = "Hj. " + name
    if rng.random() < 0.07:
        name += rng.choice(SUFFIX_TITLES)
    return name, woman


def populate(kader: int, seed: int = 7) -> float:
    """Fill the open database with ~kader/50 posyandu in Lampung kelurahan and ``kader`` kader.

    Rows go in through the models in chunks (the FTS triggers fire as for any writer); returns
    the seconds it took.
    """
    rng = random.Random(seed)
    started = time.perf_counter()
    desa = [
        d for kec in wilayah.children("18.72") + wilayah.children("18.71") for d in wilayah.children(kec.kode)
    ]
    now = "2025-01-01T00:00:00"
    with db.atomic():
        posyandu_rows = [
            {
                "nama": f"Posyandu {rng.choice(FLOWERS)} {i}",
                "kode_wilayah": rng.choice(desa).kode,
                "dibuat": now,
                "diubah": now,
            }
            for i in range(max(1, kader // 50))
        ]
        for start in range(0, len(posyandu_rows), 500):
            Posyandu.insert_many(posyandu_rows[start : start + 500]).execute()
        posyandu = list(db.execute_sql("SELECT id, kode_wilayah FROM posyandu"))
        rows = []
        for serial in range(kader):
            name, woman = _name(rng)
            born = date(1960, 1, 1) + timedelta(days=rng.randint(0, 365 * 40))
            pid, code = rng.choice(posyandu)
            day = born.day + 40 if woman else born.day
            rows.append(
                {
                    "nama": name,
                    "nik": f"{code[:8].replace('.', '')}{day:02d}{born:%m%y}{serial % 9999 + 1:04d}"
                    if rng.random() < 0.9
                    else "",
                    "jenis_kelamin": "P" if woman else "L",
                    "tanggal_lahir": born,
                    "kode_wilayah": code,
                    "posyandu": pid,
                    "status": rng.choice(STATUS),
                    "tingkatan": rng.choice(TINGKATAN),
                    "hp": f"+628{rng.randint(110_000_000, 999_999_999)}",
                    "dibuat": now,
                    "diubah": now,
                }
            )
            if len(rows) == 1000:
                Kader.insert_many(rows).on_conflict_ignore().execute()
                rows = []
        if rows:
            Kader.insert_many(rows).on_conflict_ignore().execute()
    kader_search.ensure_ready()  # names of the kelurahan used
    return time.perf_counter() - started


def measure(repeat: int) -> list[tuple[str, list[float], int]]:
    """(typed prefix, milliseconds per call, total count) for each keystroke of :data:`TYPED`."""
    results = []
    for end in range(1, len(TYPED) + 1):
        prefix = TYPED[:end]
        timings, total = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            total, rows = kader_search.search_kader(prefix, limit=100)
            timings.append((time.perf_counter() - started) * 1000)
            assert len(rows) == min(100, total)
        results.append((prefix, timings, total))
    return results


def measure_sorts(repeat: int) -> list[tuple[str, float, float, float]]:
    """(column, median ms ascending, descending, ascending at offset 50,000) of an unfiltered page."""
    results = []
    for column in kader_search.SORT_COLUMNS:
        medians = []
        for descending, offset in ((False, 0), (True, 0), (False, 50_000)):
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                kader_search.search_kader("", order_by=column, descending=descending, limit=100,
                                          offset=offset)  # fmt: skip
                timings.append((time.perf_counter() - started) * 1000)
            medians.append(statistics.median(timings))
        results.append((column, *medians))
    return results


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kader", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = DataStore(DataPaths(Path(folder) / "data"), auto_backup=False)
        store.open()
        try:
            seconds = populate(args.kader)
            count = db.execute_sql("SELECT count(*) FROM kader").fetchone()[0]
            mode = kader_search.ensure_ready()
            print(f"registry: {count:,} kader, filled in {seconds:.1f} s; search mode: {mode}")
            results = measure(args.repeat)
            sorts = measure_sorts(max(3, args.repeat // 3))
        finally:
            store.close()
    print(f"{'typed':<14}{'matches':>9}{'median ms':>11}{'p95 ms':>9}")
    everything = []
    for prefix, timings, total in results:
        everything += timings
        print(
            f"{prefix!r:<14}{total:>9,}{statistics.median(timings):>11.2f}{percentile(timings, 0.95):>9.2f}"
        )
    median, p95 = statistics.median(everything), percentile(everything, 0.95)
    print(f"all keystrokes: median {median:.2f} ms, p95 {p95:.2f} ms")
    print(f"{'sorted by':<14}{'asc ms':>9}{'desc ms':>9}{'@50k ms':>9}")
    for column, ascending, descending, deep in sorts:
        print(f"{column:<14}{ascending:>9.2f}{descending:>9.2f}{deep:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
