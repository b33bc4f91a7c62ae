"""Shared inputs and PDF readers (pypdf) for the print-foundation tests."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from reports.data import Kop, Signatory


@dataclass(frozen=True)
class TextRun:
    """One text-showing operation as pypdf reports it, with its width measured by ReportLab."""

    page: int
    text: str
    x: float
    y: float
    width: float
    font: str
    size: float


def _png() -> bytes:
    image = Image.new("RGB", (120, 140), (20, 100, 50))
    ImageDraw.Draw(image).ellipse((20, 20, 100, 100), fill=(230, 190, 30))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def logo_png() -> bytes:
    return _png()


@pytest.fixture
def kop(logo_png: bytes) -> Kop:
    return Kop(
        pemerintah="PEMERINTAH KOTA METRO",
        unit="KECAMATAN METRO PUSAT",
        sekretariat="POKJANAL POSYANDU KECAMATAN METRO PUSAT",
        alamat="Jl. Brigjend Sutiyoso No. 1, Kel. Metro, Kec. Metro Pusat, Kota Metro 34111",
        kontak="Telepon (0725) 41234 · Surel kecmetropusat@metrokota.go.id",
        logo=logo_png,
    )


@pytest.fixture
def camat() -> Signatory:
    return Signatory(
        nama="Drs. H. Ahmad Syaifudin, M.Si.",
        jabatan="Camat Metro Pusat",
        pangkat="Pembina Tk. I (IV/b)",
        nip="19860926 201505 1 001",
    )


def pdf_text(data: bytes) -> list[str]:
    """Extracted text per page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def text_runs(data: bytes) -> list[TextRun]:
    """Every text run with its device position (x, y of the baseline start) and measured width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs: list[TextRun] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):

        def visit(text, cm, tm, font_dict, font_size, _n=number):
            text = text.strip("\n")
            if not text.strip() or font_dict is None:
                return
            a, b, c, d, e, f = tm
            ca, cb, cc, cd, ce, cf = cm
            x = e * ca + f * cc + ce
            y = e * cb + f * cd + cf
            size = font_size * (a * ca + b * cc if a else 1)
            font = str(font_dict.get("/BaseFont", "")).split("+")[-1]
            runs.append(TextRun(_n, text, x, y, stringWidth(text, font, size), font, size))

        page.extract_text(visitor_text=visit)
    return runs


def pdf_fonts(data: bytes) -> dict[str, bool]:
    """BaseFont name → embedded? for every font on every page."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found
