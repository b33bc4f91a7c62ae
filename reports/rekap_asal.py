"""Rekap kehadiran per asal: asal × held days, "hadir/diharapkan" in every cell, a total column
and a total row, percentages, and the signature block.

The secretariat reports to the camat how many of each kelurahan's (or OPD's) seats were filled
each day; the participant-level detail is :mod:`reports.rekap_kehadiran`. The service chooses the
orientation (:func:`orientation_for`): up to :data:`PORTRAIT_DAYS` days fit a portrait sheet.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Spacer, TableStyle

from reports.base import DocumentBuilder
from reports.data_kegiatan import AsalLine, RekapAsal
from reports.fonts import SANS
from reports.rekap_kehadiran import percent
from reports.signature import signature_table
from reports.tables import HEADER_FILL
from reports.text import para
from reports.zigzag import TAIL_ROWS, SignatureKeeper

PORTRAIT_DAYS = 3
DAY_WIDTH = 19 * mm
PADDING = 2.5
NOTE = "Setiap sel: hadir/diharapkan (peserta terdaftar dari asal itu). Persentase = hadir ÷ diharapkan."


def orientation_for(days: int) -> str:
    """Portrait while the day columns leave the Asal column room enough, landscape beyond."""
    return "portrait" if days <= PORTRAIT_DAYS else "landscape"


def fraction(part: int, whole: int) -> str:
    return f"{part}/{whole}"


class RekapAsalDocument(SignatureKeeper, DocumentBuilder):
    """When the signature would stand alone on the last page, the last asal rows and the totals go
    with it (:class:`~reports.zigzag.SignatureKeeper`)."""

    title = "Rekap Kehadiran per Asal"
    base_font_size = 10.0  # cells at 8 pt: thirty asal fit one F4 page; A4 carries the tail over

    def __init__(self, data: RekapAsal, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, title=f"Rekap Kehadiran per Asal {data.kegiatan.nama}", **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [
            para("REKAP KEHADIRAN PER ASAL", styles["Title"]),
            para(data.kegiatan.nama, styles["Subtitle"]),
        ]
        if data.subjudul:
            story.append(para(data.subjudul, styles["Subtitle"]))
        rows = self._body()
        keep = TAIL_ROWS + 2  # the last asal rows and the Jumlah and Persentase rows
        cut = len(rows) - keep if "rekap" in self.tails and len(rows) > keep else len(rows)
        tail: list[Flowable] = []
        if cut < len(rows):
            story += [self._table(rows[:cut], totals=False), self.mark("rekap", "end")]
            tail.append(self._table(rows[cut:], totals=True))
        else:
            story += [self._table(rows, totals=True), self.mark("rekap", "end")]
        tail += [Spacer(1, 2 * mm), para(NOTE, styles["Small"])]
        if data.signatures:
            block = signature_table(data.signatures[:2], self.content_width, styles)
            tail += getattr(block, "_content", [block])  # a nested KeepTogether always breaks the page
        story.append(KeepTogether([self.mark("rekap", "sign"), *tail]))
        return story

    def _widths(self) -> list[float]:
        fixed = [10 * mm, 0.0] + [DAY_WIDTH] * len(self.data.days) + [21 * mm, 14 * mm]
        fixed[1] = self.content_width - sum(fixed)
        return fixed

    def _row(self, no: str, asal: object, line: AsalLine) -> list[object]:
        days = len(line.hadir)
        total = sum(line.hadir)
        return [
            no,
            asal,
            *(fraction(n, line.jumlah) for n in line.hadir),
            fraction(total, line.jumlah * days),
            percent(total, line.jumlah * days),
        ]

    def _body(self) -> list[list[object]]:
        """One row per asal, then the Jumlah and Persentase rows (always the last two)."""
        data, styles = self.data, self.styles
        cell, head_style = styles["TableCell"], styles["TableHead"]
        rows = [self._row(str(line.no), para(line.asal, cell), line) for line in data.lines]
        days = len(data.days)
        expected = sum(line.jumlah for line in data.lines)
        per_day = tuple(sum(line.hadir[i] for line in data.lines) for i in range(days))
        total = AsalLine(0, "", expected, per_day)
        footer = self._row("", para("Jumlah", head_style), total)
        share = ["", para("Persentase", head_style), *(percent(n, expected) for n in per_day), "", ""]
        return [*rows, footer, share]

    def _table(self, rows: list[list[object]], *, totals: bool) -> Flowable:
        """A table of ``rows`` under the header; ``totals``: its last two rows are Jumlah and Persentase."""
        styles = self.styles
        cell, head_style = styles["TableCell"], styles["TableHead"]
        head = [para(t, head_style) for t in ("No.", "Asal", *self.data.days, "Jumlah", "%")]
        table = LongTable([head, *rows], colWidths=self._widths(), repeatRows=1, hAlign="LEFT")
        totals_style = [("BACKGROUND", (0, -2), (-1, -1), HEADER_FILL), ("SPAN", (-2, -1), (-1, -1))]
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("FONTSIZE", (0, 1), (-1, -1), cell.fontSize),
                    ("LEADING", (0, 1), (-1, -1), cell.leading),
                    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    *(totals_style if totals else []),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (0, 1), (0, -1), "CENTER"),
                    ("ALIGN", (2, 1), (-1, -1), "CENTER"),
                    ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
                    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ]
            )
        )
        return table
