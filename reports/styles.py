"""The named paragraph styles every document shares, all in Liberation Sans (Arial metrics).

Names are stable API: Normal, Body, Title, Subtitle, Heading, Small, TableHead, TableCell,
TableCellCenter, TableCellRight, Signature, Footer. ``splitLongWords`` stays on everywhere, so a
100-character unbroken word is split instead of running off the page; ``spaceShrinkage`` is 0 so a
justified line is never set wider than its box (ReportLab would squeeze spaces by up to 5 %).
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from reports.fonts import SANS, SANS_BOLD, register_fonts

LEADING = 1.25  # line height as a multiple of the font size


def _style(name: str, parent: ParagraphStyle | None, **kw: object) -> ParagraphStyle:
    size = kw.get("fontSize") or (parent.fontSize if parent else 12)
    kw.setdefault("leading", float(size) * LEADING)  # type: ignore[arg-type]
    return ParagraphStyle(name, parent=parent, **kw)  # type: ignore[arg-type]


def build_stylesheet(base_size: float = 12.0) -> StyleSheet1:
    """A fresh stylesheet; ``base_size`` 12 follows Tata Naskah Dinas (Arial 12), tables use −2."""
    register_fonts()
    small = base_size - 2
    sheet = StyleSheet1()
    normal = _style(
        "Normal",
        None,
        fontName=SANS,
        fontSize=base_size,
        alignment=TA_LEFT,
        splitLongWords=1,
        spaceShrinkage=0,
    )
    sheet.add(normal)
    sheet.add(_style("Body", normal, alignment=TA_JUSTIFY, spaceAfter=base_size * 0.5))
    sheet.add(_style("Title", normal, fontName=SANS_BOLD, fontSize=base_size + 2, alignment=TA_CENTER))
    sheet.add(_style("Subtitle", normal, alignment=TA_CENTER, spaceAfter=base_size * 0.75))
    sheet.add(_style("Heading", normal, fontName=SANS_BOLD, spaceBefore=base_size * 0.5, spaceAfter=3))
    sheet.add(_style("Small", normal, fontSize=small))
    sheet.add(
        _style(
            "TableHead", normal, fontName=SANS_BOLD, fontSize=small, alignment=TA_CENTER, leading=small * 1.15
        )
    )
    sheet.add(_style("TableCell", normal, fontSize=small, leading=small * 1.15))
    sheet.add(_style("TableCellCenter", sheet["TableCell"], alignment=TA_CENTER))
    sheet.add(_style("TableCellRight", sheet["TableCell"], alignment=TA_RIGHT))
    sheet.add(_style("Signature", normal, leading=base_size * 1.2))
    sheet.add(_style("Footer", normal, fontSize=8, alignment=TA_CENTER, textColor="#333333"))
    return sheet
