"""The printed daftar kader and rekap kader, read back with pypdf: the right people, masked NIKs
only, the kop and the signatory, and recap counts that add up."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from db.services.kader import KaderForm, save_kader
from db.services.kader_print import DaftarKaderScope, daftar_kader_pdf, rekap_kader_data, rekap_kader_pdf
from db.services.penandatangan import SignatoryData, save_signatory
from db.services.posyandu import PosyanduForm, save_posyandu
from db.services.profile import get_profile, save_profile

YOSODADI, TEJOSARI = "18.72.04.1001", "18.72.04.1002"
NIKS = {
    "Hj. Siti Aminah, S.Pd.": "1872044107850004",
    "Budi Santoso": "1872041203800002",
    "Rina Wulandari": "1872045511900003",
    "Dewi Lestari": "1872046002880005",
}
TODAY = date(2026, 11, 23)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def registry(store):  # noqa: ANN001, ANN201
    from dataclasses import replace

    save_profile(
        replace(
            get_profile(),
            pemerintah="PEMERINTAH KOTA METRO",
            unit="KECAMATAN METRO TIMUR",
            kode_wilayah="18.72.04",
            kota_ttd="Metro",
        )
    )
    signer = save_signatory(
        SignatoryData(
            nama="Agus Setiawan, S.Sos.",
            jabatan="Ketua Pokjanal Posyandu",
            pangkat="Penata (III/c)",
            nip="198309222010011003",
        )
    )
    melati = save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah=YOSODADI))
    mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah=YOSODADI))
    anggrek = save_posyandu(PosyanduForm(nama="Posyandu Anggrek", kode_wilayah=TEJOSARI))
    save_kader(
        KaderForm(
            nama="Hj. Siti Aminah, S.Pd.",
            nik=NIKS["Hj. Siti Aminah, S.Pd."],
            posyandu_id=melati,
            jabatan="Ketua",
            tingkatan="Madya",
        )
    )
    save_kader(KaderForm(nama="Budi Santoso", nik=NIKS["Budi Santoso"], posyandu_id=mawar, tingkatan="Purwa"))
    save_kader(
        KaderForm(nama="Rina Wulandari", nik=NIKS["Rina Wulandari"], posyandu_id=anggrek, tingkatan="Utama")
    )
    save_kader(KaderForm(nama="Dewi Lestari", nik=NIKS["Dewi Lestari"], posyandu_id=melati, status="pindah"))
    return {"signer": signer.id, "melati": melati, "mawar": mawar, "anggrek": anggrek}


def test_daftar_per_kelurahan_has_the_names_masked_niks_kop_and_signatory(registry) -> None:
    scope = DaftarKaderScope(kode_wilayah=YOSODADI, signatory_id=registry["signer"])
    text = text_of(daftar_kader_pdf(scope, today=TODAY))
    assert "KECAMATAN METRO TIMUR" in text and "DAFTAR KADER POSYANDU" in text
    assert "Kelurahan Yosodadi" in text and "Keadaan 23 November 2026" in text
    assert "Hj. Siti Aminah, S.Pd." in text and "Budi Santoso" in text
    assert "Rina Wulandari" not in text, "another kelurahan"
    assert "Dewi Lestari" not in text, "only active kader by default"
    assert "Posyandu Melati" in text and "Posyandu Mawar" in text
    assert "1872••••••••0004" in text
    for nik in NIKS.values():
        assert nik not in text
    assert "Agus Setiawan, S.Sos." in text and "Metro, 23 November 2026" in text
    assert "Halaman 1 dari 1" in text


def test_daftar_per_posyandu_all_statuses(registry) -> None:
    scope = DaftarKaderScope(posyandu_id=registry["melati"], status="")
    text = text_of(daftar_kader_pdf(scope, today=TODAY))
    assert "Posyandu Melati, Kelurahan Yosodadi" in text
    assert "Hj. Siti Aminah, S.Pd." in text and "Dewi Lestari" in text and "pindah" in text
    assert "Budi Santoso" not in text
    assert "Jumlah: 2 kader" in text


def test_daftar_of_a_long_registry_repeats_headers_and_counts_pages(store) -> None:
    posyandu = save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah=YOSODADI))
    for number in range(1, 91):
        save_kader(KaderForm(nama=f"Kader Nomor {number:03d}", posyandu_id=posyandu))
    pdf = daftar_kader_pdf(DaftarKaderScope(), today=TODAY)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    assert all("Nama" in page.extract_text() and "Tingkatan" in page.extract_text() for page in pages)
    text = text_of(pdf)
    assert "Kader Nomor 001" in text and "Kader Nomor 090" in text
    assert f"Halaman {len(pages)} dari {len(pages)}" in text


def test_rekap_counts_per_posyandu_and_kelurahan(registry) -> None:
    data = rekap_kader_data(registry["signer"], today=TODAY)
    by_name = {s.kelurahan: s for s in data.sections}
    assert set(by_name) == {"Yosodadi", "Tejosari"}
    yosodadi = by_name["Yosodadi"].subtotal()
    assert (yosodadi.jumlah, yosodadi.aktif, yosodadi.per_tingkatan) == (3, 2, (1, 1, 0, 0))
    total = data.total()
    assert (total.jumlah, total.aktif, total.per_tingkatan) == (4, 3, (1, 1, 1, 0))
    text = text_of(rekap_kader_pdf(registry["signer"], today=TODAY))
    assert "REKAP KADER POSYANDU" in text and "JUMLAH SELURUHNYA" in text
    assert "Posyandu Anggrek" in text and "Jumlah Yosodadi" in text
    assert "Agus Setiawan, S.Sos." in text
    assert "••••" not in text and "1872" not in text, "the recap carries counts, no NIK at all"
