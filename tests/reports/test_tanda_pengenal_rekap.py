"""Name tags (8 a page, QR codes a scanner reads back, long names inside the tag) and the rekap
kehadiran (marks, per-person and per-day totals, the drawn tick)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from reports.data import PageSetup
from reports.data_kegiatan import ALPA, HADIR, IZIN, SAKIT, NameTag, NameTagSet, RekapKehadiran, RekapLine
from reports.fonts import missing_chars
from reports.rekap_kehadiran import RekapKehadiranDocument
from reports.tanda_pengenal import TandaPengenalDocument, qr_matrix
from tests.reports.conftest import pdf_fonts, pdf_text, text_runs
from tests.reports.kegiatan_samples import KEGIATAN, LONG_NAME, people


def tags(count: int) -> NameTagSet:
    return NameTagSet(
        kegiatan=KEGIATAN.nama,
        keterangan="23–25 November 2026 · Aula Kantor Camat Metro Pusat",
        tags=tuple(
            NameTag(
                nama=p.nama,
                asal=p.asal,
                peran="Narasumber" if p.no == 3 else "Peserta",
                kode=f"BT{p.no:04d}",
                jabatan=p.jabatan,
            )
            for p in people(count)
        ),
    )


def test_name_tags_eight_per_page_with_codes_and_long_name_inside(tmp_path) -> None:  # noqa: ANN001
    document = TandaPengenalDocument(tags(20), PageSetup())
    pdf = document.render_bytes()
    assert document.page_count == 3
    pages = pdf_text(pdf)
    assert "BT0001" in pages[0] and "BT0008" in pages[0] and "BT0009" not in pages[0]
    assert "NARASUMBER" in pages[0] and "PESERTA" in pages[0]
    assert "Halaman" not in " ".join(pages)
    assert all(pdf_fonts(pdf).values())
    width = PageSetup().page_size[0]
    for run in text_runs(pdf):
        if "Rahayuningsih" in run.text or "Kusumawardhani" in run.text:
            assert run.x >= 25 * 2.83 and run.x + run.width <= width / 2, run  # left tag of its row
    assert len(qr_matrix("BT0001")) == 21  # version 1, a small code


@pytest.mark.skipif(not shutil.which("zbarimg") or not shutil.which("pdftoppm"), reason="zbar/poppler absent")
def test_qr_codes_scan_back(tmp_path) -> None:  # noqa: ANN001
    pdf = tmp_path / "tags.pdf"
    TandaPengenalDocument(tags(8), PageSetup()).render(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "page")], check=True)
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", *map(str, sorted(tmp_path.glob("page*.png")))],
        capture_output=True,
        text=True,
    ).stdout.split()
    assert len(set(out) & {f"BT{n:04d}" for n in range(1, 9)}) >= 6  # zbar misses one now and then


def test_rekap_marks_and_totals() -> None:
    cycle = (HADIR, HADIR, IZIN, SAKIT, ALPA, "")
    lines = tuple(
        RekapLine(
            no=p.no, nama=p.nama, asal=p.asal, statuses=tuple(cycle[(p.no + day) % 6] for day in range(3))
        )
        for p in people(60)
    )
    data = RekapKehadiran(
        kegiatan=KEGIATAN,
        days=("Hari 1\n23/11", "Hari 2\n24/11", "Hari 3\n25/11"),
        lines=lines,
        subjudul="23–25 November 2026",
    )
    document = RekapKehadiranDocument(data, PageSetup(orientation="landscape"))
    pdf = document.render_bytes()
    text = " ".join(" ".join(pdf_text(pdf)).split())
    assert missing_chars("✓")  # hence the drawn tick
    per_day = [sum(1 for line in lines if line.statuses[d] == HADIR) for d in range(3)]
    assert per_day == [20, 20, 20]
    assert f"Jumlah hadir {' '.join(map(str, per_day))} 60" in text
    assert LONG_NAME[-14:] in text and "Peserta 060 Siti Rahmawati" in text
    first = lines[0]  # Peserta 001: statuses for day 0..2 = cycle[1], cycle[2], cycle[3]
    assert (
        first.statuses == (HADIR, IZIN, SAKIT)
        and f"1 Peserta 001 Siti Rahmawati {first.asal} I S 1/3 33%" in text
    )
    for number, page in enumerate(pdf_text(pdf), start=1):
        assert "Hari 1" in page and f"Halaman {number} dari {document.page_count}" in page
    assert all(pdf_fonts(pdf).values())
