"""Printing the demo bimtek through the CLI, beside a bare ReportLab LongTable of the same rows.

Whole processes, interleaved so a busy machine hurts every row alike (median of ``--runs``):

- ``floor``: a bare script — import ReportLab, read the 230 peserta rows from JSON, one LongTable
  (No, Nama, Jabatan, Asal, HP, two signature halves) with a repeated header, Helvetica, write;
- ``daftar hadir, hari 1``: ``main.py cetak daftar-hadir 1 --hari 1`` (kop, zig-zag, Liberation
  fonts embedded, signature block, separate narasumber/panitia sheet);
- ``daftar hadir, 3 hari``: every held day (6 sheets);
- ``tanda pengenal``: 235 name tags with QR codes.

The aim (issue 4) is one day ≤ 3 × the floor. ``.venv/bin/python bench/daftar_hadir.py [--runs 5]``

Measured 2026-11-23 on the shared 2-core box (median of 5, demo bimtek: 230 peserta + 5
narasumber/panitia). Load average 1.8: floor 0.29 s; daftar hadir hari 1 0.72 s (2.4 × the floor,
11 pages); all 3 days 1.00 s (3.4 ×, 33 pages); 235 name tags 1.05 s (3.6 ×, 30 pages). Under a
load of 3.4 the same rows were 0.42 / 1.09 (2.6 ×) / 1.67 / 1.41 s. In-process the day-1 render is
~0.16 s warm; the rest is Python start, imports (db, peewee, ReportLab ~0.18 s) and registering six
TTF faces (~55 ms). With Paragraph cells (LongTable wraps each three times) day 1 was 3.3 ×.
A document whose signature would stand alone on its last page is laid out twice (SignatureKeeper).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = r"""
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle
rows = json.load(open(sys.argv[1], encoding="utf-8"))
data = [["No.", "Nama", "Jabatan", "Asal", "No. HP", "Tanda Tangan", ""]]
data += [[str(n), *row, f"{n}. ......" if n % 2 else "", "" if n % 2 else f"{n}. ......"]
         for n, row in enumerate(rows, start=1)]
table = LongTable(data, repeatRows=1, colWidths=[8*mm, 37*mm, 29*mm, 28*mm, 25*mm, 19*mm, 19*mm],
                  rowHeights=[None] + [9 * mm] * len(rows))
table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTSIZE", (0, 0), (-1, -1), 8)]))
SimpleDocTemplate(sys.argv[2], pagesize=A4).build([table])
"""


def prepare(folder: Path) -> Path:
    """Demo data in ``folder/data``; the day-1 peserta rows as JSON for the bare script."""
    data = folder / "data"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "demo"],
        check=True,
        capture_output=True,
    )
    from db.paths import DataPaths
    from db.services.kegiatan_print import daftar_hadir_sheets
    from db.session import DataStore

    store = DataStore(DataPaths(data).ensure())
    store.open()
    try:
        sheet = daftar_hadir_sheets(1, 1)[0]
    finally:
        store.close()
    rows = [[r.nama, r.jabatan, r.asal, r.hp] for r in sheet.rows]
    (folder / "rows.json").write_text(json.dumps(rows), encoding="utf-8")
    (folder / "bare.py").write_text(BARE, encoding="utf-8")
    print(f"{len(rows)} peserta on the day-1 sheet")
    return data


def commands(folder: Path, data: Path) -> dict[str, list[str]]:
    cli = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "cetak"]
    return {
        "floor (bare LongTable)": [
            sys.executable,
            str(folder / "bare.py"),
            str(folder / "rows.json"),
            str(folder / "bare.pdf"),
        ],
        "daftar hadir, hari 1": [*cli, "daftar-hadir", "1", "--hari", "1", "-o", str(folder / "h1.pdf")],
        "daftar hadir, 3 hari": [*cli, "daftar-hadir", "1", "-o", str(folder / "h3.pdf")],
        "tanda pengenal": [*cli, "tanda-pengenal", "1", "-o", str(folder / "tags.pdf")],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        runs = commands(folder, prepare(folder))
        times: dict[str, list[float]] = {label: [] for label in runs}
        for _ in range(args.runs):
            for label, command in runs.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, timeout=60)
                times[label].append(time.perf_counter() - start)
        floor = statistics.median(times["floor (bare LongTable)"])
        print(f"{'':26}{'median s':>10}{'best s':>9}{'× floor':>9}")
        for label, values in times.items():
            median = statistics.median(values)
            print(f"{label:26}{median:10.2f}{min(values):9.2f}{median / floor:9.1f}")


if __name__ == "__main__":
    main()
