"""A canvas that prints "Halaman x dari y" once the total page count is known (pretix pattern).

Each finished page's state is kept instead of written; on ``save()`` every page gets its footer
with the final total, then is emitted. The canvas is created with ``initialFontName`` set to a
bundled font so the PDF never declares an unembedded Helvetica.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from reports.fonts import SANS, register_fonts


def halaman(page: int, total: int) -> str:
    return f"Halaman {page} dari {total}"


@dataclass(frozen=True)
class PageFooter:
    """Where and how the page number is drawn (points from the page's bottom-left corner)."""

    x: float
    y: float
    font_size: float = 8.0
    enabled: bool = True
    label: Callable[[int, int], str] = halaman


class NumberedCanvas(Canvas):
    """Canvas that defers pages until the total is known. ``page_count`` is set by ``save()``."""

    def __init__(self, *args: Any, footer: PageFooter, **kwargs: Any) -> None:
        register_fonts()
        kwargs.setdefault("initialFontName", SANS)
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._saved_pages: list[dict[str, Any]] = []
        self.page_count = 0

    def showPage(self) -> None:  # noqa: N802 - ReportLab API
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            Canvas.showPage(self)
        self.page_count = total
        Canvas.save(self)

    def _draw_footer(self, total: int) -> None:
        footer = self._footer
        if not footer.enabled:
            return
        self.saveState()
        self.setFont(SANS, footer.font_size)
        self.setFillColorRGB(0.2, 0.2, 0.2)
        self.drawCentredString(footer.x, footer.y, footer.label(self._pageNumber, total))
        self.restoreState()
