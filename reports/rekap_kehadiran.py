"""Rekap kehadiran: participants × days (✓ hadir, I izin, S sakit, – otherwise) with totals, landscape.

The bundled Liberation Sans has no "✓" (``reports.fonts.missing_chars`` says so), and a symbol font
would not be embedded, so the tick is drawn as two strokes (:class:`Tick`). Per participant the
days present and the percentage; under the table the count present per day.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Spacer, Table, TableStyle

from reports.base import DocumentBuilder
from reports.daftar_hadir import fast_cell
from reports.data_kegiatan import HADIR, IZIN, SAKIT, RekapKehadiran
from reports.fonts import SANS, string_width
from reports.signature import signature_table
from reports.tables import HEADER_FILL
from reports.text import para

MARKS = {IZIN: "I", SAKIT: "S"}  # HADIR is the drawn tick; anything else prints "–"
LEGEND = ("Keterangan:", None, "= hadir,", "I = izin,", "S = sakit,", "– = tidak hadir atau tanpa keterangan")
PADDING = 3.0


class Tick(Flowable):
    """A check mark drawn with two strokes, ``size`` points square."""

    def __init__(self, size: float = 7.0) -> None:
        super().__init__()
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        s, canvas = self.size, self.canv
        canvas.saveState()
        canvas.setLineWidth(1.1)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        path = canvas.beginPath()
        path.moveTo(0.08 * s, 0.5 * s)
        path.lineTo(0.38 * s, 0.15 * s)
        path.lineTo(0.95 * s, 0.92 * s)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


class RekapKehadiranDocument(DocumentBuilder):
    title = "Rekap Kehadiran"
    base_font_size = 11.0

    def __init__(self, data: RekapKehadiran, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, title=f"Rekap Kehadiran {data.kegiatan.nama}", **kwargs)
        self.data = data
        self._tick = Tick()

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [
            para("REKAP KEHADIRAN", styles["Title"]),
            para(data.kegiatan.nama, styles["Subtitle"]),
        ]
        if data.subjudul:
            story.append(para(data.subjudul, styles["Subtitle"]))
        story.append(self._table())
        story.append(Spacer(1, 2 * mm))
        story.append(self._legend())
        if data.signatures:
            story.append(signature_table(data.signatures[:2], self.content_width, styles))
        return story

    def _legend(self) -> Flowable:
        """``Keterangan: ✓ = hadir, I = izin …`` with the drawn tick in its place."""
        cells = [Tick() if item is None else item for item in LEGEND]
        widths = [10.0 if item is None else string_width(item, SANS, 9) + 4 for item in LEGEND]
        table = Table([cells], colWidths=widths, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def _widths(self) -> list[float]:
        days = len(self.data.days)
        fixed = [10 * mm, 0.0, 0.0] + [16 * mm] * days + [16 * mm, 14 * mm]
        rest = self.content_width - sum(fixed)
        fixed[1], fixed[2] = rest * 0.6, rest * 0.4
        return fixed

    def _mark(self, status: str) -> object:
        return self._tick if status == HADIR else MARKS.get(status, "–")

    def _table(self) -> Flowable:
        data, styles = self.data, self.styles
        widths = self._widths()
        cell = styles["TableCell"]
        head_style = styles["TableHead"]
        head = [para(t, head_style) for t in ("No.", "Nama", "Asal")]
        head += [para(label, head_style) for label in (*data.days, "Hadir", "%")]
        days = len(data.days)
        rows = []
        for line in data.lines:
            rows.append(
                [
                    str(line.no),
                    fast_cell(line.nama, cell, widths[1] - 2 * PADDING),
                    fast_cell(line.asal, cell, widths[2] - 2 * PADDING),
                    *(self._mark(status) for status in line.statuses),
                    f"{line.hadir}/{days}",
                    percent(line.hadir, days),
                ]
            )
        per_day = [sum(1 for line in data.lines if line.statuses[i] == HADIR) for i in range(days)]
        total_present = sum(per_day)
        footer = [
            "",
            para("Jumlah hadir", head_style),
            "",
            *(str(n) for n in per_day),
            str(total_present),
            percent(total_present, days * len(data.lines)),
        ]
        table = LongTable([head, *rows, footer], colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("FONTSIZE", (0, 1), (-1, -1), cell.fontSize),
                    ("LEADING", (0, 1), (-1, -1), cell.leading),
                    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL),
                    ("SPAN", (1, -1), (2, -1)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (0, 1), (0, -1), "CENTER"),
                    ("ALIGN", (3, 1), (-1, -1), "CENTER"),
                    ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
                    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ]
            )
        )
        return table
