"""Kader service: validation and warnings, NIK-derived fields, masked audit, undoable delete,
status changes, NIK confirmation and training history — asserted on the database."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.database import db
from db.errors import NotFound, ValidationError
from db.models import Kader, Riwayat
from db.services.kader import (
    DeleteRefused,
    KaderForm,
    NeedsConfirmation,
    PelatihanForm,
    add_pelatihan,
    check_kader,
    confirm_nik,
    delete_kader,
    delete_pelatihan,
    find_kader_by_name_birth,
    find_kader_by_nik,
    get_kader,
    list_pelatihan,
    restore_kader,
    save_kader,
    set_status,
)
from db.services.kader_search import search_kader
from db.services.posyandu import PosyanduForm, save_posyandu

NIK_SITI = "1872044107850004"  # Metro Timur, woman born 01-07-1985
NIK_BUDI = "1872042503900012"  # man born 25-03-1990


@pytest.fixture
def posyandu(store) -> int:
    return save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah="18.72.04.1001"))


def _problems(form: KaderForm) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        save_kader(form, accept_warnings=True)
    return caught.value.problems


def _raw(kader_id: int) -> dict:
    cursor = db.execute_sql("SELECT * FROM kader WHERE id = ?", (kader_id,))
    return dict(zip((c[0] for c in cursor.description), cursor.fetchone(), strict=True))


def test_full_entry_is_normalised_and_completed_from_the_nik(posyandu: int) -> None:
    kid = save_kader(
        KaderForm(
            nama="  Hj. Siti   Aminah, S.Kep. ",
            nik="1872 0441 0785 0004",
            hp="0812 3456 7890",
            posyandu_id=posyandu,
            agama="islam",
            jabatan="Ketua Bidang Kesehatan",
            tingkatan="madya",
            rt="3",
            rw="RW 01",
            tempat_lahir="Metro",
            mulai_aktif="01-01-2015",
            sk_tanggal=date(2024, 7, 1),
            sk_nomor="400/12/2024",
        )
    )
    raw = _raw(kid)
    assert raw["nama"] == "Hj. Siti Aminah, S.Kep."
    assert raw["nik"] == NIK_SITI and raw["hp"] == "+6281234567890"
    assert (raw["jenis_kelamin"], raw["tanggal_lahir"]) == ("P", "1985-07-01")  # from the NIK
    assert raw["kode_wilayah"] == "18.72.04.1001"  # from the posyandu
    assert (raw["jabatan"], raw["bidang"], raw["tingkatan"], raw["agama"]) == (
        "Ketua Bidang",
        "Kesehatan",
        "Madya",
        "Islam",
    )
    assert (raw["rt"], raw["rw"], raw["mulai_aktif"], raw["sk_tanggal"]) == (
        "003",
        "001",
        "2015-01-01",
        "2024-07-01",
    )
    detail = get_kader(kid)
    assert detail.form.nik == NIK_SITI and detail.form.hp == "0812-3456-7890"
    assert (detail.posyandu, detail.kelurahan) == ("Posyandu Mawar", "Yosodadi")
    assert save_kader(detail.form) == kid  # the dialog saves back what it got: nothing changes
    assert _raw(kid) == raw


def test_errors_are_indonesian_and_per_field(posyandu: int) -> None:
    problems = _problems(
        KaderForm(
            nama="",
            nik="18720441078500",
            hp="12345",
            status="cuti",
            tingkatan="Ahli",
            jenis_kelamin="X",
            kode_wilayah="18.72.04",
            posyandu_id=posyandu + 9,
            tanggal_lahir="31-02-1990",
        )
    )
    assert problems["nama"] == "Nama kader wajib diisi."
    assert problems["nik"] == "NIK harus 16 angka (tertulis 14 angka)."
    assert "Nomor HP" in problems["hp"]
    assert "aktif, nonaktif, pindah, meninggal" in problems["status"]
    assert "Purwa, Madya, Utama" in problems["tingkatan"]
    assert "L (laki-laki) atau P (perempuan)" in problems["jenis_kelamin"]
    assert "bukan kode kelurahan/desa" in problems["kode_wilayah"]
    assert problems["posyandu_id"] == "Posyandu yang dipilih tidak ada."
    assert "tidak ada di kalender" in problems["tanggal_lahir"]
    assert Kader.select().count() == 0


def test_duplicate_nik_is_an_error_naming_the_holder(posyandu: int) -> None:
    save_kader(KaderForm(nama="Siti Aminah", nik=NIK_SITI, posyandu_id=posyandu))
    problems = _problems(KaderForm(nama="Orang Lain", nik="'" + NIK_SITI))
    assert problems["nik"] == "NIK ini sudah terdaftar atas nama Siti Aminah (Posyandu Mawar)."


def test_warnings_need_confirmation(posyandu: int) -> None:
    form = KaderForm(nama="Budi Santoso", nik=NIK_BUDI, jenis_kelamin="P", tanggal_lahir=date(1990, 3, 26))
    with pytest.raises(NeedsConfirmation) as caught:
        save_kader(form)
    assert caught.value.warnings == [
        "Tanggal lahir 26-03-1990 tidak sama dengan yang tersirat di NIK (25-03-1990).",
        "Jenis kelamin tidak sama dengan yang tersirat di NIK (laki-laki).",
    ]
    assert Kader.select().count() == 0
    kid = save_kader(form, accept_warnings=True)
    assert (_raw(kid)["jenis_kelamin"], _raw(kid)["tanggal_lahir"]) == ("P", "1990-03-26")  # as entered

    twin = KaderForm(nama="budi  SANTOSO", tanggal_lahir=date(1990, 3, 26))
    assert check_kader(twin).warnings == [
        "Sudah ada kader bernama budi SANTOSO dengan tanggal lahir 26-03-1990."
    ]
    assert find_kader_by_name_birth("Budi Santoso", date(1990, 3, 26)) == [kid]
    assert find_kader_by_nik(NIK_BUDI) == kid and find_kader_by_nik("") is None
    unknown_kecamatan = check_kader(KaderForm(nama="X", nik="1872994107850004"))
    assert unknown_kecamatan.warnings == [
        "Kode kecamatan pada NIK (18.72.99) tidak ada dalam daftar Kemendagri."
    ]
    child = check_kader(KaderForm(nama="Y", tanggal_lahir=date(date.today().year - 8, 1, 1)))
    assert child.warnings == ["Umur kader 8 tahun; periksa tanggal lahir."]


def test_audit_trail_never_holds_a_full_nik_or_phone(posyandu: int) -> None:
    kid = save_kader(KaderForm(nama="Siti", nik=NIK_SITI, hp="081234567890", posyandu_id=posyandu))
    save_kader(replace(get_kader(kid).form, hp="0813-9999-8888", nik=NIK_SITI))
    snapshot = delete_kader(kid)
    restore_kader(snapshot)
    rows = list(Riwayat.select().where(Riwayat.entitas == "kader"))
    assert [r.aksi for r in rows] == ["tambah", "ubah", "hapus", "pulihkan"]
    text = " ".join(r.perubahan + r.ringkasan for r in rows)
    assert "1872••••••••0004" in text
    assert not re.search(r"\d{16}", text) and not re.search(r"8\d{8,}", text)


def test_delete_is_refused_with_training_history_and_undone_exactly(posyandu: int) -> None:
    kid = save_kader(
        KaderForm(
            nama="Dewi Lestari",
            nik=NIK_SITI,
            hp="081234567890",
            posyandu_id=posyandu,
            tingkatan="Purwa",
            catatan="baris 1\nbaris 2",
        )
    )
    entry = add_pelatihan(
        kid, PelatihanForm(tanggal="01-10-2025", kegiatan="Pelatihan Keterampilan Dasar", jpl="32")
    )
    with pytest.raises(DeleteRefused, match="nonaktif"):
        delete_kader(kid)
    delete_pelatihan(entry)
    before = _raw(kid)
    snapshot = delete_kader(kid)
    assert Kader.get_or_none(Kader.id == kid) is None
    assert search_kader("dewi").total == 0
    with pytest.raises(NotFound):
        get_kader(kid)
    assert restore_kader(snapshot) == kid
    assert _raw(kid) == before
    assert [row.id for row in search_kader("dewi").rows] == [kid]
    with pytest.raises(ValidationError, match="sudah ada"):
        restore_kader(snapshot)


kader_forms = st.builds(
    KaderForm,
    nama=st.text(alphabet="abcdefghij KLMN.,'", min_size=1, max_size=30).filter(lambda s: s.strip()),
    jenis_kelamin=st.sampled_from(["", "L", "P", "perempuan"]),
    tanggal_lahir=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2005, 12, 31))),
    hp=st.sampled_from(["", "081234567890", "+62 857-1234-5678", "(0725) 41234"]),
    rt=st.sampled_from(["", "1", "RT 014"]),
    status=st.sampled_from(["aktif", "Nonaktif", "pindah"]),
    tingkatan=st.sampled_from(["", "purwa", "Utama"]),
    catatan=st.text(max_size=40),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(forms=st.lists(kader_forms, min_size=1, max_size=4))
def test_undo_of_delete_restores_equal_rows(posyandu: int, forms: list[KaderForm]) -> None:
    ids = [save_kader(replace(form, posyandu_id=posyandu), accept_warnings=True) for form in forms]
    before = {kid: _raw(kid) for kid in ids}
    snapshots = [delete_kader(kid) for kid in reversed(ids)]
    for snapshot in reversed(snapshots):
        restore_kader(snapshot)
    assert {kid: _raw(kid) for kid in ids} == before
    for kid in ids:  # clean up for the next example
        delete_kader(kid)


def test_status_and_nik_confirmation(posyandu: int) -> None:
    kid = save_kader(KaderForm(nama="Rina", nik=NIK_SITI, nik_perlu_dicek=True, posyandu_id=posyandu))
    assert search_kader("rina").rows[0].nik_perlu_dicek is True
    confirm_nik(kid)
    assert _raw(kid)["nik_perlu_dicek"] == 0
    set_status(kid, "Meninggal")
    assert _raw(kid)["status"] == "meninggal"
    with pytest.raises(ValidationError, match="Status harus"):
        set_status(kid, "hilang")
    actions = [r.aksi for r in Riwayat.select().where(Riwayat.entitas == "kader")]
    assert actions == ["tambah", "ubah", "ubah"]
    no_nik = save_kader(KaderForm(nama="Tanpa NIK", nik_perlu_dicek=True))
    assert _raw(no_nik)["nik_perlu_dicek"] == 0  # nothing to check


def test_training_history(posyandu: int) -> None:
    kid = save_kader(KaderForm(nama="Sri", posyandu_id=posyandu))
    add_pelatihan(kid, PelatihanForm(tanggal=date(2024, 8, 20), kegiatan="Orientasi ILP", jpl=12))
    add_pelatihan(
        kid,
        PelatihanForm(
            tanggal="01-10-2025",
            kegiatan="Keterampilan Dasar",
            jpl="32,5",
            nomor_sertifikat="445.8/001/PKD/2025",
        ),
    )
    detail = get_kader(kid)
    assert [t.kegiatan for t in detail.pelatihan] == ["Keterampilan Dasar", "Orientasi ILP"]
    assert detail.total_jpl == 44.5
    with pytest.raises(ValidationError) as caught:
        add_pelatihan(kid, PelatihanForm(tanggal=None, kegiatan=" ", jpl=-1))
    assert set(caught.value.problems) == {"tanggal", "kegiatan", "jpl"}
    with pytest.raises(NotFound):
        add_pelatihan(kid + 50, PelatihanForm(tanggal=date(2024, 1, 1), kegiatan="X"))
    delete_pelatihan(detail.pelatihan[0].id)
    assert [t.kegiatan for t in list_pelatihan(kid)] == ["Orientasi ILP"]
