"""Beranda's rencana aksi row: items per status, overdue and due-soon counts, realisasi per bidang.

Plans "that nobody updates" are the problem the rencana aksi feature answers, so the overdue
count sits on the first page the secretariat sees, with a red edge when it is not zero. The
figures come from :func:`db.services.rencana_aksi_ringkasan.ringkasan` (every tahun: an overdue
plan from last year is still overdue); the bars are :class:`widgets.bar_chart.BarChart`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.pages.beranda import StatTile
from widgets.bar_chart import Bar, BarChart

TILE_WIDTH = 190
ALERT_STYLE = "QFrame#tile { border-top-color: #c62828; } QLabel#tileValue { color: #c62828; }"


class RencanaAksiSummary(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile_status = StatTile(self.tr("Rencana aksi"))
        self.tile_late = StatTile(self.tr("Rencana aksi terlambat"))
        self.tile_soon = StatTile(self.tr("Jatuh tempo dalam 30 hari"))
        for tile in (self.tile_status, self.tile_late, self.tile_soon):
            tile.setFixedWidth(TILE_WIDTH)
        chart_frame = QFrame()
        chart_frame.setObjectName("tile")
        chart_layout = QVBoxLayout(chart_frame)
        chart_layout.setContentsMargins(18, 12, 18, 12)
        caption = QLabel(self.tr("Realisasi per bidang (rata-rata, monev terakhir)"))
        caption.setObjectName("tileCaption")
        self.chart = BarChart(100.0)
        self.chart.empty_text = self.tr("Belum ada rencana aksi.")
        chart_layout.addWidget(caption)
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        for tile in (self.tile_status, self.tile_late, self.tile_soon):
            layout.addWidget(tile)
        layout.addWidget(chart_frame, 1)

    def refresh(self, today: date | None = None) -> None:
        # Imported on first refresh (after the first paint), not at start-up.
        from db.services.rencana_aksi_ringkasan import ringkasan

        data = ringkasan(None, today=today)
        self.tile_status.set_value(data.jumlah)
        parts = [f"{status} {count}" for status, count in data.per_status if count]
        self.tile_status.caption_label.setText(
            self.tr("Rencana aksi — {0}").format(", ".join(parts)) if parts else self.tr("Rencana aksi")
        )
        self.tile_late.set_value(data.terlambat)
        self.tile_late.setStyleSheet(ALERT_STYLE if data.terlambat else "")
        self.tile_soon.set_value(data.segera)
        self.chart.set_bars(
            [Bar(r.bidang, r.persen, f"{round(r.persen)}%") for r in data.realisasi_bidang]
        )
