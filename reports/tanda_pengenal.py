"""Tanda pengenal (name tags): 8 per page, 2 × 4, with cut marks, for a lanyard sleeve.

Each tag: the kegiatan on top, the name big (shrinking to fit, wrapping at the smallest size),
jabatan and asal, the peran in a band, and the participant's check-in code as a QR code with the
code in text beneath (a USB scanner at the check-in desk reads it). The QR is made by segno with a
fixed mask (the automatic mask choice costs ~5× more) and drawn as one filled path of run-length
rectangles rather than one rectangle per module.
"""

from __future__ import annotations

from collections.abc import Sequence

import segno
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reports.base import DocumentBuilder
from reports.data_kegiatan import NameTag, NameTagSet, chunks
from reports.fonts import SANS, SANS_BOLD
from reports.text import fitted_paragraph, para

COLUMNS, ROWS = 2, 4
GAP = 6 * mm  # between tags: room for the cut marks
PAD = 3.5 * mm
QR_SIZE = 20 * mm
MARK = 2.5 * mm  # length of a cut mark
QR_MASK = 0  # fixed mask: fast, and a scanner does not care which


def qr_matrix(code: str) -> tuple[tuple[bool, ...], ...]:
    """Dark modules of the QR code of ``code`` (no quiet zone), rows top to bottom."""
    qr = segno.make_qr(code, error="m", mask=QR_MASK, boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix)


def qr_operators(code: str, x: float, y: float, size: float) -> str:
    """PDF path operators filling the dark modules: one ``re`` per horizontal run, one ``f`` at the end.

    Written as text because ReportLab's path object formats every number through ``fp_str`` and made
    the QR codes half the time of 230 name tags.
    """
    matrix = qr_matrix(code)
    module = size / len(matrix)
    parts = []
    for r, row in enumerate(matrix):
        bottom = y + size - (r + 1) * module
        c, width = 0, len(row)
        while c < width:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < width and row[c]:
                c += 1
            parts.append(f"{x + start * module:.2f} {bottom:.2f} {(c - start) * module:.2f} {module:.2f} re")
    parts.append("f")
    return "\n".join(parts)


def draw_qr(canvas, code: str, x: float, y: float, size: float) -> None:  # noqa: ANN001
    """The QR of ``code`` filling a ``size`` square whose lower-left corner is (x, y)."""
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.addLiteral(qr_operators(code, x, y, size))
    canvas.restoreState()


class TagStyles:
    def __init__(self) -> None:
        self.kegiatan = ParagraphStyle(
            "TagKegiatan", fontName=SANS_BOLD, fontSize=8, leading=9.5, alignment=TA_CENTER, splitLongWords=1
        )
        self.keterangan = ParagraphStyle(
            "TagKet", fontName=SANS, fontSize=7, leading=8.5, alignment=TA_CENTER, splitLongWords=1
        )
        self.nama = ParagraphStyle(
            "TagNama", fontName=SANS_BOLD, fontSize=18, leading=21, alignment=TA_CENTER, splitLongWords=1
        )
        self.detail = ParagraphStyle("TagDetail", fontName=SANS, fontSize=8.5, leading=10.5, splitLongWords=1)
        self.peran = ParagraphStyle("TagPeran", fontName=SANS_BOLD, fontSize=12, leading=14, splitLongWords=1)
        self.kode = ParagraphStyle("TagKode", fontName=SANS, fontSize=7, leading=8, alignment=TA_CENTER)


class TagPage(Flowable):
    """One page of up to eight tags filling the body frame."""

    def __init__(
        self, data: NameTagSet, tags: Sequence[NameTag], styles: TagStyles, width: float, height: float
    ) -> None:
        super().__init__()
        self.data, self.tags, self.styles = data, tags, styles
        self.width, self.height = width, height - 1  # a whole frame: the next page starts a new sheet
        self.card_w = (self.width - (COLUMNS - 1) * GAP) / COLUMNS
        self.card_h = (self.height - (ROWS - 1) * GAP) / ROWS
        inner = self.card_w - 2 * PAD
        # The same on every tag: laid out once, drawn eight times.
        self.heading = [
            fitted_paragraph(data.kegiatan, styles.kegiatan, inner, 2 * styles.kegiatan.leading, min_size=6)
        ]
        if data.keterangan:
            self.heading.append(
                fitted_paragraph(
                    data.keterangan, styles.keterangan, inner, 2 * styles.keterangan.leading, min_size=5.5
                )
            )
        room = 2 * styles.kegiatan.leading
        self.heading_heights = [flowable.wrap(inner, room)[1] for flowable in self.heading]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        card_w, card_h = self.card_w, self.card_h
        for index, tag in enumerate(self.tags):
            col, row = index % COLUMNS, index // COLUMNS
            x = col * (card_w + GAP)
            y = self.height - (row + 1) * card_h - row * GAP
            self._cut_marks(x, y, card_w, card_h)
            self._card(tag, x, y, card_w, card_h)

    def _cut_marks(self, x: float, y: float, w: float, h: float) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#777777"))
        canvas.setLineWidth(0.3)
        for cx, dx in ((x, -1), (x + w, 1)):
            for cy, dy in ((y, -1), (y + h, 1)):
                canvas.line(cx + dx * 0.8 * mm, cy, cx + dx * (0.8 * mm + MARK), cy)
                canvas.line(cx, cy + dy * 0.8 * mm, cx, cy + dy * (0.8 * mm + MARK))
        canvas.restoreState()

    def _place(self, flowable: Flowable, x: float, top: float, width: float, height: float) -> float:
        """Draw ``flowable`` with its top at ``top``; returns the height it took."""
        _, used = flowable.wrap(width, height)
        flowable.drawOn(self.canv, x, top - used)
        return used

    def _card(self, tag: NameTag, x: float, y: float, w: float, h: float) -> None:
        s, canvas = self.styles, self.canv
        inner = w - 2 * PAD
        top = y + h - PAD
        for flowable, height in zip(self.heading, self.heading_heights, strict=True):
            flowable.drawOn(canvas, x + PAD, top - height)
            top -= height
        top -= 1.5 * mm
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.line(x + PAD, top, x + w - PAD, top)
        canvas.restoreState()
        bottom_block = QR_SIZE + 4 * mm  # QR and its code line
        name_box = top - (y + PAD + bottom_block) - 2 * mm
        name = fitted_paragraph(tag.nama, s.nama, inner, name_box, min_size=6)
        _, name_h = name.wrap(inner, name_box)
        name.drawOn(canvas, x + PAD, top - 1 * mm - (name_box + name_h) / 2)  # centred in its band
        qr_x, qr_y = x + w - PAD - QR_SIZE, y + PAD + 3 * mm
        draw_qr(canvas, tag.kode, qr_x, qr_y, QR_SIZE)
        self._place(para(tag.kode, s.kode), qr_x - 2 * mm, qr_y - 0.5 * mm, QR_SIZE + 4 * mm, 3 * mm)
        left_w = inner - QR_SIZE - 3 * mm
        detail_top = y + PAD + bottom_block - 1 * mm
        details = " · ".join(part for part in (tag.jabatan, tag.asal) if part)
        if details:
            detail = fitted_paragraph(details, s.detail, left_w, 3 * s.detail.leading, min_size=6.5)
            detail_top -= self._place(detail, x + PAD, detail_top, left_w, 3 * s.detail.leading)
        self._place(
            fitted_paragraph(tag.peran.upper(), s.peran, left_w, s.peran.leading, min_size=8),
            x + PAD,
            y + PAD + s.peran.leading + 1 * mm,
            left_w,
            s.peran.leading,
        )


class TandaPengenalDocument(DocumentBuilder):
    title = "Tanda Pengenal"
    page_numbers = False  # the sheet is cut up

    def __init__(self, data: NameTagSet, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, title=f"Tanda Pengenal {data.kegiatan}", **kwargs)
        self.data = data
        self.tag_styles = TagStyles()

    def build_story(self) -> list[Flowable]:
        per_page = COLUMNS * ROWS
        return [
            TagPage(self.data, group, self.tag_styles, self.content_width, self.content_height)
            for group in chunks(self.data.tags, per_page)
        ]
