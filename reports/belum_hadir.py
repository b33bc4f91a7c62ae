"""Daftar belum hadir: who is not marked hadir on one held day, for the panitia to phone or chase.

Columns No | Nama | Asal | Peran | No. HP | Keterangan (Izin, Sakit, Tanpa keterangan, or
"Belum tercatat" when nobody marked the person yet); the phone number arrives masked, full or blank
as chosen. A count line closes the list; the signature block is printed only when there is a signer.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reports.base import DocumentBuilder
from reports.data_kegiatan import DaftarBelumHadir
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import para

HEADER = ("No.", "Nama", "Asal", "Peran", "No. HP", "Keterangan")
FRACTIONS = (0.05, 0.26, 0.27, 0.11, 0.16, 0.15)
ALIGN = ("center", "left", "left", "left", "center", "left")


def count_line(data: DaftarBelumHadir) -> str:
    """ "Belum hadir: 12 dari 235 orang (Izin 2, Belum tercatat 10)"."""
    counts: dict[str, int] = {}
    for row in data.rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    detail = ", ".join(f"{status} {n}" for status, n in counts.items())
    return f"Belum hadir: {len(data.rows)} dari {data.jumlah} orang" + (f" ({detail})" if detail else "")


class BelumHadirDocument(DocumentBuilder):
    title = "Daftar Belum Hadir"
    base_font_size = 11.0

    def __init__(self, data: DaftarBelumHadir, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, title=f"Daftar Belum Hadir {data.kegiatan.nama}", **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [
            para("DAFTAR PESERTA BELUM HADIR", styles["Title"]),
            para(data.kegiatan.nama, styles["Subtitle"]),
            para(f"Hari ke-{data.hari_ke}, {data.tanggal}", styles["Subtitle"]),
        ]
        if data.kegiatan.tempat_lengkap:
            story.append(para(data.kegiatan.tempat_lengkap, styles["Subtitle"]))
        rows = [(str(r.no), r.nama, r.asal, r.peran, r.hp, r.status) for r in data.rows]
        if not rows:
            rows = [("", "Semua peserta sudah hadir.", "", "", "", "")]
        story.append(grid_table(HEADER, rows, FRACTIONS, self.content_width, styles, align=ALIGN))
        story.append(Spacer(1, 2 * mm))
        story.append(para(count_line(data), styles["Small"]))
        if data.signatures:
            story.append(signature_table(data.signatures[:2], self.content_width, styles))
        return story
