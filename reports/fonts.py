"""The bundled Liberation fonts, registered with ReportLab once per process.

Liberation Sans has Arial's metrics (Tata Naskah Dinas asks for Arial, which cannot be bundled);
Liberation Serif has Times New Roman's. Every PDF embeds them as subsets, so a PC without the
fonts prints the same page. ``<b>``/``<i>`` in a Paragraph map to the right face through the
registered family.
"""

from __future__ import annotations

import threading

from resources import resource_path

SANS = "LiberationSans"
SANS_BOLD = "LiberationSans-Bold"
SANS_ITALIC = "LiberationSans-Italic"
SANS_BOLD_ITALIC = "LiberationSans-BoldItalic"
SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"

_FILES = {
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
    SANS_ITALIC: "LiberationSans-Italic.ttf",
    SANS_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the six faces and the two families (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
        )
        # Serif has no italic faces bundled: italic falls back to the upright face, never Times.
        for bold, italic, face in ((0, 0, SERIF), (1, 0, SERIF_BOLD), (0, 1, SERIF), (1, 1, SERIF_BOLD)):
            addMapping(SERIF, bold, italic, face)
        _registered = True


def string_width(text: str, font_name: str, size: float) -> float:
    """Width in points of ``text`` set in a registered font (registers the fonts first)."""
    register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font_name, size)


def missing_chars(text: str, font_name: str = SANS) -> list[str]:
    """Characters of ``text`` the font has no glyph for (Arabic, Javanese, CJK, emoji …), in order.

    ReportLab would silently print a blank box for them; callers warn the user instead.
    """
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    covered = pdfmetrics.getFont(font_name).face.charToGlyph
    seen: dict[str, None] = {}
    for char in text:
        if char.isprintable() and not char.isspace() and ord(char) not in covered:
            seen.setdefault(char, None)
    return list(seen)
