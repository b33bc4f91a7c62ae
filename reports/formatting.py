"""Indonesian dates, times and numbers for print, always through Babel ``id_ID``.

Never the OS locale: offices often run an English Windows, and a letter must still say
"Jumat, 21 Juli 2023". Every function returns the exact string printed on paper.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

LOCALE = "id_ID"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
Number = int | float | Decimal


def tanggal_panjang(value: date) -> str:
    """``Jumat, 21 Juli 2023`` (hari, tanggal); ``Senin, 7 Desember 2026`` without a leading zero.

    Babel's ``full`` pattern for ``id_ID`` pads the day (``07``) while ``long`` does not, so one
    letter would print ``Senin, 07 Desember`` beside ``Metro, 7 Desember``.
    """
    return f"{hari(value)}, {tanggal(value)}"


def tanggal(value: date) -> str:
    """``21 Juli 2023``."""
    return format_date(value, "long", locale=LOCALE)


def hari(value: date) -> str:
    """``Jumat``."""
    return format_date(value, "EEEE", locale=LOCALE)


def tempat_tanggal(place: str, value: date) -> str:
    """The line above a signature: ``Metro, 21 Juli 2023`` (just the date when no place is set)."""
    place = place.strip()
    return f"{place}, {tanggal(value)}" if place else tanggal(value)


def rentang_tanggal(start: date, end: date) -> str:
    """``1–3 Oktober 2025``, ``30 September – 2 Oktober 2025``, or one date when start == end."""
    if end <= start:
        return tanggal(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{tanggal(end)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=LOCALE)} – {tanggal(end)}"
    return f"{tanggal(start)} – {tanggal(end)}"


def jam(value: time | datetime, zona: str = "WIB") -> str:
    """``09.00 WIB`` (24-hour clock with a dot; no zone when ``zona`` is empty)."""
    text = format_time(value, "HH.mm", locale=LOCALE)
    return f"{text} {zona}".strip() if zona else text


def angka(value: Number, decimals: int | None = None) -> str:
    """``1.250.000,5``; with ``decimals`` a fixed number of decimal places (``1.250.000,50``)."""
    if decimals is None:
        return format_decimal(value, locale=LOCALE)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def rupiah(value: Number, *, decimals: bool = False) -> str:
    """``Rp1.250.000``; with ``decimals=True`` ``Rp1.250.000,00``."""
    pattern = "¤#,##0.00" if decimals else "¤#,##0"
    return format_currency(value, "IDR", format=pattern, locale=LOCALE, currency_digits=False)


def bulan_romawi(month: int) -> str:
    """``7`` → ``VII`` (document numbers such as ``001/BIMTEK/VII/2026``)."""
    if not 1 <= int(month) <= 12:
        raise ValueError(f"bulan harus 1–12, bukan {month!r}")
    return _ROMAN[int(month) - 1]


def terbilang(value: int) -> str:
    """``230`` → ``dua ratus tiga puluh`` (num2words, Indonesian)."""
    from num2words import num2words

    return num2words(int(value), lang="id")
