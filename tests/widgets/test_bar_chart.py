"""BarChart: bar lengths follow the values on the chart's scale, and the painted pixels show it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from widgets.bar_chart import FILL, Bar, BarChart


@pytest.fixture
def chart(qtbot) -> BarChart:
    widget = BarChart(maximum=100.0)
    qtbot.addWidget(widget)
    widget.resize(500, 120)
    widget.show()
    return widget


def test_bar_length_is_proportional_and_clamped(chart) -> None:
    chart.set_bars([Bar("Kesehatan", 50, "50%"), Bar("Pendidikan", 100, "100%"), Bar("Sosial", 150, "150%")])
    half, full, over = (chart.bar_rect(i).width() for i in range(3))
    assert full > 0
    assert half == pytest.approx(full / 2)
    assert over == pytest.approx(full)  # more than the scale never overflows the track


def test_height_grows_with_the_number_of_bars(chart) -> None:
    chart.set_bars([Bar("A", 10, "10%")])
    one = chart.sizeHint().height()
    chart.set_bars([Bar("A", 10, "10%"), Bar("B", 20, "20%"), Bar("C", 30, "30%")])
    assert chart.sizeHint().height() > 2 * one


def test_painted_fill_matches_the_value(chart) -> None:
    chart.set_bars([Bar("Kesehatan", 25, "25%"), Bar("Sosial", 0, "0%")])
    image = chart.grab().toImage()
    rect = chart.bar_rect(0)
    y = int(rect.center().y())
    inside = QColor(image.pixel(int(rect.left() + rect.width() / 2), y))
    beyond = QColor(image.pixel(int(rect.right() + 20), y))
    assert inside == FILL
    assert beyond != FILL
    y_empty = int(chart.bar_rect(1).center().y())
    assert QColor(image.pixel(int(rect.left() + 5), y_empty)) != FILL  # 0% paints no fill


def test_empty_chart_keeps_its_text(chart) -> None:
    chart.empty_text = "Belum ada monev."
    chart.set_bars([])
    assert chart.bars() == []
    chart.grab()  # paints without bars
