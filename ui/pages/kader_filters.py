"""The filter row of the kader page: kelurahan, posyandu (within the kelurahan), status, tingkatan.

Choices come from the posyandu list (one query), so only kelurahan that have posyandu are
offered. :meth:`KaderFilters.value` gives the service's :class:`KaderFilter` fields as a dict.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from db.services.posyandu import PosyanduRow
from db.services.registry_fields import STATUS_KADER, TINGKATAN
from ui.models.registry_choices import kelurahan_choices, refill


class KaderFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._posyandu: list[PosyanduRow] = []
        self.kelurahan_combo = QComboBox()
        self.kelurahan_combo.setObjectName("filterKelurahan")
        self.posyandu_combo = QComboBox()
        self.posyandu_combo.setObjectName("filterPosyandu")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("filterStatus")
        self.tingkatan_combo = QComboBox()
        self.tingkatan_combo.setObjectName("filterTingkatan")
        for combo, length in (
            (self.kelurahan_combo, 18),
            (self.posyandu_combo, 17),
            (self.status_combo, 11),
            (self.tingkatan_combo, 13),
        ):
            combo.setMinimumContentsLength(length)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMaxVisibleItems(20)
        self.status_combo.addItem(self.tr("Semua status"), "")
        for status in STATUS_KADER:
            self.status_combo.addItem(status.capitalize(), status)
        self.tingkatan_combo.addItem(self.tr("Semua tingkatan"), "")
        for level in TINGKATAN:
            self.tingkatan_combo.addItem(level, level)
        self.reset_button = QPushButton(self.tr("Semua"))
        self.reset_button.setToolTip(self.tr("Hapus semua saringan"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in (self.kelurahan_combo, self.posyandu_combo, self.status_combo, self.tingkatan_combo):
            layout.addWidget(combo)
        layout.addWidget(self.reset_button)
        self.kelurahan_combo.currentIndexChanged.connect(self._on_kelurahan)
        for combo in (self.posyandu_combo, self.status_combo, self.tingkatan_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.reset_button.clicked.connect(self.reset)

    def set_posyandu(self, rows: list[PosyanduRow]) -> None:
        """New choices after a registry change; current choices stay when still offered."""
        self._posyandu = rows
        items = [(name, kode) for kode, name in kelurahan_choices(rows)]
        refill(self.kelurahan_combo, items, first=self.tr("Semua kelurahan"))
        self._refill_posyandu()

    def _refill_posyandu(self) -> None:
        """Posyandu of the chosen kelurahan; deactivated ones last (their kader are still listed)."""
        kode = self.kelurahan_combo.currentData() or ""
        rows = sorted(
            (r for r in self._posyandu if not kode or r.kode_wilayah == kode), key=lambda r: not r.aktif
        )
        refill(
            self.posyandu_combo,
            [(self._label(r, with_kelurahan=not kode), r.id) for r in rows],
            first=self.tr("Semua posyandu"),
        )

    def _label(self, row: PosyanduRow, *, with_kelurahan: bool) -> str:
        name = row.nama if row.aktif else self.tr("{0} (nonaktif)").format(row.nama)
        return f"{name} — {row.kelurahan}" if with_kelurahan and row.kelurahan else name

    @Slot()
    def _on_kelurahan(self) -> None:
        self._refill_posyandu()
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        for combo in (self.kelurahan_combo, self.posyandu_combo, self.status_combo, self.tingkatan_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._refill_posyandu()
        self.changed.emit()

    def value(self) -> dict[str, Any]:
        return {
            "kode_wilayah": self.kelurahan_combo.currentData() or "",
            "posyandu_id": self.posyandu_combo.currentData(),
            "status": self.status_combo.currentData() or "",
            "tingkatan": self.tingkatan_combo.currentData() or "",
        }

    def is_filtered(self) -> bool:
        return any(value not in (None, "") for value in self.value().values())
