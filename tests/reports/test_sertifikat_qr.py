"""The fast alphanumeric QR encoder in reports.qr gives exactly segno's modules (mask 0)."""

from __future__ import annotations

import random
import re

import pytest
import segno

from reports.qr import ALPHANUMERIC, matrix_operators, qr_matrix


def _segno(text: str, error: str) -> tuple[bytes, ...]:
    return tuple(bytes(row) for row in segno.make_qr(text, error=error, mask=0, boost_error=False).matrix)


@pytest.mark.parametrize("error", ["l", "m", "q", "h"])
def test_alphanumeric_codes_match_segno_across_versions(error: str) -> None:
    rng = random.Random(error)
    lengths = [1, 2, 3, 10, 25, 26, 47, 48, 100, 200, 295, 296, 500, 900, 1200]
    for length in lengths:
        text = "".join(rng.choice(ALPHANUMERIC) for _ in range(length)).replace(" ", ":") or "A"
        text = text if not text.isdigit() else "A" + text[1:]
        try:
            expected = _segno(text, error)
        except segno.DataOverflowError:
            continue
        assert qr_matrix(text, error) == expected, (length, error)


@pytest.mark.parametrize("text", ["123456", "SRT1:ABC", "Siti Aminah", "kode-007", "Ä"])
def test_other_texts_go_through_segno(text: str) -> None:
    assert qr_matrix(text, "m") == _segno(text, "m")


def test_operators_cover_exactly_the_dark_modules() -> None:
    matrix = qr_matrix("SRT1:" + "AB2C" * 40, "q")
    ops = matrix_operators(matrix, 10, 20, 99)
    rows = ops.split("\n")[1:-1]
    assert len(rows) == len(matrix)
    for row, line in zip(matrix, rows, strict=True):
        covered = bytearray(len(row))
        for start, width in re.findall(r"(\d+) 0 (\d+) 1\.02 re", line):
            covered[int(start) : int(start) + int(width)] = b"\x01" * int(width)
        assert bytes(covered) == row
