"""Beranda figures of the rencana aksi: items per status, overdue and due-soon counts, and the
average realisation per bidang (items without monev count as 0 %, Batal items are left out, so a
bidang whose plans nobody reports on shows as behind rather than disappearing).

The counts need five columns per item and the latest monev values, so they are read with two
small queries and the rules of :mod:`db.services.rencana_aksi_rules` — the same rules as the
matrix (:func:`db.services.rencana_aksi.list_rencana_aksi`), without importing the matrix's
services on the way to the first page (start-up figure of issue #2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.database import db
from db.services.rencana_aksi_lists import STATUS_BATAL, STATUS_RENCANA_AKSI, bidang_list
from db.services.rencana_aksi_rules import BELUM_DITENTUKAN, group_order, is_segera, is_terlambat, persen_of


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


@dataclass(frozen=True)
class _Latest:
    """The latest monev entry's values (what :func:`persen_of` reads)."""

    realisasi_persen: float | None
    realisasi_nilai: float | None


def _latest_monev() -> dict[int, _Latest]:
    """item id → its latest entry (by tanggal, then id), as the matrix defines progress."""
    rows = db.execute_sql(
        "SELECT rencana_aksi_id, realisasi_persen, realisasi_nilai FROM rencana_aksi_monev "
        "ORDER BY tanggal, id"
    )
    return {int(item_id): _Latest(persen, nilai) for item_id, persen, nilai in rows}


def realisasi_per_bidang(persen_by_bidang: dict[str, list[float]]) -> tuple[RealisasiBidang, ...]:
    """Mean per bidang, in the order of the bidang list ("Belum ditentukan" last)."""
    out: list[RealisasiBidang] = []
    for name in group_order(persen_by_bidang, bidang_list()):
        values = persen_by_bidang[name]
        out.append(RealisasiBidang(name, len(values), round(sum(values) / len(values), 1)))
    return tuple(out)


def ringkasan(tahun: int | None = None, *, today: date | None = None) -> RingkasanRencanaAksi:
    """Counts for the Beranda tiles (``tahun`` None = every year)."""
    today = today or date.today()
    where, params = ("WHERE tahun = ?", (int(tahun),)) if tahun else ("", ())
    rows = db.execute_sql(
        f"SELECT id, status, bidang, jatuh_tempo, target_nilai FROM rencana_aksi {where}", params
    ).fetchall()
    latest = _latest_monev()
    counts = {status: 0 for status in STATUS_RENCANA_AKSI}
    terlambat = segera = 0
    persen_by_bidang: dict[str, list[float]] = {}
    for item_id, status, bidang, jatuh_tempo_text, target_nilai in rows:
        jatuh_tempo = date.fromisoformat(jatuh_tempo_text) if jatuh_tempo_text else None
        counts[status] = counts.get(status, 0) + 1
        terlambat += is_terlambat(jatuh_tempo, status, today)
        segera += is_segera(jatuh_tempo, status, today)
        if status != STATUS_BATAL:
            persen = persen_of(latest.get(int(item_id)), target_nilai) or 0.0
            persen_by_bidang.setdefault(bidang or BELUM_DITENTUKAN, []).append(persen)
    return RingkasanRencanaAksi(
        tahun=tahun,
        jumlah=len(rows),
        per_status=tuple(counts.items()),
        terlambat=terlambat,
        segera=segera,
        realisasi_bidang=realisasi_per_bidang(persen_by_bidang),
    )
