"""Susunan acara and the materi/JPL table as printed documents (portrait, kop on the first page).

Susunan acara: title, kegiatan name, dates and place, then per day a heading and a ruled table
``Waktu | Acara/Materi | Narasumber | Moderator`` whose header repeats on every page; long texts
wrap in their column. A day's heading never stands alone at the foot of a page.

Materi/JPL: the certificate back-page table (:func:`reports.sertifikat_materi.materi_table`, grouped
A. Materi Dasar / B. Materi Inti / C. Materi Penunjang with the total row) at the page's width.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from reports.base import DocumentBuilder
from reports.data_agenda import MateriJpl, SusunanAcara
from reports.sertifikat_materi import materi_table
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import para

HEADER = ("Waktu", "Acara/Materi", "Narasumber", "Moderator")
FRACTIONS = (0.14, 0.37, 0.28, 0.21)  # narasumber names carry gelar: give them room
ALIGN = ("center", "left", "left", "left")
KEEP_WITH_HEADING = 30 * mm  # room for a day heading, the table header and a row or two


class SusunanAcaraDocument(DocumentBuilder):
    title = "Susunan Acara"
    base_font_size = 11.0

    def __init__(self, data: SusunanAcara, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - builder args
        super().__init__(*args, title=f"Susunan Acara {data.kegiatan}", **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [
            para("SUSUNAN ACARA", styles["Title"]),
            para(data.kegiatan.upper(), styles["Title"]),
        ]
        if data.subjudul:
            story.append(para(data.subjudul, styles["Subtitle"]))
        if not data.days:
            story.append(para("Susunan acara belum diisi.", styles["Normal"]))
        for day in data.days:
            rows = [(line.waktu, line.acara, line.narasumber, line.moderator) for line in day.lines]
            # a day that fits on a page is never split from its heading; a longer one splits
            # with the table header repeated
            story += [
                CondPageBreak(KEEP_WITH_HEADING),
                KeepTogether(
                    [
                        para(day.judul, styles["Heading"]),
                        grid_table(self._header(), rows, FRACTIONS, self.content_width, styles, align=ALIGN),
                    ]
                ),
            ]
        if data.signatures:
            story.append(signature_table(data.signatures[:2], self.content_width, styles))
        return story

    def _header(self) -> tuple[str, ...]:
        zona = self.data.zona.strip()
        return (f"Waktu ({zona})" if zona else HEADER[0], *HEADER[1:])


class MateriJplDocument(DocumentBuilder):
    title = "Materi dan Jam Pelajaran"
    base_font_size = 11.0

    def __init__(self, data: MateriJpl, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - builder args
        super().__init__(*args, title=f"Materi {data.kegiatan}", **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [
            para("MATERI DAN JAM PELAJARAN (JPL)", styles["Title"]),
            para(data.kegiatan.upper(), styles["Title"]),
        ]
        if data.subjudul:
            story.append(para(data.subjudul, styles["Subtitle"]))
        if not data.rows:
            story.append(
                para("Belum ada materi dengan kelompok Dasar, Inti atau Penunjang.", styles["Normal"])
            )
        else:
            story.append(materi_table(data.rows, self.content_width))
            note = "T = teori, P = penugasan, PL = praktik lapangan (dalam JPL)."
            story += [Spacer(1, 2 * mm), para(note, styles["Small"])]
        if data.signatures:
            story.append(KeepTogether([signature_table(data.signatures[:2], self.content_width, styles)]))
        return story
