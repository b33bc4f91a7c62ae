"""Choice lists and small normalisers shared by the posyandu and kader services.

The UI fills its combo boxes from these tuples and the Excel importer maps office spellings
("Laki-laki", "kader", "RT 03") through the same functions, so a value means the same thing
whichever way it entered the registry.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from db.errors import ValidationError

STRATA = ("Pratama", "Madya", "Purnama", "Mandiri")
STATUS_KADER = ("aktif", "nonaktif", "pindah", "meninggal")
TINGKATAN = ("Purwa", "Madya", "Utama")
JABATAN = ("Ketua", "Sekretaris", "Bendahara", "Ketua Bidang", "Anggota")
BIDANG_SPM = ("Kesehatan", "Pendidikan", "Pekerjaan Umum", "Perumahan Rakyat", "Trantibumlinmas", "Sosial")
AGAMA = ("Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu", "Kepercayaan")
PENDIDIKAN = ("Tidak sekolah", "SD", "SMP", "SMA/SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}

_GENDER_ALIASES = {
    "l": "L",
    "lk": "L",
    "laki": "L",
    "lakilaki": "L",
    "pria": "L",
    "m": "L",
    "male": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
    "f": "P",
    "female": "P",
    "w": "P",
}
_JABATAN_ALIASES = {
    "kader": "Anggota",
    "anggota": "Anggota",
    "ketua": "Ketua",
    "sekretaris": "Sekretaris",
    "sekertaris": "Sekretaris",
    "bendahara": "Bendahara",
    "ketuabidang": "Ketua Bidang",
    "kabid": "Ketua Bidang",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_RT_RW = re.compile(r"^(?:rt|rw)?[\s.:/]*0*(\d{1,3})$", re.IGNORECASE)


def clean_text(value: object, *, limit: int = 300) -> str:
    """NFC, no control characters, single spaces, at most ``limit`` characters."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    return " ".join(_CONTROL.sub(" ", text).split())[:limit]


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def choose(value: object, choices: tuple[str, ...], field: str, label: str, *, empty_ok: bool = True) -> str:
    """The entry of ``choices`` equal to ``value`` ignoring case and spacing; "" if allowed."""
    text = clean_text(value)
    if not text and empty_ok:
        return ""
    for choice in choices:
        if _key(choice) == _key(text):
            return choice
    raise ValidationError(f"{label} harus salah satu dari: {', '.join(choices)}.", field)


def normalise_gender(value: object, field: str = "jenis_kelamin") -> str:
    """``"L"``, ``"P"`` or ``""`` from L/P/Laki-laki/Perempuan/Pria/Wanita…"""
    text = clean_text(value)
    if not text:
        return ""
    found = _GENDER_ALIASES.get(_key(text))
    if found is None:
        raise ValidationError("Jenis kelamin harus L (laki-laki) atau P (perempuan).", field)
    return found


def normalise_jabatan(value: object, bidang: str = "") -> tuple[str, str]:
    """(jabatan, bidang): "Kader" → Anggota; "Ketua Bidang Kesehatan" → (Ketua Bidang, Kesehatan)."""
    text = clean_text(value)
    if not text:
        return "Anggota", bidang
    key = _key(text)
    if key in _JABATAN_ALIASES:
        return _JABATAN_ALIASES[key], bidang
    for prefix in ("ketuabidang", "kabid"):
        if key.startswith(prefix):
            rest = re.sub(r"^(ketua\s+bidang|kabid)\.?\s*", "", text, flags=re.IGNORECASE)
            return "Ketua Bidang", bidang or clean_text(rest)
    raise ValidationError(f"Jabatan harus salah satu dari: {', '.join(JABATAN)}.", "jabatan")


def normalise_rt_rw(value: object, field: str) -> str:
    """``"3"``, ``"RT 03"``, ``3.0`` → ``"003"``; "" for empty; 1–3 digits otherwise an error."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean_text(value)
    if not text or text == "-":
        return ""
    match = _RT_RW.match(text)
    if match is None:
        raise ValidationError(f"{field.upper()} harus berupa angka (contoh: 003).", field)
    return f"{int(match[1]):03d}"


def kelurahan_code(value: object, field: str = "kode_wilayah", *, required: bool = True) -> str:
    """A known desa/kelurahan code in dotted form (``18.72.04.1001``); "" if optional and empty."""
    text = clean_text(value)
    if not text:
        if required:
            raise ValidationError("Kelurahan/desa wajib dipilih.", field)
        return ""
    from db import wilayah  # the wilayah index module: not on the way to the first page

    found = wilayah.get(text)
    if found is None or found.tingkat != wilayah.DESA:
        raise ValidationError(f"Kode {text} bukan kode kelurahan/desa Kemendagri yang dikenal.", field)
    return found.kode


def check_past_date(value: date | None, field: str, label: str) -> None:
    """Dates of birth, SK and start of service cannot lie in the future or before 1900."""
    if value is not None and not date(1900, 1, 1) <= value <= date.today():
        raise ValidationError(f"{label} {value:%d-%m-%Y} tidak masuk akal.", field)


def age_on(born: date | None, today: date | None = None) -> int | None:
    if born is None:
        return None
    today = today or date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
