"""Notulen rapat per Tata Naskah Dinas (DOMAIN §2.1), optionally with its attachments in one PDF.

Kop on the first page; ``NOTULEN RAPAT`` (and the nomor when there is one); the header lines
Judul rapat … Peserta; I. Pembukaan; II. Pembahasan per agenda item (judul, pembicara, then the
typed text with its paragraphs and lists); III. Kesimpulan/Kesepakatan numbered, each with its
penanggung jawab, tenggat and how many rencana aksi follow it up; IV. Penutup with the closing time;
then place and date and the two signature blocks side by side (Pimpinan Rapat left, Notulis right).

A draf prints "DRAF" across every page and says so under the title, so an unsigned version is
never mistaken for the final one. Attachments (daftar hadir sheets, the materi table) follow on new
pages; the daftar hadir is laid out by :class:`~reports.daftar_hadir.DaftarHadirDocument` itself,
whose signature-keeping second pass this document passes through (it shares ``tails``/marks).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
)

from reports.base import DocumentBuilder
from reports.daftar_hadir import DaftarHadirDocument, info_table
from reports.data import SignatureBlock
from reports.data_notulen import KeputusanItem, NotulenData, NotulenLampiran
from reports.fonts import SANS_BOLD
from reports.notulen_text import flowables, inline
from reports.sertifikat_materi import materi_table
from reports.signature import signature_table
from reports.text import para
from reports.zigzag import SignatureKeeper

INDENT = 7 * mm
DRAF_NOTE = "DRAF — belum final, belum untuk ditandatangani"


class NotulenDocument(SignatureKeeper, DocumentBuilder):
    title = "Notulen Rapat"

    def __init__(
        self, data: NotulenData, *args: Any, lampiran: NotulenLampiran | None = None, **kw: Any
    ) -> None:
        super().__init__(*args, title=f"Notulen {data.judul}"[:120], **kw)
        self.data = data
        self.lampiran = lampiran or NotulenLampiran()

    # ------------------------------------------------------------------ story
    def build_story(self) -> list[Flowable]:
        story = self._head() + self._pembukaan() + self._pembahasan() + self._keputusan() + self._penutup()
        story.append(self._signatures())
        return story + self._attachments()

    def _head(self) -> list[Flowable]:
        d, styles = self.data, self.styles
        story: list[Flowable] = [para("NOTULEN RAPAT", styles["Title"])]
        if d.nomor.strip():
            story.append(para(f"Nomor: {d.nomor}", styles["Subtitle"]))
        if d.draf:
            story.append(para(DRAF_NOTE, self.styles["Subtitle"], markup="i"))
        story.append(Spacer(1, 4 * mm))
        rows = [("Judul rapat", d.judul), ("Hari/tanggal", d.hari_tanggal), ("Waktu", d.waktu),
                ("Tempat", d.tempat), ("Acara", d.acara), ("Pimpinan rapat", d.pimpinan.nama),
                ("Notulis", d.notulis.nama), ("Peserta", d.peserta)]  # fmt: skip
        story.append(info_table([(label, value or "–") for label, value in rows], self.content_width, styles))
        return story

    def _section(self, title: str) -> Flowable:
        return para(title, self.styles["Heading"])

    def _text(self, text: str, indent: float = INDENT) -> list[Flowable]:
        dash = _indented(para("–", self.styles["Body"]), indent)
        return flowables(text, self.styles["Body"], indent=indent) or [dash]

    def _pembukaan(self) -> list[Flowable]:
        return [Spacer(1, 3 * mm), self._section("I. PEMBUKAAN"), *self._text(self.data.pembukaan)]

    def _pembahasan(self) -> list[Flowable]:
        story: list[Flowable] = [self._section("II. PEMBAHASAN")]
        if not self.data.pembahasan:
            story.append(para("–", self.styles["Body"]))
        for number, item in enumerate(self.data.pembahasan, 1):
            title = para(f"{number}. {item.judul or 'Pembahasan'}", self.styles["Normal"], markup="b")
            head: list[Flowable] = [Spacer(1, 1.5 * mm), _indented(title, INDENT)]
            if item.pembicara.strip():
                head.append(_indented(para(f"Pembicara: {item.pembicara}", self.styles["Normal"], markup="i"),
                                      INDENT + 5 * mm))  # fmt: skip
            # an empty item ("Penutup") shows its title only, without a lone dash
            body = self._text(item.isi, INDENT + 5 * mm) if item.isi.strip() else []
            story += [KeepTogether(head + body[:1]), *body[1:]]  # a title never ends a page alone
        return story

    def _keputusan(self) -> list[Flowable]:
        story: list[Flowable] = [self._section("III. KESIMPULAN/KESEPAKATAN")]
        if not self.data.keputusan:
            story.append(para("–", self.styles["Body"]))
        for item in self.data.keputusan:
            story.append(KeepTogether(self._decision(item)))
        return story

    def _decision(self, item: KeputusanItem) -> list[Flowable]:
        style = self.styles["Body"]
        lines = (item.isi or "–").strip().split("\n")
        first = ListFlowable([ListItem(Paragraph(inline(lines[0]), style))], bulletType="1", start=item.nomor,
                             bulletFormat="%s.", bulletFontName=style.fontName, bulletFontSize=style.fontSize,
                             leftIndent=INDENT + 7 * mm, bulletDedent=7 * mm)  # fmt: skip
        rest = flowables("\n".join(lines[1:]), style, indent=INDENT + 7 * mm) if len(lines) > 1 else []
        facts = [
            f"Penanggung jawab: {item.penanggung_jawab}" if item.penanggung_jawab else "",
            f"Tenggat: {item.tenggat}" if item.tenggat else "",
            f"Tindak lanjut: {item.tindak_lanjut} rencana aksi" if item.tindak_lanjut else "",
        ]
        shown = " · ".join(f for f in facts if f)
        note = [_indented(para(shown, self.styles["Small"]), INDENT + 7 * mm)] if shown else []
        return [first, *rest, *note, Spacer(1, 1.5 * mm)]

    def _penutup(self) -> list[Flowable]:
        d = self.data
        story: list[Flowable] = [self._section("IV. PENUTUP")]
        if d.penutupan.strip():
            story += self._text(d.penutupan)
        if d.jam_tutup:
            story.append(_indented(para(f"Rapat ditutup pukul {d.jam_tutup}.", self.styles["Body"]), INDENT))
        if not d.penutupan.strip() and not d.jam_tutup:
            story.append(para("–", self.styles["Body"]))
        return story

    def _signatures(self) -> Flowable:
        d = self.data
        left = SignatureBlock(d.pimpinan, "", "")
        right = SignatureBlock(d.notulis, d.tempat_tanggal, "")
        return signature_table([left, right], self.content_width, self.styles)

    # ------------------------------------------------------------------ attachments
    def _attachments(self) -> list[Flowable]:
        story: list[Flowable] = []
        sheets = self.lampiran.daftar_hadir
        if sheets:
            part = DaftarHadirDocument(sheets, self.setup, None)
            part.tails = self.tails  # the daftar hadir's signature-keeping pass works through us
            part.__dict__["_marks"] = self.__dict__.setdefault("_marks", {})
            story += [PageBreak(), para(f"Lampiran notulen: {self.data.judul}", self.styles["Small"])]
            story += part.build_story()
        if self.lampiran.materi:
            table = materi_table(self.lampiran.materi, self.content_width)
            story += [PageBreak(), para(f"Lampiran notulen: {self.data.judul}", self.styles["Small"])]
            story += [Spacer(1, 3 * mm), para("MATERI", self.styles["Title"]), Spacer(1, 4 * mm), table]
        return story

    # ------------------------------------------------------------------ page
    def decorate_page(self, canvas: Any, doc: Any) -> None:
        if not self.data.draf:
            return
        width, height = self.page_size
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.10))
        canvas.setFont(SANS_BOLD, 120)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -40, "DRAF")
        canvas.restoreState()


def _indented(flowable: Flowable, indent: float) -> Flowable:
    flowable.style = flowable.style.clone(f"{flowable.style.name}>{indent:.0f}", leftIndent=indent)  # type: ignore[attr-defined]
    return flowable
