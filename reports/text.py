"""Putting user text on paper safely: escape it, and make it wrap or shrink instead of overflowing.

Every user-typed string goes through :func:`escape` (or :func:`para`) before it reaches a
Paragraph: a name like ``<Siti & Co>`` is text, not markup. Fitting helpers never let text run
past its box: they shrink to a minimum size and then wrap; ``splitLongWords`` splits words that
are wider than the box on their own.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from reports.fonts import string_width


def escape(text: object) -> str:
    """NFC-normalised, XML-escaped text with line breaks kept as ``<br/>``."""
    value = unicodedata.normalize("NFC", "" if text is None else str(text))
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "<br/>".join(_xml_escape(line) for line in value.split("\n"))


def para(text: object, style: ParagraphStyle, *, markup: str = "") -> Paragraph:
    """A Paragraph of escaped ``text``; ``markup`` wraps it, e.g. ``"b"`` or ``"b,u"`` for bold+underline."""
    body = escape(text)
    tags = [tag.strip() for tag in markup.split(",") if tag.strip()]
    for tag in reversed(tags):
        body = f"<{tag}>{body}</{tag}>"
    return Paragraph(body, style)


def fit_font_size(text: str, font_name: str, width: float, max_size: float, min_size: float) -> float:
    """The largest size ≤ ``max_size`` at which ``text`` fits ``width`` on one line (≥ ``min_size``).

    The result may still be too wide at ``min_size``; callers then wrap (see :func:`fitted_paragraph`).
    """
    natural = string_width(text, font_name, max_size)
    if natural <= width or natural == 0:
        return max_size
    return max(min_size, max_size * width / natural)


def sized_style(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """A copy of ``style`` at ``size`` with the leading scaled in proportion."""
    ratio = style.leading / style.fontSize if style.fontSize else 1.2
    return ParagraphStyle(f"{style.name}@{size:.2f}", parent=style, fontSize=size, leading=size * ratio)


def fitted_paragraph(
    text: object, style: ParagraphStyle, width: float, height: float, *, min_size: float, markup: str = ""
) -> Paragraph:
    """A Paragraph at the largest size (≤ style size, ≥ ``min_size``) whose wrapped text fits the box.

    For names on certificates and long titles: shrink first, wrap at ``min_size`` if still needed.
    Long words are split by the style's ``splitLongWords``, so the width is never exceeded.
    """
    size = style.fontSize
    while True:
        candidate = para(text, sized_style(style, size), markup=markup)
        _, needed = candidate.wrap(width, height)
        if needed <= height or size <= min_size:
            return candidate
        size = max(min_size, size - 0.5)
