"""The daftar hadir read back from the PDF: every name in order, the header and page numbers on
every page, the zig-zag signature labels on their halves, long names inside their cell."""

from __future__ import annotations

import re

import pytest
from reportlab.lib.units import mm

from reports.daftar_hadir import DaftarHadirDocument
from reports.data import PageSetup
from reports.data_kegiatan import AttendanceSheet
from tests.reports.conftest import pdf_fonts, pdf_text, text_runs
from tests.reports.kegiatan_samples import HOSTILE_NAME, KEGIATAN, LONG_NAME, mengetahui, people


def sheet(rows, *, blank: int = 0, judul: str = "DAFTAR HADIR PESERTA", signer=None) -> AttendanceSheet:
    return AttendanceSheet(
        kegiatan=KEGIATAN,
        judul=judul,
        hari_ke=1,
        tanggal="Senin, 23 November 2026",
        waktu="08.00 – 16.00 WIB",
        rows=rows,
        blank_rows=blank,
        mengetahui=signer,
    )


@pytest.fixture(scope="module")
def rendered(request):  # noqa: ANN001, ANN201
    from reports.data import Kop, Signatory

    kop = Kop(pemerintah="PEMERINTAH KOTA METRO", unit="KECAMATAN METRO PUSAT")
    camat = Signatory(
        nama="Drs. H. Ahmad Syaifudin, M.Si.",
        jabatan="Camat Metro Pusat",
        pangkat="Pembina Tk. I (IV/b)",
        nip="19860926 201505 1 001",
    )
    document = DaftarHadirDocument([sheet(people(), blank=5, signer=mengetahui(camat))], PageSetup(), kop)
    data = document.render_bytes()
    return document, data, pdf_text(data)


def test_all_230_names_in_order_over_several_pages(rendered) -> None:  # noqa: ANN001
    document, _data, pages = rendered
    text = " ".join(" ".join(pages).split())  # names wrap inside their cell
    assert 8 <= document.page_count <= 12
    position = 0
    for row in people():
        if row.nama in (LONG_NAME, HOSTILE_NAME):
            continue
        found = text.find(row.nama, position)
        assert found >= 0, row.nama
        position = found
    assert HOSTILE_NAME in text  # markup-looking text is printed literally
    assert "Rahayuningsih" in text and "S.Kep., M.Kes." in text


def test_header_and_page_number_on_every_page(rendered) -> None:  # noqa: ANN001
    document, _data, pages = rendered
    for number, page in enumerate(pages, start=1):
        assert "Tanda Tangan" in page and "Jabatan/Unsur" in page and "No. HP" in page
        assert f"Halaman {number} dari {document.page_count}" in page
    assert "DAFTAR HADIR PESERTA" in pages[0] and "Hari ke-1, Senin, 23 November 2026" in pages[0]
    assert "KECAMATAN METRO PUSAT" in pages[0] and "KECAMATAN METRO PUSAT" not in pages[1]


def test_blank_rows_signature_and_no_long_digit_runs(rendered) -> None:  # noqa: ANN001
    _document, data, pages = rendered
    last = pages[-1]
    for number in range(231, 236):
        assert f"{number}. ." in last
    assert "Mengetahui," in last and "Drs. H. Ahmad Syaifudin, M.Si." in last
    assert "NIP. 19860926 201505 1 001" in last
    assert not re.search(r"\d{16}", "\n".join(pages))
    fonts = pdf_fonts(data)
    assert fonts and all(fonts.values()), fonts


def test_zigzag_odd_left_even_right_and_long_name_inside_its_cell(rendered) -> None:  # noqa: ANN001
    document, data, _pages = rendered
    left_margin = 25 * mm
    edges = [left_margin]
    for width in document.widths:
        edges.append(edges[-1] + width)
    runs = text_runs(data)
    labels = [run for run in runs if re.match(r"^\d+\. \.\.\.", run.text)]
    assert len(labels) == 235
    for run in labels:
        number = int(run.text.split(".")[0])
        half = (edges[-3], edges[-2]) if number % 2 else (edges[-2], edges[-1])
        assert half[0] <= run.x and run.x + run.width <= half[1] + 0.5, run
    name_runs = [run for run in runs if "Rahayuningsih" in run.text or "Kusumawardhani" in run.text]
    assert len(name_runs) >= 4  # wrapped over several lines
    for run in name_runs:
        assert edges[1] <= run.x and run.x + run.width <= edges[2] + 0.5, run


def test_two_sheets_each_start_on_a_new_page_and_f4_fits() -> None:
    few = people(12)
    document = DaftarHadirDocument(
        [sheet(few), sheet(few[:3], judul="DAFTAR HADIR NARASUMBER DAN PANITIA")],
        PageSetup(paper="F4"),
    )
    pages = pdf_text(document.render_bytes())
    assert document.page_count == 2
    assert "DAFTAR HADIR PESERTA" in pages[0] and "NARASUMBER" not in pages[0]
    assert "DAFTAR HADIR NARASUMBER DAN PANITIA" in pages[1]


def test_empty_sheet_still_prints_blank_rows() -> None:
    pages = pdf_text(DaftarHadirDocument([sheet((), blank=4)]).render_bytes())
    assert "1. ." in pages[0] and "4. ." in pages[0]
    with pytest.raises(ValueError):
        DaftarHadirDocument([])


def test_unbroken_words_stay_inside_their_columns() -> None:
    from dataclasses import replace

    word = "Kesejahteraan" * 9  # 117 characters without a space
    rows = (replace(people(3)[0], jabatan=word, asal=word), *people(3)[1:])
    document = DaftarHadirDocument([sheet(rows)], PageSetup())
    data = document.render_bytes()
    edges = [25 * mm]
    for width in document.widths:
        edges.append(edges[-1] + width)
    pieces = [run for run in text_runs(data) if "Kesejahteraan" in run.text or "ejahteraan" in run.text]
    assert len(pieces) >= 6  # split over several lines in both columns
    for run in pieces:
        column = next(i for i in range(len(edges) - 1) if edges[i] - 0.5 <= run.x < edges[i + 1])
        assert column in (2, 3) and run.x + run.width <= edges[column + 1] + 0.5, run


def test_signature_never_stands_alone_on_a_page() -> None:
    from reports.data import Signatory

    camat = Signatory(
        nama="Drs. H. Ahmad Syaifudin, M.Si.", jabatan="Camat Metro Pusat", nip="19860926 201505 1 001"
    )
    carried = 0
    for count in range(14, 40):
        document = DaftarHadirDocument([sheet(people(count), signer=mengetahui(camat))], PageSetup())
        pages = pdf_text(document.render_bytes())
        last = pages[-1]
        assert "Mengetahui," in last and re.search(r"\d+\. \.\.\.", last), count
        assert " ".join(" ".join(pages).split()).count(f"{count}. ...") == 1  # no row printed twice
        carried += bool(document.tails)
    assert carried  # some of these counts did push the signature over, and took rows along
