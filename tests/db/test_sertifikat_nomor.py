"""Certificate numbers from the office pattern (Roman month) and clear errors for bad patterns."""

from __future__ import annotations

from datetime import date

import pytest

from db.errors import ValidationError
from db.sertifikat_nomor import DEFAULT_PATTERN, check_pattern, format_nomor


def test_default_pattern() -> None:
    assert (
        format_nomor(DEFAULT_PATTERN, 7, "400.7", "KEC-MP", date(2026, 7, 21))
        == "007/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026"
    )
    assert format_nomor(DEFAULT_PATTERN, 1234, "400.7", "KEC-MP", date(2026, 12, 1)).startswith("1234/")
    plain = format_nomor("{kode}/{urut}/{bulan}/{tahun}", 5, "445.8", "X", date(2026, 2, 3))
    assert plain == "445.8/5/02/2026"


@pytest.mark.parametrize(
    "pattern, fragment",
    [
        ("{nomor}/{tahun}", "{nomor} tidak dikenal"),
        ("{kode}/{tahun}", "{urut} wajib ada"),
        ("{urut/{tahun}", "tidak berpasangan"),
        ("{}/{urut}", "tanpa nama"),
        ("{urut:03x}{kode:d}", "format angka salah"),
        ("{urut.real}", "tidak dikenal"),
    ],
)
def test_bad_patterns_are_explained(pattern: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as error:
        check_pattern(pattern)
    assert fragment in str(error.value) and "{bulan_romawi}" in str(error.value)


@pytest.mark.parametrize("urut", [0, -1, True, 1.5])
def test_sequence_must_be_a_positive_integer(urut: object) -> None:
    with pytest.raises(ValidationError, match="Nomor urut"):
        format_nomor(DEFAULT_PATTERN, urut, "400.7", "KEC", date(2026, 1, 1))  # type: ignore[arg-type]


def test_overlong_number_is_refused() -> None:
    with pytest.raises(ValidationError, match="lebih dari 60"):
        format_nomor(DEFAULT_PATTERN, 1, "4" * 60, "KEC", date(2026, 1, 1))
