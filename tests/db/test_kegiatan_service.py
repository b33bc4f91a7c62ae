"""Kegiatan: validation, derived days (kept on a range change, refusal when attendance would go),
list order and filters, deletion."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from db.errors import DomainError, NotFound, ValidationError
from db.models import KegiatanHari, Riwayat
from db.services.kegiatan import (
    DaysHaveAttendance,
    KegiatanForm,
    delete_kegiatan,
    get_kegiatan,
    hari_by_number,
    list_hari,
    list_kegiatan,
    save_kegiatan,
    set_hari,
)
from db.services.kehadiran import set_status
from db.services.peserta import PesertaForm, save_peserta

BIMTEK = KegiatanForm(
    jenis="bimtek/pelatihan",
    nama="  Bimtek   Kader ",
    tanggal_mulai=date(2026, 3, 10),
    tanggal_selesai=date(2026, 3, 12),
    tempat="Aula Kecamatan",
    uang_peran={"peserta": 150000, "Narasumber": 900000},
    target_peserta=230,
)


def test_save_cleans_and_derives_days(store) -> None:
    kid = save_kegiatan(BIMTEK)
    detail = get_kegiatan(kid)
    assert detail.form.jenis == "Bimtek/Pelatihan"
    assert detail.form.nama == "Bimtek Kader"
    assert detail.form.uang_peran == {"Peserta": 150000, "Narasumber": 900000}
    assert [(h.hari_ke, h.tanggal, h.jam_mulai) for h in detail.hari] == [
        (1, date(2026, 3, 10), "08:00"), (2, date(2026, 3, 11), "08:00"), (3, date(2026, 3, 12), "08:00"),
    ]  # fmt: skip
    assert Riwayat.select().where(Riwayat.entitas == "kegiatan").count() == 1


def test_validation_lists_every_problem(store) -> None:
    bad = replace(BIMTEK, jenis="Konser", nama=" ", tanggal_selesai=date(2026, 3, 1), anggaran=-5)
    with pytest.raises(ValidationError) as caught:
        save_kegiatan(bad)
    assert set(caught.value.problems) == {"jenis", "nama", "tanggal_selesai", "anggaran"}
    with pytest.raises(ValidationError, match="paling lama"):
        save_kegiatan(replace(BIMTEK, tanggal_selesai=date(2026, 9, 1)))


def test_range_change_keeps_days_and_attendance(store) -> None:
    kid = save_kegiatan(BIMTEK)
    day2 = hari_by_number(kid, 2)
    set_hari(day2.id, jam_mulai="7.30", jam_selesai="12:00")
    pid = save_peserta(PesertaForm(kegiatan_id=kid, nama="Siti"))
    set_status(pid, day2.id, "hadir")
    save_kegiatan(replace(BIMTEK, id=kid, tanggal_mulai=date(2026, 3, 9)))
    days = list_hari(kid)
    assert [h.tanggal.day for h in days] == [9, 10, 11, 12]
    moved = next(h for h in days if h.id == day2.id)
    assert (moved.hari_ke, moved.jam_mulai, moved.jam_selesai) == (3, "07:30", "12:00")
    with pytest.raises(DaysHaveAttendance) as caught:  # dropping 11 March would lose attendance
        save_kegiatan(replace(BIMTEK, id=kid, tanggal_selesai=date(2026, 3, 10)))
    assert caught.value.tanggal == (date(2026, 3, 11),)
    assert len(list_hari(kid)) == 4
    assert get_kegiatan(kid).form.tanggal_mulai == date(2026, 3, 9)  # rolled back as a whole
    save_kegiatan(replace(BIMTEK, id=kid, tanggal_selesai=date(2026, 3, 10)), force=True)
    assert [h.tanggal.day for h in list_hari(kid)] == [10]
    last = Riwayat.select().where(Riwayat.entitas == "kegiatan").order_by(Riwayat.id.desc()).get()
    assert json.loads(last.perubahan)["hari_dihapus_dengan_kehadiran"] == ["2026-03-11"]
    assert not KegiatanHari.select().where(KegiatanHari.id == day2.id).exists()


def test_shrinking_days_without_attendance_is_free(store) -> None:
    kid = save_kegiatan(BIMTEK)
    save_kegiatan(replace(BIMTEK, id=kid, tanggal_mulai=date(2026, 3, 12)))
    assert [(h.hari_ke, h.tanggal.day) for h in list_hari(kid)] == [(1, 12)]


def test_skip_a_day(store) -> None:
    kid = save_kegiatan(BIMTEK)
    day = hari_by_number(kid, 2)
    pid = save_peserta(PesertaForm(kegiatan_id=kid, nama="Siti"))
    set_status(pid, day.id, "izin")
    with pytest.raises(DaysHaveAttendance):
        set_hari(day.id, dilewati=True)
    assert set_hari(day.id, dilewati=True, force=True).dilewati
    assert [h.hari_ke for h in get_kegiatan(kid).hari_aktif] == [1, 3]
    with pytest.raises(ValidationError):
        set_hari(day.id, jam_mulai="25:00")
    with pytest.raises(ValidationError, match="sebelum"):
        set_hari(day.id, jam_mulai="10:00", jam_selesai="09:00")


def test_list_upcoming_first_then_recent_past_and_filters(store) -> None:
    today = date(2026, 6, 1)
    past_old = save_kegiatan(
        replace(BIMTEK, nama="Lama", tanggal_mulai=date(2025, 1, 1), tanggal_selesai=date(2025, 1, 1))
    )
    past_new = save_kegiatan(
        replace(BIMTEK, nama="Baru lewat", tanggal_mulai=date(2026, 5, 1), tanggal_selesai=date(2026, 5, 2))
    )
    soon = save_kegiatan(
        replace(
            BIMTEK,
            jenis="Rakor",
            nama="Rakor",
            tanggal_mulai=date(2026, 6, 3),
            tanggal_selesai=date(2026, 6, 3),
        )
    )
    later = save_kegiatan(
        replace(
            BIMTEK,
            nama="Nanti",
            tanggal_mulai=date(2026, 8, 1),
            tanggal_selesai=date(2026, 8, 2),
            status="batal",
        )
    )
    running = save_kegiatan(
        replace(BIMTEK, nama="Jalan", tanggal_mulai=date(2026, 5, 31), tanggal_selesai=date(2026, 6, 2))
    )
    assert [k.id for k in list_kegiatan(today=today)] == [running, soon, later, past_new, past_old]
    assert [k.id for k in list_kegiatan(tahun=2025, today=today)] == [past_old]
    assert [k.id for k in list_kegiatan(jenis="Rakor", today=today)] == [soon]
    assert [k.id for k in list_kegiatan(status="batal", today=today)] == [later]
    row = next(k for k in list_kegiatan(today=today) if k.id == running)
    assert (row.jumlah_hari, row.jumlah_peserta) == (3, 0)


def test_delete_refused_with_participants_unless_forced(store) -> None:
    kid = save_kegiatan(BIMTEK)
    save_peserta(PesertaForm(kegiatan_id=kid, nama="Siti"))
    with pytest.raises(DomainError, match="1 peserta"):
        delete_kegiatan(kid)
    delete_kegiatan(kid, force=True)
    with pytest.raises(NotFound):
        get_kegiatan(kid)
