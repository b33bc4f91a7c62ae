"""Start-up figures (``make bench``): how long until the main window is on screen, beside a bare
PySide6 window measured in the same run, plus the frozen build and its size, and the import costs.

Both sides are timed by the same watcher (``ui/startup_probe.py``, on the window only): *shown* is
the main window's first Paint event; *data* is when the first page (Beranda) holds its figures.
The app runs exactly as a user starts it (``main.py --data-dir D`` with ``POKJANAL_EXIT_AFTER_SHOW=1``),
from source and, when ``dist/`` exists, frozen.

This prints figures; it is not a pass/fail test (times vary from run to run, so compare the
ratio to the bare window, measured side by side). Runs are interleaved so a busy machine hurts
every row alike; the load average is printed with the table. Demo data comes from
``main.py --data-dir D demo``.

    .venv/bin/python bench/run.py [--runs 5] [--top 15]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist" / "PokjanalDesk"
FROZEN = DIST / ("PokjanalDesk.exe" if os.name == "nt" else "PokjanalDesk")
TIMEOUT = 30
EXIT_ENV = "POKJANAL_EXIT_AFTER_SHOW"  # asks ui/app.py to quit once the window is shown


@dataclass
class Row:
    label: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    shown: list[float] = field(default_factory=list)  # ms to the main window's first paint
    ready: list[float] = field(default_factory=list)  # ms until the first page holds its data
    total: list[float] = field(default_factory=list)  # ms until the process has exited
    problem: str = ""


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def run_once(row: Row) -> None:
    start = time.time()
    try:
        done = subprocess.run(
            row.command, env=_env(row.env), capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        row.problem = f"tidak keluar dalam {TIMEOUT} s"
        return
    end = time.time()
    if done.returncode != 0:
        row.problem = f"kode keluar {done.returncode}: {done.stderr.strip()[-300:]}"
        return
    row.total.append((end - start) * 1000)
    for marker, values in (("SHOWN", row.shown), ("READY", row.ready)):
        match = re.search(rf"^{marker} (\d+\.\d+)$", done.stdout, re.MULTILINE)
        if match:
            values.append((float(match.group(1)) - start) * 1000)


def make_demo(data_dir: Path) -> str:
    """Demo data folder; returns a note for the table (empty when the demo loaded)."""
    done = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), "demo"],
        env=_env({}),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=TIMEOUT,
    )
    if done.returncode != 0:
        return f"data contoh gagal dimuat ({done.stderr.strip()[-200:]}); basis data kosong dipakai"
    return ""


def dist_size_mb() -> float | None:
    if not DIST.exists():
        return None
    # PyInstaller links some libraries by symlink: count each file once.
    return sum(p.lstat().st_size for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f}" if values else "      –"


def _ratio(values: list[float], base: float | None) -> str:
    return f"{statistics.median(values) / base:8.2f}" if values and base else "       –"


def print_table(rows: list[Row], baseline: Row) -> None:
    base = statistics.median(baseline.shown) if baseline.shown else None
    base_total = statistics.median(baseline.total) if baseline.total else None
    # data × polos: the first page holding its figures, against the bare window's first paint
    print(
        f"\n{'proses':36} {'tampil ms':>9} {'× polos':>8} {'data ms':>8} {'× polos':>8} {'selesai ms':>10} "
        f"{'× polos':>8}  n"
    )
    for row in rows:
        print(
            f"{row.label:36} {_median(row.shown):>9} {_ratio(row.shown, base)} {_median(row.ready):>8} "
            f"{_ratio(row.ready, base)} {_median(row.total):>10} {_ratio(row.total, base_total)}  {len(row.total)}"
        )
        if row.shown and base:
            each = " ".join(f"{value / base:.2f}" for value in row.shown)
            print(f"    tiap putaran, tampil ÷ median polos: {each}")
        if row.problem:
            print(f"    ! {row.problem}")


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def import_profile(data_dir: Path, top: int) -> None:
    """``python -X importtime`` of a real GUI start, up to the first paint: biggest top-level
    imports and biggest modules of our own. (Imports after the first paint are not counted.)"""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "main.py", "--data-dir", str(data_dir)],
        env=_env({EXIT_ENV: "1"}),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream, so the SHOWN marker falls between the imports
        text=True,
        cwd=ROOT,
        timeout=TIMEOUT,
    )
    entries = []  # (cumulative us, self us, depth, name)
    for line in done.stdout.splitlines():
        if line.startswith("SHOWN "):
            break
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            self_us, cumulative, indent, name = match.groups()
            entries.append((int(cumulative), int(self_us), (len(indent) - 1) // 2, name))
    if not entries:
        print("\n(profil impor tidak terbaca)")
        return
    roots = sorted((e for e in entries if e[2] == 0), reverse=True)[:top]
    print(
        f"\nImpor sebelum jendela tampil — {top} teratas (kumulatif, level atas), total "
        f"{sum(e[0] for e in entries if e[2] == 0) / 1000:.0f} ms:"
    )
    for cumulative, _self, _depth, name in roots:
        print(f"  {cumulative / 1000:7.1f} ms  {name}")
    ours = ("ui", "widgets", "db", "reports", "cli", "resources")
    own = sorted((e for e in entries if e[3].split(".")[0] in ours), reverse=True)[:top]
    print(f"\nModul aplikasi sendiri — {top} teratas (kumulatif):")
    for cumulative, self_us, _depth, name in own:
        print(f"  {cumulative / 1000:7.1f} ms  (sendiri {self_us / 1000:5.1f})  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()

    # An installed app starts from bytecode; a source checkout under PYTHONDONTWRITEBYTECODE would
    # recompile every module on every start, so compile once before measuring.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "compileall",
            "-q",
            "main.py",
            "cli",
            "db",
            "ui",
            "widgets",
            "reports",
            "resources",
        ],
        cwd=ROOT,
        check=False,
    )
    with tempfile.TemporaryDirectory(prefix="pokjanal-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        note = make_demo(data_dir)
        baseline = Row("QMainWindow polos (PySide6)", [sys.executable, str(HERE / "bare_window.py")])
        app = Row(
            "Pokjanal Desk (sumber, data contoh)",
            [sys.executable, "main.py", "--data-dir", str(data_dir)],
            env={EXIT_ENV: "1"},
        )
        rows = [baseline, app]
        if FROZEN.exists():
            rows.append(
                Row(
                    "Pokjanal Desk (beku, dist/)",
                    [str(FROZEN), "--data-dir", str(data_dir)],
                    env={EXIT_ENV: "1"},
                )
            )
        for row in rows:  # warm-up: file cache, first-run byte-compilation
            run_once(row)
            row.shown.clear()
            row.ready.clear()
            row.total.clear()
        load_before = _load()
        for _ in range(args.runs):
            for row in rows:
                if not row.problem:
                    run_once(row)
        print(
            f"Python {sys.version.split()[0]}, QT_QPA_PLATFORM={_env({})['QT_QPA_PLATFORM']}, "
            f"median dari {args.runs} kali; beban (1/5/15 mnt) sebelum {load_before}, sesudah {_load()}"
        )
        if note:
            print(f"Catatan: {note}")
        print_table(rows, baseline)
        size = dist_size_mb()
        print(
            f"\nUkuran dist/PokjanalDesk: {size:.0f} MB"
            if size is not None
            else "\ndist/ belum ada (make build)"
        )
        if FROZEN.exists() and rows[-1].problem:
            print(
                f"  Aplikasi beku diukur hanya bila ui/app.py keluar saat {EXIT_ENV}=1 "
                "(bangun ulang: make build)."
            )
        import_profile(data_dir, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
