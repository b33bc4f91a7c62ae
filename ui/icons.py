"""Icons from the bundled Tabler set (resources/icons, MIT), tinted to the wanted colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap

from resources import resource_path


@cache
def icon(name: str, color: str = "#37474f") -> QIcon:
    """QIcon from ``resources/icons/<name>``; ``currentColor`` is replaced by ``color``."""
    path = resource_path("icons", name)
    if not path.exists():
        return QIcon()
    svg = path.read_text(encoding="utf-8").replace("currentColor", color)
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(svg.encode("utf-8")), "SVG")
    return QIcon(pixmap)
