"""Daftar peserta: the roster of a kegiatan as a ruled list (no signatures), header on every page.

Columns No | Nama | L/P | Jabatan | Asal | No. HP | Peran | Kode; the kode is what the name tag's
QR code carries, so the secretariat can find a lost tag's owner. No NIK reaches this module.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reports.base import DocumentBuilder
from reports.data_kegiatan import DaftarPeserta
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import para

HEADER = ("No.", "Nama", "L/P", "Jabatan", "Asal", "No. HP", "Peran", "Kode")
FRACTIONS = (0.05, 0.25, 0.05, 0.15, 0.18, 0.13, 0.10, 0.09)
ALIGN = ("center", "left", "center", "left", "left", "center", "left", "center")


class DaftarPesertaDocument(DocumentBuilder):
    title = "Daftar Peserta"
    base_font_size = 10.0  # eight columns in portrait: cells at 8 pt

    def __init__(self, data: DaftarPeserta, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, title=f"Daftar Peserta {data.kegiatan.nama}", **kwargs)
        self.data = data

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [
            para("DAFTAR PESERTA", styles["Title"]),
            para(data.kegiatan.nama, styles["Subtitle"]),
        ]
        if data.subjudul:
            story.append(para(data.subjudul, styles["Subtitle"]))
        rows = [
            (str(r.no), r.nama, r.jenis_kelamin, r.jabatan, r.asal, r.hp, r.peran, r.kode) for r in data.rows
        ]
        if not rows:
            rows = [("", "Belum ada peserta.", "", "", "", "", "", "")]
        story.append(grid_table(HEADER, rows, FRACTIONS, self.content_width, styles, align=ALIGN))
        story.append(Spacer(1, 2 * mm))
        counts: dict[str, int] = {}
        for row in data.rows:
            counts[row.peran] = counts.get(row.peran, 0) + 1
        summary = ", ".join(f"{peran} {n}" for peran, n in counts.items())
        total = f"Jumlah: {len(data.rows)} orang" + (f" ({summary})" if summary else "")
        story.append(para(total, styles["Small"]))
        if data.signatures:
            story.append(signature_table(data.signatures[:2], self.content_width, styles))
        return story
