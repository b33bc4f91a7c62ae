"""reports.pdfcheck (used by --selftest without pypdf) agrees with pypdf on our own PDFs."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from reports.base import DocumentBuilder
from reports.data import Kop, PageSetup
from reports.pdfcheck import inspect_pdf
from reports.text import para
from tests.reports.conftest import pdf_fonts, pdf_text


class ThreePages(DocumentBuilder):
    def build_story(self) -> list[Flowable]:
        s = self.styles
        return [
            para("Satu — Rp1.250.000 · “kutip” é", s["Body"]),
            PageBreak(),
            para("<b>dua</b> & (kurung) \\ garis", s["Heading"]),
            PageBreak(),
            para("tiga", s["Body"]),
        ]


def test_pages_text_and_fonts_match_pypdf(kop: Kop) -> None:
    data = ThreePages(PageSetup(), kop).render_bytes()
    summary = inspect_pdf(data)
    assert summary.pages == len(pdf_text(data)) == 3
    flat = " ".join(summary.text.split())
    for expected in [
        *kop.lines(),
        "Satu — Rp1.250.000 · “kutip” é",
        "<b>dua</b> & (kurung) \\ garis",
        "Halaman 3 dari 3",
    ]:
        assert expected in flat
    assert {f.name for f in summary.fonts} == {name.lstrip("/") for name in pdf_fonts(data)}
    assert summary.unembedded_fonts == []


def test_detects_unembedded_standard_font() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 100, "Halo")
    canvas.showPage()
    canvas.save()
    summary = inspect_pdf(buffer.getvalue())
    assert summary.pages == 1
    assert summary.unembedded_fonts == ["Helvetica"]


def test_rejects_truncated_pdf(kop: Kop) -> None:
    data = ThreePages(PageSetup(), kop).render_bytes()
    with pytest.raises(ValueError):
        inspect_pdf(data[: len(data) // 2])
    with pytest.raises(ValueError):
        inspect_pdf(b"PK\x03\x04 not a pdf")
