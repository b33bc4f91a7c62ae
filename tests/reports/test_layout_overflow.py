"""R15: long names, unbroken words and markup characters wrap or shrink — nothing leaves its box."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reports.base import DocumentBuilder
from reports.data import Kop, PageSetup, Signatory, SignatureBlock
from reports.fonts import SANS_BOLD, missing_chars
from reports.signature import signature_table
from reports.tables import grid_table
from reports.text import fit_font_size, fitted_paragraph, para
from tests.reports.conftest import pdf_text, text_runs

LONG_NAME = ("Hj. Dra. Raden Ayu Siti Nurhayati Kusumawardhani Purbaningrum Setyaningsih " * 4)[:300].strip()
LONG_WORD = "Pemberdayaanmasyarakat" * 4 + "Posyandu" + "X" * 4  # 100 characters, no break
assert len(LONG_WORD) == 100


class Stress(DocumentBuilder):
    """Every foundation piece fed with text that is too long for it."""

    def build_story(self) -> list[Flowable]:
        s, width = self.styles, self.content_width
        long_signer = Signatory(LONG_NAME, LONG_WORD, pangkat=LONG_WORD, nip="19860926 201505 1 001")
        short_signer = Signatory("Budi", "Notulis")
        rows = [["1", LONG_NAME, LONG_WORD], ["2", "<Siti & Co>", "ok"]]
        self.table = grid_table(["No", "Nama", "Keterangan"], rows, [0.1, 0.45, 0.45], width, s)
        return [
            para(LONG_WORD, s["Title"]),
            para(f"{LONG_NAME} {LONG_WORD}", s["Body"]),
            self.table,
            signature_table(
                [
                    SignatureBlock(short_signer, heading="Mengetahui,"),
                    SignatureBlock(long_signer, "Metro, 21 Juli 2023"),
                ],
                width,
                s,
            ),
            signature_table([SignatureBlock(long_signer)], width, s),
        ]


def _stress_pdf(setup: PageSetup) -> tuple[Stress, bytes]:
    kop = Kop(
        pemerintah=LONG_NAME.upper(),
        unit=LONG_WORD.upper(),
        sekretariat=LONG_WORD,
        alamat=LONG_NAME,
        kontak=LONG_WORD,
    )
    builder = Stress(setup, kop)
    return builder, builder.render_bytes()


def test_nothing_leaves_the_text_area() -> None:
    for setup in (PageSetup(), PageSetup(paper="F4", orientation="landscape")):
        _, data = _stress_pdf(setup)
        width = setup.page_size[0]
        _, right, bottom, left = setup.margins
        runs = text_runs(data)
        assert runs
        for run in runs:
            assert run.x >= left - 0.5, run
            assert run.x + run.width <= width - right + 0.5, run
            assert run.y >= bottom / 2 - 1, run


def test_table_cells_stay_in_their_columns() -> None:
    builder, data = _stress_pdf(PageSetup())
    _, _, _, left = builder.setup.margins
    edges = [left]
    for col_width in builder.table._colWidths:
        edges.append(edges[-1] + col_width)
    runs = text_runs(data)
    header_y = next(r.y for r in runs if r.text == "Keterangan")
    cell_runs = [
        r
        for r in runs
        if r.page == 1
        and r.y < header_y
        and edges[1] - 1 <= r.x < edges[3]
        and (r.text in LONG_WORD or r.text in LONG_NAME)
    ]
    assert len(cell_runs) >= 4  # the long name and word each wrapped over several lines
    for run in cell_runs:
        column = max(i for i, edge in enumerate(edges[:-1]) if run.x >= edge - 0.5)
        assert run.x + run.width <= edges[column + 1] + 0.5, run


def test_all_text_survives_and_markup_is_literal() -> None:
    _, data = _stress_pdf(PageSetup())
    joined = "".join("".join(page.split()) for page in pdf_text(data))
    assert "".join(LONG_NAME.split()) in joined
    assert LONG_WORD in joined
    assert "<Siti&Co>" in joined


def test_fit_font_size_shrinks_to_width_but_not_below_minimum() -> None:
    assert fit_font_size("KECAMATAN", SANS_BOLD, 500, 18, 12) == 18
    size = fit_font_size("KECAMATAN METRO PUSAT " * 2, SANS_BOLD, 300, 18, 8)
    assert 8 < size < 18
    assert fit_font_size(LONG_WORD, SANS_BOLD, 50, 18, 12) == 12


def test_fitted_paragraph_shrinks_then_wraps() -> None:
    from reports.styles import build_stylesheet

    style = build_stylesheet()["Title"]
    box_w, box_h = 120 * mm, 12 * mm
    short = fitted_paragraph("Siti Aminah", style, box_w, box_h, min_size=10)
    assert short.style.fontSize == style.fontSize
    longer = fitted_paragraph(
        "Hj. Dra. Siti Nurhayati Kusumawardhani, S.Kep., M.Kes.", style, 80 * mm, box_h, min_size=9
    )
    assert 9 <= longer.style.fontSize < style.fontSize
    assert longer.wrap(80 * mm, box_h)[1] <= box_h
    huge = fitted_paragraph(LONG_NAME, style, box_w, box_h, min_size=10, markup="b")
    assert huge.style.fontSize == 10
    assert huge.wrap(box_w, 1000)[0] <= box_w  # wraps at the minimum, never wider


def test_missing_glyphs_are_reported_not_silent() -> None:
    assert missing_chars("Hj. Siti Aminah, S.Kep. — Rp1.250.000 · é") == []
    assert missing_chars("Cafe\u0301") == []  # combining acute is in the font
    assert missing_chars("محمد 山田 ꦗꦮ 😀") == ["م", "ح", "د", "山", "田", "ꦗ", "ꦮ", "😀"]
