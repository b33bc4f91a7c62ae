"""save_kader_many (the Excel import's write path) against save_kader one by one: the same kader
rows, audit rows, search index and kelurahan names; the same registry rules, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from db import audit
from db.database import db
from db.errors import ValidationError
from db.importer.apply import apply_plan
from db.importer.pipeline import plan_file
from db.importer.problems import ImportRejected
from db.paths import DataPaths
from db.services import kader as kader_service
from db.services.kader import (
    KaderForm,
    NeedsConfirmation,
    check_kader,
    get_kader,
    save_kader,
    save_kader_many,
)
from db.services.kader_search import search_kader
from db.services.posyandu import PosyanduForm, save_posyandu
from db.services.profile import OfficeProfile, save_profile
from db.session import DataStore
from tests.importer.corpus import HEAD, ROW_BUDI, ROW_SITI, book

NIK_SITI = "1872044107850004"  # woman born 01-07-1985
NIK_BUDI = "1872042503900012"  # man born 25-03-1990
NIK_ANI = "1872044101900005"  # woman born 01-01-1990
NIK_BUDI_NEW = "1872042503900013"


@contextmanager
def _registry(folder: Path) -> Iterator[tuple[int, int, int]]:
    """A fresh database with two posyandu and two kader (Siti, Budi); yields their ids."""
    store = DataStore(DataPaths(folder).ensure(), auto_backup=False)
    store.open()
    try:
        mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah="18.72.04.1001"))
        siti = save_kader(KaderForm(nama="Siti Aminah", nik=NIK_SITI, posyandu_id=mawar, hp="0812 3456 7890"))
        budi = save_kader(KaderForm(nama="Budi Santoso", nik=NIK_BUDI, posyandu_id=mawar))
        yield mawar, siti, budi
    finally:
        store.close()


def _inputs(mawar: int, siti: int, budi: int) -> list[KaderForm]:
    """New kader (with and without NIK, kelurahan from the posyandu or another one), a changed
    kader, an unchanged one, and a same-name-and-birth duplicate (accepted)."""
    return [
        KaderForm(nama="Ani Lestari", nik=NIK_ANI, posyandu_id=mawar, hp="+62 813 1111 2222"),
        replace(get_kader(budi).form, nik=NIK_BUDI_NEW, jabatan="Ketua", hp="0812-9999-0000"),
        KaderForm(nama="  siti   AMINAH ", tanggal_lahir=date(1985, 7, 1), posyandu_id=mawar),
        get_kader(siti).form,
        KaderForm(
            nama="Dewi Sartika",
            tanggal_lahir="12-03-1979",
            kode_wilayah="18.72.04.1003",
            posyandu_id=mawar,
            tingkatan="madya",
        ),  # fmt: skip
        KaderForm(nama="Rina", tanggal_lahir=date(1992, 2, 2)),
    ]


def _state() -> dict[str, list[tuple]]:
    """Everything a save writes, without the wall-clock columns."""
    queries = {
        "kader": "SELECT * FROM kader ORDER BY id",
        "riwayat": "SELECT id, operator, aksi, entitas, entitas_id, ringkasan, perubahan FROM riwayat"
        " ORDER BY id",
        "fts": "SELECT rowid, nama, nik, posyandu, kelurahan FROM kader_fts ORDER BY rowid",
        "wilayah": "SELECT * FROM wilayah_nama ORDER BY kode",
    }
    state = {}
    for name, sql in queries.items():
        cursor = db.execute_sql(sql)
        columns = [c[0] for c in cursor.description]
        state[name] = [
            tuple(v for c, v in zip(columns, row, strict=True) if c not in ("dibuat", "diubah"))
            for row in cursor.fetchall()
        ]
    return state


def _written(folder: Path, write: Callable[[list[KaderForm]], object]) -> dict[str, list[tuple]]:
    with _registry(folder) as ids:
        write(_inputs(*ids))
        return _state()


@pytest.mark.parametrize("in_chunk", [None, 2])
def test_batch_writes_exactly_what_save_kader_writes_row_by_row(tmp_path, monkeypatch, in_chunk):
    audit.set_operator("Sekretaris")
    one_by_one = _written(tmp_path / "a", lambda forms: [save_kader(f, True) for f in forms])
    if in_chunk:  # look-ups and INSERTs in several chunks
        monkeypatch.setattr(kader_service, "_IN_CHUNK", in_chunk)
        monkeypatch.setattr(audit, "_rows_per_statement", lambda columns: in_chunk)
    batch = _written(
        tmp_path / "b", lambda forms: save_kader_many([check_kader(f).form for f in forms], True)
    )
    assert batch == one_by_one
    assert len(batch["kader"]) == 6 and len(batch["fts"]) == 6
    audit_rows = [r for r in batch["riwayat"] if r[3] == "kader"]
    assert [r[2] for r in audit_rows] == ["tambah"] * 2 + ["tambah", "ubah", "tambah", "tambah", "tambah"]
    text = " ".join(r[6] for r in audit_rows)
    assert NIK_ANI not in text and NIK_BUDI_NEW not in text and "81311112222" not in text  # masked
    assert ("18.72.04.1003", "Iring Mulyo") in batch["wilayah"]


def test_batch_returns_ids_in_input_order_and_is_searchable(tmp_path):
    with _registry(tmp_path / "d") as (mawar, siti, budi):
        forms = [check_kader(f).form for f in _inputs(mawar, siti, budi)]
        ids = save_kader_many(forms, accept_warnings=True)
        assert ids == [budi + 1, budi, budi + 2, siti, budi + 3, budi + 4]
        assert [r.id for r in search_kader("Sartika").rows] == [budi + 3]
        assert [r.id for r in search_kader("Iring Mulyo").rows] == [budi + 3]


def _refused(forms: list[KaderForm], accept: bool = True) -> Exception:
    before = _state()
    with pytest.raises((ValidationError, NeedsConfirmation)) as caught:
        save_kader_many(forms, accept_warnings=accept)
    assert _state() == before  # nothing of the batch was written
    return caught.value


def test_registry_rules_are_checked_against_the_registry_and_earlier_forms(tmp_path):
    with _registry(tmp_path / "c") as (mawar, siti, budi):
        ani = check_kader(KaderForm(nama="Ani", nik=NIK_ANI, posyandu_id=mawar)).form
        clash = _refused([ani, replace(ani, nama="Ani Kedua")])
        assert clash.problems == {"nik": "NIK ini sudah terdaftar atas nama Ani (Posyandu Mawar)."}
        with pytest.raises(ValidationError) as by_one:
            save_kader(replace(ani, nik=NIK_SITI))
        assert _refused([ani, replace(ani, nik=NIK_SITI)]).problems == by_one.value.problems
        twin = check_kader(KaderForm(nama="Rina", tanggal_lahir=date(1992, 2, 2))).form
        warned = _refused([twin, replace(twin, nama=" rina ")], accept=False)
        assert warned.warnings == ["Sudah ada kader bernama  rina  dengan tanggal lahir 02-02-1992."]
        assert _refused([replace(ani, posyandu_id=mawar + 5)]).problems == {
            "posyandu_id": "Posyandu yang dipilih tidak ada."
        }


def test_a_nik_freed_by_an_earlier_update_may_be_reused_as_row_by_row(tmp_path):
    with _registry(tmp_path / "e") as (mawar, siti, budi):
        moved = replace(check_kader(get_kader(budi).form).form, nik=NIK_BUDI_NEW)
        dedi = replace(check_kader(KaderForm(nama="Dedi", posyandu_id=mawar)).form, nik=NIK_BUDI)
        assert _refused([dedi, moved]).problems["nik"].startswith("NIK ini sudah terdaftar atas nama Budi")
        new_ids = save_kader_many([moved, dedi])
        assert get_kader(new_ids[1]).form.nik == NIK_BUDI and get_kader(budi).form.nik == NIK_BUDI_NEW


def test_stale_plan_is_rejected_with_its_row_and_nothing_written(store, tmp_path):
    """A NIK registered after the preview: the batch refuses, the replay names the row."""
    save_profile(OfficeProfile(pemerintah="PEMERINTAH KOTA METRO", unit="KECAMATAN METRO TIMUR",
                               kode_wilayah="18.72.04"))  # fmt: skip
    melati = save_posyandu(PosyanduForm(nama="Melati", kode_wilayah="18.72.04.1005"))
    save_posyandu(PosyanduForm(nama="Mawar", kode_wilayah="18.72.04.1003"))
    plan = plan_file(book(tmp_path / "k.xlsx", [ROW_BUDI, ROW_SITI], HEAD))
    assert plan.can_apply
    save_kader(KaderForm(nama="Siti Lain", nik=ROW_SITI[1], posyandu_id=melati))
    before = _state()
    with pytest.raises(ImportRejected) as caught:
        apply_plan(plan)
    assert caught.value.problem.row == 3 and "Siti Lain" in caught.value.message
    assert _state() == before
