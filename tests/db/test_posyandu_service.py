"""Posyandu service: validation messages, normalising, kader counts, filters, audit, importer lookup."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from db.errors import NotFound, ValidationError
from db.models import Riwayat
from db.services.kader import KaderForm, save_kader, set_status
from db.services.posyandu import (
    PosyanduFilter,
    PosyanduForm,
    deactivate_posyandu,
    find_or_create_posyandu,
    find_posyandu,
    get_posyandu,
    list_posyandu,
    save_posyandu,
)

YOSODADI, TEJO_AGUNG, BANJARSARI = "18.72.04.1001", "18.72.04.1005", "18.72.02.1001"


def _problems(form: PosyanduForm) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        save_posyandu(form)
    return caught.value.problems


def test_create_normalises_and_reads_back(store) -> None:
    pid = save_posyandu(
        PosyanduForm(
            nama="  Posyandu   Mawar ",
            kode_wilayah="1872041001",
            strata="madya",
            tahun_strata="2024",
            rt="RT 3",
            rw="12",
            nomor_registrasi="187204100100 1",
            sk_tanggal="21-07-2024",
            status_ilp=True,
            hari_buka="Rabu minggu ke-2",
            ketua="Hj. Siti Aminah",
        )
    )
    form = get_posyandu(pid)
    assert form.nama == "Posyandu Mawar"
    assert form.kode_wilayah == YOSODADI
    assert (form.strata, form.tahun_strata, form.rt, form.rw) == ("Madya", 2024, "003", "012")
    assert form.nomor_registrasi == "18.72.04.1001.001"
    assert form.sk_tanggal == date(2024, 7, 21)
    assert form.status_ilp and form.aktif
    audit = Riwayat.get(Riwayat.entitas == "posyandu", Riwayat.entitas_id == pid)
    assert audit.aksi == "tambah" and json.loads(audit.perubahan)["nama"] == "Posyandu Mawar"


def test_every_problem_is_reported_in_indonesian(store) -> None:
    problems = _problems(
        PosyanduForm(
            nama=" ",
            kode_wilayah="18.72.04",
            nomor_registrasi="18.72.04.1001",
            strata="Sangat Baik",
            rt="tiga",
            tahun_strata=1970,
        )
    )
    assert problems["nama"] == "Nama posyandu wajib diisi."
    assert "bukan kode kelurahan/desa" in problems["kode_wilayah"]  # a kecamatan code is not enough
    assert "PP.KK.KC.DDDD.NNN" in problems["nomor_registrasi"]
    assert "Pratama, Madya, Purnama, Mandiri" in problems["strata"]
    assert "RT harus berupa angka" in problems["rt"]
    assert "1980" in problems["tahun_strata"]
    assert (
        "Isi strata"
        in _problems(PosyanduForm(nama="A", kode_wilayah=YOSODADI, tahun_strata=2024))["tahun_strata"]
    )
    assert "bukan kode" in _problems(PosyanduForm(nama="A", kode_wilayah="99.99.99.9999"))["kode_wilayah"]
    future = date(date.today().year + 1, 1, 1)
    assert (
        "tidak masuk akal"
        in _problems(PosyanduForm(nama="A", kode_wilayah=YOSODADI, sk_tanggal=future))["sk_tanggal"]
    )
    assert Riwayat.select().where(Riwayat.entitas == "posyandu").count() == 0


def test_same_name_in_one_kelurahan_is_refused_but_allowed_elsewhere(store) -> None:
    save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah=YOSODADI))
    assert "sudah ada" in _problems(PosyanduForm(nama="MELATI", kode_wilayah=YOSODADI))["nama"]
    assert save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah=TEJO_AGUNG))


def test_update_audits_only_changes_and_deactivate_keeps_it(store) -> None:
    pid = save_posyandu(PosyanduForm(nama="Posyandu Anggrek", kode_wilayah=YOSODADI))
    assert save_posyandu(replace(get_posyandu(pid), ketua="Bu Rina")) == pid
    save_posyandu(get_posyandu(pid))  # nothing changed → no audit row
    deactivate_posyandu(pid)
    rows = list(Riwayat.select().where(Riwayat.entitas == "posyandu").order_by(Riwayat.id))
    assert [r.aksi for r in rows] == ["tambah", "ubah", "ubah"]
    assert json.loads(rows[1].perubahan) == {"ketua": ["", "Bu Rina"]}
    assert json.loads(rows[2].perubahan) == {"aktif": [True, False]}
    assert get_posyandu(pid).aktif is False
    with pytest.raises(NotFound):
        get_posyandu(pid + 100)


def test_list_counts_kader_and_filters(store) -> None:
    mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah=YOSODADI, strata="Purnama"))
    kenanga = save_posyandu(PosyanduForm(nama="Posyandu Kenanga", kode_wilayah=BANJARSARI, strata="Madya"))
    empty = save_posyandu(PosyanduForm(nama="Posyandu Dahlia", kode_wilayah=TEJO_AGUNG, aktif=False))
    ids = [save_kader(KaderForm(nama=f"Kader {i}", posyandu_id=mawar)) for i in range(3)]
    save_kader(KaderForm(nama="Kader K", posyandu_id=kenanga))
    set_status(ids[0], "pindah")

    rows = {row.id: row for row in list_posyandu()}
    assert (rows[mawar].jumlah_kader, rows[mawar].jumlah_kader_aktif) == (3, 2)
    assert (rows[kenanga].jumlah_kader, rows[empty].jumlah_kader) == (1, 0)
    assert rows[mawar].kelurahan == "Yosodadi" and rows[kenanga].kelurahan == "Banjarsari"
    assert [r.id for r in list_posyandu(PosyanduFilter(kode_wilayah=YOSODADI))] == [mawar]
    assert {r.id for r in list_posyandu(PosyanduFilter(kode_wilayah="18.72.04"))} == {mawar, empty}
    assert [r.id for r in list_posyandu(PosyanduFilter(strata="Madya"))] == [kenanga]
    assert [r.id for r in list_posyandu(PosyanduFilter(aktif=False))] == [empty]
    assert [r.kelurahan for r in list_posyandu()] == ["Banjarsari", "Tejo Agung", "Yosodadi"]


def test_find_or_create_matches_the_normalised_name_within_the_kelurahan(store) -> None:
    pid = save_posyandu(PosyanduForm(nama="Posyandu Nusa Indah 2", kode_wilayah=YOSODADI))
    assert find_or_create_posyandu("NUSA INDAH 2", "1872041001") == (pid, False)
    assert find_or_create_posyandu("posyandu  nusa-indah 2", YOSODADI) == (pid, False)
    assert find_posyandu("Nusa Indah 3", YOSODADI) is None
    other, created = find_or_create_posyandu("Nusa Indah 2", TEJO_AGUNG)
    assert created and other != pid and get_posyandu(other).kode_wilayah == TEJO_AGUNG
    assert find_or_create_posyandu("Nusa Indah 2", TEJO_AGUNG) == (other, False)


def test_registry_recap_counts_per_posyandu_tingkatan_and_kelurahan(store) -> None:
    from db.services.registry_recap import Counts, registry_recap

    mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah=YOSODADI))
    melati = save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah=YOSODADI))
    kenanga = save_posyandu(PosyanduForm(nama="Posyandu Kenanga", kode_wilayah=BANJARSARI, aktif=False))
    for name, pid, tingkatan, status in [
        ("A", mawar, "Purwa", "aktif"),
        ("B", mawar, "Madya", "aktif"),
        ("C", mawar, "Madya", "nonaktif"),
        ("D", melati, "", "aktif"),
        ("E", kenanga, "Utama", "aktif"),
        ("F", None, "Purwa", "aktif"),
    ]:
        save_kader(
            KaderForm(
                nama=name,
                posyandu_id=pid,
                tingkatan=tingkatan,
                status=status,
                kode_wilayah=TEJO_AGUNG if pid is None else "",
            )
        )
    recap = registry_recap()
    per_posyandu = {row.posyandu: row for row in recap.per_posyandu}
    assert per_posyandu["Posyandu Mawar"].kader == Counts(
        jumlah=3, aktif=2, purwa=1, madya=1, utama=0, belum=0
    )
    assert per_posyandu["Posyandu Melati"].kader == Counts(1, 1, 0, 0, 0, 1)
    assert per_posyandu["Posyandu Kenanga"].aktif_posyandu is False
    assert recap.per_posyandu[-1].posyandu == "(tanpa posyandu)" and recap.per_posyandu[-1].kader.jumlah == 1
    assert [(r.tingkatan, r.jumlah, r.aktif) for r in recap.per_tingkatan] == [
        ("Purwa", 2, 2),
        ("Madya", 2, 1),
        ("Utama", 1, 1),
        ("", 1, 1),
    ]
    per_kelurahan = {
        row.kelurahan: (row.posyandu, row.kader.jumlah, row.kader.aktif) for row in recap.per_kelurahan
    }
    assert per_kelurahan == {"Yosodadi": (2, 4, 3), "Banjarsari": (0, 1, 1), "Tejo Agung": (0, 1, 1)}
    assert recap.total == Counts(6, 5, 2, 1, 1, 1)
