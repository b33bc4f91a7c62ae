"""Beranda figures of the rencana aksi: items per status, overdue and due-soon counts, and the
average realisation per bidang (items without monev count as 0 %, Batal items are left out, so a
bidang whose plans nobody reports on shows as behind rather than disappearing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.services.rencana_aksi import RencanaAksiFilter, RencanaAksiItem, group_items, list_rencana_aksi
from db.services.rencana_aksi_lists import STATUS_BATAL, STATUS_RENCANA_AKSI


@dataclass(frozen=True)
class RealisasiBidang:
    bidang: str
    jumlah: int  # items counted (Batal excluded)
    persen: float  # mean realisation 0–100


@dataclass(frozen=True)
class RingkasanRencanaAksi:
    tahun: int | None
    jumlah: int
    per_status: tuple[tuple[str, int], ...]  # every status in STATUS_RENCANA_AKSI order, zeros kept
    terlambat: int
    segera: int
    realisasi_bidang: tuple[RealisasiBidang, ...]

    def status_count(self, status: str) -> int:
        return dict(self.per_status).get(status, 0)


def realisasi_per_bidang(items: list[RencanaAksiItem]) -> tuple[RealisasiBidang, ...]:
    out: list[RealisasiBidang] = []
    for group in group_items([i for i in items if i.form.status != STATUS_BATAL], "bidang"):
        values = [i.realisasi_persen or 0.0 for i in group.items]
        out.append(RealisasiBidang(group.nama, len(values), round(sum(values) / len(values), 1)))
    return tuple(out)


def ringkasan(tahun: int | None = None, *, today: date | None = None) -> RingkasanRencanaAksi:
    """Counts for the Beranda tiles (``tahun`` None = every year)."""
    items = list_rencana_aksi(RencanaAksiFilter(tahun=tahun), today=today)
    counts = {status: 0 for status in STATUS_RENCANA_AKSI}
    for item in items:
        counts[item.form.status] = counts.get(item.form.status, 0) + 1
    return RingkasanRencanaAksi(
        tahun=tahun,
        jumlah=len(items),
        per_status=tuple(counts.items()),
        terlambat=sum(i.terlambat for i in items),
        segera=sum(i.segera for i in items),
        realisasi_bidang=realisasi_per_bidang(items),
    )
