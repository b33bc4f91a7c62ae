"""Lokus of a rencana aksi: a list of places, each a kelurahan/desa code or ``posyandu:<id>``.

Stored as a JSON list of those keys; shown and exported by name ("Kel. Yosodadi", "Posyandu
Mawar") and read back from names on import, matched within the office's kecamatan first.
"""

from __future__ import annotations

import json
import re

from db import wilayah
from db.database import db
from db.errors import ValidationError
from db.services.registry_fields import clean_text

POSYANDU_PREFIX = "posyandu:"
SEPARATOR = "; "
_POSYANDU_WORD = re.compile(r"^(?:posyandu|psy)\b\.?\s*", re.IGNORECASE)


def posyandu_key(posyandu_id: int) -> str:
    return f"{POSYANDU_PREFIX}{int(posyandu_id)}"


def clean_lokus(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Validated keys without repeats; :class:`ValidationError` names the first unknown place."""
    clean: list[str] = []
    for value in values:
        key = _checked_key(str(value).strip())
        if key and key not in clean:
            clean.append(key)
    return tuple(clean)


def _checked_key(value: str) -> str:
    if not value:
        return ""
    if value.startswith(POSYANDU_PREFIX):
        number = value[len(POSYANDU_PREFIX) :]
        if (
            number.isdigit()
            and db.execute_sql("SELECT 1 FROM posyandu WHERE id = ?", (int(number),)).fetchone()
        ):
            return posyandu_key(int(number))
        raise ValidationError("Posyandu pada lokus tidak ditemukan.", "lokus")
    kode = wilayah.to_dotted(value)
    if kode and wilayah.get(kode) is not None:
        return kode
    raise ValidationError(f"Lokus {value!r} bukan kode wilayah yang dikenal.", "lokus")


def encode(keys: tuple[str, ...]) -> str:
    return json.dumps(list(keys), ensure_ascii=False)


def decode(text: str | None) -> tuple[str, ...]:
    try:
        values = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in values) if isinstance(values, list) else ()


def label(key: str, posyandu_names: dict[int, str] | None = None) -> str:
    """Printed name of one place; an unknown key is shown as stored (never dropped silently)."""
    if key.startswith(POSYANDU_PREFIX):
        number = key[len(POSYANDU_PREFIX) :]
        names = posyandu_names if posyandu_names is not None else posyandu_name_map()
        name = names.get(int(number)) if number.isdigit() else None
        if name is None:
            return key
        return name if _POSYANDU_WORD.match(name) else f"Posyandu {name}"
    region = wilayah.get(key)
    if region is None:
        return key
    prefix = {"Kelurahan": "Kel.", "Desa": "Desa", "Kecamatan": "Kec."}.get(region.jenis, region.jenis)
    return f"{prefix} {region.nama_pendek}"


def labels(keys: tuple[str, ...], posyandu_names: dict[int, str] | None = None) -> tuple[str, ...]:
    names = posyandu_names if posyandu_names is not None else posyandu_name_map()
    return tuple(label(k, names) for k in keys)


def posyandu_name_map() -> dict[int, str]:
    return {int(r[0]): r[1] for r in db.execute_sql("SELECT id, nama FROM posyandu")}


def parse_names(text: object, within: str = "") -> tuple[str, ...]:
    """Keys from a "; "-separated list of names or codes (the export's Lokus cell).

    A posyandu is matched by its name (with or without the word "Posyandu"), a region by code or
    by its name under ``within`` (the kecamatan code). Raises :class:`ValidationError` otherwise.
    """
    keys: list[str] = []
    names = {_name_key(n): i for i, n in posyandu_name_map().items()}
    for part in re.split(r"[;\n]", clean_text(text, limit=4000)):
        part = part.strip()
        if not part:
            continue
        key = _key_for_name(part, names, within)
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def _name_key(name: str) -> str:
    return " ".join(_POSYANDU_WORD.sub("", name).casefold().split())


def _key_for_name(part: str, posyandu: dict[str, int], within: str) -> str:
    kode = wilayah.to_dotted(part)
    if kode and wilayah.get(kode) is not None:
        return kode
    if _POSYANDU_WORD.match(part) and _name_key(part) in posyandu:
        return posyandu_key(posyandu[_name_key(part)])
    found = wilayah.match(re.sub(r"^(kel\.|desa)\s*", "", part, flags=re.IGNORECASE), within)
    if found.certain and found.best is not None:
        return found.best.kode
    if _name_key(part) in posyandu:
        return posyandu_key(posyandu[_name_key(part)])
    raise ValidationError(
        f"Lokus {part!r} tidak dikenali (bukan kelurahan/desa kecamatan ini atau posyandu).", "lokus"
    )
