"""What offices do today: a Word mail merge of 230 certificates, converted to PDF by LibreOffice.

The baseline of issue #5's figure (b). A 230-page ``.docx`` is built with python-docx (A4
landscape, one certificate a page: kop, SERTIFIKAT, number, "diberikan kepada", name, body, place
and date, signer — no QR, no border, no images), then ``soffice --headless --convert-to pdf``
turns it into a PDF. Both steps are timed as whole processes, since that is what a user waits for.

python-docx is a bench-only dependency (``requirements-bench.txt``); LibreOffice comes from the
system (Debian: ``libreoffice-writer-nogui``). Without them the row prints why it is missing.
``.venv/bin/python bench/mail_merge.py [--runs 3]``
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNT = 230
KEGIATAN = "Bimbingan Teknis Kader Posyandu Integrasi Layanan Primer Tahun 2026"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing() -> str:
    """Why the baseline cannot run here ('' when it can)."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return "python-docx tidak terpasang (pip install -r requirements-bench.txt)"
    if soffice() is None:
        return "LibreOffice (soffice) tidak ada (apt-get install libreoffice-writer-nogui)"
    return ""


def build_docx(target: Path) -> None:
    """The merged document a secretary gets from Word: one section page per participant."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Mm(15))

    def line(text: str, size: int, bold: bool = False) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, "Liberation Sans"

    for number in range(1, COUNT + 1):
        line("PEMERINTAH KOTA METRO", 14, True)
        line("KECAMATAN METRO PUSAT", 16, True)
        line("SERTIFIKAT", 36, True)
        line(f"Nomor: {number:03d}/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026", 12)
        line("diberikan kepada", 12)
        line(f"Hj. Siti Aminah Peserta Nomor {number}, S.Kep.", 26, True)
        line("Kader Posyandu Melati, Kelurahan Yosodadi", 12)
        line(f"telah mengikuti {KEGIATAN} pada tanggal 21–23 Juli 2026 di Aula Kecamatan", 12)
        line("sebanyak 24 JPL sebagai Peserta", 12)
        line("Metro, 23 Juli 2026", 12)
        line("Camat Metro Pusat,", 12)
        signer = document.add_paragraph()
        signer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        signer.add_run("\n\nDrs. H. Ahmad Syarifuddin, M.Si.").bold = True
        if number < COUNT:
            signer.add_run().add_break(WD_BREAK.PAGE)
    document.save(target)


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(runs: int = 3) -> dict[str, float]:
    """Median seconds of building the .docx and of converting it (each a whole process)."""
    builds: list[float] = []
    converts: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sertifikat.docx"
        profile = Path(folder) / "lo-profile"  # a private profile: no first-start dialogs, no lock
        for _ in range(runs):
            builds.append(_timed([sys.executable, __file__, "--build", str(source)]))
            converts.append(
                _timed(
                    [
                        soffice() or "soffice",
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        folder,
                        str(source),
                    ]
                )
            )
        pages = _pages(Path(folder) / "sertifikat.pdf")
    return {"docx": statistics.median(builds), "pdf": statistics.median(converts), "pages": pages}


def _pages(pdf: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return -1
    return len(PdfReader(pdf).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reason = missing()
    if reason:
        print(f"mail merge (docx → LibreOffice): dilewati — {reason}")
        return
    result = measure(args.runs)
    total = result["docx"] + result["pdf"]
    print(f"mail merge: python-docx {result['docx']:.3f} s + soffice → PDF {result['pdf']:.3f} s "
          f"= {total:.3f} s ({result['pages']} halaman)")  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--build":
        build_docx(Path(sys.argv[2]))
    else:
        main()
