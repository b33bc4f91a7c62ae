"""Recap tables of the registry for the printed "Rekap kader": per posyandu, tingkatan, kelurahan.

``jumlah`` counts every kader in the registry; ``aktif`` those with status aktif; the tingkatan
columns (Purwa/Madya/Utama/belum) count **active** kader only, as reported to the kab/kota.
Kelurahan are those of the posyandu (a kader serving in a neighbouring kelurahan's posyandu
counts there); kader without a posyandu are grouped under their own kelurahan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.database import db
from db.services import kader_search


@dataclass(frozen=True)
class Counts:
    jumlah: int
    aktif: int
    purwa: int
    madya: int
    utama: int
    belum: int  # active without a tingkatan


@dataclass(frozen=True)
class PosyanduRecap:
    posyandu_id: int | None  # None: kader without a posyandu
    posyandu: str
    kode_wilayah: str
    kelurahan: str
    aktif_posyandu: bool
    kader: Counts


@dataclass(frozen=True)
class TingkatanRecap:
    tingkatan: str  # "" = belum ada tingkatan
    jumlah: int
    aktif: int


@dataclass(frozen=True)
class KelurahanRecap:
    kode_wilayah: str
    kelurahan: str
    posyandu: int  # active posyandu
    kader: Counts


@dataclass(frozen=True)
class RegistryRecap:
    per_posyandu: list[PosyanduRecap]
    per_tingkatan: list[TingkatanRecap]
    per_kelurahan: list[KelurahanRecap]
    total: Counts
    dibuat: datetime


_COUNTS = """count(k.id), coalesce(sum(k.status = 'aktif'), 0),
    coalesce(sum(k.status = 'aktif' AND k.tingkatan = 'Purwa'), 0),
    coalesce(sum(k.status = 'aktif' AND k.tingkatan = 'Madya'), 0),
    coalesce(sum(k.status = 'aktif' AND k.tingkatan = 'Utama'), 0),
    coalesce(sum(k.status = 'aktif' AND k.tingkatan NOT IN ('Purwa', 'Madya', 'Utama')), 0)"""
_KODE = "coalesce(p.kode_wilayah, k.kode_wilayah)"


def recap_per_posyandu() -> list[PosyanduRecap]:
    """Every posyandu (also those without kader), by kelurahan then name; a last row for kader
    without a posyandu when there are any."""
    rows = db.execute_sql(f"""
        SELECT p.id, p.nama, p.kode_wilayah, coalesce(w.nama, ''), p.aktif, {_COUNTS}
        FROM posyandu p LEFT JOIN kader k ON k.posyandu_id = p.id
        LEFT JOIN wilayah_nama w ON w.kode = p.kode_wilayah
        GROUP BY p.id ORDER BY w.nama COLLATE NOCASE, p.nama COLLATE NOCASE, p.id""").fetchall()
    result = [PosyanduRecap(r[0], r[1], r[2], r[3], bool(r[4]), Counts(*r[5:])) for r in rows]
    loose = db.execute_sql(f"SELECT {_COUNTS} FROM kader k WHERE k.posyandu_id IS NULL").fetchone()
    if loose[0]:
        result.append(PosyanduRecap(None, "(tanpa posyandu)", "", "", False, Counts(*loose)))
    return result


def recap_per_tingkatan() -> list[TingkatanRecap]:
    """Purwa, Madya, Utama, then "" (not yet assessed) — always all four rows."""
    found = {
        r[0]: r[1:]
        for r in db.execute_sql(
            "SELECT CASE WHEN tingkatan IN ('Purwa', 'Madya', 'Utama') THEN tingkatan ELSE '' END AS t, "
            "count(*), coalesce(sum(status = 'aktif'), 0) FROM kader GROUP BY t"
        )
    }
    return [TingkatanRecap(t, *found.get(t, (0, 0))) for t in ("Purwa", "Madya", "Utama", "")]


def recap_per_kelurahan() -> list[KelurahanRecap]:
    """Kelurahan that have a posyandu or a kader, by name."""
    kader = {
        r[0]: Counts(*r[1:])
        for r in db.execute_sql(
            f"SELECT {_KODE} AS kode, {_COUNTS} FROM kader k LEFT JOIN posyandu p ON p.id = k.posyandu_id "
            "GROUP BY kode"
        )
    }
    posyandu = dict(
        db.execute_sql(
            "SELECT kode_wilayah, coalesce(sum(aktif), 0) FROM posyandu GROUP BY kode_wilayah"
        ).fetchall()
    )
    codes = (set(kader) | set(posyandu)) - {"", None}
    names = dict(db.execute_sql("SELECT kode, nama FROM wilayah_nama").fetchall())
    empty = Counts(0, 0, 0, 0, 0, 0)
    rows = [KelurahanRecap(c, names.get(c, c), int(posyandu.get(c, 0)), kader.get(c, empty)) for c in codes]
    return sorted(rows, key=lambda r: (r.kelurahan.casefold(), r.kode_wilayah))


def registry_recap() -> RegistryRecap:
    kader_search.ensure_ready()
    total = Counts(*db.execute_sql(f"SELECT {_COUNTS} FROM kader k").fetchone())
    return RegistryRecap(
        recap_per_posyandu(), recap_per_tingkatan(), recap_per_kelurahan(), total, datetime.now()
    )
