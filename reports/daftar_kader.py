"""Daftar kader: the kader of a kelurahan or a posyandu, grouped by posyandu, NIK masked.

The list goes to the kelurahan, the puskesmas and TP-PKK on paper, so the NIK is printed masked
(UU PDP 27/2022, ``1872••••••••0004``) — :mod:`db.services.kader_print` masks it before the data
reaches this module, which never sees a full NIK. One table per posyandu with its header repeated
on every page; the signature block comes after the last table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Spacer, TableStyle

from reports.base import DocumentBuilder
from reports.data import SignatureBlock
from reports.signature import signature_table
from reports.text import para

HEADER_FILL = colors.HexColor("#e8eef1")
GRID = colors.HexColor("#555555")
# (title, share of the width, cell style)
COLUMNS = (
    ("No.", 0.05, "TableCellCenter"),
    ("Nama", 0.27, "TableCell"),
    ("NIK", 0.16, "TableCellCenter"),
    ("L/P", 0.05, "TableCellCenter"),
    ("Jabatan", 0.195, "TableCell"),
    ("Tingkatan", 0.105, "TableCellCenter"),
    ("Umur", 0.07, "TableCellCenter"),
    ("Status", 0.10, "TableCellCenter"),
)


@dataclass(frozen=True)
class KaderLine:
    """One printed row; ``nik`` is already masked (the age, not the birth date, is printed: the
    birth date would give away the digits the mask hides)."""

    nama: str
    nik: str
    jenis_kelamin: str
    jabatan: str
    tingkatan: str
    umur: str
    status: str


@dataclass(frozen=True)
class KaderGroup:
    """The kader of one posyandu (``judul`` e.g. "Posyandu Melati — Kel. Yosodadi")."""

    judul: str
    lines: tuple[KaderLine, ...]


@dataclass(frozen=True)
class DaftarKader:
    judul: str  # "DAFTAR KADER POSYANDU"
    subjudul: str  # "Kelurahan Yosodadi, Kecamatan Metro Timur"
    groups: tuple[KaderGroup, ...]
    signatures: tuple[SignatureBlock, ...] = field(default=())
    keterangan: str = ""  # the note under the tables (what the masked NIK means)

    @property
    def total(self) -> int:
        return sum(len(group.lines) for group in self.groups)


class DaftarKaderDocument(DocumentBuilder):
    title = "Daftar Kader"
    base_font_size = 11.0  # table cells at 9 pt: eight columns fit a portrait page unwrapped

    def __init__(self, data: DaftarKader, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - builder args
        super().__init__(*args, title=data.judul.title(), **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        styles = self.styles
        story: list[Flowable] = [para(self.data.judul, styles["Title"])]
        if self.data.subjudul:
            story.append(para(self.data.subjudul, styles["Subtitle"]))
        if not self.data.groups:
            story.append(para("Tidak ada kader yang sesuai dengan pilihan ini.", styles["Normal"]))
        for group in self.data.groups:
            story.append(KeepTogether([para(group.judul, styles["Heading"]), Spacer(1, 1 * mm)]))
            story.append(self._table(group))
            story.append(Spacer(1, 3 * mm))
        summary = f"Jumlah: {self.data.total} kader"
        if len(self.data.groups) > 1:
            summary += f" di {len(self.data.groups)} posyandu"
        story.append(para(summary, styles["Small"]))
        if self.data.keterangan:
            story.append(para(self.data.keterangan, styles["Small"]))
        if self.data.signatures:
            story.append(signature_table(self.data.signatures[:2], self.content_width, styles))
        return story

    def _table(self, group: KaderGroup) -> Flowable:
        styles = self.styles
        head = [para(title, styles["TableHead"]) for title, _share, _style in COLUMNS]
        body = []
        for number, line in enumerate(group.lines, start=1):
            values = (
                str(number),
                line.nama,
                line.nik,
                line.jenis_kelamin,
                line.jabatan,
                line.tingkatan,
                line.umur,
                line.status,
            )
            body.append(
                [para(value, styles[style]) for value, (_t, _s, style) in zip(values, COLUMNS, strict=True)]
            )
        widths = [share * self.content_width for _title, share, _style in COLUMNS]
        table = LongTable([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table
