"""Peserta: from the kader registry (details copied, link kept), by hand with validation,
duplicates refused, codes, search, counts per asal, print order, removal rules."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from db.errors import ValidationError
from db.models import Riwayat
from db.services.demo import load_demo
from db.services.kader import KaderForm, save_kader
from db.services.kegiatan import KegiatanForm, get_kegiatan, hari_by_number, save_kegiatan
from db.services.kehadiran import marks_for_hari, set_status
from db.services.peserta import (
    KODE_ALPHABET,
    DuplicatePeserta,
    HasAttendance,
    PesertaFilter,
    PesertaForm,
    add_from_kader,
    find_by_kode,
    get_peserta,
    remove_peserta,
    roster,
    roster_order,
    save_peserta,
)
from db.services.peserta_search import count_per_asal, list_peserta, search_peserta
from db.services.peserta_status import reference_day

NIK = "1872044107850004"


@pytest.fixture
def kid(store) -> int:
    return save_kegiatan(KegiatanForm(jenis="Rakor", nama="Rakor", tanggal_mulai=date(2026, 2, 2),
                                      tanggal_selesai=date(2026, 2, 3)))  # fmt: skip


def _kader(nama: str = "Siti Aminah", nik: str = NIK) -> int:
    return save_kader(KaderForm(nama=nama, nik=nik, kode_wilayah="18.72.04.1001", hp="0812 3456 7890",
                                jenis_kelamin="P", jabatan="Ketua"), accept_warnings=True)  # fmt: skip


def test_add_from_kader_copies_details_and_keeps_link(kid: int) -> None:
    kader_id = _kader()
    row = get_peserta(add_from_kader(kid, kader_id, "peserta"))
    assert (row.kader_id, row.nama, row.nik, row.hp) == (kader_id, "Siti Aminah", NIK, "+6281234567890")
    assert (row.kode_wilayah, row.asal, row.peran, row.jabatan) == (
        "18.72.04.1001",
        "Kelurahan Yosodadi",
        "Peserta",
        "Ketua Kader",
    )
    assert row.no_urut == 1
    assert len(row.kode) == 6 and set(row.kode) <= set(KODE_ALPHABET)
    with pytest.raises(DuplicatePeserta, match="NIK"):
        add_from_kader(kid, kader_id)
    assert len(roster(kid)) == 1


def test_same_kader_without_nik_is_refused_twice(kid: int) -> None:
    kader_id = _kader(nik="")
    add_from_kader(kid, kader_id)
    with pytest.raises(DuplicatePeserta, match="Kader ini"):
        add_from_kader(kid, kader_id, "Panitia")


def test_manual_participant_is_validated(kid: int) -> None:
    with pytest.raises(ValidationError) as caught:
        save_peserta(PesertaForm(kegiatan_id=kid, nama="", nik="123", nip="12", hp="abc", peran="Bos",
                                 kode_wilayah="18.72"))  # fmt: skip
    assert set(caught.value.problems) == {"nama", "nik", "nip", "hp", "peran", "kode_wilayah"}
    pid = save_peserta(PesertaForm(
        kegiatan_id=kid, nama=" dr.  Budi ", nik="1872 0441 0785 0004", nip="19860926 201505 1 001",
        jenis_kelamin="Laki-laki", hp="081234567890", peran="narasumber", asal_opd="Dinas Kesehatan",
        kode_wilayah="",
    ))  # fmt: skip
    row = get_peserta(pid)
    assert (row.nama, row.nik, row.nip, row.jenis_kelamin, row.peran, row.asal) == (
        "dr. Budi",
        "1872044107850004",
        "198609262015051001",
        "L",
        "Narasumber",
        "Dinas Kesehatan",
    )
    with pytest.raises(DuplicatePeserta):
        save_peserta(PesertaForm(kegiatan_id=kid, nama="Orang lain", nik=NIK))
    woman = get_peserta(save_peserta(PesertaForm(kegiatan_id=kid, nama="Ani", nik="1872045107850004")))
    assert woman.jenis_kelamin == "P"  # taken from the NIK when not given


def test_same_nik_in_another_kegiatan_is_fine_and_codes_unique(kid: int) -> None:
    other = save_kegiatan(KegiatanForm(jenis="Rapat", nama="Rapat", tanggal_mulai=date(2026, 2, 5),
                                       tanggal_selesai=date(2026, 2, 5)))  # fmt: skip
    a = get_peserta(save_peserta(PesertaForm(kegiatan_id=kid, nama="A", nik=NIK)))
    b = get_peserta(save_peserta(PesertaForm(kegiatan_id=other, nama="A", nik=NIK)))
    assert a.kode != b.kode
    assert find_by_kode(b.kode.lower()) == b


def test_seeded_codes_are_reproducible_and_skip_taken_ones(kid: int) -> None:
    first = get_peserta(
        save_peserta(PesertaForm(kegiatan_id=kid, nama="A"), kode_rng=random.Random(5).choice)
    )
    second = get_peserta(
        save_peserta(PesertaForm(kegiatan_id=kid, nama="B"), kode_rng=random.Random(5).choice)
    )
    rng = random.Random(5)
    assert first.kode == "".join(rng.choice(KODE_ALPHABET) for _ in range(6))
    assert second.kode != first.kode


def test_update_and_audit_masks_nik(kid: int) -> None:
    pid = save_peserta(PesertaForm(kegiatan_id=kid, nama="Ani", nik=NIK))
    save_peserta(replace(_form(pid), nama="Ani Lestari", jabatan="Bidan"))
    row = get_peserta(pid)
    assert (row.nama, row.jabatan, row.no_urut) == ("Ani Lestari", "Bidan", 1)
    trail = " ".join(r.perubahan for r in Riwayat.select().where(Riwayat.entitas == "peserta"))
    assert NIK not in trail and "1872" in trail


def _form(pid: int) -> PesertaForm:
    row = get_peserta(pid)
    return PesertaForm(kegiatan_id=row.kegiatan_id, nama=row.nama, nik=row.nik, kader_id=row.kader_id, id=pid)


def test_remove_refused_with_attendance_unless_forced(kid: int) -> None:
    pid = save_peserta(PesertaForm(kegiatan_id=kid, nama="Ani"))
    other = save_peserta(PesertaForm(kegiatan_id=kid, nama="Budi"))
    remove_peserta(other)
    set_status(pid, hari_by_number(kid, 1).id, "sakit")
    with pytest.raises(HasAttendance):
        remove_peserta(pid)
    assert [r.id for r in roster(kid)] == [pid]
    remove_peserta(pid, force=True)
    assert roster(kid) == []


def test_search_filters_counts_and_print_order(kid: int) -> None:
    rows = [
        ("Wartini", "18.72.04.1002", "", "Peserta"),
        ("Siti Aminah", "18.72.04.1001", "", "Peserta"),
        ("Ani Siti", "18.72.04", "", "Peserta"),
        ("Budi", "", "Dinas Kesehatan", "Narasumber"),
        ("Aminah", "18.72.04.1001", "", "Peserta"),
    ]
    for nama, kode, opd, peran in rows:
        save_peserta(PesertaForm(kegiatan_id=kid, nama=nama, kode_wilayah=kode, asal_opd=opd, peran=peran))
    assert [r.nama for r in search_peserta(kid, "siti")] == ["Siti Aminah", "Ani Siti"]
    assert [r.nama for r in search_peserta(kid, "yosodadi")] == ["Siti Aminah", "Aminah"]
    assert [r.nama for r in search_peserta(kid, "", PesertaFilter(peran="Narasumber"))] == ["Budi"]
    assert [r.nama for r in list_peserta(kid, PesertaFilter(kode_wilayah="18.72.04"))] == [
        "Wartini",
        "Siti Aminah",
        "Ani Siti",
        "Aminah",
    ]
    assert search_peserta(kid, "zzz") == []
    counts = [(c.asal, c.jumlah) for c in count_per_asal(kid)]
    assert counts == [("Kecamatan Metro Timur", 1), ("Kelurahan Yosodadi", 2), ("Kelurahan Tejosari", 1),
                      ("Dinas Kesehatan", 1)]  # fmt: skip
    assert [r.nama for r in roster_order(kid)] == ["Ani Siti", "Aminah", "Siti Aminah", "Wartini", "Budi"]
    assert [r.nama for r in roster_order(kid, "nomor", peran=("Peserta",))] == [
        "Wartini",
        "Siti Aminah",
        "Ani Siti",
        "Aminah",
    ]
    with pytest.raises(ValidationError):
        roster_order(kid, "acak")


def test_roster_cache_sees_every_write(kid: int) -> None:
    assert roster(kid) == []
    pid = save_peserta(PesertaForm(kegiatan_id=kid, nama="Ani"))
    assert [r.nama for r in roster(kid)] == ["Ani"]
    save_peserta(replace(_form(pid), nama="Ana"))
    assert [r.nama for r in roster(kid)] == ["Ana"]


def test_deleting_a_linked_kader_keeps_the_participant(store) -> None:
    load_demo()
    kid = save_kegiatan(KegiatanForm(jenis="Rakor", nama="R", tanggal_mulai=date(2026, 2, 2),
                                     tanggal_selesai=date(2026, 2, 2)))  # fmt: skip
    from db.services.kader import delete_kader

    kader_id = _kader(nik="")
    pid = add_from_kader(kid, kader_id)
    delete_kader(kader_id)
    row = get_peserta(pid)
    assert (row.kader_id, row.nama) == (None, "Siti Aminah")


def test_link_to_a_missing_kader_and_moving_kegiatan_are_refused(kid: int) -> None:
    with pytest.raises(ValidationError, match="Kader"):
        save_peserta(PesertaForm(kegiatan_id=kid, nama="X", kader_id=9999))
    other = save_kegiatan(KegiatanForm(jenis="Rapat", nama="Rapat", tanggal_mulai=date(2026, 2, 5),
                                       tanggal_selesai=date(2026, 2, 5)))  # fmt: skip
    pid = save_peserta(PesertaForm(kegiatan_id=kid, nama="Ani"))
    with pytest.raises(ValidationError, match="dipindah"):
        save_peserta(replace(_form(pid), kegiatan_id=other))
    assert get_peserta(pid).kegiatan_id == kid


def test_status_filter_matches_the_marks_of_the_reference_day(store) -> None:
    load_demo()
    kegiatan_id = 1  # the demo bimtek: 235 people, day 1 yesterday, day 2 today, day 3 tomorrow
    days = get_kegiatan(kegiatan_id).hari_aktif
    today = next(d for d in days if d.tanggal == date.today())
    assert reference_day(kegiatan_id) == today
    marks = marks_for_hari(today.id)
    absent = [p for p in roster(kegiatan_id) if marks.get(p.id) is None or marks[p.id].status != "hadir"]
    set_status(absent[0].id, today.id, "izin")
    set_status(absent[1].id, today.id, "sakit")
    marks = marks_for_hari(today.id)
    everyone = {p.id for p in roster(kegiatan_id)}

    def ids(status: str, **kwargs) -> set[int]:  # noqa: ANN003
        return {p.id for p in list_peserta(kegiatan_id, PesertaFilter(status=status, **kwargs))}

    hadir = {pid for pid, mark in marks.items() if mark.status == "hadir"}
    assert 100 < len(hadir) < len(everyone)
    assert ids("hadir_hari_ini") == hadir
    assert ids("belum_hadir_hari_ini") == everyone - hadir
    assert ids("izin_sakit_hari_ini") == {pid for pid, m in marks.items() if m.status in ("izin", "sakit")}
    assert len(ids("izin_sakit_hari_ini")) >= 2
    ever = {pid for day in days for pid, m in marks_for_hari(day.id).items() if m.status == "hadir"}
    assert ever - hadir  # someone came yesterday only
    assert ids("pernah_hadir") == ever and ids("belum_pernah_hadir") == everyone - ever
    assert ids("") == everyone
    narasumber = ids("hadir_hari_ini", peran="Narasumber")
    assert narasumber == {p.id for p in roster(kegiatan_id) if p.peran == "Narasumber"} & hadir
    name = roster(kegiatan_id)[0].nama.split()[0]
    found = search_peserta(kegiatan_id, name, PesertaFilter(status="belum_hadir_hari_ini"))
    assert {p.id for p in found} == {p.id for p in search_peserta(kegiatan_id, name)} - hadir
    # after the last day: the latest held day (day 3, nobody marked yet); before the first: none
    later = days[-1].tanggal + timedelta(days=5)
    assert reference_day(kegiatan_id, later) == days[-1]
    assert ids("hadir_hari_ini", hari_ini=later) == set()
    before = days[0].tanggal - timedelta(days=1)
    assert reference_day(kegiatan_id, before) is None
    assert ids("belum_hadir_hari_ini", hari_ini=before) == everyone
    yesterday = days[0].tanggal
    assert ids("hadir_hari_ini", hari_ini=yesterday) == {
        pid for pid, m in marks_for_hari(days[0].id).items() if m.status == "hadir"
    }
    with pytest.raises(ValidationError):
        list_peserta(kegiatan_id, PesertaFilter(status="kemarin"))
