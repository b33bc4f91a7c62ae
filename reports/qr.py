"""QR codes drawn fast into a ReportLab canvas: a fixed mask, modules as pre-formatted rectangles.

segno's automatic mask choice scores all eight masks (~10 ms a code); with a fixed mask it still
costs ~3.5 ms for a version-12 certificate code. Text of QR alphanumeric characters only (the
``SRT1:`` payloads) is therefore encoded here, reusing segno's tables and function patterns, in
~0.4 ms with modules identical to segno's (tested). The dark modules go out as literal PDF
operators, ``re`` rectangles per 8-module chunk of a row looked up in a table of pre-formatted
strings: ReportLab's path object formats every number through ``fp_str``, one ``rect`` per module
is slower still, and a 1-bit image, though cheapest to write, is smoothed by viewers into
something scanners reject at screen resolution.
"""

from __future__ import annotations

import functools
import operator
from typing import Any

import segno
from segno import consts, encoder

QR_MASK = 0
QUIET_ZONE = 4  # modules of white margin a scanner needs around the code


ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {char: value for value, char in enumerate(ALPHANUMERIC)}
_LEVELS = {
    "l": consts.ERROR_LEVEL_L,
    "m": consts.ERROR_LEVEL_M,
    "q": consts.ERROR_LEVEL_Q,
    "h": consts.ERROR_LEVEL_H,
}


def qr_matrix(text: str, error: str = "m") -> tuple[bytes, ...]:
    """Modules of the QR code of ``text`` (no quiet zone), rows top to bottom, 1 = dark, 0 = light.

    Text made only of QR alphanumeric characters (the ``SRT1:`` certificate payloads) takes the
    fast path of :func:`_alphanumeric_matrix` (~0.6 ms instead of segno's ~3.5 ms for a version-12
    code; the modules are identical to segno's with mask 0, see the tests); digits only (segno's
    numeric mode) and anything else go through segno.
    """
    if text and not text.isdigit() and all(char in _ALNUM_VALUE for char in text):
        return _alphanumeric_matrix(text, _LEVELS[error.lower()])
    qr = segno.make_qr(text, error=error, mask=QR_MASK, boost_error=False)
    return tuple(bytes(row) for row in qr.matrix)


def qr_version(text: str, error: str = "m") -> int:
    return int(segno.make_qr(text, error=error, mask=QR_MASK, boost_error=False).version)


def _count_bits(version: int) -> int:
    return 9 if version < 10 else 11 if version < 27 else 13


def _alphanumeric_bits(text: str, version: int) -> str:
    """Mode indicator, character count and the 11-bit pairs (6 bits for an odd last character)."""
    values = [_ALNUM_VALUE[char] for char in text]
    pairs = [format(45 * a + b, "011b") for a, b in zip(values[::2], values[1::2])]
    tail = format(values[-1], "06b") if len(values) % 2 else ""
    return "0010" + format(len(values), f"0{_count_bits(version)}b") + "".join(pairs) + tail


def _version_for(text: str, level: int) -> int:
    """The smallest version whose capacity holds the text (as segno picks it)."""
    payload = 11 * (len(text) // 2) + 6 * (len(text) % 2)
    for version in range(1, 41):
        if 4 + _count_bits(version) + payload <= consts.SYMBOL_CAPACITY[version][level]:
            return version
    raise ValueError("teks terlalu panjang untuk kode QR")


def _data_codewords(text: str, version: int, level: int) -> bytes:
    """The padded data codewords, exactly as segno pads them (terminator, zero bits, EC/11 bytes)."""
    capacity = consts.SYMBOL_CAPACITY[version][level]
    bits = _alphanumeric_bits(text, version)
    bits += "0" * min(capacity - len(bits), 4)
    bits = (bits + "0" * (8 - len(bits) % 8))[:capacity]  # segno adds 1–8 zero bits here
    data = int(bits, 2).to_bytes(len(bits) // 8, "big")
    pads = b"\xec\x11" * (capacity // 16 + 1)
    return data + pads[: capacity // 8 - len(data)]


@functools.cache
def _ec_table(error_words: int) -> tuple[int, ...]:
    """For each leading coefficient, the generator polynomial times it, packed into one integer."""
    gen = consts.GEN_POLY[error_words]
    exp, log = consts.GALIOS_EXP, consts.GALIOS_LOG
    table = [0]
    for coef in range(1, 256):
        table.append(int.from_bytes(bytes(exp[log[coef] + g] for g in gen), "big"))
    return tuple(table)


def _error_words(block: bytes, error_words: int) -> bytes:
    """Reed–Solomon remainder of ``block``, the division done on one integer register."""
    table = _ec_table(error_words)
    shift = 8 * (error_words - 1)
    keep = (1 << shift) - 1
    remainder = 0
    for byte in block:
        remainder = ((remainder & keep) << 8) ^ table[(remainder >> shift) ^ byte]
    return remainder.to_bytes(error_words, "big")


@functools.cache
def _interleave(version: int, level: int) -> operator.itemgetter:
    """Picker putting the concatenated blocks (data, then error words) in transmission order."""
    infos = consts.ECC[version][level]
    data = [info.num_data for info in infos for _ in range(info.num_blocks)]
    errors = [info.num_total - info.num_data for info in infos for _ in range(info.num_blocks)]
    order = []
    for sizes, base in ((data, 0), (errors, sum(data))):
        starts = [base + sum(sizes[:k]) for k in range(len(sizes))]
        for index in range(max(sizes)):
            order.extend(start + index for start, size in zip(starts, sizes) if index < size)
    return operator.itemgetter(*order)


def _final_message(data: bytes, version: int, level: int) -> bytes:
    """Data and error blocks interleaved (ISO/IEC 18004 7.6)."""
    errors = []
    offset = 0
    for info in consts.ECC[version][level]:
        for _ in range(info.num_blocks):
            errors.append(_error_words(data[offset : offset + info.num_data], info.num_total - info.num_data))
            offset += info.num_data
    return bytes(_interleave(version, level)(data + b"".join(errors)))


@functools.cache
def _layout(version: int, level: int) -> tuple[operator.itemgetter, int, int]:
    """(picker, data module count, mask bits) for mask 0 at this version and level.

    The picker takes, for every cell row by row, either bit k of the masked message (index k) or a
    fixed module (index count + 0 or count + 1). Function patterns, format and version information
    come from segno itself; only the codeword placement walk (ISO/IEC 18004 7.7.3) is redone here.
    """
    size = encoder.calc_matrix_size(version)
    matrix = encoder.make_matrix(size, size)
    encoder.add_finder_patterns(matrix, size, size)
    encoder.add_alignment_patterns(matrix, size, size)
    order = []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(size):
            for j in (right, right - 1):
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (size - 1 - vertical) if upwards else vertical
                if matrix[i][j] == 0x2:
                    order.append(i * size + j)
                    matrix[i][j] = 0x0
    encoder.add_format_info(matrix, version, level, QR_MASK)
    encoder.add_version_info(matrix, version)
    count = len(order)
    source = [count + value for row in matrix for value in row]
    mask = 0
    for k, cell in enumerate(order):
        source[cell] = k
        if sum(divmod(cell, size)) % 2 == 0:  # mask 0: (i + j) mod 2 == 0 flips the module
            mask |= 1 << (count - 1 - k)
    return operator.itemgetter(*source), count, mask


_BITS = bytes.maketrans(b"01", b"\x00\x01")


def _alphanumeric_matrix(text: str, level: int) -> tuple[bytes, ...]:
    version = _version_for(text, level)
    picker, count, mask = _layout(version, level)
    message = _final_message(_data_codewords(text, version, level), version, level)
    masked = (int.from_bytes(message, "big") << (count - 8 * len(message))) ^ mask  # + remainder bits
    modules = format(masked, f"0{count}b").encode("ascii").translate(_BITS) + b"\x00\x01"
    flat = bytes(picker(modules))
    size = encoder.calc_matrix_size(version)
    return tuple(flat[start : start + size] for start in range(0, size * size, size))


def _byte_runs(position: int, value: int) -> str:
    """``re`` operators of the dark modules in one 8-module chunk (bit 7 = leftmost module)."""
    ops, column = [], 0
    while column < 8:
        if value >> (7 - column) & 1:
            start = column
            while column < 8 and value >> (7 - column) & 1:
                column += 1
            ops.append(f"{8 * position + start} 0 {column - start} 1.02 re")
        else:
            column += 1
    return " ".join(ops)


@functools.cache
def _chunk_table(chunks: int) -> tuple[tuple[str, ...], ...]:
    """``table[position][byte]``: pre-formatted operators of every 8-module chunk of a row."""
    return tuple(tuple(_byte_runs(position, value) for value in range(256)) for position in range(chunks))


_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def matrix_operators(matrix: tuple[bytes, ...], x: float, y: float, size: float) -> str:
    """PDF operators filling ``matrix`` into the ``size`` square with lower-left corner (x, y).

    Vector, not an image: PDF viewers smooth a scaled-up image into grey mush that scanners reject
    at screen resolution. The coordinate system is one unit per module; each row is cut into
    8-module chunks whose operators are looked up pre-formatted (no number formatting per code),
    filled, and the origin steps down one row (rows overlap by 2 % so no hairline seams show).
    """
    count = len(matrix)
    chunks = (count + 7) // 8
    table = _chunk_table(chunks)
    module = size / count
    parts = [f"q {module:.5f} 0 0 {module:.5f} {x:.3f} {y + size - module:.3f} cm"]
    for row in matrix:
        packed = int(row.translate(_DIGITS).ljust(8 * chunks, b"0"), 2).to_bytes(chunks, "big")
        ops = " ".join([table[k][v] for k, v in enumerate(packed) if v])
        parts.append(f"{ops} f 1 0 0 1 0 -1 cm" if ops else "1 0 0 1 0 -1 cm")
    parts.append("Q")
    return "\n".join(parts)


def draw_qr(
    canvas: Any, text: str, x: float, y: float, size: float, *, error: str = "m", quiet_zone: bool = False
) -> None:
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
