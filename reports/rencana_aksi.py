"""Matriks rencana aksi: the year's cross-sector plan on landscape paper, grouped by bidang.

One ruled table whose header repeats on every page; each bidang opens with a spanning row
("A. KESEHATAN") and numbers its items from 1. Overdue items get a pale red row and the word
TERLAMBAT in the status column, so they stand out on paper as on screen. All values arrive as
printed strings (:mod:`db.services.rencana_aksi_print` formats them); this module only lays out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from reports.base import DocumentBuilder
from reports.data import SignatureBlock
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import para
from reports.zigzag import TAIL_ROWS, SignatureKeeper

GROUP_FILL = colors.HexColor("#F2F2F2")
OVERDUE_FILL = colors.HexColor("#FBE3E3")
HEADERS = (
    "No",
    "Masalah",
    "Aksi",
    "Lokus",
    "Indikator/Target",
    "Penanggung jawab",
    "Jadwal",
    "Anggaran",
    "Status/Realisasi",
)
FRACTIONS = (0.035, 0.13, 0.15, 0.105, 0.14, 0.12, 0.1, 0.095, 0.125)
ALIGN = ("center", "left", "left", "left", "left", "left", "left", "right", "left")


@dataclass(frozen=True)
class MatriksLine:
    """One item as printed (every field already formatted, "–" for empty)."""

    masalah: str
    aksi: str
    lokus: str
    indikator_target: str
    penanggung_jawab: str
    jadwal: str
    anggaran: str
    status_realisasi: str
    terlambat: bool = False

    def cells(self, number: int) -> tuple[str, ...]:
        return (
            str(number),
            self.masalah,
            self.aksi,
            self.lokus,
            self.indikator_target,
            self.penanggung_jawab,
            self.jadwal,
            self.anggaran,
            self.status_realisasi,
        )


@dataclass(frozen=True)
class MatriksGroup:
    judul: str  # the bidang
    lines: tuple[MatriksLine, ...]


@dataclass(frozen=True)
class MatriksRencanaAksi:
    judul: str  # "MATRIKS RENCANA AKSI LINTAS SEKTOR"
    subjudul: str  # "Pokjanal Posyandu Kecamatan Metro Timur\nTahun 2025"
    groups: tuple[MatriksGroup, ...]
    ringkasan: str = ""  # the line under the table (counts, total budget)
    signatures: tuple[SignatureBlock, ...] = field(default=())


def group_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA" (more than 26 bidang is unlikely but must not crash)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class MatriksRencanaAksiDocument(SignatureKeeper, DocumentBuilder):
    """When the signatures would stand alone on the last page, the last rows go with them."""

    title = "Matriks Rencana Aksi"
    base_font_size = 10.0  # cells at 8 pt: nine columns on a landscape page

    def __init__(self, data: MatriksRencanaAksi, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - builder args
        super().__init__(*args, title=data.judul.title(), **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        styles = self.styles
        story: list[Flowable] = [para(self.data.judul, styles["Title"])]
        if self.data.subjudul:
            story.append(para(self.data.subjudul, styles["Subtitle"]))
        tail: list[Flowable] = []
        if not self.data.groups:
            story.append(para("Belum ada rencana aksi untuk pilihan ini.", styles["Normal"]))
        else:
            rows, commands = self._rows()
            cut = len(rows) - TAIL_ROWS if "matriks" in self.tails and len(rows) > TAIL_ROWS else len(rows)
            story += [
                self._table(rows[:cut], [c for c in commands if c[1][1] <= cut]),
                self.mark("matriks", "end"),
            ]
            if cut < len(rows):
                tail.append(
                    self._table(
                        rows[cut:],
                        [
                            (c[0], (c[1][0], c[1][1] - cut), (c[2][0], c[2][1] - cut), *c[3:])
                            for c in commands
                            if c[1][1] > cut
                        ],
                    )
                )
        if self.data.ringkasan:
            tail += [Spacer(1, 2 * mm), para(self.data.ringkasan, styles["Small"])]
        if self.data.signatures:
            block = signature_table(self.data.signatures[:2], self.content_width, styles)
            tail += getattr(block, "_content", [block])  # a nested KeepTogether always breaks the page
        if tail:
            story.append(KeepTogether([self.mark("matriks", "sign"), *tail]))
        return story

    def _rows(self) -> tuple[list[list[object]], list[tuple]]:
        """Body rows (group rows spanning the width) and the style commands (row 0 = header)."""
        rows: list[list[object]] = []
        commands: list[tuple] = []
        for index, group in enumerate(self.data.groups):
            row = len(rows) + 1  # +1: the header row
            label = f"{group_letter(index)}. {group.judul.upper()}"
            rows.append([para(label, self.styles["TableCell"], markup="b"), *[""] * (len(HEADERS) - 1)])
            commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUP_FILL)]
            for number, line in enumerate(group.lines, start=1):
                if line.terlambat:
                    commands.append(("BACKGROUND", (0, len(rows) + 1), (-1, len(rows) + 1), OVERDUE_FILL))
                rows.append(list(line.cells(number)))
        return rows, commands

    def _table(self, rows: list[list[object]], commands: list[tuple]) -> Flowable:
        table = grid_table(HEADERS, rows, FRACTIONS, self.content_width, self.styles, align=ALIGN)
        table.setStyle(TableStyle(commands))
        return table
