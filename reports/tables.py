"""Ruled tables in the house style: bold header repeated on every page, wrapped cells, thin grid.

Cells are escaped Paragraphs, so long names and 100-character words wrap inside their column
instead of spilling into the next one. Column widths are fractions of the available width.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Flowable, LongTable, TableStyle

from reports.fonts import SANS
from reports.text import para

HEADER_FILL = colors.HexColor("#E6E6E6")
_CELL_STYLES = {"left": "TableCell", "center": "TableCellCenter", "right": "TableCellRight"}


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    fractions: Sequence[float],
    width: float,
    styles: StyleSheet1,
    *,
    align: Sequence[str] | None = None,
) -> LongTable:
    """A grid table filling ``width``; ``fractions`` (summing to ~1) set the column widths.

    ``align`` per column is "left", "center" or "right". Flowables in ``rows`` are used as they are.
    """
    if len(fractions) != len(header):
        raise ValueError("jumlah lebar kolom harus sama dengan jumlah kolom")
    total = sum(fractions)
    col_widths = [width * f / total for f in fractions]
    aligns = list(align or ["left"] * len(header))
    head = [para(text, styles["TableHead"]) for text in header]
    body = [
        [
            cell if isinstance(cell, Flowable) else para(cell, styles[_CELL_STYLES[aligns[i]]])
            for i, cell in enumerate(row)
        ]
        for row in rows
    ]
    table = LongTable([head, *body], colWidths=col_widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),  # plain-string cells default to Helvetica
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
