"""DocumentBuilder: kop on page 1 only, "Halaman x dari y", embedded fonts, F4, output targets."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from reports.base import DocumentBuilder, RenderError
from reports.data import Kop, PageSetup, Signatory, SignatureBlock
from reports.signature import signature_table
from reports.text import para
from tests.reports.conftest import pdf_fonts, pdf_text


class TwoPages(DocumentBuilder):
    title = "Uji Dua Halaman"

    def __init__(self, setup: PageSetup, kop: Kop | None, signer: Signatory) -> None:
        super().__init__(setup, kop)
        self.signer = signer

    def build_story(self) -> list[Flowable]:
        s = self.styles
        return [
            para("NOTULEN RAPAT", s["Title"]),
            para("Isi halaman pertama.", s["Body"]),
            PageBreak(),
            para("Isi halaman kedua.", s["Body"]),
            signature_table([SignatureBlock(self.signer, "Metro, 21 Juli 2023")], self.content_width, s),
        ]


def test_two_pages_numbered_with_kop_on_first_only(kop: Kop, camat: Signatory) -> None:
    data = TwoPages(PageSetup(), kop, camat).render_bytes()
    first, second = pdf_text(data)
    assert "Halaman 1 dari 2" in first and "Halaman 2 dari 2" in second
    for line in kop.lines():
        assert line in first
        assert line not in second
    assert "PEMERINTAH" not in second
    assert "Drs. H. Ahmad Syaifudin, M.Si." in second
    assert "NIP. 19860926 201505 1 001" in second
    assert "Camat Metro Pusat," in second


def test_every_font_is_embedded_and_no_helvetica(kop: Kop, camat: Signatory) -> None:
    data = TwoPages(PageSetup(), kop, camat).render_bytes()
    fonts = pdf_fonts(data)
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    assert b"Helvetica" not in data


def test_f4_page_size_and_landscape(kop: Kop, camat: Signatory) -> None:
    data = TwoPages(PageSetup(paper="F4"), kop, camat).render_bytes()
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(box.width) == pytest.approx(215 * mm, abs=0.01)
    assert float(box.height) == pytest.approx(330 * mm, abs=0.01)
    data = TwoPages(PageSetup(orientation="landscape"), None, camat).render_bytes()
    box = PdfReader(io.BytesIO(data)).pages[1].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((297 * mm, 210 * mm), abs=0.01)


def test_body_starts_below_kop_and_margins_are_respected(kop: Kop, camat: Signatory) -> None:
    from tests.reports.conftest import text_runs

    setup = PageSetup(margin_top=25, margin_left=30, margin_right=25, margin_bottom=30)
    data = TwoPages(setup, kop, camat).render_bytes()
    runs = text_runs(data)
    height = setup.page_size[1]
    title = next(r for r in runs if r.text.startswith("NOTULEN"))
    lowest_kop = min(r.y for r in runs if r.page == 1 and r.text in kop.lines())
    assert title.y < lowest_kop - 5 * mm  # below the double rule
    second = next(r for r in runs if r.text.startswith("Isi halaman kedua"))
    assert second.y == pytest.approx(height - 25 * mm - second.size, abs=3)  # no kop on page 2
    for run in runs:
        assert run.x >= 30 * mm - 0.5
        assert run.x + run.width <= setup.page_size[0] - 25 * mm + 0.5


def test_render_to_path_and_stream(tmp_path, kop: Kop, camat: Signatory) -> None:
    target = tmp_path / "notulen.pdf"
    builder = TwoPages(PageSetup(), kop, camat)
    assert builder.render(target) == 2
    assert builder.page_count == 2
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["notulen.pdf"]  # no temporary file left behind
    stream = io.BytesIO()
    assert builder.render(stream) == 2
    assert len(PdfReader(stream).pages) == 2


def test_metadata_title(kop: Kop, camat: Signatory) -> None:
    meta = PdfReader(io.BytesIO(TwoPages(PageSetup(), kop, camat).render_bytes())).metadata
    assert meta.title == "Uji Dua Halaman"


class TooTall(DocumentBuilder):
    def build_story(self) -> list[Flowable]:
        return [Spacer(1, 2000)]


def test_unlayoutable_story_raises_indonesian_error(tmp_path) -> None:
    target = tmp_path / "x.pdf"
    with pytest.raises(RenderError) as caught:
        TooTall().render(target)
    assert "terlalu besar" in caught.value.message
    assert not list(tmp_path.iterdir())  # neither the PDF nor a temporary file
