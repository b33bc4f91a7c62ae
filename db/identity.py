"""NIK, phone numbers and dates as office files write them. Only ValidationError escapes.

- NIK (16 digits ``PP KK CC DDMMYY SSSS``; DD + 40 for women; no check digit): structure and
  province/kabupaten via ``stdnum.id.nik``; birth date and gender derived here.
- Phones: parsed with ``phonenumbers`` (region ID), stored as E.164 (``+6281234567890``), shown as
  ``0812-3456-7890``.
- Dates: real dates, Excel serials (1900 or 1904 epoch), ``21-07-1985``, ``21/7/1985``,
  ``1985-07-21``, ``21 Juli 1985`` / ``21 Jul 1985`` / ``21 July 1985``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db.errors import ValidationError

_SEPARATORS = re.compile(r"[\s.\-_/,']+")


# ---------------------------------------------------------------------------------------- NIK
@dataclass(frozen=True)
class NikInfo:
    nik: str
    tanggal_lahir: date
    jenis_kelamin: str  # "L" or "P"
    kode_kecamatan: str  # "18.72.04"


def clean_nik(value: object) -> str:
    """Strip spaces, dots, dashes and a leading apostrophe; never raises."""
    text = "" if value is None else str(value)
    return _SEPARATORS.sub("", text.strip().lstrip("'`’")).strip()


def _birth_date(day: int, month: int, yy: int, today: date) -> date:
    for century in (2000, 1900):
        year = century + yy
        if year > today.year:
            continue
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValidationError("Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) tidak sah.", "nik")


def parse_nik(value: object, *, field: str = "nik", today: date | None = None) -> NikInfo:
    """Validate a NIK; return it with the birth date, gender and kecamatan it encodes."""
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.id import nik as stdnum_nik

    nik = clean_nik(value)
    if not nik:
        raise ValidationError("NIK kosong.", field)
    if not nik.isdigit():
        raise ValidationError("NIK hanya boleh berisi angka.", field)
    if len(nik) != 16:
        raise ValidationError(f"NIK harus 16 angka (tertulis {len(nik)} angka).", field)
    if nik.endswith("0000"):
        raise ValidationError("Nomor urut NIK (4 angka terakhir) tidak boleh 0000.", field)
    day_code, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    gender = "P" if day_code > 40 else "L"
    day = day_code - 40 if day_code > 40 else day_code
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise ValidationError("Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) tidak sah.", field)
    born = _birth_date(day, month, yy, today or date.today())
    try:
        stdnum_nik._check_registration_place(nik)  # province + kab/kota are known
    except (StdnumError, LookupError, IndexError, TypeError):
        raise ValidationError(
            "Kode provinsi/kabupaten pada NIK (4 angka pertama) tidak dikenal.", field
        ) from None
    return NikInfo(nik, born, gender, f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}")


def nik_mismatches(info: NikInfo, tanggal_lahir: date | None, jenis_kelamin: str) -> list[str]:
    """Warnings (the user may accept them) when the NIK disagrees with the entered data."""
    warnings = []
    if tanggal_lahir and tanggal_lahir != info.tanggal_lahir:
        warnings.append(
            f"Tanggal lahir {tanggal_lahir:%d-%m-%Y} tidak sama dengan yang tersirat di NIK "
            f"({info.tanggal_lahir:%d-%m-%Y})."
        )
    if jenis_kelamin in ("L", "P") and jenis_kelamin != info.jenis_kelamin:
        tersirat = "perempuan" if info.jenis_kelamin == "P" else "laki-laki"
        warnings.append(f"Jenis kelamin tidak sama dengan yang tersirat di NIK ({tersirat}).")
    return warnings


# ------------------------------------------------------------------------------------- phones
def normalise_phone(value: object, *, field: str = "hp") -> str:
    """Return E.164 (``+6281234567890``) or ``""`` for an empty cell.

    A number stored by Excel as a number lost its leading 0 (``81234567890``): it is restored.
    """
    import phonenumbers

    if value is None or value == "":
        return ""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            raise ValidationError("Nomor HP tidak sah.", field)
        value = int(value)
    text = str(value).strip()
    if not text or text in ("-", "–"):
        return ""
    digits = re.sub(r"[^\d+]", "", text)
    if isinstance(value, int) or (digits.startswith("8") and 9 <= len(digits) <= 13):
        digits = "0" + digits.lstrip("0")
    if not re.fullmatch(r"\+?\d{6,15}", digits):
        raise ValidationError("Nomor HP hanya boleh berisi angka, spasi, tanda - dan +.", field)
    try:
        number = phonenumbers.parse(digits, "ID")
    except phonenumbers.NumberParseException:
        raise ValidationError("Nomor HP tidak dapat dibaca.", field) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(f"Nomor HP {text} tidak sah untuk Indonesia.", field)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """``+6281234567890`` → ``0812-3456-7890``; other forms are returned unchanged."""
    if not e164.startswith("+62"):
        return e164
    national = "0" + e164[3:]
    if national.startswith("08"):
        head, rest = national[:4], national[4:]
        groups = [rest[i : i + 4] for i in range(0, len(rest), 4)]
        if len(groups) > 1 and len(groups[-1]) < 3:
            groups[-2:] = [groups[-2] + groups[-1]]
        return "-".join([head, *groups])
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return national
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


# -------------------------------------------------------------------------------------- dates
_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2, "peb": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_WORDY = re.compile(r"^(\d{1,2})\s*[-/ ]\s*([A-Za-z]+)\.?\s*[-/ ]\s*(\d{4})$")
_EXCEL_1900 = date(1899, 12, 30)
_EXCEL_1904 = date(1904, 1, 1)


def _make_date(year: int, month: int, day: int, field: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"Tanggal {day:02d}-{month:02d}-{year} tidak ada di kalender.", field) from None


def parse_date(value: object, *, field: str = "tanggal", epoch_1904: bool = False) -> date | None:
    """Read a date from a cell or text; ``None`` for an empty value."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValidationError("Tanggal tidak sah.", field)
    if isinstance(value, (int, float)):
        if value != value or not 1 <= value < 2_958_466:  # NaN or outside Excel's range
            raise ValidationError("Angka tanggal Excel di luar rentang.", field)
        base = _EXCEL_1904 if epoch_1904 else _EXCEL_1900
        return base + timedelta(days=int(value))
    text = " ".join(str(value).split())
    if not text or text in ("-", "–"):
        return None
    if match := _ISO.match(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), field)
    if match := _NUMERIC_DMY.match(text):
        year = int(match[3])
        if year < 100:
            year += 2000 if year <= date.today().year % 100 else 1900
        return _make_date(year, int(match[2]), int(match[1]), field)
    if match := _WORDY.match(text):
        month = _MONTHS.get(match[2].lower())
        if month is None:
            raise ValidationError(f"Nama bulan '{match[2]}' tidak dikenal.", field)
        return _make_date(int(match[3]), month, int(match[1]), field)
    raise ValidationError(f"Tanggal '{text[:40]}' tidak dapat dibaca (contoh: 21-07-1985).", field)
