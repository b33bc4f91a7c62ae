"""The Indonesian zig-zag signature column of daftar hadir and tanda terima (one implementation).

The "Tanda Tangan" column is split into two halves. Number 1 signs in the left half, number 2 in the
right half, 3 left, 4 right …, and each signature area is two rows high: the left half has a rule
only under even rows, the right half only under odd rows, so the areas interlock like bricks and
every signature gets twice the row height without making the table longer.

Real row spans (``SPAN``) cannot be used: with interlocking spans there is no row boundary a long
table could break at. The same look comes from leaving out rules instead, and a rule is drawn under
the last row of every page (``splitlast``) so no area is left open at a page break.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, LongTable, Spacer, TableStyle

from reports.fonts import SANS, string_width
from reports.tables import HEADER_FILL
from reports.text import para

CELL_PADDING = 3.0  # left/right/top padding inside a signature half


class ZigzagColumn:
    """Signature cells and table style commands for the two columns ``left`` and ``left + 1``.

    ``half_width`` is the width of one half; ``min_height`` the least height of one table row
    (a signature area is two rows).
    """

    def __init__(
        self,
        left: int,
        half_width: float,
        min_height: float,
        *,
        font_size: float = 8.0,
        line_width: float = 0.5,
        line_color: Any = colors.black,
    ) -> None:
        self.left = left
        self.right = left + 1
        self.half_width = half_width
        self.min_height = min_height
        self.font_size = font_size
        self.line_width = line_width
        self.line_color = line_color
        self._spacer = Spacer(1, max(0.0, min_height - 2 * CELL_PADDING))
        self._dot_width = string_width(".", SANS, font_size)

    def label(self, number: int) -> str:
        """``7. ……………`` filling the half (dots, not an underline: it prints on every printer)."""
        head = f"{number}. "
        room = self.half_width - 2 * CELL_PADDING - string_width(head, SANS, self.font_size)
        return head + "." * max(3, int(room / self._dot_width))

    def cells(self, number: int) -> list[object]:
        """The two cells of the row of person ``number``: the label on its side, a spacer on the other
        (the spacer keeps the row at least ``min_height`` tall)."""
        if number % 2:
            return [self.label(number), self._spacer]
        return [self._spacer, self.label(number)]

    def styles(self, first_row: int, numbers: list[int]) -> list[tuple]:
        """Style commands for body rows ``first_row …`` holding persons ``numbers`` in order."""
        left, right, width, color = self.left, self.right, self.line_width, self.line_color
        last = first_row + len(numbers) - 1
        commands: list[tuple] = [
            ("FONTNAME", (left, first_row), (right, last), SANS),
            ("FONTSIZE", (left, first_row), (right, last), self.font_size),
            ("VALIGN", (left, first_row), (right, last), "TOP"),
            ("LEFTPADDING", (left, first_row), (right, last), CELL_PADDING),
            ("RIGHTPADDING", (left, first_row), (right, last), CELL_PADDING),
            ("TOPPADDING", (left, first_row), (right, last), CELL_PADDING),
            ("BOTTOMPADDING", (left, first_row), (right, last), CELL_PADDING),
            ("LINEBEFORE", (left, first_row), (left, last), width, color),
            ("LINEBEFORE", (right, first_row), (right, last), width, color),
            ("LINEAFTER", (right, first_row), (right, last), width, color),
            ("LINEBELOW", (left, last), (right, last), width, color),
            ("LINEBELOW", (left, "splitlast"), (right, "splitlast"), width, color),
        ]
        for row, number in enumerate(numbers, start=first_row):
            column = right if number % 2 else left  # the area that ends under this row
            commands.append(("LINEBELOW", (column, row), (column, row), width, color))
        return commands


def signed_table(
    head: Sequence[object],
    rows: Sequence[Sequence[object]],
    numbers: Sequence[int],
    widths: Sequence[float],
    column: ZigzagColumn,
    cell_style: ParagraphStyle,
    *,
    footer: Sequence[Sequence[object]] = (),
    extra: Sequence[tuple] = (),
    end_mark: Flowable | None = None,
) -> LongTable:
    """A ruled table whose last two columns are the zig-zag signature column.

    ``head`` has one cell per text column plus the signature heading; ``rows`` hold the text cells of
    persons ``numbers``; ``footer`` rows (a total, say) get a full grid. The header repeats on
    every page; ``extra`` style commands (alignment of a money column …) are added last.
    ``end_mark`` (a :class:`PageMark`) goes into the last body row, to learn the page it lands on.
    """
    text_last = column.left - 1
    body = [[*cells, *column.cells(number)] for cells, number in zip(rows, numbers, strict=True)]
    if end_mark is not None and body:
        first = body[-1][0]
        number_style = ParagraphStyle("ZigzagNo", parent=cell_style, alignment=1)
        body[-1][0] = [end_mark, para(first, number_style) if isinstance(first, str) else first]
    data = [[*head, ""], *body, *[[*cells, "", ""] for cells in footer]]
    table = LongTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    last_body = len(body)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # plain-string cells would default to Helvetica
        ("FONTSIZE", (0, 1), (text_last, -1), cell_style.fontSize),
        ("LEADING", (0, 1), (text_last, -1), cell_style.leading),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("SPAN", (column.left, 0), (column.right, 0)),
        ("GRID", (0, 0), (-1, 0), column.line_width, column.line_color),
        ("GRID", (0, 1), (text_last, -1), column.line_width, column.line_color),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (text_last, -1), "TOP"),
        ("TOPPADDING", (0, 0), (text_last, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (text_last, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (text_last, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (text_last, -1), CELL_PADDING),
        *column.styles(1, list(numbers)),
    ]
    for offset in range(len(footer)):
        row = last_body + 1 + offset
        commands += [
            ("SPAN", (column.left, row), (column.right, row)),
            ("GRID", (0, row), (-1, row), column.line_width, column.line_color),
        ]
    table.setStyle(TableStyle([*commands, *extra]))
    return table


# ------------------------------------------------------------------- signature never alone on a page
TAIL_ROWS = 3  # rows carried over with the signatures when they would stand alone


Rows = Sequence[Sequence[object]]


def split_tail(
    rows: Rows, numbers: Sequence[int], tail: bool
) -> tuple[tuple[Rows, Sequence[int]], tuple[Rows, Sequence[int]]]:
    """(main rows and numbers, tail rows and numbers): the last TAIL_ROWS rows when ``tail``."""
    if not tail or len(rows) <= TAIL_ROWS:
        return (rows, numbers), ((), ())
    return (rows[:-TAIL_ROWS], numbers[:-TAIL_ROWS]), (rows[-TAIL_ROWS:], numbers[-TAIL_ROWS:])


class PageMark(Flowable):
    """A zero-size flowable that remembers the page it was drawn on."""

    page = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


class SignatureKeeper:
    """Mixin for a DocumentBuilder whose signatures follow a zig-zag table.

    A signature block alone on the last page invites a swapped page, and no secretary signs that.
    The document is laid out once with a :class:`PageMark` in the last row of each table (``end``)
    and at the head of each kept-together signature group (``sign``); when a group landed on a later
    page than the table's last row, the document is laid out again with the last rows of that table moved into
    the group (a second table with its own header on the new page). Subclasses read
    ``self.tails`` (keys whose table must give up its tail) while building the story.
    """

    tails: frozenset[object] = frozenset()

    def mark(self, key: object, which: str) -> PageMark:
        marks = self.__dict__.setdefault("_marks", {})
        return marks.setdefault((key, which), PageMark())

    def render(self, target: Any) -> int:
        self.tails, self._marks = frozenset(), {}
        pages = super().render(target)  # type: ignore[misc]
        keys = {key for key, _ in self._marks}
        orphaned = frozenset(
            k
            for k in keys
            if self._marks.get((k, "sign"))
            and self._marks.get((k, "end"))
            and self._marks[(k, "sign")].page > self._marks[(k, "end")].page
        )
        if not orphaned:
            return pages
        self.tails, self._marks = orphaned, {}
        if not isinstance(target, (str, os.PathLike)):
            target.seek(0)
            target.truncate()
        return super().render(target)  # type: ignore[misc]
