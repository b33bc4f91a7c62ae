"""Figures for the Beranda page: real counts from the registry and the coming kegiatan, nothing
invented. Beranda is the first page at start-up, so this module reads what it needs directly
rather than through the kegiatan services (which it would otherwise import on the way)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.database import db


@dataclass(frozen=True)
class DashboardSummary:
    posyandu_aktif: int
    kelurahan_dengan_posyandu: int
    kader_aktif: int
    kader_per_tingkatan: dict[str, int]
    penandatangan_aktif: int
    posyandu_ilp: int


def summary() -> DashboardSummary:
    """Plain counts in one query each (the peewee models are not needed, nor loaded, for them)."""
    posyandu, kelurahan, ilp, kader, penandatangan = db.execute_sql(
        "SELECT (SELECT count(*) FROM posyandu WHERE aktif), "
        "(SELECT count(*) FROM (SELECT DISTINCT kode_wilayah FROM posyandu WHERE aktif)), "
        "(SELECT count(*) FROM posyandu WHERE aktif AND status_ilp), "
        "(SELECT count(*) FROM kader WHERE status = 'aktif'), "
        "(SELECT count(*) FROM penandatangan WHERE aktif)"
    ).fetchone()
    per_level: dict[str, int] = {}
    for level, count in db.execute_sql(
        "SELECT tingkatan, count(*) FROM kader WHERE status = 'aktif' GROUP BY tingkatan"
    ):
        per_level[level or "Belum ditetapkan"] = per_level.get(level or "Belum ditetapkan", 0) + count
    return DashboardSummary(
        posyandu_aktif=posyandu,
        kelurahan_dengan_posyandu=kelurahan,
        kader_aktif=kader,
        kader_per_tingkatan=per_level,
        penandatangan_aktif=penandatangan,
        posyandu_ilp=ilp,
    )


@dataclass(frozen=True)
class KegiatanMendatang:
    jenis: str
    nama: str
    tanggal_mulai: date
    tanggal_selesai: date
    jumlah_peserta: int


def upcoming_kegiatan(today: date, limit: int = 5) -> tuple[KegiatanMendatang, ...]:
    """Kegiatan not yet over and not cancelled, soonest first (the order of the kegiatan list)."""
    rows = db.execute_sql(
        "SELECT k.jenis, k.nama, k.tanggal_mulai, k.tanggal_selesai, "
        "(SELECT count(*) FROM peserta p WHERE p.kegiatan_id = k.id) "
        "FROM kegiatan k WHERE k.tanggal_selesai >= ? AND k.status != 'batal' "
        "ORDER BY k.tanggal_mulai, k.id LIMIT ?",
        (today.isoformat(), limit),
    )
    return tuple(
        KegiatanMendatang(jenis, nama, date.fromisoformat(mulai), date.fromisoformat(selesai), peserta)
        for jenis, nama, mulai, selesai, peserta in rows
    )
