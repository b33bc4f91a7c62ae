"""QR codes drawn fast into a ReportLab canvas: segno with a fixed mask, one filled path.

segno's automatic mask choice scores all eight masks (~10 ms a code); a fixed mask costs ~2 ms and
scanners do not care which mask was used. The dark modules go out as literal PDF operators,
one ``re`` per horizontal run, taken from a table of pre-formatted strings: ReportLab's path object
formats every number through ``fp_str``, one ``rect`` per module is slower still, and a 1-bit
image, though cheapest to write, is smoothed by viewers into something scanners reject.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import segno

QR_MASK = 0
QUIET_ZONE = 4  # modules of white margin a scanner needs around the code


def qr_matrix(text: str, error: str = "m") -> tuple[bytes, ...]:
    """Modules of the QR code of ``text`` (no quiet zone), rows top to bottom, 1 = dark, 0 = light."""
    qr = segno.make_qr(text, error=error, mask=QR_MASK, boost_error=False)
    return tuple(bytes(row) for row in qr.matrix)


def qr_version(text: str, error: str = "m") -> int:
    return int(segno.make_qr(text, error=error, mask=QR_MASK, boost_error=False).version)


_RUN = re.compile(rb"\x01+")


@functools.cache
def _run_table(count: int) -> tuple[tuple[str, ...], ...]:
    """``table[start][end]`` is the ``re`` operator of dark modules start..end-1 on the current row."""
    return tuple(tuple(f"{start} 0 {end - start} 1.02 re" for end in range(count + 1)) for start in range(count))


def matrix_operators(matrix: tuple[bytes, ...], x: float, y: float, size: float) -> str:
    """PDF operators filling ``matrix`` into the ``size`` square with lower-left corner (x, y).

    Vector, not an image: PDF viewers smooth a scaled-up image into grey mush that scanners reject
    at screen resolution. The coordinate system is one unit per module; each row's runs of dark
    modules are looked up pre-formatted (no number formatting per code), filled, and the origin
    steps down one row (rows overlap by 2 % so no hairline seams show between them).
    """
    count = len(matrix)
    table = _run_table(count)
    module = size / count
    parts = [f"q {module:.5f} 0 0 {module:.5f} {x:.3f} {y + size - module:.3f} cm"]
    for row in matrix:
        parts.extend(table[m.start()][m.end()] for m in _RUN.finditer(row))
        parts.append("f 1 0 0 1 0 -1 cm")
    parts.append("Q")
    return "\n".join(parts)


def draw_qr(canvas: Any, text: str, x: float, y: float, size: float, *, error: str = "m",
            quiet_zone: bool = False) -> None:
    """The QR of ``text`` filling a ``size`` square at (x, y); with ``quiet_zone`` a white margin of
    four modules is painted inside the square first (for codes printed over a background image)."""
    matrix = qr_matrix(text, error)
    canvas.saveState()
    if quiet_zone:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
        inset = size * QUIET_ZONE / (len(matrix) + 2 * QUIET_ZONE)
        x, y, size = x + inset, y + inset, size - 2 * inset
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(matrix_operators(matrix, x, y, size))
    canvas.restoreState()
