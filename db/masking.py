"""Masking of personal numbers (NIK, phone) for lists, printouts, logs and the audit trail."""

from __future__ import annotations

import re
from typing import Any

SENSITIVE_FIELDS = frozenset({"nik", "hp", "no_hp", "telepon", "nip_nik"})
_DIGITS = re.compile(r"\d")


def mask_nik(nik: str) -> str:
    """``1872014107850004`` → ``1872••••••••0004`` (region code and serial stay readable)."""
    nik = (nik or "").strip()
    if len(nik) < 8:
        return "•" * len(nik)
    return nik[:4] + "•" * (len(nik) - 8) + nik[-4:]


def mask_phone(phone: str) -> str:
    """Keep the last three digits: ``+6281234567890`` → ``•••••••••••890``."""
    phone = (phone or "").strip()
    keep = 3
    count = len(_DIGITS.findall(phone))
    seen = 0
    out = []
    for char in phone:
        if char.isdigit():
            seen += 1
            out.append(char if seen > count - keep else "•")
        else:
            out.append(char)
    return "".join(out)


def mask_value(field: str, value: Any) -> Any:
    """Mask ``value`` if ``field`` names personal data; pairs (old, new) are masked element-wise."""
    if field not in SENSITIVE_FIELDS:
        return value
    if isinstance(value, (list, tuple)):
        return [mask_value(field, v) for v in value]
    if value in (None, ""):
        return value
    text = str(value)
    return mask_nik(text) if field.startswith("nik") else mask_phone(text)


_SEP = r"[ .\-]"
# A digit not preceded by a digit, nor by a digit and one separator (fixed-width look-behinds).
_START = r"(?<!\d)(?<!\d[ .\-])"
_END = r"(?![ .\-]?\d)"
# 15–20 digits: a NIK with a digit missing or doubled still identifies the person.
_NIK_IN_TEXT = re.compile(r"(?<!\d)\d{15,20}(?!\d)")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+62|62|0)8\d{7,11}(?!\d)")
# Written with spaces, dots or dashes: "1872 0141 0785 0004", "18.72.01.410785.0004",
# "+62 812-3456-7890". Checked after the plain forms so a NIK next to a phone number is not
# read as one long run.
_NIK_SPACED = re.compile(_START + r"\d(?:" + _SEP + r"?\d){14,16}" + _END)
_PHONE_SPACED = re.compile(_START + r"(?:\+62|62|0)" + _SEP + r"?8(?:" + _SEP + r"?\d){7,11}" + _END)


def _mask_nik_digits(text: str) -> str:
    """Mask all but the first and last four digits of a NIK, keeping any separators in place."""
    total = sum(char.isdigit() for char in text)
    out, seen = [], 0
    for char in text:
        if char.isdigit():
            seen += 1
            out.append("•" if 4 < seen <= total - 4 else char)
        else:
            out.append(char)
    return "".join(out)


def scrub_text(text: str) -> str:
    """Mask NIKs (16 digits, also spaced or dotted) and Indonesian mobile numbers in free text.

    Used on every log record and crash report; masking a harmless number by mistake is fine,
    leaking a NIK is not.
    """
    text = _NIK_IN_TEXT.sub(lambda m: _mask_nik_digits(m.group(0)), text)
    text = _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)
    text = _NIK_SPACED.sub(lambda m: _mask_nik_digits(m.group(0)), text)
    return _PHONE_SPACED.sub(lambda m: mask_phone(m.group(0)), text)
