"""Indonesian formats exactly as printed (Babel id_ID, never the OS locale)."""

from __future__ import annotations

import locale
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from reports import formatting as f

FRIDAY = date(2023, 7, 21)


def test_dates() -> None:
    assert f.tanggal_panjang(FRIDAY) == "Jumat, 21 Juli 2023"
    assert f.tanggal_panjang(date(2025, 8, 17)) == "Minggu, 17 Agustus 2025"
    assert f.tanggal_panjang(date(2026, 12, 7)) == "Senin, 7 Desember 2026"
    assert f.tanggal(FRIDAY) == "21 Juli 2023"
    assert f.tanggal(date(2026, 1, 5)) == "5 Januari 2026"
    assert f.hari(FRIDAY) == "Jumat"
    assert f.hari(date(2023, 7, 24)) == "Senin"
    assert f.tempat_tanggal("Metro", FRIDAY) == "Metro, 21 Juli 2023"
    assert f.tempat_tanggal("  ", FRIDAY) == "21 Juli 2023"


def test_date_ranges() -> None:
    assert f.rentang_tanggal(date(2025, 10, 1), date(2025, 10, 3)) == "1–3 Oktober 2025"
    assert f.rentang_tanggal(date(2025, 9, 30), date(2025, 10, 2)) == "30 September – 2 Oktober 2025"
    assert f.rentang_tanggal(date(2025, 12, 30), date(2026, 1, 2)) == "30 Desember 2025 – 2 Januari 2026"
    assert f.rentang_tanggal(FRIDAY, FRIDAY) == "21 Juli 2023"


def test_times() -> None:
    assert f.jam(time(9, 0)) == "09.00 WIB"
    assert f.jam(time(13, 5), "WITA") == "13.05 WITA"
    assert f.jam(datetime(2023, 7, 21, 7, 30), "") == "07.30"


def test_numbers_and_money() -> None:
    assert f.angka(1250000.5) == "1.250.000,5"
    assert f.angka(230) == "230"
    assert f.angka(1250000, 2) == "1.250.000,00"
    assert f.angka(Decimal("0.5"), 0) == "0"  # half-even, as Babel rounds
    assert f.rupiah(1250000) == "Rp1.250.000"
    assert f.rupiah(1250000, decimals=True) == "Rp1.250.000,00"
    assert f.rupiah(Decimal("1500.5"), decimals=True) == "Rp1.500,50"
    assert f.rupiah(-5000) == "-Rp5.000"


def test_roman_months_and_terbilang() -> None:
    assert [f.bulan_romawi(m) for m in (1, 4, 7, 9, 12)] == ["I", "IV", "VII", "IX", "XII"]
    with pytest.raises(ValueError):
        f.bulan_romawi(13)
    assert f.terbilang(230) == "dua ratus tiga puluh"
    assert f.terbilang(1250000) == "satu juta dua ratus lima puluh ribu"


def test_os_locale_is_ignored() -> None:
    """An English (or any) process locale must not leak into the printed strings."""
    previous = locale.setlocale(locale.LC_ALL)
    try:
        for name in ("en_US.UTF-8", "C.UTF-8"):
            try:
                locale.setlocale(locale.LC_ALL, name)
                break
            except locale.Error:
                continue
        else:
            pytest.skip("no alternative locale available")
        assert f.tanggal_panjang(FRIDAY) == "Jumat, 21 Juli 2023"
        assert f.angka(1250000.5) == "1.250.000,5"
    finally:
        locale.setlocale(locale.LC_ALL, previous)
