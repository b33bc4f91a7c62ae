"""The document builder every printed naskah derives from (pretix's renderer pattern).

A subclass only implements :meth:`DocumentBuilder.build_story`; the base provides the page size
and margins from :class:`~reports.data.PageSetup`, the kop on the first page only (Tata Naskah
Dinas), the named stylesheet, "Halaman x dari y" on every page, embedded fonts, and output to a
path (written atomically) or a binary stream::

    class Undangan(DocumentBuilder):
        title = "Undangan"

        def build_story(self) -> list[Flowable]:
            return [para("UNDANGAN", self.styles["Title"]), ...]

    pages = Undangan(setup, kop).render(path)
"""

from __future__ import annotations

import io
import os
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from reports.canvas import NumberedCanvas, PageFooter
from reports.data import Kop, PageSetup
from reports.fonts import SANS, register_fonts
from reports.kop import KopFlowable
from reports.styles import build_stylesheet

KOP_GAP = 5 * mm  # between the kop's double rule and the first line of the body


class RenderError(Exception):
    """A document could not be laid out; ``message`` is Indonesian and fit for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DocumentBuilder(ABC):
    """Base of every printed document. Subclasses set class attributes and build the story."""

    title = "Dokumen"  # PDF metadata title (subclasses override or pass title=)
    page_numbers = True  # "Halaman x dari y" at the foot of every page
    base_font_size = 12.0  # Arial 12 per Tata Naskah Dinas; tables use base − 2

    def __init__(
        self,
        setup: PageSetup | None = None,
        kop: Kop | None = None,
        *,
        title: str | None = None,
        author: str = "Pokjanal Desk",
    ) -> None:
        register_fonts()
        self.setup = setup or PageSetup()
        self.kop = kop
        self.doc_title = title or self.title
        self.author = author
        self.styles = build_stylesheet(self.base_font_size)
        self.page_count = 0

    # -- geometry -------------------------------------------------------------------------
    @property
    def page_size(self) -> tuple[float, float]:
        return self.setup.page_size

    @property
    def content_width(self) -> float:
        _, right, _, left = self.setup.margins
        return self.page_size[0] - left - right

    @property
    def content_height(self) -> float:
        """Height of the body frame on pages without the kop."""
        top, _, bottom, _ = self.setup.margins
        return self.page_size[1] - top - bottom

    # -- to override ----------------------------------------------------------------------
    @abstractmethod
    def build_story(self) -> list[Flowable]:
        """The document's flowables; every concrete document implements this."""

    def decorate_page(self, canvas: Any, doc: BaseDocTemplate) -> None:  # noqa: B027 - optional hook
        """Hook drawn under the body on every page (watermark, paraf box …); nothing by default."""

    # -- output ---------------------------------------------------------------------------
    def render(self, target: str | os.PathLike[str] | IO[bytes]) -> int:
        """Write the PDF to a path (atomically, via a temporary file) or a binary stream.

        Returns the page count. Raises :class:`RenderError` when the story cannot be laid out.
        """
        if isinstance(target, (str, os.PathLike)):
            path = Path(target)
            temp = path.with_name(f".{path.name}.tmp")
            try:
                with open(temp, "wb") as stream:
                    pages = self._render_to(stream)
                os.replace(temp, path)
            finally:
                temp.unlink(missing_ok=True)
            return pages
        return self._render_to(target)

    def render_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.render(buffer)
        return buffer.getvalue()

    # -- machinery ------------------------------------------------------------------------
    def _render_to(self, stream: IO[bytes]) -> int:
        doc = self._doc_template(stream)
        canvases: list[NumberedCanvas] = []
        story = self.build_story()
        try:
            doc.build(story, canvasmaker=self._canvas_maker(canvases))
        except LayoutError as exc:
            raise RenderError(
                "Sebagian isi dokumen terlalu besar untuk satu halaman dan tidak dapat dicetak. "
                "Persingkat teks yang sangat panjang lalu coba lagi."
            ) from exc
        self.page_count = canvases[-1].page_count if canvases else 0
        return self.page_count

    def _canvas_maker(self, sink: list[NumberedCanvas]) -> Callable[..., NumberedCanvas]:
        _, _, bottom, _ = self.setup.margins
        footer = PageFooter(x=self.page_size[0] / 2, y=max(bottom / 2, 7 * mm), enabled=self.page_numbers)

        def make(*args: Any, **kwargs: Any) -> NumberedCanvas:
            canvas = NumberedCanvas(*args, footer=footer, **kwargs)
            sink.append(canvas)
            return canvas

        return make

    def _doc_template(self, stream: IO[bytes]) -> BaseDocTemplate:
        top, right, bottom, left = self.setup.margins
        doc = BaseDocTemplate(
            stream,
            pagesize=self.page_size,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=self.doc_title,
            author=self.author,
            creator="Pokjanal Desk",
            initialFontName=SANS,
            lang="id-ID",
        )
        later = Frame(
            left,
            bottom,
            self.content_width,
            self.content_height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        templates = [
            PageTemplate(id="later", frames=[later], onPage=self.decorate_page, pagesize=self.page_size)
        ]
        if self.kop is not None:
            kop = KopFlowable(self.kop)
            _, kop_height = kop.wrap(self.content_width, self.content_height)
            first_height = self.content_height - kop_height - KOP_GAP
            first = Frame(
                left,
                bottom,
                self.content_width,
                first_height,
                id="body-first",
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )

            def on_first(canvas: Any, document: BaseDocTemplate) -> None:
                kop.drawOn(canvas, left, self.page_size[1] - top - kop_height)
                self.decorate_page(canvas, document)

            templates.insert(
                0,
                PageTemplate(
                    id="first",
                    frames=[first],
                    onPage=on_first,
                    autoNextPageTemplate="later",
                    pagesize=self.page_size,
                ),
            )
        doc.addPageTemplates(templates)
        return doc
