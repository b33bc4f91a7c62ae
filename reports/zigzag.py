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

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Spacer

from reports.fonts import SANS, string_width

CELL_PADDING = 3.0  # left/right/top padding inside a signature half


class ZigzagColumn:
    """Signature cells and table style commands for the two columns ``left`` and ``left + 1``.

    ``half_width`` is the width of one half; ``min_height`` the least height of one table row
    (a signature area is two rows).
    """

    def __init__(self, left: int, half_width: float, min_height: float, *, font_size: float = 8.0,
                 line_width: float = 0.5, line_color: Any = colors.black) -> None:
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
