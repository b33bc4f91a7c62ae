"""The one-page check document of ``--selftest``: kop, a paragraph, a small table, a signature.

It doubles as the visual reference of the print foundation: if this page looks like a proper
Indonesian government letter, the shared pieces are right.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reports.base import DocumentBuilder
from reports.data import Kop, PageSetup, SignatureBlock
from reports.formatting import angka, bulan_romawi, jam, rupiah, tanggal_panjang, terbilang
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import para

ORIENTATION_NAMES = {"portrait": "tegak", "landscape": "mendatar"}


class SelftestDocument(DocumentBuilder):
    title = "Uji Cetak Pokjanal Desk"

    def __init__(
        self,
        setup: PageSetup,
        kop: Kop,
        signature: SignatureBlock,
        *,
        printed_at: datetime,
        zona: str = "WIB",
        version: str = "",
    ) -> None:
        super().__init__(setup, kop)
        self.signature = signature
        self.printed_at = printed_at
        self.zona = zona
        self.version = version

    def _checks(self) -> list[list[str]]:
        width_mm, height_mm = (round(side / mm) for side in self.setup.page_size)
        orientation = ORIENTATION_NAMES[self.setup.orientation]
        return [
            ["1", "Hari dan tanggal", tanggal_panjang(self.printed_at.date())],
            ["2", "Jam", jam(self.printed_at.time(), self.zona)],
            ["3", "Angka", angka(1250000.5)],
            ["4", "Rupiah", rupiah(1250000)],
            ["5", "Terbilang (230)", terbilang(230)],
            ["6", "Kertas", f"{self.setup.paper} {orientation} ({width_mm} × {height_mm} mm)"],
        ]

    def build_story(self) -> list[Flowable]:
        s = self.styles
        when = self.printed_at
        number = f"001/UJI/{bulan_romawi(when.month)}/{when.year}"
        version = f" versi {self.version}" if self.version else ""
        return [
            para("UJI CETAK", s["Title"]),
            para(f"Nomor: {number}", s["Subtitle"]),
            para(
                f"Halaman ini dicetak oleh uji mandiri Pokjanal Desk{version} untuk memeriksa kop surat, "
                "huruf yang tertanam, format tanggal dan angka berbahasa Indonesia, tabel, serta blok "
                "tanda tangan sesuai Tata Naskah Dinas. Bila semua unsur tampil rapi, pencetakan siap "
                "dipakai.",
                s["Body"],
            ),
            Spacer(1, 2 * mm),
            grid_table(
                ["No", "Pemeriksaan", "Hasil"],
                self._checks(),
                [0.08, 0.32, 0.60],
                self.content_width,
                s,
                align=["center", "left", "left"],
            ),
            Spacer(1, 6 * mm),
            signature_table([self.signature], self.content_width, s),
        ]
