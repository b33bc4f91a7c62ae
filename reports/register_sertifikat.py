"""Buku register sertifikat: every number issued in a year (revoked ones included), landscape.

Columns No | Nomor Sertifikat | Nama | Asal | Peran | Kegiatan | Tgl. Terbit | Status (Kegiatan
moves above the table when every line is of one kegiatan); a revoked
line says "Dicabut" with the date and reason. Kop on the first page, the table header on every
page, totals and the signature at the end.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reports.base import DocumentBuilder
from reports.data_sertifikat import RegisterSertifikat
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import para

HEADER = ("No.", "Nomor Sertifikat", "Nama", "Asal", "Peran", "Kegiatan", "Tgl. Terbit", "Status")
FRACTIONS = (0.04, 0.26, 0.16, 0.13, 0.08, 0.16, 0.08, 0.09)
ALIGN = ("center", "left", "left", "left", "left", "left", "center", "left")
KEGIATAN = HEADER.index("Kegiatan")
# one kegiatan only (the usual register of a bimtek): its name goes above the table, and the
# freed width lets Nama and Asal stay on one line, so a page holds about twice the rows
ONE_KEGIATAN_FRACTIONS = (0.04, 0.27, 0.22, 0.22, 0.08, 0.08, 0.09)


class RegisterSertifikatDocument(DocumentBuilder):
    title = "Buku Register Sertifikat"
    base_font_size = 10.0

    def __init__(self, data: RegisterSertifikat, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, title=f"{data.judul.title()} {data.subjudul}", **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [para(data.judul, styles["Title"])]
        if data.subjudul:
            story.append(para(data.subjudul, styles["Subtitle"]))
        rows = [
            [str(n), r.nomor, r.nama, r.asal, r.peran, r.kegiatan, r.terbit, r.status]
            for n, r in enumerate(data.lines, start=1)
        ]
        if not rows:
            rows = [["", "Belum ada sertifikat yang diterbitkan.", "", "", "", "", "", ""]]
        header, fractions, align = list(HEADER), FRACTIONS, list(ALIGN)
        kegiatan = {line.kegiatan for line in data.lines}
        if len(kegiatan) == 1:
            (name,) = kegiatan
            if name and name not in data.subjudul:
                story.append(para(f"Kegiatan: {name}", styles["Subtitle"]))
            for row in (header, align, *rows):
                del row[KEGIATAN]
            fractions = ONE_KEGIATAN_FRACTIONS
        story.append(grid_table(header, rows, fractions, self.content_width, styles, align=align))
        story.append(Spacer(1, 2 * mm))
        revoked = sum(1 for line in data.lines if line.status.startswith("Dicabut"))
        count = len(data.lines)
        total = f"Jumlah: {count} nomor diterbitkan; {count - revoked} berlaku, {revoked} dicabut"
        story.append(para(total, styles["Small"]))
        if data.signatures:
            story.append(signature_table(data.signatures[:2], self.content_width, styles))
        return story
