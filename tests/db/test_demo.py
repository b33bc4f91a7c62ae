"""The Kota Metro demo data: one audited transaction, realistic shapes, refusal and --force."""

from __future__ import annotations

import collections
import json
import re

import pytest
from stdnum.id import nik as stdnum_nik

from db import wilayah
from db.errors import DomainError
from db.identity import normalise_phone, parse_nik
from db.models import Kader, Penandatangan, Posyandu, Riwayat, RiwayatPelatihan
from db.services.demo import FLOWERS, DemoSummary, existing_data, load_demo
from db.services.penandatangan import SignatoryData, list_signatories, save_signatory
from db.services.profile import get_profile
from db.validators import normalise_nip


def _registry_snapshot() -> list[tuple]:
    rows = Kader.select(Kader.nama, Kader.nik, Kader.hp, Posyandu.nama).join(Posyandu).order_by(Kader.id)
    return [(k.nama, k.nik, k.hp, k.posyandu.nama) for k in rows]


def test_load_demo_fills_an_empty_database(store) -> None:
    assert not existing_data()
    summary = load_demo()
    assert isinstance(summary, DemoSummary)
    assert (summary.kecamatan, summary.kelurahan, summary.replaced) == (5, 22, False)
    assert summary.posyandu == Posyandu.select().count()
    assert summary.kader == Kader.select().count()
    assert summary.pelatihan == RiwayatPelatihan.select().count() > 0
    assert summary.penandatangan == Penandatangan.select().count() == 4
    assert 22 * 4 <= summary.posyandu <= 22 * 6
    assert 4 * summary.posyandu <= summary.kader <= 6 * summary.posyandu
    assert existing_data()


def test_audited_once_as_a_bulk_action(store) -> None:
    summary = load_demo()
    rows = list(Riwayat.select())
    assert len(rows) == 1
    assert rows[0].entitas == "data"
    assert json.loads(rows[0].perubahan)["kader"] == summary.kader


def test_office_profile_is_kecamatan_metro_timur(store) -> None:
    load_demo()
    profile = get_profile()
    assert profile.configured
    assert profile.pemerintah == "PEMERINTAH KOTA METRO"
    assert profile.unit == "KECAMATAN METRO TIMUR"
    assert profile.kode_wilayah == "18.72.04"
    assert wilayah.get(profile.kode_wilayah).label == "Kecamatan Metro Timur"
    assert (profile.kota_ttd, profile.zona_waktu, profile.kertas) == ("Metro", "WIB", "A4")
    assert profile.kode_pos.startswith("341") and len(profile.kode_pos) == 5


def test_signatories_are_valid(store) -> None:
    load_demo()
    signers = list_signatories()
    camat = signers[0]
    assert camat.jabatan == "Camat Metro Timur"
    assert camat.pangkat == "Pembina Tk. I (IV/b)"
    assert normalise_nip(camat.nip) == camat.nip and len(camat.nip) == 18
    pkk = next(s for s in signers if "TP-PKK" in s.jabatan)
    assert (pkk.jenis_pegawai, pkk.nip) == ("Non-ASN", "")
    assert any("Pokjanal" in s.jabatan for s in signers)
    assert any(s.jabatan.startswith("Sekretaris") for s in signers)
    for signer in signers:  # each passes the service's own validation unchanged
        assert save_signatory(signer) == signer


def test_posyandu_cover_every_kelurahan_of_kota_metro(store) -> None:
    load_demo()
    metro = {d.kode for kec in wilayah.children("18.72") for d in wilayah.children(kec.kode)}
    per_kelurahan = collections.Counter(p.kode_wilayah for p in Posyandu.select())
    assert set(per_kelurahan) == metro
    assert all(4 <= n <= 6 for n in per_kelurahan.values())
    for row in Posyandu.select():
        assert re.sub(r" \d$", "", row.nama.removeprefix("Posyandu ")) in FLOWERS, row.nama
        assert row.puskesmas.startswith("Puskesmas ")
        assert row.nomor_registrasi.startswith(row.kode_wilayah + ".")
        assert row.strata in ("Pratama", "Madya", "Purnama", "Mandiri")
        assert row.hari_buka
        assert row.ketua == Kader.get((Kader.posyandu == row) & (Kader.jabatan == "Ketua")).nama
    names = collections.Counter((p.kode_wilayah, p.nama) for p in Posyandu.select())
    assert max(names.values()) == 1
    assert {p.status_ilp for p in Posyandu.select()} == {True, False}


def test_kader_nik_phone_and_levels_are_realistic(store) -> None:
    load_demo()
    kader = list(Kader.select().join(Posyandu))
    niks = [k.nik for k in kader]
    assert len(set(niks)) == len(niks)
    for k in kader:
        assert stdnum_nik.is_valid(k.nik), k.nik
        info = parse_nik(k.nik)
        assert info.kode_kecamatan == k.posyandu.kode_wilayah[:8]
        assert info.jenis_kelamin == k.jenis_kelamin
        assert info.tanggal_lahir == k.tanggal_lahir
        assert not k.nik.endswith("0000")
        assert k.hp.startswith("+628") and normalise_phone(k.hp) == k.hp
        assert k.tingkatan in ("Purwa", "Madya", "Utama")
    women = sum(k.jenis_kelamin == "P" for k in kader)
    assert women / len(kader) > 0.75
    assert any(k.nama.startswith("Hj. ") for k in kader)
    assert any(", S." in k.nama or ", A.Md." in k.nama for k in kader)
    jabatan = collections.Counter(k.jabatan for k in kader)
    assert jabatan["Ketua"] == Posyandu.select().count()
    assert {"Sekretaris", "Bendahara", "Anggota"} <= set(jabatan)


def test_deterministic(store) -> None:
    load_demo()
    first = _registry_snapshot()
    load_demo(force=True)
    assert _registry_snapshot() == first


def test_refuses_when_data_exists_and_changes_nothing(store) -> None:
    save_signatory(SignatoryData(nama="Budi", jabatan="Camat"))
    with pytest.raises(DomainError, match="sudah ada data"):
        load_demo()
    assert Posyandu.select().count() == 0
    assert [s.nama for s in list_signatories()] == ["Budi"]


def test_force_replaces_posyandu_kader_and_signatories(store) -> None:
    save_signatory(SignatoryData(nama="Budi", jabatan="Camat"))
    summary = load_demo(force=True)
    assert summary.replaced
    assert "Budi" not in [s.nama for s in list_signatories()]
    again = load_demo(force=True)
    assert Kader.select().count() == again.kader == summary.kader
    assert Penandatangan.select().count() == 4
