"""The bundled Kemendagri region list: counts, Kota Metro, kinds and labels, name matching."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from db import wilayah
from db.wilayah import DESA, KABKOTA, KECAMATAN, PROVINSI, Wilayah

KOTA_METRO = {
    "Metro Pusat": ["Hadimulyo Barat", "Hadimulyo Timur", "Imopuro", "Metro", "Yosomulyo"],
    "Metro Utara": ["Banjarsari", "Karangrejo", "Purwoasri", "Purwosari"],
    "Metro Barat": ["Ganjar Agung", "Ganjar Asri", "Mulyojati", "Mulyosari"],
    "Metro Timur": ["Iring Mulyo", "Tejo Agung", "Tejosari", "Yosodadi", "Yosorejo"],
    "Metro Selatan": ["Margodadi", "Margorejo", "Rejomulyo", "Sumbersari Bantul"],
}


def test_counts_per_level_match_the_notice() -> None:
    assert [wilayah.count(level) for level in (PROVINSI, KABKOTA, KECAMATAN, DESA)] == [
        38, 514, 7285, 83762,
    ]  # fmt: skip
    provinces = wilayah.children()
    assert len(provinces) == 38
    assert [p.nama for p in provinces] == sorted((p.nama for p in provinces), key=str.casefold)
    assert all(p.tingkat == PROVINSI for p in provinces)


def test_kota_metro_has_five_kecamatan_and_22_kelurahan() -> None:
    kota = wilayah.get("18.72")
    assert kota == Wilayah("18.72", "Kota Metro")
    kecamatan = wilayah.children("18.72")
    assert [k.nama for k in kecamatan] == sorted(KOTA_METRO)
    assert {k.kode for k in kecamatan} == {f"18.72.0{i}" for i in range(1, 6)}
    total = 0
    for kec in kecamatan:
        desa = wilayah.children(kec.kode)
        assert [d.nama for d in desa] == KOTA_METRO[kec.nama]
        assert all(d.jenis == "Kelurahan" and d.kode.startswith(kec.kode + ".1") for d in desa)
        total += len(desa)
    assert total == 22


def test_get_accepts_undotted_codes_and_rejects_nonsense() -> None:
    assert wilayah.get("1872041005") == Wilayah("18.72.04.1005", "Tejo Agung")
    assert wilayah.get(" 18.72.04 ") == Wilayah("18.72.04", "Metro Timur")
    for bad in ("", "18.7", "99", "abc", "18.72.04.1005.1", "187204100"):
        assert wilayah.get(bad) is None
    assert wilayah.children("18.72.04.1005") == []
    assert wilayah.children("nonsense") == []


def test_kinds_and_labels() -> None:
    assert wilayah.get("18").label == "Provinsi Lampung"
    assert wilayah.get("18.72").label == "Kota Metro"
    assert wilayah.get("18.72").jenis == "Kota"
    assert wilayah.get("18.72").nama_pendek == "Metro"
    assert wilayah.get("18.01").jenis == "Kabupaten"
    assert wilayah.get("18.72.04").label == "Kecamatan Metro Timur"
    assert wilayah.get("18.72.04.1005").label == "Kelurahan Tejo Agung"
    desa = wilayah.get("11.01.01.2001")
    assert (desa.jenis, desa.tingkat, desa.label) == ("Desa", DESA, "Desa Keude Bakongan")
    # kab/kota kind from the code when the name carries no prefix
    assert Wilayah("18.75", "Contoh").jenis == "Kota"
    assert Wilayah("18.05", "Contoh").jenis == "Kabupaten"
    assert Wilayah("51.03.01.3001", "Contoh").jenis == "Desa Adat"


def test_ancestors_from_provinsi_down() -> None:
    assert [a.kode for a in wilayah.ancestors("18.72.04.1005")] == ["18", "18.72", "18.72.04"]
    assert wilayah.ancestors("18") == []
    assert wilayah.ancestors("") == []


def test_normalise_name_variants() -> None:
    n = wilayah.normalise_name
    assert n("Tejoagung") == n("Tejo Agung") == "tejoagung"
    assert n("Kel. Iringmulyo") == n("Iring Mulyo")
    assert n("KELURAHAN  YOSO DADI") == n("Yosodadi")
    assert n("Kec.Metro Timur") == n("Kecamatan Metro Timur") == "metrotimur"
    assert n("Ds. Keude Bakongan") == n("Desa Keude Bakongan") == "keudebakongan"
    assert n("Kab. Lampung Tengah") == n("Kabupaten Lampung Tengah")
    assert n("Kota") == "kota"  # a kind word alone is kept
    assert n("Kelapa Gading") == "kelapagading"  # "Kel" inside a word is not a prefix
    assert n("Regapu’u") == n("Regapu'u") == "regapuu"


def test_match_spelling_variants_from_the_notice_are_certain() -> None:
    expected = {
        "Tejoagung": "18.72.04.1005",
        "Kel. Iringmulyo": "18.72.04.1003",
        "ganjaragung": "18.72.03.1002",
        "KELURAHAN  YOSO DADI": "18.72.04.1001",
    }
    for typed, code in expected.items():
        result = wilayah.match(typed, within="18.72")
        assert result.certain, typed
        assert result.best is not None and result.best.kode == code
        assert [c.kode for c in result.candidates] == [code]


def test_match_typo_gives_candidates_not_certainty() -> None:
    result = wilayah.match("Tejo Agng", within="18.72.04")
    assert not result.certain
    assert result.best == wilayah.get("18.72.04.1005")
    assert result.best in result.candidates


def test_match_nothing_close() -> None:
    result = wilayah.match("Jakarta Pusat", within="18.72")
    assert result == wilayah.Match(None, [], False)
    assert wilayah.match("", within="18.72").best is None
    assert wilayah.match("Tejo Agung", within="99.99").best is None


def test_match_searches_only_within_the_prefix_and_level() -> None:
    assert wilayah.match("Metro Timur", within="18.72", tingkat=KECAMATAN).best.kode == "18.72.04"
    elsewhere = wilayah.match("Tejo Agung", within="18.72.01")
    assert not elsewhere.certain
    assert all(c.kode.startswith("18.72.01.") for c in elsewhere.candidates)
    assert wilayah.match("Tejo Agung", within="18.72", tingkat=KECAMATAN).best is None


def test_match_same_name_in_kota_and_kabupaten_asks_unless_the_kind_is_typed() -> None:
    assert wilayah.match("Kota Bogor", within="32", tingkat=KABKOTA).best.kode == "32.71"
    assert wilayah.match("Kab. Bogor", within="32", tingkat=KABKOTA).best.kode == "32.01"
    both = wilayah.match("Bogor", within="32", tingkat=KABKOTA)
    assert not both.certain
    assert {c.kode for c in both.candidates} == {"32.01", "32.71"}


def test_load_and_index_is_fast() -> None:
    """Fresh load of the list (decompress, split, index) stays under 150 ms."""
    start = time.perf_counter()
    index = wilayah._Index(
        __import__("gzip").decompress(wilayah.resource_path("wilayah.tsv.gz").read_bytes()).decode()
    )
    elapsed = time.perf_counter() - start
    assert len(index.codes) == len(index.names) == 91_599
    assert index.codes == sorted(index.codes), "lookups bisect: the file must stay sorted by code"
    assert len(set(index.codes)) == 91_599
    assert elapsed < 0.3, f"{elapsed * 1000:.0f} ms"  # ~50 ms measured; slack for a busy CI box


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_normalise_name_is_idempotent_and_never_raises(text: str) -> None:
    once = wilayah.normalise_name(text)
    assert wilayah.normalise_name(once) == once
    assert once == "" or once.isascii() and once.isalnum()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([d for k in ("18.72.01", "18.72.04") for d in wilayah.children(k)]), st.data())
def test_real_names_with_random_prefix_and_case_match_certainly(desa: Wilayah, data) -> None:
    prefix = data.draw(st.sampled_from(["", "Kel. ", "Kelurahan ", "KEL.", "kelurahan  "]))
    spelling = st.sampled_from([desa.nama.upper(), desa.nama.lower(), desa.nama.replace(" ", "")])
    typed = prefix + data.draw(spelling)
    result = wilayah.match(typed, within="18.72")
    assert result.certain and result.best == desa


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["18", "18.72", "18.72.04", "9", "x"]), st.integers(0, 5))
def test_lookups_never_raise_on_arbitrary_input(text: str, within: str, level: int) -> None:
    assert wilayah.get(text) is None or wilayah.get(text).kode.replace(".", "").isdigit()
    result = wilayah.match(text, within=within, tingkat=level)
    assert result.best is None or result.best in result.candidates
    assert not result.certain or len(result.candidates) == 1
    wilayah.children(text)
    wilayah.ancestors(text)
