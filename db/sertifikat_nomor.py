"""Certificate numbers from the office's pattern, e.g. ``007/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026``.

Pure: no database. The pattern uses Python format fields; only the placeholders in
:data:`PLACEHOLDERS` are allowed and ``{urut}`` is required (it is what makes numbers unique).
:func:`check_pattern` explains a bad pattern in Indonesian, for the profile form.
"""

from __future__ import annotations

import string
from datetime import date

from db.errors import ValidationError
from reports.formatting import bulan_romawi

DEFAULT_PATTERN = "{urut:03d}/{kode}/BIMTEK-POKJANAL/{unit}/{bulan_romawi}/{tahun}"
PLACEHOLDERS = {
    "urut": "nomor urut (angka)",
    "kode": "kode klasifikasi, mis. 400.7",
    "unit": "kode unit pengolah, mis. KEC-MP",
    "bulan_romawi": "bulan dalam angka Romawi (I–XII)",
    "bulan": "bulan dua angka (01–12)",
    "tahun": "tahun empat angka",
}
MAX_LENGTH = 60  # leaves room for name and kegiatan in the 117-byte signed QR record


def _fail(message: str) -> ValidationError:
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
    return ValidationError(
        f"Pola nomor sertifikat tidak sah: {message}. Yang boleh dipakai: {known}.", "pola_nomor"
    )


def check_pattern(pattern: str) -> None:
    """Raise :class:`ValidationError` unless ``pattern`` formats with the known placeholders only."""
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as error:
        raise _fail("kurung kurawal { } tidak berpasangan") from error
    names = [field for _, field, _, _ in parts if field is not None]
    for field in names:
        if field == "":
            raise _fail("ada {} tanpa nama")
        if field not in PLACEHOLDERS:
            raise _fail(f"{{{field}}} tidak dikenal")
    if "urut" not in names:
        raise _fail("{urut} wajib ada agar setiap nomor berbeda")
    try:
        _apply(pattern, 1, "400.7", "KEC", date(2026, 7, 1))
    except (ValueError, TypeError) as error:
        raise _fail(f"format angka salah ({error})") from error


def _apply(pattern: str, urut: int, kode: str, unit: str, tanggal: date) -> str:
    return pattern.format(
        urut=urut,
        kode=kode,
        unit=unit,
        bulan_romawi=bulan_romawi(tanggal.month),
        bulan=f"{tanggal.month:02d}",
        tahun=f"{tanggal.year:04d}",
    )


def format_nomor(pattern: str, urut: int, kode: str, unit: str, tanggal: date) -> str:
    """The certificate number for sequence ``urut`` issued on ``tanggal``."""
    if isinstance(urut, bool) or not isinstance(urut, int) or urut < 1:
        raise ValidationError("Nomor urut sertifikat harus bilangan bulat mulai dari 1.", "urut")
    check_pattern(pattern)
    nomor = _apply(pattern, urut, kode.strip(), unit.strip(), tanggal)
    if len(nomor) > MAX_LENGTH:
        raise ValidationError(f"Nomor sertifikat lebih dari {MAX_LENGTH} karakter: {nomor}", "pola_nomor")
    return nomor
