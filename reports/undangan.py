"""The undangan (invitation letter) per Tata Naskah Dinas (Permendagri 1/2023, DOMAIN.md §2.1).

Top to bottom: the kop (first page only, from the base class); the Nomor / Sifat / Lampiran / Hal
block on the left with the place and date on the right of its first line; ``Yth.`` and the
recipients (numbered when more than one), ``di`` / ``Tempat``; the opening paragraph; the
hari/tanggal, pukul, tempat, acara block; the closing paragraph; the signature block on the right
half (:mod:`reports.signature`); and the Tembusan list at the bottom. Every text wraps in its box.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from reports.base import DocumentBuilder
from reports.data_agenda import Undangan
from reports.fonts import SANS
from reports.signature import signature_table
from reports.text import para

LABEL = 24 * mm  # "Lampiran"
COLON = 4 * mm
RIGHT = 62 * mm  # the place and date column
INDENT = 12 * mm  # the rincian block and first lines of the body
YTH = 10 * mm
NUMBER = 6 * mm
_PLAIN = [
    ("FONTNAME", (0, 0), (-1, -1), SANS),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
]


def _plain_table(rows: list[list[object]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(_PLAIN))
    return table


class UndanganDocument(DocumentBuilder):
    title = "Undangan"
    page_numbers = False  # a one- or two-page letter carries no "Halaman x dari y"

    def __init__(self, data: Undangan, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - builder args
        super().__init__(*args, title=f"Undangan {data.hal}".strip(), **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [self._heading(), Spacer(1, 6 * mm), self._recipients(), Spacer(1, 6 * mm)]
        body = styles["Body"]
        story.append(para(data.pembuka, body))
        story += [self._rincian(), Spacer(1, 3 * mm)]
        story.append(para(data.penutup, body))
        if data.signature is not None:
            story.append(signature_table([data.signature], self.content_width, styles))
        if data.tembusan:
            story.append(self._tembusan())
        return story

    def _heading(self) -> Table:
        normal = self.styles["Normal"]
        value = self.content_width - LABEL - COLON - RIGHT
        rows = []
        for index, (label, text) in enumerate(
            (("Nomor", self.data.nomor), ("Sifat", self.data.sifat), ("Lampiran", self.data.lampiran),
             ("Hal", self.data.hal))
        ):  # fmt: skip
            right = para(self.data.tempat_tanggal, normal) if index == 0 else ""
            rows.append([para(label, normal), para(":", normal), para(text or "", normal), right])
        return _plain_table(rows, [LABEL, COLON, value, RIGHT])

    def _recipients(self) -> Flowable:
        normal = self.styles["Normal"]
        names = [n for n in self.data.kepada if n.strip()] or [""]
        rest = self.content_width - YTH - (NUMBER if len(names) > 1 else 0)
        rows: list[list[object]] = []
        for number, name in enumerate(names, start=1):
            head = para("Yth." if number == 1 else "", normal)
            if len(names) > 1:
                rows.append([head, para(f"{number}.", normal), para(name, normal)])
            else:
                rows.append([head, para(name, normal)])
        widths = [YTH, NUMBER, rest] if len(names) > 1 else [YTH, rest]
        place = _plain_table([[para("di", normal)], [para("Tempat", normal)]], [self.content_width - YTH])
        place.setStyle(TableStyle([("LEFTPADDING", (0, 1), (0, 1), YTH)]))
        return KeepTogether([_plain_table(rows, widths), place])

    def _rincian(self) -> Table:
        normal = self.styles["Normal"]
        label = 30 * mm
        rows = [[para(k, normal), para(":", normal), para(v, normal)] for k, v in self.data.rincian]
        table = _plain_table(rows, [INDENT + label, COLON, self.content_width - INDENT - label - COLON])
        table.setStyle(
            TableStyle([("LEFTPADDING", (0, 0), (0, -1), INDENT), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
        )
        return table

    def _tembusan(self) -> Flowable:
        small = self.styles["Small"]
        rows = [
            [para(f"{n}.", small), para(text, small)] for n, text in enumerate(self.data.tembusan, start=1)
        ]
        if len(rows) == 1:
            rows = [[para(self.data.tembusan[0], small)]]
            widths = [self.content_width]
        else:
            widths = [NUMBER, self.content_width - NUMBER]
        return KeepTogether(
            [Spacer(1, 8 * mm), para("Tembusan:", small, markup="u"), _plain_table(rows, widths)]
        )
