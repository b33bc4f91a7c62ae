"""Icons from the bundled Tabler set (resources/icons, MIT), tinted and sharp on any screen.

Tabler's outline icons draw with ``stroke="currentColor"``; :func:`icon` substitutes the wanted
colour and renders the SVG with QSvgRenderer into pixmaps at the usual icon sizes times every
screen's device pixel ratio (1.25, 1.5, 2 on Windows laptops). Rendering at the exact pixel size —
rather than letting Qt scale one bitmap — keeps the 2-px strokes crisp. Results are cached per
(name, colour): a sidebar asks for the same few icons again and again.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QDir, QRectF, QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap

from resources import resource_path

DEFAULT_COLOR = "#37474f"
SIZES = (16, 20, 24, 32)
SEARCH_PREFIX = "icons"


def register_search_path() -> None:
    """Let the stylesheet say ``url(icons:qss/chevron-down.svg)`` wherever the app is installed.

    Relative ``url()`` paths in a stylesheet resolve against the working directory, which is
    wrong for an installed app; a Qt search-path prefix always points into the bundle. Images
    are loaded when a widget is first styled, so this must run before the first combo box shows:
    importing this module (as the main window does) is enough. Idempotent.
    """
    folder = str(resource_path("icons"))
    if folder not in QDir.searchPaths(SEARCH_PREFIX):
        QDir.addSearchPath(SEARCH_PREFIX, folder)


def icon_names() -> list[str]:
    """Names (without ``.svg``) of every bundled icon."""
    return sorted(p.stem for p in resource_path("icons").glob("*.svg"))


def _svg_path(name: str):  # noqa: ANN202 - Path
    file_name = name if name.endswith(".svg") else f"{name}.svg"
    return resource_path("icons", file_name)


@cache
def _renderer(name: str, color: str):  # noqa: ANN202 - QSvgRenderer | None
    from PySide6.QtSvg import QSvgRenderer  # ~25 ms to load: not before the first paint

    path = _svg_path(name)
    if not path.exists():
        return None
    svg = path.read_text(encoding="utf-8").replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    return renderer if renderer.isValid() else None


def render(name: str, color: str, size: int, ratio: float = 1.0) -> QPixmap:
    """One pixmap of ``size`` logical pixels at device pixel ratio ``ratio`` (null if unknown)."""
    renderer = _renderer(name, color)
    if renderer is None:
        return QPixmap()
    from PySide6.QtCore import Qt  # creating the Qt namespace costs ~25 ms: not before the first paint

    side = max(1, round(size * ratio))
    pixmap = QPixmap(QSize(side, side))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _screen_ratios() -> list[float]:
    """1.0 plus every connected screen's device pixel ratio (a laptop plus a projector differ)."""
    ratios = {1.0}
    if QGuiApplication.instance() is not None:
        ratios.update(screen.devicePixelRatio() for screen in QGuiApplication.screens())
    return sorted(ratios)


@cache
def icon(name: str, color: str = DEFAULT_COLOR) -> QIcon:
    """QIcon for ``resources/icons/<name>.svg`` (``name`` may include ``.svg``) drawn in ``color``.

    An unknown name gives an empty QIcon rather than an exception: a missing icon must never
    stop a page from opening.
    """
    result = QIcon()
    if _renderer(name, color) is None:
        return result
    # Only the Normal mode: Qt derives the greyed Disabled pixmap itself, and rendering it here
    # too doubled the sidebar's share of start-up time. Larger sizes are scaled from 32 px.
    for ratio in _screen_ratios():
        for size in SIZES:
            result.addPixmap(render(name, color, size, ratio))
    return result


register_search_path()
