"""Rekap kader: how many kader per posyandu and per kelurahan, split by tingkatan.

Two tables: per posyandu (grouped by kelurahan with a bold subtotal row and a grand total) and a
short one per kelurahan, which is what the camat asks for first. Counts only — no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Spacer, TableStyle

from reports.base import DocumentBuilder
from reports.data import SignatureBlock
from reports.fonts import SANS
from reports.formatting import angka
from reports.signature import signature_table
from reports.text import para

HEADER_FILL = colors.HexColor("#e8eef1")
SUBTOTAL_FILL = colors.HexColor("#f4f6f7")
GRID = colors.HexColor("#555555")


@dataclass(frozen=True)
class RekapRow:
    """Counts for one posyandu; ``per_tingkatan`` follows :attr:`RekapKader.tingkatan`."""

    nama: str
    jumlah: int
    aktif: int
    per_tingkatan: tuple[int, ...]


@dataclass(frozen=True)
class RekapSection:
    kelurahan: str
    rows: tuple[RekapRow, ...]

    def subtotal(self) -> RekapRow:
        return _sum(f"Jumlah {self.kelurahan}", self.rows)


@dataclass(frozen=True)
class RekapKader:
    judul: str
    subjudul: str
    tingkatan: tuple[str, ...]  # column titles, e.g. ("Purwa", "Madya", "Utama", "Belum")
    sections: tuple[RekapSection, ...]
    signatures: tuple[SignatureBlock, ...] = field(default=())

    def total(self) -> RekapRow:
        return _sum("JUMLAH SELURUHNYA", tuple(s.subtotal() for s in self.sections))


def _sum(nama: str, rows: tuple[RekapRow, ...]) -> RekapRow:
    width = len(rows[0].per_tingkatan) if rows else 0
    return RekapRow(
        nama,
        sum(r.jumlah for r in rows),
        sum(r.aktif for r in rows),
        tuple(sum(r.per_tingkatan[i] for r in rows) for i in range(width)),
    )


class RekapKaderDocument(DocumentBuilder):
    title = "Rekap Kader"

    def __init__(self, data: RekapKader, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - builder args
        super().__init__(*args, title=data.judul.title(), **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        styles = self.styles
        story: list[Flowable] = [para(self.data.judul, styles["Title"])]
        if self.data.subjudul:
            story.append(para(self.data.subjudul, styles["Subtitle"]))
        if not self.data.sections:
            story.append(para("Belum ada kader terdaftar.", styles["Normal"]))
        else:
            story.append(para("A. Kader per posyandu", styles["Heading"]))
            story.append(self._per_posyandu())
            story.append(Spacer(1, 4 * mm))
            story.append(para("B. Kader per kelurahan/desa", styles["Heading"]))
            story.append(self._per_kelurahan())
        if self.data.signatures:
            story.append(signature_table(self.data.signatures[:2], self.content_width, styles))
        return story

    # ------------------------------------------------------------------ tables
    def _head(self, first: str) -> list[list[Flowable]]:
        style = self.styles["TableHead"]
        levels = self.data.tingkatan
        top = [
            para("No.", style),
            para(first, style),
            para("Jumlah kader", style),
            para("Aktif", style),
            para("Tingkatan", style),
        ] + [""] * (len(levels) - 1)
        second = ["", "", "", ""] + [para(level, style) for level in levels]
        return [top, second]

    def _row(self, number: str, row: RekapRow, *, bold: bool = False) -> list[Flowable]:
        cell, right = self.styles["TableCell"], self.styles["TableCellRight"]
        markup = "b" if bold else ""
        values = [angka(row.jumlah), angka(row.aktif), *(angka(n) for n in row.per_tingkatan)]
        return [
            para(number, self.styles["TableCellCenter"]),
            para(row.nama, cell, markup=markup),
            *(para(v, right, markup=markup) for v in values),
        ]

    def _widths(self) -> list[float]:
        levels = len(self.data.tingkatan)
        number, counts = 0.06, 0.10
        name = 1 - number - counts * (2 + levels)
        return [share * self.content_width for share in (number, name, counts, counts, *([counts] * levels))]

    def _style(self, bold_rows: list[int]) -> TableStyle:
        levels = len(self.data.tingkatan)
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),  # empty span cells must not declare Helvetica
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
            ("SPAN", (0, 0), (0, 1)),
            ("SPAN", (1, 0), (1, 1)),
            ("SPAN", (2, 0), (2, 1)),
            ("SPAN", (3, 0), (3, 1)),
            ("SPAN", (4, 0), (3 + levels, 0)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        commands += [("BACKGROUND", (0, r), (-1, r), SUBTOTAL_FILL) for r in bold_rows]
        return TableStyle(commands)

    def _per_posyandu(self) -> Flowable:
        rows = self._head("Kelurahan/desa dan posyandu")
        bold: list[int] = []
        spans: list[int] = []
        for letter, section in enumerate(self.data.sections):
            spans.append(len(rows))
            rows.append(
                [
                    para(_roman(letter + 1), self.styles["TableCellCenter"]),
                    para(section.kelurahan, self.styles["TableCell"], markup="b"),
                ]
                + [""] * (2 + len(self.data.tingkatan))
            )
            for number, row in enumerate(section.rows, start=1):
                rows.append(self._row(str(number), row))
            bold.append(len(rows))
            rows.append(self._row("", section.subtotal(), bold=True))
        bold.append(len(rows))
        rows.append(self._row("", self.data.total(), bold=True))
        table = LongTable(rows, colWidths=self._widths(), repeatRows=2, hAlign="LEFT")
        table.setStyle(self._style(bold))
        table.setStyle(TableStyle([("SPAN", (1, r), (-1, r)) for r in spans]))
        return table

    def _per_kelurahan(self) -> Flowable:
        rows = self._head("Kelurahan/desa")
        for number, section in enumerate(self.data.sections, start=1):
            subtotal = section.subtotal()
            rows.append(
                self._row(
                    str(number),
                    RekapRow(section.kelurahan, subtotal.jumlah, subtotal.aktif, subtotal.per_tingkatan),
                )
            )
        total_row = len(rows)
        rows.append(self._row("", self.data.total(), bold=True))
        table = LongTable(rows, colWidths=self._widths(), repeatRows=2, hAlign="LEFT")
        table.setStyle(self._style([total_row]))
        return table


def _roman(number: int) -> str:
    """Section numbers for kelurahan rows (I, II, …), so they differ from the posyandu numbers."""
    out = []
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
