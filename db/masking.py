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


_NIK_IN_TEXT = re.compile(r"(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)")
_PHONE_IN_TEXT = re.compile(r"(?<![\d])(\+62|62|0)8\d{7,11}(?!\d)")


def scrub_text(text: str) -> str:
    """Mask any 16-digit run (NIK) and Indonesian mobile number found in free text (for logs)."""
    text = _NIK_IN_TEXT.sub(lambda m: m.group(1) + "•" * 8 + m.group(2), text)
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)
