"""A small horizontal bar chart painted with QPainter — realisasi per bidang on Beranda.

The office needs a handful of bars (one per bidang, a percentage each), which QPainter draws in a
few lines; a plotting library would add megabytes to the installer for that. Each bar shows its
label on the left, a track of the full scale, the filled part and the value as text, so the chart
stays readable in grey-scale screenshots and for colour-blind users.

It is painted right after the Beranda figures come in, so its paint stays off PySide's ``Qt``
namespace (creating it costs ~25 ms): alignment flags as Qt's int values, bars filled as paths
(no pen), and the namespace imported only to elide a label that does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
ROW_GAP = 8
LABEL_GAP = 10
VALUE_WIDTH = 52
TRACK = QColor("#e0f2f1")
FILL = QColor("#00796b")
TEXT = QColor("#263238")
MUTED = QColor("#5f7680")
# Qt::AlignLeft = 0x1, Qt::AlignRight = 0x2, Qt::AlignVCenter = 0x80 (QPainter.drawText takes ints)
LEFT_MIDDLE = 0x0001 | 0x0080
RIGHT_MIDDLE = 0x0002 | 0x0080


@dataclass(frozen=True)
class Bar:
    """One bar: ``value`` on the scale ``0..maximum`` of the chart; ``text`` is what is printed."""

    label: str
    value: float
    text: str


class BarChart(QWidget):
    """Horizontal bars, one per :class:`Bar`; ``empty_text`` is shown when there are none."""

    def __init__(self, maximum: float = 100.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self._bars: list[Bar] = []
        self._maximum = maximum
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = list(bars)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def label_width(self) -> int:
        """Room for the longest label (capped at a third of the width, longer ones are elided)."""
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        return min(widest, max(80, self.width() // 3))

    def bar_rect(self, index: int) -> QRectF:
        """The filled part of bar ``index`` (for tests and hit testing)."""
        left = self.label_width() + LABEL_GAP
        track = max(10.0, self.width() - left - LABEL_GAP - VALUE_WIDTH)
        share = max(0.0, min(1.0, self._bars[index].value / self._maximum)) if self._maximum else 0.0
        top = index * (BAR_HEIGHT + ROW_GAP)
        return QRectF(left, top, track * share, BAR_HEIGHT)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        rows = max(1, len(self._bars))
        return QSize(360, rows * BAR_HEIGHT + (rows - 1) * ROW_GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._bars:
            painter.setPen(MUTED)
            painter.drawText(QRectF(self.rect()), LEFT_MIDDLE, self.empty_text)
            return
        metrics = QFontMetrics(self.font())
        label_width = self.label_width()
        left = label_width + LABEL_GAP
        track_width = max(10.0, self.width() - left - LABEL_GAP - VALUE_WIDTH)
        for index, bar in enumerate(self._bars):
            top = index * (BAR_HEIGHT + ROW_GAP)
            painter.setPen(TEXT)
            label_rect = QRectF(0, top, label_width, BAR_HEIGHT)
            painter.drawText(label_rect, RIGHT_MIDDLE, _elided(metrics, bar.label, label_width))
            _fill_rounded(painter, QRectF(left, top + 2, track_width, BAR_HEIGHT - 4), TRACK)
            filled = self.bar_rect(index)
            if filled.width() > 0:
                _fill_rounded(painter, filled.adjusted(0, 2, 0, -2), FILL)
            value_rect = QRectF(left + track_width + LABEL_GAP, top, VALUE_WIDTH, BAR_HEIGHT)
            painter.drawText(value_rect, LEFT_MIDDLE, bar.text)


def _elided(metrics: QFontMetrics, text: str, width: int) -> str:
    if metrics.horizontalAdvance(text) <= width:
        return text
    from PySide6.QtCore import Qt  # only for a label too long for its column

    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def _fill_rounded(painter: QPainter, rect: QRectF, color: QColor) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect, 3, 3)
    painter.fillPath(path, color)
