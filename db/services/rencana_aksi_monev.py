"""Monev (monitoring and evaluation) entries of a rencana aksi, the item's progress and due flags.

The progress of an item is its latest entry (by tanggal, then id). A proof file (``bukti``) is
copied into ``<data folder>/bukti/`` under a safe generated name, so the entry never depends on
the original path (a USB stick, a phone) and the relative path travels with the data folder
and its backups.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.models import RencanaAksiMonev
from db.services.registry_fields import clean_text
from db.services.rencana_aksi import get_rencana_aksi
from db.services.rencana_aksi_rules import SEGERA_HARI, is_segera, is_terlambat, persen_of  # noqa: F401 - the flags

BUKTI_DIR = "bukti"
MAX_BUKTI_BYTES = 25 * 1024 * 1024
_SAFE = re.compile(r"[^a-z0-9]+")
_MONEV_COLUMNS = (
    "id",
    "rencana_aksi_id",
    "tanggal",
    "periode",
    "realisasi_nilai",
    "realisasi_persen",
    "kendala",
    "tindak_lanjut",
    "bukti_path",
    "dicatat_oleh",
    "dibuat",
)


@dataclass(frozen=True)
class MonevForm:
    """One monitoring visit/report. ``realisasi_persen`` 0–100 (may be left out when a value and
    the item's target give it)."""

    rencana_aksi_id: int
    tanggal: date
    periode: str = ""
    realisasi_nilai: float | None = None
    realisasi_persen: float | None = None
    kendala: str = ""
    tindak_lanjut: str = ""
    dicatat_oleh: str = ""  # "" = the current operator


@dataclass(frozen=True)
class MonevRow:
    id: int
    rencana_aksi_id: int
    tanggal: date
    periode: str
    realisasi_nilai: float | None
    realisasi_persen: float | None
    kendala: str
    tindak_lanjut: str
    bukti_path: str  # relative to the data folder, "" = none
    dicatat_oleh: str
    dibuat: str


# ------------------------------------------------------------------------------- write
def check_monev(form: MonevForm) -> MonevForm:
    problems: dict[str, str] = {}
    if not isinstance(form.tanggal, date):
        problems["tanggal"] = "Tanggal monev wajib diisi."
    numbers: dict[str, float | None] = {}
    for name, label in (("realisasi_nilai", "Realisasi"), ("realisasi_persen", "Realisasi (%)")):
        value = getattr(form, name)
        try:
            numbers[name] = None if value in (None, "") else float(value)
        except (TypeError, ValueError):
            problems[name] = f"{label} harus berupa angka."
            continue
        if numbers[name] is not None and numbers[name] < 0:
            problems[name] = f"{label} tidak boleh negatif."
    persen = numbers.get("realisasi_persen")
    if persen is not None and persen > 100:
        problems["realisasi_persen"] = "Realisasi (%) paling tinggi 100."
    if problems:
        raise ValidationError(problems)
    return MonevForm(
        rencana_aksi_id=int(form.rencana_aksi_id),
        tanggal=form.tanggal,
        periode=clean_text(form.periode, limit=100),
        kendala=clean_text(form.kendala, limit=2000),
        tindak_lanjut=clean_text(form.tindak_lanjut, limit=2000),
        dicatat_oleh=clean_text(form.dicatat_oleh, limit=150) or audit.operator(),
        **numbers,
    )


def _safe_name(item_id: int, tanggal: date, source: Path) -> str:
    stem = unicodedata.normalize("NFKD", source.stem).encode("ascii", "ignore").decode().lower()
    stem = _SAFE.sub("-", stem).strip("-")[:40] or "bukti"
    suffix = _SAFE.sub("", source.suffix.lower())[:8]
    return f"ra{item_id}-{tanggal:%Y%m%d}-{stem}" + (f".{suffix}" if suffix else "")


def copy_bukti(source: str | Path, data_root: str | Path, item_id: int, tanggal: date) -> str:
    """Copy a proof file into ``<data_root>/bukti/``; return the relative path stored."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"Berkas bukti {source.name} tidak ditemukan.", "bukti")
    if source.stat().st_size > MAX_BUKTI_BYTES:
        raise ValidationError(
            "Berkas bukti lebih dari 25 MB; perkecil dulu (misalnya foto beresolusi lebih rendah).", "bukti"
        )
    folder = Path(data_root) / BUKTI_DIR
    folder.mkdir(parents=True, exist_ok=True)
    name = _safe_name(item_id, tanggal, source)
    target, n = folder / name, 1
    while target.exists():
        n += 1
        base, dot, ext = name.partition(".")
        target = folder / (f"{base}-{n}{dot}{ext}")
    shutil.copy2(source, target)
    return f"{BUKTI_DIR}/{target.name}"


def bukti_file(data_root: str | Path, bukti_path: str) -> Path | None:
    """The absolute path of an entry's proof (for "Buka bukti"), None when none or missing.
    A stored path that climbs out of the data folder is refused (a hand-edited database)."""
    if not bukti_path:
        return None
    root = Path(data_root).resolve()
    target = (root / bukti_path).resolve()
    if root not in target.parents or not target.is_file():
        return None
    return target


def add_monev(
    form: MonevForm, *, bukti: str | Path | None = None, data_root: str | Path | None = None
) -> int:
    """Record an entry (copying ``bukti`` into ``data_root``/bukti first); return its id."""
    clean = check_monev(form)
    item = get_rencana_aksi(clean.rencana_aksi_id)
    relative = ""
    if bukti:
        if data_root is None:
            raise ValidationError("Folder data tidak diketahui; bukti tidak dapat disimpan.", "bukti")
        relative = copy_bukti(bukti, data_root, clean.rencana_aksi_id, clean.tanggal)
    values: dict[str, Any] = {
        "rencana_aksi": clean.rencana_aksi_id,
        "tanggal": clean.tanggal,
        "periode": clean.periode,
        "realisasi_nilai": clean.realisasi_nilai,
        "realisasi_persen": clean.realisasi_persen,
        "kendala": clean.kendala,
        "tindak_lanjut": clean.tindak_lanjut,
        "bukti_path": relative,
        "dicatat_oleh": clean.dicatat_oleh,
        "dibuat": audit.now_iso(),
    }
    try:
        with db.atomic():
            entry_id = int(RencanaAksiMonev.insert(**values).execute())
            changes = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}
            audit.record("tambah", "rencana_aksi_monev", entry_id, changes, item.aksi[:120])
    except Exception:
        if relative:
            (Path(data_root) / relative).unlink(missing_ok=True)  # type: ignore[arg-type]
        raise
    return entry_id


def delete_monev(entry_id: int) -> None:
    """Remove an entry (its bukti file stays in the data folder, like a deleted item's)."""
    with db.atomic():
        row = get_monev(entry_id)
        RencanaAksiMonev.delete().where(RencanaAksiMonev.id == entry_id).execute()
        audit.record(
            "hapus",
            "rencana_aksi_monev",
            entry_id,
            {"rencana_aksi_id": row.rencana_aksi_id, "tanggal": row.tanggal.isoformat()},
            row.periode,
        )


# ------------------------------------------------------------------------------- read
def _row(values: tuple) -> MonevRow:
    data = dict(zip(_MONEV_COLUMNS, values, strict=True))
    data["tanggal"] = date.fromisoformat(data["tanggal"])
    return MonevRow(**data)


def _select(where: str, params: tuple | list) -> list[MonevRow]:
    sql = f"SELECT {', '.join(_MONEV_COLUMNS)} FROM rencana_aksi_monev WHERE {where}"
    return [_row(r) for r in db.execute_sql(sql + " ORDER BY tanggal, id", params)]


def get_monev(entry_id: int) -> MonevRow:
    rows = _select("id = ?", (entry_id,))
    if not rows:
        raise NotFound("Catatan monev tidak ditemukan.")
    return rows[0]


def list_monev(item_id: int) -> list[MonevRow]:
    """The item's history, oldest first (the last one is the progress)."""
    return _select("rencana_aksi_id = ?", (item_id,))


def list_monev_period(dari: date, sampai: date) -> list[MonevRow]:
    """Every entry dated within [dari, sampai], oldest first."""
    return _select("tanggal BETWEEN ? AND ?", (dari.isoformat(), sampai.isoformat()))


def latest_by_item() -> dict[int, tuple[MonevRow, int]]:
    """item id → (latest entry, number of entries)."""
    latest: dict[int, tuple[MonevRow, int]] = {}
    for row in _select("1 = 1", ()):
        count = latest.get(row.rencana_aksi_id, (row, 0))[1]
        latest[row.rencana_aksi_id] = (row, count + 1)
    return latest
