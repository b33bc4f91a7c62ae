"""Kop surat and signature blocks as they land in the PDF."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader
from reportlab.platypus import Flowable

from reports.base import DocumentBuilder
from reports.data import Kop, PageSetup, Signatory, SignatureBlock
from reports.kop import UNIT, KopFlowable
from reports.signature import signature_table
from tests.reports.conftest import pdf_text, text_runs


class Letter(DocumentBuilder):
    def __init__(self, kop: Kop | None, blocks: list[SignatureBlock]) -> None:
        super().__init__(PageSetup(), kop)
        self.blocks = blocks

    def build_story(self) -> list[Flowable]:
        return [signature_table(self.blocks, self.content_width, self.styles)]


def _images(data: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(data)).pages)


def test_kop_lines_sizes_and_logos(kop: Kop, camat: Signatory, logo_png: bytes) -> None:
    data = Letter(kop, [SignatureBlock(camat)]).render_bytes()
    runs = {r.text: r for r in text_runs(data)}
    assert [line for line in kop.lines() if line in runs] == kop.lines()
    assert runs["KECAMATAN METRO PUSAT"].size == UNIT[1]  # biggest line at its nominal size
    sizes = [runs[line].size for line in kop.lines()]
    assert sizes[1] > sizes[0] > sizes[3]  # 2 : 3 : 1 ordering (pemerintah, unit, alamat)
    assert runs["PEMERINTAH KOTA METRO"].font.endswith("Bold")
    assert runs[kop.alamat].font == "LiberationSans"
    ys = [runs[line].y for line in kop.lines()]
    assert ys == sorted(ys, reverse=True)  # top to bottom
    assert _images(data) == 1
    other = io.BytesIO()
    Image.new("RGB", (80, 80), (200, 30, 30)).save(other, "PNG")
    two_logos = Kop(kop.pemerintah, kop.unit, logo=logo_png, logo_kanan=other.getvalue())
    assert _images(Letter(two_logos, [SignatureBlock(camat)]).render_bytes()) == 2


def test_broken_logo_is_left_out_not_fatal(kop: Kop, camat: Signatory, caplog) -> None:
    broken = Kop(kop.pemerintah, kop.unit, logo=b"\x89PNG\r\n\x1a\nrusak")
    data = Letter(broken, [SignatureBlock(camat)]).render_bytes()
    assert "KECAMATAN METRO PUSAT" in pdf_text(data)[0]
    assert _images(data) == 0
    assert "tidak dapat dibaca" in caplog.text


def test_kop_is_centred_between_logos(kop: Kop, camat: Signatory) -> None:
    data = Letter(kop, [SignatureBlock(camat)]).render_bytes()
    setup = PageSetup()
    _, right, _, left = setup.margins
    centre = left + (setup.page_size[0] - left - right) / 2
    for run in text_runs(data):
        if run.text in kop.lines():
            assert abs(run.x + run.width / 2 - centre) < 1.0, run


def test_kop_height_grows_when_lines_wrap() -> None:
    short = KopFlowable(Kop("PEMERINTAH KOTA METRO", "KECAMATAN METRO PUSAT"))
    long = KopFlowable(Kop("PEMERINTAH KOTA METRO", "KECAMATAN " + "METRO PUSAT SELATAN " * 6))
    assert long.wrap(450, 800)[1] > short.wrap(450, 800)[1]


def test_single_block_right_half_with_an(camat: Signatory) -> None:
    sekcam = Signatory(
        "Budi Santoso, S.STP.",
        "Sekretaris Kecamatan",
        "Penata Tk. I (III/d)",
        "19900101 201001 1 002",
        prefiks="a.n.",
        jabatan_atasan="CAMAT METRO PUSAT",
    )
    data = Letter(None, [SignatureBlock(sekcam, "Metro, 21 Juli 2023")]).render_bytes()
    runs = text_runs(data)
    order = [r.text for r in runs if r.text != "Halaman 1 dari 1"]
    assert order == [
        "Metro, 21 Juli 2023",
        "a.n. CAMAT METRO PUSAT",
        "Sekretaris Kecamatan,",
        "Budi Santoso, S.STP.",
        "Penata Tk. I (III/d)",
        "NIP. 19900101 201001 1 002",
    ]
    setup = PageSetup()
    middle = setup.margins[3] + (setup.page_size[0] - setup.margins[1] - setup.margins[3]) / 2
    assert all(r.x >= middle - 0.5 for r in runs if r.text in order)
    name = next(r for r in runs if r.text.startswith("Budi"))
    office = next(r for r in runs if r.text.startswith("Sekretaris"))
    assert office.y - name.y > 50  # room for the signature and stamp (~22 mm)
    assert name.font == "LiberationSans-Bold"


def test_two_blocks_names_on_one_line_and_non_asn_without_nip(camat: Signatory) -> None:
    kader = Signatory("Sri Wahyuni", "Ketua TP Posyandu")
    blocks = [SignatureBlock(camat, heading="Mengetahui,"), SignatureBlock(kader, "Metro, 21 Juli 2023")]
    data = Letter(None, blocks).render_bytes()
    runs = {r.text: r for r in text_runs(data)}
    assert runs[camat.nama].y == runs["Sri Wahyuni"].y
    assert runs["Mengetahui,"].x < runs["Metro, 21 Juli 2023"].x
    assert runs["Camat Metro Pusat,"].y == runs["Ketua TP Posyandu,"].y
    text = pdf_text(data)[0]
    assert text.count("NIP.") == 1


def test_signature_block_is_kept_together(camat: Signatory) -> None:
    from reportlab.platypus import Spacer

    class Nearly(Letter):
        def build_story(self) -> list[Flowable]:
            return [Spacer(1, self.content_height - 60), *super().build_story()]

    data = Nearly(None, [SignatureBlock(camat, "Metro, 21 Juli 2023")]).render_bytes()
    first, second = pdf_text(data)
    assert "Metro, 21 Juli 2023" in second and camat.nama in second
    assert "Metro, 21 Juli 2023" not in first
