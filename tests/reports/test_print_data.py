"""db.services.print_data: the stored profile, logos and signatories as reports.data values."""

from __future__ import annotations

import pytest

from db.errors import NotFound
from db.services import penandatangan, print_data, profile
from reports.data import MM, PageSetup


def _profile(**changes) -> profile.OfficeProfile:
    values = dict(
        pemerintah="Pemerintah Kota Metro",
        unit="Kecamatan Metro Pusat",
        alamat="Jl. Brigjend Sutiyoso No. 1",
        kelurahan="Metro",
        kecamatan="Metro Pusat",
        kota="Kota Metro",
        kode_pos="34111",
        telepon="(0725) 41234",
        kode_wilayah="18.72.01",
    )
    values.update(changes)
    return profile.save_profile(profile.OfficeProfile(**values))


def test_kop_from_profile_with_logos(store, logo_png: bytes) -> None:
    _profile()
    profile.set_logo("daerah", logo_png)
    kop = print_data.kop_from_profile()
    assert kop.pemerintah == "PEMERINTAH KOTA METRO"  # stored upper-case by the profile service
    assert kop.unit == "KECAMATAN METRO PUSAT"
    assert kop.sekretariat == "POKJANAL POSYANDU KECAMATAN METRO PUSAT"
    assert kop.alamat == "Jl. Brigjend Sutiyoso No. 1, Kel. Metro, Kec. Metro Pusat, Kota Metro 34111"
    assert kop.kontak == "Telepon (0725) 41234"
    assert kop.logo == logo_png and kop.logo_kanan is None
    assert print_data.kop_from_profile(with_logos=False).logo is None


def test_signatory_for_print_formats_nip_and_prefix(store) -> None:
    saved = penandatangan.save_signatory(
        penandatangan.SignatoryData(
            nama="Budi Santoso, S.STP.",
            jabatan="Sekretaris Kecamatan",
            pangkat="Penata Tk. I (III/d)",
            nip="198609262015051001",
            prefiks="a.n.",
            jabatan_atasan="CAMAT METRO PUSAT",
        )
    )
    signer = print_data.signatory_for_print(saved.id)
    assert signer.nip_line == "NIP. 19860926 201505 1 001"
    assert signer.jabatan_lines() == ["a.n. CAMAT METRO PUSAT", "Sekretaris Kecamatan,"]
    kader = penandatangan.save_signatory(
        penandatangan.SignatoryData(nama="Sri Wahyuni", jabatan="Ketua TP Posyandu", jenis_pegawai="Non-ASN")
    )
    assert print_data.signatory_for_print(kader.id).nip_line == ""
    with pytest.raises(NotFound):
        print_data.signatory_for_print(9999)


def test_page_setup_place_and_zone_from_profile(store) -> None:
    assert print_data.page_setup() == PageSetup()  # defaults agree before anything is saved
    _profile(kertas="F4", margin_atas=25, margin_bawah=30, margin_kiri=30, margin_kanan=25, zona_waktu="WITA")
    setup = print_data.page_setup()
    assert setup.paper == "F4" and setup.margins == pytest.approx((25 * MM, 25 * MM, 30 * MM, 30 * MM))
    assert print_data.page_setup("landscape").page_size[0] == pytest.approx(330 * MM)
    assert print_data.signing_place() == "Metro"
    assert print_data.time_zone() == "WITA"
    _profile(kota="Kabupaten Tanah Bumbu")
    assert print_data.signing_place() == "Tanah Bumbu"
    _profile(kota="Kabupaten Tanah Bumbu", kota_ttd="Batulicin")
    assert print_data.signing_place() == "Batulicin"  # kota_ttd wins
