"""Validation and normalisation of identity numbers. Only :class:`ValidationError` escapes.

NIP (Perka BKN 22/2007): 18 digits ``YYYYMMDD YYYYMM G NNN`` — birth date, TMT CPNS year-month,
gender (1 = laki-laki, 2 = perempuan), serial. NI PPPK has the same length; its inner split is not
standardised, so for PPPK only length and birth date are checked.
"""

from __future__ import annotations

import re
from datetime import date

from db.errors import ValidationError

_NON_DIGIT = re.compile(r"[\s.\-']")
_ASCII_DIGITS = re.compile(r"[0-9]+")
_EIGHTEEN_DIGITS = re.compile(r"[0-9]{18}")  # ASCII only: str.isdigit() also accepts "²" and "١"


def normalise_nip(text: str, *, jenis_pegawai: str = "PNS", field: str = "nip") -> str:
    """Return the 18 digits of a NIP, or ``""`` for an empty entry; raise on a malformed one."""
    raw = _NON_DIGIT.sub("", str(text or "")).removeprefix("NIP").removeprefix("nip")
    raw = raw.strip()
    if not raw:
        return ""
    if not _EIGHTEEN_DIGITS.fullmatch(raw):
        if not _ASCII_DIGITS.fullmatch(raw):
            raise ValidationError("NIP hanya boleh berisi angka 0–9.", field)
        raise ValidationError(f"NIP harus 18 angka (tertulis {len(raw)} angka).", field)
    try:
        date(int(raw[0:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        raise ValidationError("8 angka pertama NIP harus tanggal lahir yang sah (TTTTBBHH).", field) from None
    if jenis_pegawai == "PNS":
        month = int(raw[12:14])
        if not 1 <= month <= 12:
            raise ValidationError("Angka ke-13–14 NIP (bulan TMT CPNS) harus 01–12.", field)
        if raw[14] not in "12":
            raise ValidationError("Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.", field)
    return raw


def format_nip(nip: str) -> str:
    """``198609262015051001`` → ``19860926 201505 1 001`` (as printed under a signature)."""
    if not _EIGHTEEN_DIGITS.fullmatch(nip or ""):
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
