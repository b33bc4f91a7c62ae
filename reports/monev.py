"""Laporan monev: per rencana aksi the monitoring entries of a period, then totals per bidang and OPD.

Landscape like the matrix. The entries table is grouped by bidang (spanning rows), one row per
entry with the item's aksi repeated only on its first entry; the two recap tables count the items
monitored, the entries and the mean latest realisation. Values arrive formatted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether, TableStyle

from reports.base import DocumentBuilder
from reports.data import SignatureBlock
from reports.rencana_aksi import GROUP_FILL, group_letter
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import para

HEADERS = (
    "No",
    "Rencana aksi",
    "Penanggung jawab",
    "Tanggal",
    "Periode",
    "Realisasi",
    "Kendala",
    "Tindak lanjut",
    "Dicatat oleh",
)
FRACTIONS = (0.035, 0.18, 0.1, 0.08, 0.08, 0.09, 0.17, 0.17, 0.095)
ALIGN = ("center", "left", "left", "center", "left", "right", "left", "left", "left")
RECAP_HEADERS = ("Rencana aksi dipantau", "Catatan monev", "Rata-rata realisasi", "Selesai")


@dataclass(frozen=True)
class MonevEntryLine:
    tanggal: str
    periode: str
    realisasi: str
    kendala: str
    tindak_lanjut: str
    dicatat_oleh: str


@dataclass(frozen=True)
class MonevItem:
    aksi: str
    penanggung_jawab: str
    entries: tuple[MonevEntryLine, ...]


@dataclass(frozen=True)
class MonevGroup:
    judul: str
    items: tuple[MonevItem, ...]


@dataclass(frozen=True)
class RecapLine:
    nama: str
    dipantau: int
    entri: int
    rata_rata: str  # "45,5%"
    selesai: int


@dataclass(frozen=True)
class LaporanMonev:
    judul: str
    subjudul: str
    groups: tuple[MonevGroup, ...]
    per_bidang: tuple[RecapLine, ...] = ()
    per_opd: tuple[RecapLine, ...] = ()
    signatures: tuple[SignatureBlock, ...] = field(default=())


class LaporanMonevDocument(DocumentBuilder):
    title = "Laporan Monev Rencana Aksi"
    base_font_size = 10.0

    def __init__(self, data: LaporanMonev, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - builder args
        super().__init__(*args, title=data.judul.title(), **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        styles = self.styles
        story: list[Flowable] = [para(self.data.judul, styles["Title"])]
        if self.data.subjudul:
            story.append(para(self.data.subjudul, styles["Subtitle"]))
        if not self.data.groups:
            story.append(para("Tidak ada catatan monev pada periode ini.", styles["Normal"]))
        else:
            story.append(self._entries())
        blocks: list[list[Flowable]] = []
        for title, lines, head in (
            ("Rekap per bidang", self.data.per_bidang, "Bidang"),
            ("Rekap per OPD penanggung jawab", self.data.per_opd, "OPD"),
        ):
            if lines:
                heading = para(title, styles["Heading"])
                heading.keepWithNext = True
                blocks.append([heading, self._recap(head, lines)])
        if self.data.signatures:  # with the last recap table, never alone on a page
            sign = signature_table(self.data.signatures[:2], self.content_width, styles)
            kept = getattr(sign, "_content", [sign])  # a nested KeepTogether always breaks the page
            blocks = [*blocks[:-1], [KeepTogether([*blocks[-1], *kept])]] if blocks else [[sign]]
        story += [flowable for block in blocks for flowable in block]
        return story

    def _entries(self) -> Flowable:
        rows: list[list[object]] = []
        commands: list[tuple] = []
        for index, group in enumerate(self.data.groups):
            row = len(rows) + 1
            rows.append(
                [
                    para(
                        f"{group_letter(index)}. {group.judul.upper()}", self.styles["TableCell"], markup="b"
                    ),
                    *[""] * (len(HEADERS) - 1),
                ]
            )
            commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUP_FILL)]
            for number, item in enumerate(group.items, start=1):
                for position, entry in enumerate(item.entries):
                    head = (str(number), item.aksi, item.penanggung_jawab) if position == 0 else ("", "", "")
                    rows.append(
                        [
                            *head,
                            entry.tanggal,
                            entry.periode,
                            entry.realisasi,
                            entry.kendala,
                            entry.tindak_lanjut,
                            entry.dicatat_oleh,
                        ]
                    )
        table = grid_table(HEADERS, rows, FRACTIONS, self.content_width, self.styles, align=ALIGN)
        table.setStyle(TableStyle(commands))
        return table

    def _recap(self, head: str, lines: tuple[RecapLine, ...]) -> Flowable:
        rows = [
            [line.nama, str(line.dipantau), str(line.entri), line.rata_rata, str(line.selesai)]
            for line in lines
        ]
        totals = ("Jumlah", sum(x.dipantau for x in lines), sum(x.entri for x in lines), "",
                  sum(x.selesai for x in lines))  # fmt: skip
        styles = ("TableCell", *["TableCellCenter"] * 4)
        rows.append([para(str(v), self.styles[st], markup="b") for v, st in zip(totals, styles, strict=True)])
        table = grid_table(
            (head, *RECAP_HEADERS),
            rows,
            (0.4, 0.15, 0.15, 0.15, 0.15),
            self.content_width * 0.7,
            self.styles,
            align=("left", "center", "center", "center", "center"),
        )
        table.hAlign = "LEFT"
        return table
