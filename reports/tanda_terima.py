"""Daftar penerimaan uang transport / honorarium: what each person received, and their signature.

The bendahara files this sheet as proof of payment (SPJ), so it follows the form offices use:
``DAFTAR PENERIMAAN UANG TRANSPORT``, the kegiatan, dates, place and source of funds; a table
No | Nama | Jabatan/Asal | Rincian (volume × tarif) | Jumlah (Rp) | Tanda Tangan (zig-zag, as on the
daftar hadir) with a JUMLAH row; the total in words ("Terbilang: … rupiah"); then the Ketua Panitia
under the place and date, and "Mengetahui/Menyetujui, Pejabat Pembuat Komitmen" beside "Bendahara
Pengeluaran". Amounts arrive as integers of rupiah and are formatted here.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from reports.base import DocumentBuilder
from reports.daftar_hadir import fast_cell, info_table
from reports.data_kegiatan import TandaTerima, TerimaRow
from reports.formatting import angka, terbilang
from reports.signature import signature_table
from reports.text import para
from reports.zigzag import CELL_PADDING, SignatureKeeper, ZigzagColumn, signed_table, split_tail

ROW_HEIGHT = 9 * mm
# (header, width in mm of a 165 mm body)
COLUMNS = (
    ("No.", 8.0),
    ("Nama", 40.0),
    ("Jabatan/Asal", 30.0),
    ("Rincian", 28.0),
    ("Jumlah (Rp)", 22.0),
)
SIGNATURE_MM = 37.0


def amount_in_words(total: int) -> str:
    """``Dua juta tiga ratus ribu rupiah`` (capitalised, as written on a receipt)."""
    words = f"{terbilang(total)} rupiah"
    return words[:1].upper() + words[1:]


class TandaTerimaDocument(SignatureKeeper, DocumentBuilder):
    title = "Daftar Penerimaan"
    base_font_size = 11.0

    def __init__(self, data: TandaTerima, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, title=data.judul.title(), **kwargs)
        self.data = data
        scale = self.content_width / (sum(w for _, w in COLUMNS) + SIGNATURE_MM)
        half = SIGNATURE_MM * scale / 2
        self.widths = [w * scale for _, w in COLUMNS] + [half, half]
        self.zigzag = ZigzagColumn(len(COLUMNS), half, ROW_HEIGHT, font_size=7.5)

    def build_story(self) -> list[Flowable]:
        data, styles = self.data, self.styles
        story: list[Flowable] = [para(data.judul, styles["Title"]), Spacer(1, 3 * mm)]
        story.append(
            info_table(
                [
                    ("Kegiatan", data.kegiatan.nama),
                    ("Uraian", data.uraian),
                    ("Tempat", data.kegiatan.tempat_lengkap),
                    ("Sumber dana", data.sumber_dana),
                ],
                self.content_width,
                styles,
            )
        )
        story.append(Spacer(1, 4 * mm))
        main, tail = self._tables()
        story.append(main)
        closing: list[Flowable] = [self.mark("tabel", "sign"), *([tail] if tail is not None else [])]
        closing += [
            Spacer(1, 2 * mm),
            para(f"Terbilang: {amount_in_words(data.total)}", styles["Normal"], markup="b,i"),
        ]
        story.append(KeepTogether(closing + self._signatures()))
        return story

    def _rincian(self, row: TerimaRow) -> str:
        unit = self.data.satuan
        return f"{row.volume} {unit} × {angka(row.tarif)}" if unit else f"{row.volume} × {angka(row.tarif)}"

    def _tables(self) -> tuple[Flowable, Flowable | None]:
        """The table, and when the signatures would stand alone (:class:`SignatureKeeper`) its last
        rows and the JUMLAH row as a second table kept with them."""
        styles = self.styles
        cell, right = styles["TableCell"], styles["TableCellRight"]
        room = [width - 2 * CELL_PADDING for width in self.widths]
        rows = []
        for row in self.data.rows:
            jabatan = " – ".join(part for part in (row.jabatan or row.peran, row.asal) if part)
            rows.append(
                [
                    str(row.no),
                    fast_cell(row.nama, cell, room[1]),
                    fast_cell(jabatan, cell, room[2]),
                    fast_cell(self._rincian(row), right, room[3]),
                    angka(row.jumlah),
                ]
            )
        if not rows:
            rows.append(["", para("Tidak ada penerima.", cell), "", "", ""])
        numbers = [row.no for row in self.data.rows] or [1]
        head = [para(title, styles["TableHead"]) for title in [*(t for t, _ in COLUMNS), "Tanda Tangan"]]
        total = [
            "",
            para("JUMLAH", styles["TableHead"]),
            "",
            "",
            para(angka(self.data.total), right, markup="b"),
        ]
        money = len(COLUMNS) - 1
        align = [("ALIGN", (money - 1, 1), (money, -1), "RIGHT")]
        with_total = [*align, ("SPAN", (1, -1), (money - 1, -1)), ("VALIGN", (0, -1), (-1, -1), "MIDDLE")]
        (main_rows, main_numbers), (tail_rows, tail_numbers) = split_tail(
            rows, numbers, "tabel" in self.tails
        )

        def table(
            part: Sequence[Sequence[object]],
            part_numbers: Sequence[int],
            last: bool,
            end_mark: Flowable | None = None,
        ) -> Flowable:
            return signed_table(
                head,
                part,
                part_numbers,
                self.widths,
                self.zigzag,
                cell,
                end_mark=end_mark,
                footer=[total] if last else [],
                extra=with_total if last else align,
            )

        if not tail_rows:  # laid out whole: learn the page its last row lands on
            return table(main_rows, main_numbers, True, self.mark("tabel", "end")), None
        return table(main_rows, main_numbers, False), table(tail_rows, tail_numbers, True)

    def _signatures(self) -> list[Flowable]:
        data = self.data
        parts: list[Flowable] = []
        if data.pembuat is not None:
            parts.append(signature_table([data.pembuat], self.content_width, self.styles))
        pair = [block for block in (data.penyetuju, data.bendahara) if block is not None]
        if pair:
            parts.append(signature_table(pair, self.content_width, self.styles))
        # Unpacked into the caller's one KeepTogether, so the Ketua Panitia is never left on a page
        # without the PPK and the bendahara (nested KeepTogethers pushed the whole group on).
        return [item for part in parts for item in getattr(part, "_content", [part])]
