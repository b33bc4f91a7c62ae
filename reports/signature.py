"""Signature blocks per Tata Naskah Dinas, one or two side by side, kept together on one page.

Each block, top to bottom: place/date line and heading ("Mengetahui,") when given, then
``[a.n./u.b.] JABATAN ATASAN`` / ``Jabatan,`` (or ``Plt. Jabatan,``), room for the signature and
stamp, the name (bold, underlined), pangkat, and ``NIP. …`` (no NIP line for non-ASN signers).
Two blocks are laid out row by row so their names line up even when one has more lines above.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from reports.data import SignatureBlock
from reports.fonts import SANS
from reports.text import para

SIGNING_SPACE = 22 * mm  # room for a wet signature and the stamp


def _pad_top(lines: list[str], count: int) -> list[str]:
    return [""] * (count - len(lines)) + lines


def _columns(blocks: Sequence[SignatureBlock]) -> list[list[tuple[str, str]]]:
    """Per block, the (text, markup) rows; every block gets the same number of rows."""
    heads = [[t for t in (b.tempat_tanggal.strip(), b.heading.strip()) if t] for b in blocks]
    offices = [b.signatory.jabatan_lines() for b in blocks]
    head_rows = max(len(h) for h in heads)
    office_rows = max(len(o) for o in offices)
    columns = []
    for block, head, office in zip(blocks, heads, offices, strict=True):
        signer = block.signatory
        rows = [(t, "") for t in _pad_top(head, head_rows) + _pad_top(office, office_rows)]
        rows.append(("", "space"))
        rows.append((signer.nama, "b,u"))
        rows.append((signer.pangkat, ""))
        rows.append((signer.nip_line, ""))
        columns.append(rows)
    return columns


def signature_table(
    blocks: Sequence[SignatureBlock],
    width: float,
    styles: StyleSheet1,
    *,
    signing_space: float = SIGNING_SPACE,
) -> Flowable:
    """One block (right half of the page) or two (left and right halves), never split over pages."""
    if not 1 <= len(blocks) <= 2:
        raise ValueError("blok tanda tangan harus satu atau dua")
    style = styles["Signature"]
    columns = _columns(blocks)
    if len(blocks) == 1:
        columns.insert(0, [("", "")] * len(columns[0]))
    col_width = width / 2
    data, heights = [], []
    for row_cells in zip(*columns, strict=True):
        is_space = any(markup == "space" for _, markup in row_cells)
        if not is_space and not any(text.strip() for text, _ in row_cells):
            continue  # e.g. no pangkat on either side
        data.append(["" if is_space else para(text, style, markup=markup) for text, markup in row_cells])
        heights.append(signing_space if is_space else None)
    table = Table(data, colWidths=[col_width, col_width], rowHeights=heights, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),  # plain-string cells default to Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 6 * mm), table])
