"""An office in Kecamatan Metro Timur with two posyandu, for the import tests."""

from __future__ import annotations

import sqlite3

import pytest

from db.database import db
from db.models import Kader, Posyandu
from db.services.profile import OfficeProfile, save_profile

TEJO_AGUNG = "18.72.04.1005"
IRING_MULYO = "18.72.04.1003"


@pytest.fixture
def office(store):
    save_profile(
        OfficeProfile(
            pemerintah="PEMERINTAH KOTA METRO", unit="KECAMATAN METRO TIMUR", kode_wilayah="18.72.04"
        )
    )
    now = "2025-01-01T00:00:00"
    melati = Posyandu.create(nama="Melati", kode_wilayah=TEJO_AGUNG, dibuat=now, diubah=now)
    mawar = Posyandu.create(nama="Mawar", kode_wilayah=IRING_MULYO, dibuat=now, diubah=now)
    return {"store": store, "melati": melati.id, "mawar": mawar.id}


def dump() -> list[tuple]:
    """Every row of the kader and posyandu tables (to prove a rejection changed nothing)."""
    conn: sqlite3.Connection = db.connection()
    rows = []
    for table in ("posyandu", "kader", "riwayat"):
        rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    return rows


def kader_names() -> list[str]:
    return sorted(k.nama for k in Kader.select())
