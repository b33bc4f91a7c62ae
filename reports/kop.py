"""The kop surat (letterhead) per Tata Naskah Dinas, drawn on the first page only.

Layout: logo daerah on the left (an optional second logo on the right), centred lines
``PEMERINTAH …`` (bold), ``KECAMATAN …`` (biggest, bold), the secretariat (bold), then the address
and contact lines in title case, sizes roughly 2 : 3 : 1; below them a double rule, thick over
thin. Every line shrinks to fit its width and, failing that, wraps — it never overflows.
"""

from __future__ import annotations

import io
import logging

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from reports.data import Kop
from reports.fonts import SANS, SANS_BOLD, register_fonts
from reports.text import escape, fit_font_size

log = logging.getLogger(__name__)

LOGO_BOX = 24 * mm  # square box each logo is fitted into
LOGO_GAP = 3 * mm
# (font, nominal size, smallest size before wrapping) per kind of line
PEMERINTAH = (SANS_BOLD, 14.0, 10.0)
UNIT = (SANS_BOLD, 18.0, 12.0)
SEKRETARIAT = (SANS_BOLD, 13.0, 9.0)
ALAMAT = (SANS, 10.0, 8.5)
KONTAK = (SANS, 9.5, 8.0)
RULE_GAP = 3.0
THICK, THIN, BETWEEN = 2.2, 0.7, 1.6


def _image(data: bytes | None) -> ImageReader | None:
    """Decode logo bytes; a broken logo is left out (and logged) rather than failing the print."""
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
        return reader
    except Exception:  # noqa: BLE001 - any decoder error means "no logo"
        log.warning("Logo pada kop tidak dapat dibaca; kop dicetak tanpa logo.")
        return None


class KopFlowable(Flowable):
    """The letterhead as a flowable: ``wrap`` measures it, ``draw`` paints it (logos, lines, rules)."""

    def __init__(self, kop: Kop) -> None:
        super().__init__()
        register_fonts()
        self.kop = kop
        self._left = _image(kop.logo)
        self._right = _image(kop.logo_kanan)
        self._paragraphs: list[Paragraph] = []
        self._text_height = 0.0
        self.width = self.height = 0.0

    def _lines(self) -> list[tuple[str, tuple[str, float, float]]]:
        kop = self.kop
        specs: list[tuple[str, tuple[str, float, float]]] = [(kop.pemerintah, PEMERINTAH), (kop.unit, UNIT)]
        if kop.sekretariat.strip() and kop.sekretariat.strip().upper() != kop.unit.strip().upper():
            specs.append((kop.sekretariat, SEKRETARIAT))
        specs += [(kop.alamat, ALAMAT), (kop.kontak, KONTAK)]
        return [(text.strip(), spec) for text, spec in specs if text and text.strip()]

    @property
    def text_width(self) -> float:
        has_logo = self._left is not None or self._right is not None
        return self.width - (2 * (LOGO_BOX + LOGO_GAP) if has_logo else 0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        width = self.text_width
        self._paragraphs = []
        for text, (font, nominal, smallest) in self._lines():
            size = fit_font_size(text, font, width, nominal, smallest)
            style = ParagraphStyle(
                "kop", fontName=font, fontSize=size, leading=size * 1.18, alignment=TA_CENTER
            )
            self._paragraphs.append(Paragraph(escape(text), style))
        self._text_height = sum(p.wrap(width, avail_height)[1] for p in self._paragraphs)
        logo_height = LOGO_BOX if (self._left or self._right) else 0
        self.height = max(self._text_height, logo_height) + RULE_GAP + THICK + BETWEEN + THIN
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        block = max(self._text_height, LOGO_BOX if (self._left or self._right) else 0)
        top = self.height
        text_x = (self.width - self.text_width) / 2
        y = top - (block - self._text_height) / 2
        for paragraph in self._paragraphs:
            y -= paragraph.height
            paragraph.drawOn(canvas, text_x, y)
        logo_y = top - block + (block - LOGO_BOX) / 2
        for reader, x in ((self._left, 0.0), (self._right, self.width - LOGO_BOX)):
            if reader is not None:
                canvas.drawImage(
                    reader, x, logo_y, LOGO_BOX, LOGO_BOX, mask="auto", preserveAspectRatio=True, anchor="c"
                )
        rule_y = top - block - RULE_GAP - THICK / 2
        canvas.saveState()
        canvas.setLineWidth(THICK)
        canvas.line(0, rule_y, self.width, rule_y)
        canvas.setLineWidth(THIN)
        thin_y = rule_y - THICK / 2 - BETWEEN - THIN / 2
        canvas.line(0, thin_y, self.width, thin_y)
        canvas.restoreState()
