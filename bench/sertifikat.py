"""230 bimtek certificates with signed QR codes in one PDF, in-process, beside a bare-canvas floor.

Rows (median of ``--runs``, interleaved so a busy machine hurts every row alike):

- ``floor``: the same 230 A4-landscape pages drawn with bare ReportLab canvas calls — title,
  number, name, body lines, signer — in Helvetica, no QR, no border, no fonts to embed;
- ``sign``: 230 Ed25519 signatures of the QR payloads (``db.sertifikat_crypto.sign``);
- ``sertifikat``: :func:`reports.sertifikat.render_certificates` of the 230 signed certificates
  (built-in border, two logos, Liberation fonts embedded, QR at level Q);
- ``+ latar``: the same with a full-bleed 1754×1240 JPEG background instead of the border.

Then the same two as whole processes (Python start, imports, font registration, signing the
230 payloads with a fresh key, writing the file) — what the issue's ~0.27 s floor measured.

Then the whole app path through the CLI on the demo bimtek (188 eligible of 235, logos, JPEG
background, agenda back page, numbers issued in setup): ``cetak sertifikat 1 -o`` (one PDF, 376
pages) and ``--per-peserta`` (188 files). Measured 2026-11-23 (median of 3, busy box): process floor
0.31–0.56 s, CLI one PDF 0.99–1.16 s (1.8–3.7 × floor), CLI per person 10.2 s (~50 ms a file in
process: fonts, background and the materi table are embedded again in every file).

The aim (issue 5) is one PDF ≤ 3 × the floor. ``.venv/bin/python bench/sertifikat.py [--runs 5]``

Measured 2026-11-23 on the shared 2-core box (load ≈ 1.4, median of 5–9): in-process floor
0.06–0.09 s, sign 0.02 s, sertifikat 0.30–0.33 s (3.8–4.7 × the in-process floor), with a JPEG
background 0.33–0.35 s; whole processes: floor 0.33 s, sertifikat 0.73 s (2.2 ×). Before the
fast QR path (segno with a fixed mask, ~3.5 ms a version-12 code, and one ``re`` per run of
modules) the in-process render took 1.46 s; segno's automatic mask would add ~1.5 s more. What is
left in-process: zlib page compression ~0.1 s (QR paths are most of each page's stream), the QR
codes ~0.1 s, text and font subsetting.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from db import sertifikat_crypto as crypto  # noqa: E402
from reports.data import Signatory, SignatureBlock  # noqa: E402
from reports.data_sertifikat import CertificateTemplate, Sertifikat  # noqa: E402
from reports.fonts import register_fonts  # noqa: E402
from reports.sertifikat import PAGE_H, PAGE_W, render_certificates  # noqa: E402

COUNT = 230
KEGIATAN = "Bimbingan Teknis Kader Posyandu Integrasi Layanan Primer Tahun 2026"
SIGNER = Signatory(
    "Drs. H. Ahmad Syarifuddin, M.Si.",
    "Camat Metro Pusat",
    "Pembina Tingkat I (IV/b)",
    "19700512 199503 1 002",
)
FIRST = ("Siti", "Nur", "Dewi", "Rina", "Sri", "Ani", "Yuli", "Wahyu", "Eka", "Fitri")
LAST = ("Aminah", "Rahmawati", "Lestari", "Susanti", "Hidayati", "Wulandari", "Purnamasari", "Handayani")


def _png(size: tuple[int, int], fmt: str) -> bytes:
    image = Image.new("RGB", size, (250, 246, 235))
    draw = ImageDraw.Draw(image)
    for step in range(0, size[0], 40):
        draw.line((step, 0, step + size[1], size[1]), fill=(235, 225, 200), width=6)
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def claims() -> list[crypto.CertificateClaim]:
    return [
        crypto.CertificateClaim(
            f"{n:03d}/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026",
            f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]} {n}",
            KEGIATAN,
            date(2026, 7, 23),
            "18.72.01",
        )
        for n in range(1, COUNT + 1)
    ]


def certificates(texts: list[str], items: list[crypto.CertificateClaim]) -> list[Sertifikat]:
    block = (SignatureBlock(SIGNER),)
    return [
        Sertifikat(
            c.nomor,
            c.nama,
            "NIK. 1872••••••••0001",
            "Kader Posyandu Melati, Kelurahan Metro",
            "Peserta",
            KEGIATAN,
            "21–23 Juli 2026",
            "Aula Kantor Camat Metro Pusat",
            30,
            "Metro, 23 Juli 2026",
            block,
            text,
        )
        for c, text in zip(items, texts, strict=True)
    ]


def floor(items: list[crypto.CertificateClaim]) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO(), pagesize=(PAGE_W, PAGE_H))
    for c in items:
        canvas.setFont("Helvetica-Bold", 40)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 140, "SERTIFIKAT")
        canvas.setFont("Helvetica", 11)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 167, f"Nomor: {c.nomor}")
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 192, "diberikan kepada")
        canvas.setFont("Helvetica-Bold", 34)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 230, c.nama)
        canvas.setFont("Helvetica", 12)
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 290, f"telah mengikuti {KEGIATAN} yang diselenggarakan")
        canvas.drawCentredString(PAGE_W / 2, PAGE_H - 307, "pada 21–23 Juli 2026 di Aula, 30 JPL")
        canvas.drawCentredString(PAGE_W - 200, 200, "Metro, 23 Juli 2026")
        canvas.drawCentredString(PAGE_W - 200, 100, SIGNER.nama)
        canvas.drawCentredString(PAGE_W - 200, 86, SIGNER.nip_line)
        canvas.showPage()
    canvas.save()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _process(mode: str, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, mode, str(out)], check=True)
    return time.perf_counter() - start


def once(mode: str, out: str) -> None:
    """One fresh-process run: ``--floor-once`` or ``--once`` (what the process rows time)."""
    if mode == "--floor-once":
        from reportlab.pdfgen.canvas import Canvas

        canvas = Canvas(out, pagesize=(PAGE_W, PAGE_H))
        for c in claims():
            canvas.setFont("Helvetica-Bold", 34)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 230, c.nama)
            canvas.setFont("Helvetica", 11)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 167, f"Nomor: {c.nomor}")
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 290, f"telah mengikuti {KEGIATAN}")
            canvas.showPage()
        canvas.save()
        return
    key = crypto.load_private_pem(crypto.generate_private_pem())
    items = claims()
    logo = _png((200, 240), "PNG")
    template = CertificateTemplate(
        kop_lines=("PEMERINTAH KOTA METRO", "KECAMATAN METRO PUSAT"), logo=logo, logo_kanan=logo
    )
    render_certificates(template, certificates([crypto.sign(c, key) for c in items], items), out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    register_fonts()
    key = crypto.load_private_pem(crypto.generate_private_pem())
    items = claims()
    texts = [crypto.sign(c, key) for c in items]
    certs = certificates(texts, items)
    logo = _png((200, 240), "PNG")
    plain = CertificateTemplate(
        kop_lines=("PEMERINTAH KOTA METRO", "KECAMATAN METRO PUSAT"), logo=logo, logo_kanan=logo
    )
    backed = CertificateTemplate(
        kop_lines=plain.kop_lines, logo=logo, logo_kanan=logo, background=_png((1754, 1240), "JPEG")
    )
    rows: dict[str, Callable[[], object]] = {
        "floor (bare canvas, no QR)": lambda: floor(items),
        "sign 230 QR payloads": lambda: [crypto.sign(c, key) for c in items],
        "sertifikat (border, QR)": lambda: render_certificates(plain, certs, io.BytesIO()),
        "sertifikat + latar JPEG": lambda: render_certificates(backed, certs, io.BytesIO()),
    }
    for fn in rows.values():
        fn()  # warm-up: imports, font subsets, caches
    times: dict[str, list[float]] = {label: [] for label in rows}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.pdf"
        data = _demo_data(Path(folder), logo)
        processes = {"process: floor": "--floor-once", "process: sertifikat": "--once"}
        cli = {
            "process: CLI one PDF (demo)": ["-o", str(out)],
            "process: CLI per person (demo)": ["--per-peserta", str(Path(folder) / "per"), "--timpa"],
        }
        times.update({label: [] for label in (*processes, *cli)})
        for _ in range(args.runs):
            for label, fn in rows.items():
                times[label].append(timed(fn))
            for label, mode in processes.items():
                times[label].append(_process(mode, out))
            for label, extra in cli.items():
                times[label].append(_cli(data, extra))
    report(times)
    _mail_merge(args.runs, statistics.median(times["process: CLI one PDF (demo)"]))


def _mail_merge(runs: int, ours: float) -> None:
    """Row (b) of the issue: what offices do today, beside our one-PDF CLI run."""
    import mail_merge

    reason = mail_merge.missing()
    if reason:
        print(f"mail merge (docx → LibreOffice): dilewati — {reason}")
        return
    result = mail_merge.measure(min(runs, 3))
    total = result["docx"] + result["pdf"]
    print(f"{'mail merge (docx + soffice)':30s} {total:6.3f} s  ({result['pages']} halaman, tanpa QR); "
          f"CLI satu PDF {total / ours:.1f} × lebih cepat")  # fmt: skip


def _demo_data(folder: Path, logo: bytes) -> Path:
    """A data folder with the demo bimtek, a JPEG background and both logos; numbers issued once
    (the first CLI run would otherwise time issuing and signing too: ~0.15 s)."""
    from db.paths import DataPaths
    from db.services.demo import load_demo
    from db.services.profile import set_logo
    from db.services.sertifikat import set_latar
    from db.services.sertifikat_terbit import terbitkan
    from db.session import DataStore

    paths = DataPaths(folder / "data").ensure()
    store = DataStore(paths)
    store.open()
    try:
        load_demo()
        set_logo("daerah", logo)
        set_logo("kedua", logo)
        latar = folder / "latar.jpg"
        latar.write_bytes(_png((1754, 1240), "JPEG"))
        set_latar(1, latar)
        terbitkan(1, date.today())
    finally:
        store.close()
    return paths.root


def _cli(data: Path, extra: list[str]) -> float:
    """``main.py cetak sertifikat 1 …`` as a user runs it (issues nothing new after the first run)."""
    start = time.perf_counter()
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "cetak", "sertifikat", "1"]
    subprocess.run([*command, *extra], check=True, capture_output=True)
    return time.perf_counter() - start


def report(times: dict[str, list[float]]) -> None:
    for label, values in times.items():
        base = statistics.median(
            times["process: floor" if label.startswith("process") else "floor (bare canvas, no QR)"]
        )
        median = statistics.median(values)
        print(f"{label:30s} {median:6.3f} s  {median / base:4.1f} × floor")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("--once", "--floor-once"):
        once(sys.argv[1], sys.argv[2])
    else:
        main()
