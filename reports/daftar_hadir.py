"""Daftar hadir: one sheet per day (and per group: peserta, or narasumber and panitia).

Layout per DOMAIN §2.2: ``DAFTAR HADIR …``, then kegiatan, hari/tanggal, waktu and tempat; a table
No | Nama | Jabatan/Unsur | Asal | No. HP | Tanda Tangan whose header repeats on every page, the
signature column in the zig-zag layout (:mod:`reports.zigzag`), optional blank numbered rows for
walk-ins, and "Mengetahui," with the Camat or Ketua Panitia at the end. Several sheets go into one
PDF, each starting on a new page. No NIK is ever given to this module.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from reports.base import DocumentBuilder
from reports.data_kegiatan import AttendanceSheet, SheetRow
from reports.fonts import SANS, string_width
from reports.signature import signature_table
from reports.text import para, sized_style
from reports.zigzag import CELL_PADDING as PADDING
from reports.zigzag import SignatureKeeper, ZigzagColumn, signed_table, split_tail

ROW_HEIGHT = 9 * mm  # one row; a signature area is two
# (header, width in mm of a 165 mm body; scaled to the real width, cell style)
COLUMNS = (
    ("No.", 8.0),
    ("Nama", 37.0),
    ("Jabatan/Unsur", 29.0),
    ("Asal (Kelurahan/Instansi)", 28.0),
    ("No. HP", 25.0),  # "0812-3456-78901" on one line at 8 pt
)
SIGNATURE_MM = 38.0
NAME_SHRINK_LINES = 3  # a name longer than this many lines is set smaller
SMALL_NAME_SIZE = 7.0
HP_SIZE = 8.0  # "0812-3456-7890" on one line


def fast_cell(text: str, style: ParagraphStyle, width: float) -> object:
    """The cell for ``text`` in a column ``width`` wide: plain text, broken into lines here when needed.

    Plain strings are drawn as they are (no markup, so nothing to escape) and cost a fraction of a
    Paragraph, which a long table wraps three times over (measure, split, draw) — with 230 rows × 4
    text columns that was most of the time. A word wider than the column falls back to a Paragraph,
    whose ``splitLongWords`` breaks it. The table must set FONTNAME/FONTSIZE/LEADING to ``style``'s.
    """
    value = " ".join(unicodedata.normalize("NFC", text or "").split())
    font, size = style.fontName, style.fontSize
    if string_width(value, font, size) <= width:
        return value
    lines = simpleSplit(value, font, size, width)
    if all(string_width(line, font, size) <= width for line in lines):
        return "\n".join(lines)
    return para(value, style)


def info_table(items: Sequence[tuple[str, str]], width: float, styles) -> Flowable:  # noqa: ANN001
    """``Label : value`` lines under the title (kegiatan, hari/tanggal, waktu, tempat)."""
    style = styles["Normal"]
    label_width = 30 * mm
    data = [[para(label, style), para(":", style), para(value, style)] for label, value in items if value]
    table = Table(data, colWidths=[label_width, 4 * mm, width - label_width - 4 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),  # a Table declares Helvetica otherwise
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


class DaftarHadirDocument(SignatureKeeper, DocumentBuilder):
    title = "Daftar Hadir"
    base_font_size = 11.0  # cells at 9 pt

    def __init__(self, sheets: Sequence[AttendanceSheet], *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        if not sheets:
            raise ValueError("tidak ada daftar hadir untuk dicetak")
        super().__init__(*args, title=f"Daftar Hadir {sheets[0].kegiatan.nama}", **kwargs)
        self.sheets = tuple(sheets)
        scale = self.content_width / (sum(w for _, w in COLUMNS) + SIGNATURE_MM)
        self.widths = [w * scale for _, w in COLUMNS]
        half = SIGNATURE_MM * scale / 2
        self.widths += [half, half]
        self.zigzag = ZigzagColumn(len(COLUMNS), half, ROW_HEIGHT, font_size=7.5)
        self.small_name = sized_style(self.styles["TableCell"], SMALL_NAME_SIZE)
        self.hp_style = sized_style(self.styles["TableCellCenter"], HP_SIZE)

    def build_story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for index, sheet in enumerate(self.sheets):
            if index:
                story.append(PageBreak())
            story += self._sheet(index, sheet)
        return story

    def _sheet(self, index: int, sheet: AttendanceSheet) -> list[Flowable]:
        styles = self.styles
        kegiatan = sheet.kegiatan
        story: list[Flowable] = [para(sheet.judul, styles["Title"]), Spacer(1, 3 * mm)]
        story.append(
            info_table(
                [
                    ("Kegiatan", kegiatan.nama),
                    (
                        "Hari/Tanggal",
                        f"Hari ke-{sheet.hari_ke}, {sheet.tanggal}" if sheet.hari_ke else sheet.tanggal,
                    ),
                    ("Waktu", sheet.waktu),
                    ("Tempat", kegiatan.tempat_lengkap),
                ],
                self.content_width,
                styles,
            )
        )
        story.append(Spacer(1, 4 * mm))
        main, tail = self._tables(sheet, index)
        story.append(main)
        closing: list[Flowable] = [self.mark(index, "sign"), *([tail] if tail is not None else [])]
        closing += [Spacer(1, 2 * mm), para(f"Jumlah terdaftar: {len(sheet.rows)} orang", styles["Small"])]
        if sheet.mengetahui is not None:
            block = signature_table([sheet.mengetahui], self.content_width, styles)
            closing += getattr(block, "_content", [block])  # one KeepTogether for the whole group
        story.append(KeepTogether(closing))
        return story

    def _name(self, row: SheetRow) -> object:
        style = self.styles["TableCell"]
        room = self.widths[1] - 2 * PADDING
        if string_width(row.nama, SANS, style.fontSize) > NAME_SHRINK_LINES * room:
            return para(row.nama, self.small_name)
        return fast_cell(row.nama, style, room)

    def _tables(self, sheet: AttendanceSheet, index: int) -> tuple[Flowable, Flowable | None]:
        """The sheet's table; with ``keep_tail`` also its last rows as a second table that is kept
        with the signature (see :class:`~reports.zigzag.SignatureKeeper`)."""
        styles = self.styles
        cell = styles["TableCell"]
        room = [width - 2 * PADDING for width in self.widths]
        titles = [title for title, _ in COLUMNS] + ["Tanda Tangan"]
        head = [para(title, styles["TableHead"]) for title in titles]
        rows: list[list[object]] = []
        numbers: list[int] = []
        for row in sheet.rows:
            rows.append(
                [
                    str(row.no),
                    self._name(row),
                    fast_cell(row.jabatan, cell, room[2]),
                    fast_cell(row.asal, cell, room[3]),
                    fast_cell(row.hp, self.hp_style, room[4]),
                ]
            )
            numbers.append(row.no)
        start = (sheet.rows[-1].no if sheet.rows else 0) + 1
        for number in range(start, start + sheet.blank_rows):
            rows.append([str(number), "", "", "", ""])
            numbers.append(number)
        if not rows:
            rows.append(["", para("Belum ada yang terdaftar.", cell), "", "", ""])
            numbers.append(1)
        hp = len(COLUMNS) - 1
        extra = [("ALIGN", (hp, 1), (hp, -1), "CENTER"), ("FONTSIZE", (hp, 1), (hp, -1), HP_SIZE)]
        (main_rows, main_numbers), (tail_rows, tail_numbers) = split_tail(rows, numbers, index in self.tails)
        if not tail_rows:  # laid out whole: learn the page its last row lands on
            return signed_table(
                head,
                rows,
                numbers,
                self.widths,
                self.zigzag,
                cell,
                extra=extra,
                end_mark=self.mark(index, "end"),
            ), None
        return (
            signed_table(head, main_rows, main_numbers, self.widths, self.zigzag, cell, extra=extra),
            signed_table(head, tail_rows, tail_numbers, self.widths, self.zigzag, cell, extra=extra),
        )
