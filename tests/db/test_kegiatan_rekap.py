"""Quotas with the live filled count, and the attendance recaps (per participant, per asal,
missing today)."""

from __future__ import annotations

from datetime import date

import pytest

from db.errors import ValidationError
from db.services.kegiatan import KegiatanForm, hari_by_number, save_kegiatan, set_hari
from db.services.kegiatan_rekap import (
    KuotaForm,
    belum_hadir,
    list_kuota,
    rekap_asal,
    rekap_peserta,
    set_kuota,
)
from db.services.kehadiran import set_status
from db.services.peserta import PesertaForm, save_peserta

YOSODADI, TEJOSARI, METRO_TIMUR = "18.72.04.1001", "18.72.04.1002", "18.72.04"


@pytest.fixture
def kid(store) -> int:
    return save_kegiatan(KegiatanForm(jenis="Bimtek/Pelatihan", nama="B", tanggal_mulai=date(2026, 3, 10),
                                      tanggal_selesai=date(2026, 3, 12)))  # fmt: skip


def _add(kid: int, nama: str, kode: str = "", opd: str = "", peran: str = "Peserta") -> int:
    return save_peserta(PesertaForm(kegiatan_id=kid, nama=nama, kode_wilayah=kode, asal_opd=opd, peran=peran))


def test_quota_filled_view(kid: int) -> None:
    set_kuota(kid, [KuotaForm(2, YOSODADI), KuotaForm(1, METRO_TIMUR), KuotaForm(3, label="Dinas Kesehatan")])
    _add(kid, "A", YOSODADI)
    _add(kid, "B", YOSODADI)
    _add(kid, "C", METRO_TIMUR, peran="Panitia")  # not a seat
    _add(kid, "D", opd="dinas kesehatan")
    rows = {r.asal: (r.terisi, r.kuota, r.penuh) for r in list_kuota(kid)}
    assert rows == {"Kelurahan Yosodadi": (2, 2, True), "Kecamatan Metro Timur": (0, 1, False),
                    "Dinas Kesehatan": (1, 3, False)}  # fmt: skip
    set_kuota(kid, [])
    assert list_kuota(kid) == []


def test_quota_validation(kid: int) -> None:
    with pytest.raises(ValidationError):
        set_kuota(kid, [KuotaForm(2)])
    with pytest.raises(ValidationError, match="dua kali"):
        set_kuota(kid, [KuotaForm(2, label="OPD"), KuotaForm(3, label="opd")])
    with pytest.raises(ValidationError):
        set_kuota(kid, [KuotaForm(-1, YOSODADI)])


def test_recaps(kid: int) -> None:
    a, b, c = _add(kid, "Ani", YOSODADI), _add(kid, "Budi", TEJOSARI), _add(kid, "Cici", YOSODADI)
    day1, day2, day3 = (hari_by_number(kid, n).id for n in (1, 2, 3))
    set_hari(day3, dilewati=True)
    set_status(a, day1, "hadir")
    set_status(a, day2, "hadir")
    set_status(b, day1, "izin")
    set_status(c, day2, "hadir")
    rekap = rekap_peserta(kid)
    assert [h.id for h in rekap.hari] == [day1, day2]
    assert [(r.peserta.nama, r.status, r.hadir, r.persen) for r in rekap.peserta] == [
        ("Ani", ("hadir", "hadir"), 2, 100.0),
        ("Cici", ("", "hadir"), 1, 50.0),
        ("Budi", ("izin", ""), 0, 0.0),
    ]
    assert [(r.asal, r.jumlah, r.hadir) for r in rekap_asal(kid)] == [
        ("Kelurahan Yosodadi", 2, (1, 2)),
        ("Kelurahan Tejosari", 1, (0, 0)),
    ]
    assert [p.nama for p in belum_hadir(day1)] == ["Cici", "Budi"]
    assert [p.nama for p in belum_hadir(day2, order="nomor")] == ["Budi"]
