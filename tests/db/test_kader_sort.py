"""Sorting by kelurahan walks the names in Python (no registry-wide sort): the pages must be
exactly those of ``ORDER BY kelurahan name, id`` — same-named kelurahan merged by id, kader
whose region has no name first, deep offsets across kelurahan boundaries, both directions."""

from __future__ import annotations

import random

import pytest

from db.database import db
from db.models import Kader
from db.services.kader_search import KaderFilter, filter_conditions, search_kader

# code → name; two kelurahan share a name (case differs), one code has no name at all
NAMES = {
    "18.72.04.1001": "Yosodadi",
    "18.72.04.1003": "Iring Mulyo",
    "18.71.01.1001": "iring mulyo",
    "18.72.02.1001": "Banjarsari",
}
CODES = [*NAMES, "99.99.99.9999", ""]


@pytest.fixture
def registry(store) -> None:
    rng = random.Random(3)
    db.execute_sql("DELETE FROM wilayah_nama")
    for code, name in NAMES.items():
        db.execute_sql("INSERT INTO wilayah_nama (kode, nama) VALUES (?, ?)", (code, name))
    now = "2025-01-01T00:00:00"
    rows = [{"nama": f"Kader {i}", "kode_wilayah": rng.choice(CODES), "dibuat": now, "diubah": now}
            for i in range(300)]  # fmt: skip
    with db.atomic():
        for start in range(0, len(rows), 100):
            Kader.insert_many(rows[start : start + 100]).execute()


def _plain(filters: KaderFilter, descending: bool, offset: int, limit: int) -> list[int]:
    where, params = filter_conditions(filters)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    direction = "DESC" if descending else "ASC"
    sql = (
        f"SELECT k.id FROM kader k LEFT JOIN wilayah_nama w ON w.kode = k.kode_wilayah{clause}"
        f" ORDER BY w.nama COLLATE NOCASE {direction}, k.id {direction} LIMIT ? OFFSET ?"
    )
    return [row[0] for row in db.execute_sql(sql, [*params, limit, offset])]


@pytest.mark.parametrize("kode", ["", "18.72", "18.72.04.1003"])
@pytest.mark.parametrize("descending", [False, True])
def test_kelurahan_pages_equal_a_full_sort(registry, kode, descending):
    filters = KaderFilter(kode_wilayah=kode)
    for offset in (0, 7, 45, 120, 290, 400):
        page = search_kader("", filters, order_by="kelurahan", descending=descending, limit=25, offset=offset)
        assert [row.id for row in page.rows] == _plain(filters, descending, offset, 25), offset
    first = search_kader("", filters, order_by="kelurahan", limit=300).rows
    if not kode:  # unnamed regions first, then Banjarsari, both Iring Mulyo merged by id, Yosodadi
        names = [row.kelurahan.casefold() for row in first]
        assert names == sorted(names) and names[0] == "" and names[-1] == "yosodadi"


def test_a_write_refreshes_the_kelurahan_order(registry):
    assert search_kader("", order_by="kelurahan", descending=True, limit=1).rows[0].kelurahan == "Yosodadi"
    db.execute_sql("UPDATE wilayah_nama SET nama = 'Abadi' WHERE kode = '18.72.04.1001'")
    last = search_kader("", order_by="kelurahan", descending=True, limit=1).rows[0]
    assert last.kelurahan.casefold() == "iring mulyo"
