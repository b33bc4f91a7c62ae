"""Kelurahan and posyandu choices for filter boxes and forms, from the posyandu list.

Filters only make sense for kelurahan that have posyandu, and the posyandu list already carries
each kelurahan's name, so one :func:`db.services.posyandu.list_posyandu` call fills every box.
The office's own kecamatan adds its kelurahan that have no posyandu yet (for a kader's address).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QComboBox

from db import wilayah
from db.services.posyandu import PosyanduRow


def kelurahan_choices(rows: Iterable[PosyanduRow], kecamatan: str = "") -> list[tuple[str, str]]:
    """(kode, name) of every kelurahan with a posyandu, plus those of ``kecamatan``; sorted by name."""
    names = {row.kode_wilayah: row.kelurahan or row.kode_wilayah for row in rows if row.kode_wilayah}
    if kecamatan:
        for region in wilayah.children(kecamatan):
            names.setdefault(region.kode, region.nama)
    return sorted(names.items(), key=lambda item: (item[1].casefold(), item[0]))


def posyandu_choices(
    rows: Iterable[PosyanduRow], kode_wilayah: str = "", keep: int | None = None
) -> list[PosyanduRow]:
    """Active posyandu of a kelurahan (all kelurahan when empty); ``keep`` stays even if inactive."""
    return [
        row
        for row in rows
        if (not kode_wilayah or row.kode_wilayah == kode_wilayah) and (row.aktif or row.id == keep)
    ]


def refill(combo: QComboBox, items: Sequence[tuple[str, object]], first: str | None = None) -> None:
    """Replace the items of ``combo`` keeping the selected data if it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        if first is not None:
            combo.addItem(first, None)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(index if index >= 0 else 0)
    finally:
        combo.blockSignals(False)


def select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)
