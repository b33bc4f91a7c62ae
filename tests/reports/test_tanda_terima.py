"""The daftar penerimaan uang transport read back: amounts, the total and its terbilang, the
zig-zag signature labels, and the three signatures the bendahara needs."""

from __future__ import annotations

import re

from reports.data import PageSetup, Signatory, SignatureBlock
from reports.data_kegiatan import TandaTerima, TerimaRow
from reports.tanda_terima import TandaTerimaDocument, amount_in_words
from tests.reports.conftest import pdf_fonts, pdf_text
from tests.reports.kegiatan_samples import KEGIATAN, LONG_NAME, people

PPK = Signatory(nama="Rina Kartika, S.E.", jabatan="Pejabat Pembuat Komitmen", nip="19850101 201001 2 001")
BENDAHARA = Signatory(nama="Yuli Astuti", jabatan="Bendahara Pengeluaran", nip="19900202 201501 2 002")
KETUA = Signatory(nama="Agus Setiawan, S.Sos.", jabatan="Ketua Panitia")


def receipt(count: int) -> TandaTerima:
    rows = tuple(
        TerimaRow(
            no=p.no,
            nama=p.nama,
            jabatan=p.jabatan,
            asal=p.asal,
            peran=p.peran,
            volume=3 if p.no % 5 else 2,
            tarif=100_000,
        )
        for p in people(count)
    )
    return TandaTerima(
        kegiatan=KEGIATAN,
        judul="DAFTAR PENERIMAAN UANG TRANSPORT PESERTA",
        uraian="Uang transport peserta, 23–25 November 2026",
        satuan="hari",
        rows=rows,
        pembuat=SignatureBlock(KETUA, "Metro, 25 November 2026"),
        penyetuju=SignatureBlock(PPK, heading="Mengetahui/Menyetujui,"),
        bendahara=SignatureBlock(BENDAHARA, heading="Lunas dibayar,"),
        sumber_dana="DPA Kecamatan Metro Pusat Tahun 2026",
    )


def test_amounts_total_words_and_signatures() -> None:
    data = receipt(60)
    document = TandaTerimaDocument(data, PageSetup())
    pdf = document.render_bytes()
    pages = pdf_text(pdf)
    text = " ".join(" ".join(pages).split())
    assert data.total == 48 * 300_000 + 12 * 200_000 == 16_800_000
    assert "JUMLAH 16.800.000" in text
    assert "Terbilang: Enam belas juta delapan ratus ribu rupiah" in text
    assert "3 hari × 100.000" in text and "2 hari × 100.000" in text
    for name in ("Peserta 059 Siti Rahmawati", "Rahayuningsih", LONG_NAME[-14:]):
        assert name in text
    last = pages[-1]
    for words in (
        "Ketua Panitia,",
        "Mengetahui/Menyetujui,",
        "Pejabat Pembuat Komitmen,",
        "Bendahara Pengeluaran,",
        "NIP. 19850101 201001 2 001",
        "Agus Setiawan, S.Sos.",
    ):
        assert words in last
    for number, page in enumerate(pages, start=1):
        if re.search(r"\d+\. \.\.\.", page):  # the signatures may stand alone on the last page
            assert "Tanda Tangan" in page and "Jumlah (Rp)" in page
        assert f"Halaman {number} dari {document.page_count}" in page
    assert sorted(int(n) for n in re.findall(r"(\d+)\. \.\.\.", text)) == list(range(1, 61))
    assert all(pdf_fonts(pdf).values())


def test_words_capitalised_and_empty_list() -> None:
    assert amount_in_words(2_300_000) == "Dua juta tiga ratus ribu rupiah"
    empty = TandaTerima(
        kegiatan=KEGIATAN, judul="DAFTAR PENERIMAAN HONORARIUM NARASUMBER", uraian="", satuan="", rows=()
    )
    text = " ".join(pdf_text(TandaTerimaDocument(empty).render_bytes()))
    assert "Tidak ada penerima." in text and "Terbilang: Nol rupiah" in text


def test_signatures_never_stand_alone() -> None:
    carried = 0
    for count in range(6, 30):
        document = TandaTerimaDocument(receipt(count), PageSetup())
        pages = pdf_text(document.render_bytes())
        assert "Bendahara Pengeluaran" in pages[-1] and "JUMLAH" in pages[-1], count
        assert re.search(r"\d+\. \.\.\.", pages[-1]), count
        carried += bool(document.tails)
    assert carried
