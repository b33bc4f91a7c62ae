"""Kader search: FTS5 and LIKE results equal a brute-force Python filter on random data (count,
order, paging, filters); the index follows renames and rows written without the services; a
SQLite without FTS5 falls back and the index is rebuilt when FTS5 is back."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.database import db
from db.migrations import m0002_pencarian_kader as schema2
from db.models import Kader, Posyandu
from db.services import kader_search
from db.services.kader import KaderForm, save_kader
from db.services.kader_search import SORT_COLUMNS, KaderFilter, search_kader
from db.services.posyandu import PosyanduForm, get_posyandu, save_posyandu

KELURAHAN = {"18.72.04.1001": "Yosodadi", "18.72.04.1005": "Tejo Agung", "18.72.02.1001": "Banjarsari"}
SYLLABLES = ["si", "ti", "a", "mi", "nah", "ra", "de", "wi", "sri", "an", "Hj.", "ah"]
QUERY_PARTS = [
    *SYLLABLES,
    "yoso",
    "tejo",
    "agung",
    "mawar",
    "melati",
    "18",
    "1872",
    "0412",
    " ",
    "  ",
    "%",
    "_",
    '"',
]


@dataclass
class Person:
    id: int
    nama: str
    nik: str
    posyandu_id: int | None
    posyandu: str
    kode: str
    tanggal_lahir: str | None
    status: str
    tingkatan: str
    jabatan: str
    hp: str


def _name(rng: random.Random) -> str:
    words = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 3))
    ]
    name = " ".join(words).replace(". ", ".")
    return name[0].upper() + name[1:] if rng.random() < 0.7 else name


@pytest.fixture
def registry(store) -> list[Person]:
    """300 kader written straight through the models (as the demo loader and importer may)."""
    rng = random.Random(20251001)
    now = "2025-01-01T00:00:00"
    posyandu = []
    for index, name in enumerate(["Posyandu Mawar", "Posyandu Melati", "Posyandu Mawar Merah", "Sri Rejeki"]):
        code = list(KELURAHAN)[index % 3]
        posyandu.append(
            (Posyandu.insert(nama=name, kode_wilayah=code, dibuat=now, diubah=now).execute(), name, code)
        )
    people = []
    for _serial in range(300):
        pid, pname, code = (
            rng.choice(posyandu) if rng.random() < 0.9 else (None, "", rng.choice(list(KELURAHAN)))
        )
        born = date(1960, 1, 1) + timedelta(days=rng.randint(0, 15000)) if rng.random() < 0.8 else None
        person = Person(
            0,
            _name(rng),
            f"1872{rng.randint(0, 10**12 - 1):012d}" if rng.random() < 0.8 else "",
            pid,
            pname,
            code,
            born.isoformat() if born else None,
            rng.choice(["aktif", "nonaktif"]),
            rng.choice(["", "Purwa", "Madya"]),
            rng.choice(["Anggota", "Ketua"]),
            rng.choice(["", "+6281234567890", "+6285712345678"]),
        )
        person.id = Kader.insert(
            nama=person.nama,
            nik=person.nik,
            posyandu=pid,
            kode_wilayah=code,
            tanggal_lahir=person.tanggal_lahir,
            status=person.status,
            jabatan=person.jabatan,
            tingkatan=person.tingkatan,
            hp=person.hp,
            dibuat=now,
            diubah=now,
        ).execute()
        people.append(person)
    return people


def _matches(person: Person, text: str) -> bool:
    words = text.split()
    long_words = [w.lower() for w in words if len(w) >= 3]
    fields = [person.nama, person.nik, person.posyandu, KELURAHAN[person.kode]]
    if long_words:
        return all(any(w in f.lower() for f in fields) for w in long_words)
    prefix = " ".join(words)
    if prefix.isdigit():
        return bool(person.nik) and person.nik.startswith(prefix)
    return person.nama.lower().startswith(prefix.lower())


def _sort_key(person: Person, column: str) -> tuple:
    value = {
        "id": person.id,
        "nama": person.nama.lower(),
        "nik": person.nik,
        "tanggal_lahir": person.tanggal_lahir,
        "umur": person.tanggal_lahir,
        "posyandu": person.posyandu.lower() if person.posyandu_id else None,
        "kelurahan": KELURAHAN[person.kode].lower(),
        "jabatan": person.jabatan,
        "tingkatan": person.tingkatan,
        "status": person.status,
        "hp": person.hp,
    }[column]
    return ((0, "") if value is None else (1, value), person.id)


def _expected(
    people: list[Person], text: str, filters: KaderFilter, column: str, descending: bool
) -> list[int]:
    found = [
        p
        for p in people
        if _matches(p, text)
        and (
            not filters.kode_wilayah
            or p.kode == filters.kode_wilayah
            or p.kode.startswith(filters.kode_wilayah + ".")
        )
        and filters.posyandu_id in (None, p.posyandu_id)
        and filters.status in ("", p.status)
        and filters.tingkatan in ("", p.tingkatan)
    ]
    found.sort(key=lambda p: _sort_key(p, column))
    if descending != (column == "umur"):
        found.reverse()
    return [p.id for p in found]


queries = st.lists(st.sampled_from(QUERY_PARTS), max_size=4).map("".join)
filters = st.builds(
    KaderFilter,
    kode_wilayah=st.sampled_from(["", "18.72.04.1001", "18.72.04", "18.72", "18.72.02.1001"]),
    posyandu_id=st.sampled_from([None, 1, 2, 4]),
    status=st.sampled_from(["", "aktif", "nonaktif"]),
    tingkatan=st.sampled_from(["", "Purwa", "Madya"]),
)
columns = st.sampled_from([c for c in SORT_COLUMNS if c not in ("jenis_kelamin", "bidang")])


def _check(
    people: list[Person], text: str, chosen: KaderFilter, column: str, descending: bool, offset: int
) -> None:
    expected = _expected(people, text, chosen, column, descending)
    total, rows = search_kader(text, chosen, order_by=column, descending=descending, limit=25, offset=offset)
    assert total == len(expected)
    assert [row.id for row in rows] == expected[offset : offset + 25]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=queries,
    chosen=filters,
    column=columns,
    descending=st.booleans(),
    offset=st.sampled_from([0, 0, 10, 60]),
)
def test_fts_results_equal_brute_force(
    registry: list[Person], text: str, chosen: KaderFilter, column: str, descending: bool, offset: int
) -> None:
    assert kader_search.ensure_ready() == "fts"
    _check(registry, text, chosen, column, descending, offset)


def _force_mode(monkeypatch: pytest.MonkeyPatch, available: bool) -> None:
    monkeypatch.setattr(schema2, "fts5_available", lambda database: available)
    kader_search._ready["connection"] = None  # as if the file were opened by another SQLite


def test_without_fts5_writes_work_and_like_gives_the_same_results(
    registry: list[Person], monkeypatch: pytest.MonkeyPatch
) -> None:
    _force_mode(monkeypatch, False)
    assert kader_search.ensure_ready() == "like"
    triggers = db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0]
    assert triggers == 0
    kid = save_kader(KaderForm(nama="Rahmawati Baru", posyandu_id=1))
    registry.append(
        Person(
            kid, "Rahmawati Baru", "", 1, "Posyandu Mawar", "18.72.04.1001", None, "aktif", "", "Anggota", ""
        )
    )
    rng = random.Random(5)
    for _ in range(150):
        text = "".join(rng.choice(QUERY_PARTS) for _ in range(rng.randint(0, 4)))
        _check(
            registry,
            text,
            KaderFilter(status=rng.choice(["", "aktif"])),
            rng.choice(["nama", "kelurahan"]),
            rng.random() < 0.5,
            0,
        )

    _force_mode(monkeypatch, True)  # FTS5 is back: the index is rebuilt, with the row written meanwhile
    assert kader_search.ensure_ready() == "fts"
    assert [row.id for row in search_kader("rahmawati baru").rows] == [kid]
    assert set(schema2.FTS_TRIGGERS) <= {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master")}


def test_index_follows_renames_moves_and_new_regions(store) -> None:
    mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah="18.72.04.1001"))
    kid = save_kader(KaderForm(nama="Siti Aminah", nik="1872044107850004", posyandu_id=mawar))
    assert search_kader("yosodadi mawar aminah").total == 1
    save_posyandu(PosyanduForm(**{**get_posyandu(mawar).__dict__, "nama": "Posyandu Kenanga"}))
    assert search_kader("mawar").total == 0 and search_kader("kenanga siti").total == 1
    save_kader(
        KaderForm(
            id=kid,
            nama="Siti Aminah",
            nik="1872044107850004",
            posyandu_id=mawar,
            kode_wilayah="18.72.02.1001",
        )
    )
    assert search_kader("yosodadi").total == 0 and search_kader("banjarsari").total == 1
    assert search_kader("0785").total == 1 and search_kader("18720441").total == 1
    # a row written without the services in a kelurahan nobody used yet becomes findable by name
    now = "2025-01-01T00:00:00"
    Kader.insert(nama="Tutik", kode_wilayah="18.72.05.1001", dibuat=now, diubah=now).execute()
    rows = search_kader("tutik").rows
    assert rows[0].kelurahan != "" and search_kader(rows[0].kelurahan[:5]).total == 1


def test_rows_are_masked_and_formatted(store) -> None:
    pid = save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah="18.72.04.1001"))
    save_kader(
        KaderForm(
            nama="Hj. Siti", nik="1872044107850004", hp="081234567890", posyandu_id=pid, tingkatan="Utama"
        )
    )
    row = search_kader("siti").rows[0]
    assert (row.nik_masked, row.hp, row.jenis_kelamin, row.tanggal_lahir) == (
        "1872••••••••0004",
        "0812-3456-7890",
        "P",
        date(1985, 7, 1),
    )
    assert (row.posyandu, row.kelurahan, row.tingkatan, row.status) == (
        "Posyandu Melati",
        "Yosodadi",
        "Utama",
        "aktif",
    )
    assert search_kader("si").total == 0  # prefix of the typed name only ("Hj. Siti")
    assert search_kader("hj").total == 1
