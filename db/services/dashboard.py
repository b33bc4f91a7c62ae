"""Figures for the Beranda page: real counts from the registry, nothing invented."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from db.models import Kader, Penandatangan, Posyandu


@dataclass(frozen=True)
class DashboardSummary:
    posyandu_aktif: int
    kelurahan_dengan_posyandu: int
    kader_aktif: int
    kader_per_tingkatan: dict[str, int]
    penandatangan_aktif: int
    posyandu_ilp: int


def summary() -> DashboardSummary:
    active_posyandu = Posyandu.select().where(Posyandu.aktif == True)  # noqa: E712
    active_kader = Kader.select().where(Kader.status == "aktif")
    per_level = {
        (row.tingkatan or "Belum ditetapkan"): row.n
        for row in active_kader.select(Kader.tingkatan, fn.COUNT(Kader.id).alias("n")).group_by(
            Kader.tingkatan
        )
    }
    return DashboardSummary(
        posyandu_aktif=active_posyandu.count(),
        kelurahan_dengan_posyandu=active_posyandu.select(Posyandu.kode_wilayah).distinct().count(),
        kader_aktif=active_kader.count(),
        kader_per_tingkatan=per_level,
        penandatangan_aktif=Penandatangan.select().where(Penandatangan.aktif == True).count(),  # noqa: E712
        posyandu_ilp=active_posyandu.where(Posyandu.status_ilp == True).count(),  # noqa: E712
    )
