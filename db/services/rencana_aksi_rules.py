"""The rules behind a rencana aksi's flags and progress, apart from the services that read items.

Kept in a module of their own (standard library and the status names only) so the Beranda
summary (:mod:`db.services.rencana_aksi_ringkasan`) applies exactly the rules of the matrix
without importing the matrix's services (wilayah, lokus, identity: ~15 ms at start-up).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol

from db.services.rencana_aksi_lists import STATUS_BATAL, STATUS_SELESAI

SEGERA_HARI = 30
BELUM_DITENTUKAN = "Belum ditentukan"  # the group of items without a bidang / OPD


class Realisasi(Protocol):
    realisasi_persen: float | None
    realisasi_nilai: float | None


def is_terlambat(jatuh_tempo: date | None, status: str, today: date) -> bool:
    """Overdue: the due date has passed and the item is neither Selesai nor Batal."""
    return jatuh_tempo is not None and jatuh_tempo < today and status not in (STATUS_SELESAI, STATUS_BATAL)


def is_segera(jatuh_tempo: date | None, status: str, today: date) -> bool:
    """Due within the next 30 days (today included) and still open."""
    if jatuh_tempo is None or status in (STATUS_SELESAI, STATUS_BATAL):
        return False
    return today <= jatuh_tempo <= today + timedelta(days=SEGERA_HARI)


def persen_of(row: Realisasi | None, target_nilai: float | None) -> float | None:
    """The entry's percentage, else value / target, capped to 0–100 for display."""
    if row is None:
        return None
    if row.realisasi_persen is not None:
        return max(0.0, min(100.0, row.realisasi_persen))
    if row.realisasi_nilai is not None and target_nilai:
        return max(0.0, min(100.0, 100.0 * row.realisasi_nilai / target_nilai))
    return None


def group_order(names: Iterable[str], listed: Iterable[str]) -> list[str]:
    """Group names in the order of the editable list (``listed``), others by name, the
    "Belum ditentukan" group last."""
    order = {name: i for i, name in enumerate(listed)}
    return sorted(names, key=lambda n: (n == BELUM_DITENTUKAN, order.get(n, len(order)), n))
