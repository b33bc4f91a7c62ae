"""Cleaning of single cell values as office files hold them (no knowledge of kader fields)."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime

EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ESCAPED_CONTROL = re.compile(r"_x00[01][0-9A-Fa-f]_")  # OOXML escape of a control character


def excel_error(value: object) -> str:
    """The Excel error code a cell shows (``#N/A``), or ""."""
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        return value.strip().upper()
    return ""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def clean_text(value: object) -> str:
    """Text of a cell: NFC, control and bidi characters removed, whitespace collapsed.

    Whole numbers come back without ``.0``; dates as ``DD-MM-YYYY``; booleans as "".
    """
    if isinstance(value, str) and value.isascii() and value.isprintable() and "_x" not in value:
        return " ".join(value.split())  # the common case, without the regex work below
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        value = int(value) if value.is_integer() else value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    text = _ESCAPED_CONTROL.sub(" ", str(value))
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


_TTL = re.compile(r"^(.*?)[\s,;/]*(\d{1,2}\s*[-/. ]\s*[A-Za-z0-9]+\.?\s*[-/. ]\s*\d{2,4})$")


def split_ttl(value: object) -> tuple[str, object]:
    """ "Metro, 21-07-1985" → ("Metro", "21-07-1985"); a real date cell → ("", date)."""
    if isinstance(value, (date, datetime, int, float)) and not isinstance(value, bool):
        return "", value
    text = clean_text(value)
    if not text:
        return "", None
    match = _TTL.match(text)
    if match:
        return match[1].strip(" ,;/"), match[2]
    if "," in text:
        place, _, rest = text.rpartition(",")
        return place.strip(), rest.strip()
    return text, None
