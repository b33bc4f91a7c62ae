"""The certificate's back page: the "Materi" curriculum table (Kemenkes layout).

Columns ``NO | MATERI | JPL (T, P, PL) | JUMLAH``, rows grouped "A. Materi Dasar", "B. Materi Inti",
"C. Materi Penunjang" (empty groups left out), numbered within each group, and a total row.
Drawn once per batch into a form by :mod:`reports.sertifikat`; it is the same for everyone.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from reports.data_sertifikat import KELOMPOK_MATERI, CertificateTemplate, MateriRow
from reports.fonts import SANS, SANS_BOLD
from reports.formatting import angka
from reports.text import fitted_paragraph, para

GROUP_LETTERS = "ABC"
WIDTHS = (14 * mm, 130 * mm, 18 * mm, 18 * mm, 18 * mm, 24 * mm)


def _jpl(value: float) -> str:
    return angka(value) if value else "–"


def materi_rows(rows: tuple[MateriRow, ...], cell: ParagraphStyle) -> tuple[list[list[Any]], list[int]]:
    """Table data (two header rows first) and the indices of the group heading rows."""
    data: list[list[Any]] = [["NO", "MATERI", "JPL", "", "", "JUMLAH"], ["", "", "T", "P", "PL", ""]]
    groups: list[int] = []
    letter = 0
    for kelompok in KELOMPOK_MATERI:
        members = [row for row in rows if row.kelompok == kelompok]
        if not members:
            continue
        groups.append(len(data))
        data.append([GROUP_LETTERS[letter], f"Materi {kelompok}", "", "", "", ""])
        letter += 1
        for number, row in enumerate(members, start=1):
            data.append(
                [
                    str(number),
                    para(row.materi, cell),
                    _jpl(row.t),
                    _jpl(row.p),
                    _jpl(row.pl),
                    _jpl(row.jumlah),
                ]
            )
    total = [sum(getattr(row, name) for row in rows) for name in ("t", "p", "pl", "jumlah")]
    data.append(["", "JUMLAH", *(_jpl(value) for value in total)])
    return data, groups


def materi_table(rows: tuple[MateriRow, ...], width: float | None = None) -> Table:
    """The table at its certificate width, or scaled to ``width`` (the portrait materi/JPL printout)."""
    cell = ParagraphStyle("MateriCell", fontName=SANS, fontSize=10.5, leading=13, splitLongWords=1)
    data, groups = materi_rows(rows, cell)
    scale = width / sum(WIDTHS) if width else 1.0
    table = Table(data, colWidths=[w * scale for w in WIDTHS], repeatRows=2)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("FONTSIZE", (0, 0), (-1, -1), 10.5),
        ("FONTNAME", (0, 0), (-1, 1), SANS_BOLD),
        ("FONTNAME", (0, -1), (-1, -1), SANS_BOLD),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (2, 0), (4, 0)),
        ("SPAN", (5, 0), (5, 1)),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("ALIGN", (1, 2), (1, -1), "LEFT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#E4EDE8")),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F3EEDF")),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#1E4D3A")),
    ]
    for index in groups:
        commands += [("FONTNAME", (0, index), (1, index), SANS_BOLD), ("SPAN", (1, index), (-1, index))]
    table.setStyle(TableStyle(commands))
    return table


def draw_materi_page(canvas: Any, template: CertificateTemplate, kegiatan: str) -> None:
    """Title, kegiatan name and the table, centred on an A4 landscape page (shrunk if very long)."""
    width, height = canvas._pagesize  # noqa: SLF001 - the canvas knows its own page size
    title = ParagraphStyle(
        "MateriJudul",
        fontName=SANS_BOLD,
        fontSize=16,
        leading=20,
        alignment=TA_CENTER,
        textColor=colors.HexColor("#1E4D3A"),
    )
    sub = ParagraphStyle(
        "MateriKegiatan", fontName=SANS, fontSize=12, leading=15, alignment=TA_CENTER, splitLongWords=1
    )
    box = sum(WIDTHS)
    y = height - 60
    heading = (
        para(template.materi_judul.upper(), title),
        fitted_paragraph(kegiatan, sub, box, 34, min_size=9),
    )
    for paragraph in heading:
        _, needed = paragraph.wrap(box, 40)
        y -= needed
        paragraph.drawOn(canvas, (width - box) / 2, y)
        y -= 6
    table = materi_table(template.materi)
    _, needed = table.wrap(box, height)
    room = y - 12 - 50
    scale = min(1.0, room / needed) if needed else 1.0
    canvas.saveState()
    canvas.translate((width - box * scale) / 2, y - 12 - needed * scale)
    canvas.scale(scale, scale)
    table.drawOn(canvas, 0, 0)
    canvas.restoreState()
