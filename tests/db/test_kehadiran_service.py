"""Kehadiran: check-in by code and by text, already/unknown/ambiguous, undo, status edits,
the grid's bulk set and the paper back-fill batch."""

from __future__ import annotations

from datetime import date

import pytest

from db.errors import ValidationError
from db.models import Kehadiran, KehadiranBatch, Riwayat
from db.services.kegiatan import KegiatanForm, hari_by_number, save_kegiatan, set_hari
from db.services.kehadiran import (
    check_in,
    count_hari,
    get_mark,
    mark_present,
    marks_for_hari,
    marks_for_kegiatan,
    record_batch,
    set_status,
    set_status_bulk,
    undo_last,
    unmark,
)
from db.services.peserta import PesertaForm, get_peserta, save_peserta

NAMES = ("Siti Aminah", "Siti Rahayu", "Dewi Lestari", "Ani Siti", "Budi Santoso")


@pytest.fixture
def setup(store) -> tuple[int, int, int, list[int]]:
    kid = save_kegiatan(KegiatanForm(jenis="Bimtek/Pelatihan", nama="Bimtek", tanggal_mulai=date(2026, 3, 10),
                                     tanggal_selesai=date(2026, 3, 11)))  # fmt: skip
    ids = [save_peserta(PesertaForm(kegiatan_id=kid, nama=n, nik=nik)) for n, nik in
           zip(NAMES, ("1872044107850004", "", "", "", "1872040107850004"), strict=True)]  # fmt: skip
    return kid, hari_by_number(kid, 1).id, hari_by_number(kid, 2).id, ids


def test_scanned_code_marks_at_once(setup) -> None:
    kid, day1, _day2, ids = setup
    code = get_peserta(ids[2]).kode
    result = check_in(kid, day1, f"  {code.lower()} ")
    assert (result.status, result.peserta.id, result.mark.status) == ("marked", ids[2], "hadir")
    assert len(result.mark.jam_datang) == 5
    assert check_in(kid, day1, code).status == "already"
    assert count_hari(day1).hadir == 1 and count_hari(day1).total == 5 and count_hari(day1).belum == 4


def test_text_marks_only_a_clear_best_match(setup) -> None:
    kid, day1, _day2, ids = setup
    ambiguous = check_in(kid, day1, "siti")
    assert ambiguous.status == "ambiguous"
    assert [p.nama for p in ambiguous.candidates] == ["Siti Aminah", "Siti Rahayu", "Ani Siti"]
    assert marks_for_hari(day1) == {}
    assert check_in(kid, day1, "siti aminah").peserta.id == ids[0]  # exact name beats the rest
    assert check_in(kid, day1, "dewi").peserta.id == ids[2]  # the only match
    assert check_in(kid, day1, "1872040107850004").peserta.id == ids[4]  # full NIK
    assert check_in(kid, day1, "nobody here").status == "unknown"
    assert check_in(kid, day1, "   ").status == "unknown"
    assert set(marks_for_hari(day1)) == {ids[0], ids[2], ids[4]}


def test_wrong_day_is_refused(setup, store) -> None:
    kid, day1, _day2, _ids = setup
    other = save_kegiatan(KegiatanForm(jenis="Rapat", nama="R", tanggal_mulai=date(2026, 1, 1),
                                       tanggal_selesai=date(2026, 1, 1)))  # fmt: skip
    with pytest.raises(ValidationError):
        check_in(other, day1, "dewi")


def test_undo_restores_the_previous_state(setup) -> None:
    kid, day1, _day2, ids = setup
    set_status(ids[1], day1, "izin", "ke puskesmas")
    assert check_in(kid, day1, "siti rahayu").status == "marked"  # izin → hadir
    check_in(kid, day1, "dewi")
    assert undo_last(day1).id == ids[2]  # the most recent change first
    assert get_mark(ids[2], day1) is None
    assert undo_last(day1).id == ids[1]
    back = get_mark(ids[1], day1)
    assert (back.status, back.keterangan) == ("izin", "ke puskesmas")
    with pytest.raises(ValidationError):
        unmark(ids[1], day1)  # one level per cell
    assert undo_last(day1) is None


def test_set_status_and_bulk(setup) -> None:
    kid, day1, day2, ids = setup
    with pytest.raises(ValidationError):
        set_status(ids[0], day1, "terlambat")
    assert set_status(ids[0], day1, "Tanpa keterangan").status == "alpa"
    changed = set_status_bulk([(ids[0], day1, "hadir"), (ids[1], day2, "sakit"), (ids[2], day2, None)])
    assert changed == 2
    grid = marks_for_kegiatan(kid)
    assert {k: m.status for k, m in grid.items()} == {(ids[0], day1): "hadir", (ids[1], day2): "sakit"}
    assert set_status_bulk([(ids[1], day2, None), (ids[0], day1, "hadir")]) == 1
    assert set(marks_for_kegiatan(kid)) == {(ids[0], day1)}
    with pytest.raises(ValidationError):  # all or nothing
        set_status_bulk([(ids[3], day1, "hadir"), (ids[4], day1, "libur")])
    assert get_mark(ids[3], day1) is None


def test_mark_present_by_id(setup) -> None:
    _kid, day1, _day2, ids = setup
    assert mark_present(ids[3], day1).status == "marked"
    assert mark_present(ids[3], day1).status == "already"


def test_back_fill_batch(setup) -> None:
    kid, day1, _day2, ids = setup
    check_in(kid, day1, "dewi")
    batch = record_batch(day1, [ids[0], ids[2], ids[3], ids[0]], operator="Rina", note="halaman 1")
    stored = KehadiranBatch.get_by_id(batch)
    assert (stored.operator, stored.keterangan, stored.hari_id) == ("Rina", "halaman 1", day1)
    rows = {r.peserta_id: r for r in Kehadiran.select().where(Kehadiran.hari == day1)}
    assert set(rows) == {ids[0], ids[2], ids[3]}
    assert (
        rows[ids[0]].batch_id == batch
        and rows[ids[0]].dicatat_oleh == "Rina"
        and rows[ids[0]].jam_datang == ""
    )
    assert rows[ids[2]].batch_id is None  # checked in at the desk before: kept
    assert Riwayat.select().where(Riwayat.entitas == "kehadiran_batch").count() == 1
    assert count_hari(day1).hadir == 3


def test_back_fill_refuses_someone_from_another_kegiatan(setup) -> None:
    _kid, day1, _day2, _ids = setup
    other = save_kegiatan(KegiatanForm(jenis="Rapat", nama="R", tanggal_mulai=date(2026, 1, 1),
                                       tanggal_selesai=date(2026, 1, 1)))  # fmt: skip
    stranger = save_peserta(PesertaForm(kegiatan_id=other, nama="X"))
    with pytest.raises(ValidationError):
        record_batch(day1, [stranger])
    assert KehadiranBatch.select().count() == 0


def test_lone_weak_match_is_offered_not_marked(setup) -> None:
    kid, day1, _day2, ids = setup
    code = get_peserta(ids[3]).kode
    weak = check_in(kid, day1, code[:3])  # a code prefix only: maybe a half-typed scan
    assert weak.status == "ambiguous" and ids[3] in [p.id for p in weak.candidates]
    assert marks_for_hari(day1) == {}
    assert check_in(kid, day1, "lestar").peserta.id == ids[2]  # a lone name match is marked


def test_skipped_day_takes_no_marks_but_old_ones_can_be_cleared(setup) -> None:
    kid, _day1, day2, ids = setup
    set_status(ids[0], day2, "hadir")
    set_hari(day2, dilewati=True, force=True)
    with pytest.raises(ValidationError, match="dilewati"):
        check_in(kid, day2, "dewi")
    with pytest.raises(ValidationError, match="dilewati"):
        record_batch(day2, [ids[1]])
    with pytest.raises(ValidationError, match="dilewati"):
        set_status_bulk([(ids[1], day2, "hadir")])
    assert set_status_bulk([(ids[0], day2, None)]) == 1
    assert marks_for_hari(day2) == {}
