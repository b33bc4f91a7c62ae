"""Core services (settings, office profile, signatories, audit reader) against a real database,
and the NIP validator under hypothesis (R11)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from db.errors import NotFound, ValidationError
from db.services import penandatangan as sig
from db.services import profile, riwayat, settings
from db.session import DataStore
from db.validators import format_nip, normalise_nip

NIP = "198609262015051001"
NON_LATIN = "ꦱꦶꦠꦶ سيتي 王小明 Đặng"


# --- settings ----------------------------------------------------------------------------------


def test_settings_round_trip_json_values(store: DataStore) -> None:
    assert settings.get_setting("tidak.ada", "bawaan") == "bawaan"
    value = {"nama": NON_LATIN, "angka": [1, 2.5, None], "benar": True}
    settings.set_setting("uji", value)
    assert settings.get_setting("uji") == value
    settings.set_setting("uji", None)
    assert settings.get_setting("uji", "bawaan") is None  # a stored null is not "missing"


# --- office profile ------------------------------------------------------------------------------


def test_profile_is_cleaned_stored_and_read_back(store: DataStore) -> None:
    assert not profile.get_profile().configured
    saved = profile.save_profile(
        profile.OfficeProfile(
            pemerintah=" Pemerintah Kota Metro ",
            unit="Kecamatan Metro Timur",
            kecamatan="Metro Timur",
            kode_wilayah="18.72.04",
            alamat="Jl. Brigjend Sutiyoso No. 1",
            kelurahan="Yosodadi",
            kota="Kota Metro",
            kode_pos="34111",
            telepon="(0725) 41234",
            surel="kec.metrotimur@metrokota.go.id",
        )
    )
    assert saved.pemerintah == "PEMERINTAH KOTA METRO"
    assert saved.sekretariat == "POKJANAL POSYANDU KECAMATAN METRO TIMUR"
    assert profile.get_profile() == saved and saved.configured
    assert (
        saved.address_line()
        == "Jl. Brigjend Sutiyoso No. 1, Kel. Yosodadi, Kec. Metro Timur, Kota Metro 34111"
    )
    assert saved.contact_line() == "Telepon (0725) 41234 · Surel kec.metrotimur@metrokota.go.id"


def test_profile_rejects_each_bad_field(store: DataStore) -> None:
    bad = profile.OfficeProfile(
        zona_waktu="GMT",
        kertas="Letter",
        surel="bukan-surel",
        kode_pos="3411",
        margin_atas=2,
        margin_kanan=80,
    )
    with pytest.raises(ValidationError) as rejected:
        profile.save_profile(bad)
    assert set(rejected.value.problems) == {
        "pemerintah",
        "unit",
        "zona_waktu",
        "kertas",
        "surel",
        "kode_pos",
        "margin_atas",
        "margin_kanan",
    }


def test_unknown_stored_profile_keys_are_ignored(store: DataStore) -> None:
    """A newer app may have stored more fields; an older profile reader must not crash."""
    settings.set_setting(profile.PROFILE_KEY, {"unit": "KECAMATAN X", "kolom_baru": 1})
    assert profile.get_profile().unit == "KECAMATAN X"


def test_logo_store_replace_remove(store: DataStore) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    profile.set_logo("daerah", png)
    assert profile.get_logo("daerah") == png and profile.get_logo("kedua") is None
    with pytest.raises(ValidationError, match="terlalu besar"):
        profile.set_logo("kedua", b"\xff\xd8\xff" + bytes(profile.MAX_LOGO_BYTES))
    profile.set_logo("daerah", None)
    assert profile.get_logo("daerah") is None


# --- signatories ---------------------------------------------------------------------------------


def test_signatory_create_update_list(store: DataStore) -> None:
    camat = sig.save_signatory(
        sig.SignatoryData(
            nama="  Drs.  H. Ahmad   Yani, M.Si. ",
            jabatan="Camat Metro Timur",
            nip="1986 0926 2015 05 1 001",
            pangkat="Pembina (IV/a)",
            urutan=1,
        )
    )
    assert camat.nama == "Drs. H. Ahmad Yani, M.Si." and camat.nip == NIP
    sekcam = sig.save_signatory(
        sig.SignatoryData(
            nama=NON_LATIN, jabatan="Sekretaris Camat", prefiks="a.n.", jabatan_atasan="Camat Metro Timur"
        )
    )
    sig.set_signatory_active(sekcam.id, False)
    assert [s.id for s in sig.list_signatories()] == [sekcam.id, camat.id]  # by urutan, then id
    assert [s.id for s in sig.list_signatories(active_only=True)] == [camat.id]
    moved = sig.save_signatory(replace(camat, jabatan="Plt. Camat", prefiks="Plt."))
    assert sig.get_signatory(camat.id) == moved


def test_signatory_rules(store: DataStore) -> None:
    cases = {
        "jabatan_atasan": sig.SignatoryData(nama="A", jabatan="Sekcam", prefiks="u.b."),
        "prefiks": sig.SignatoryData(nama="A", jabatan="Sekcam", prefiks="an"),
        "jenis_pegawai": sig.SignatoryData(nama="A", jabatan="Sekcam", jenis_pegawai="Honorer"),
        "nip": sig.SignatoryData(nama="A", jabatan="Ketua TP PKK", jenis_pegawai="Non-ASN", nip=NIP),
    }
    for field, data in cases.items():
        with pytest.raises(ValidationError) as rejected:
            sig.save_signatory(data)
        assert field in rejected.value.problems, field
    with pytest.raises(NotFound):
        sig.save_signatory(sig.SignatoryData(id=999, nama="A", jabatan="B"))
    with pytest.raises(NotFound):
        sig.get_signatory(999)


# --- audit reader ---------------------------------------------------------------------------------


def test_change_list_filters_and_describes(store: DataStore) -> None:
    a = sig.save_signatory(sig.SignatoryData(nama="A", jabatan="Camat"))
    sig.save_signatory(replace(a, jabatan="X" * 100, aktif=False))
    settings.set_setting("tema", "gelap")
    assert riwayat.count_changes() == 3 and riwayat.count_changes("penandatangan") == 2
    newest = riwayat.list_changes("penandatangan", a.id, limit=1)[0]
    assert newest.aksi == "ubah" and newest.entity_label == "Penandatangan"
    text = newest.describe_changes()
    assert "aktif: ya → tidak" in text and "…" in text and "X" * 61 not in text
    assert [e.id for e in riwayat.list_changes(limit=2, offset=1)] == [2, 1]


# --- NIP validator (R11) -------------------------------------------------------------------------


def test_nip_examples() -> None:
    assert normalise_nip("NIP. 19860926 201505 1 001") == NIP
    assert normalise_nip("") == "" and normalise_nip("  ") == ""
    assert format_nip(NIP) == "19860926 201505 1 001"
    assert format_nip("123") == "123"
    for bad in (
        "19860926201505100",
        "19861326201505 1 001",
        "19860926201513 1 001",
        "19860926201505 3 001",
        "1986092620150５1001",
        "19860926201505²001",
    ):
        with pytest.raises(ValidationError):
            normalise_nip(bad)
    assert normalise_nip("19860926201505 3 001", jenis_pegawai="PPPK") == "198609262015053001"


well_formed = st.builds(
    lambda d, t, g, n: f"{d:%Y%m%d}{t}{g}{n:03d}",
    st.dates(),
    st.from_regex(r"[0-9]{6}", fullmatch=True),
    st.sampled_from("0123"),
    st.integers(0, 999),
)
# One character of a well-formed NIP swapped for a look-alike (superscript, Arabic-Indic,
# full-width digit, letter O, space): each must be rejected cleanly, never crash.
mutated = st.builds(
    lambda nip, i, c: nip[:i] + c + nip[i + 1 :],
    well_formed,
    st.integers(0, 17),
    st.sampled_from(["²", "١", "５", "O", "l", " ", "", "00"]),
)
nip_like = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789 .-'NIPnip²١", max_size=30),
    well_formed,
    mutated,
)


@hsettings(max_examples=2000, deadline=None)
@given(text=nip_like, jenis=st.sampled_from(["PNS", "PPPK", "Non-ASN"]))
def test_normalise_nip_only_raises_validation_error_and_is_idempotent(text: str, jenis: str) -> None:
    try:
        clean = normalise_nip(text, jenis_pegawai=jenis)
    except ValidationError as exc:
        assert exc.problems and all(exc.problems.values())
        return
    assert clean == "" or (len(clean) == 18 and clean.isascii() and clean.isdigit())
    assert normalise_nip(clean, jenis_pegawai=jenis) == clean
    assert normalise_nip(format_nip(clean), jenis_pegawai=jenis) == clean
    if clean:
        assert format_nip(clean).replace(" ", "") == clean and len(format_nip(clean)) == 21
