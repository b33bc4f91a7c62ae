"""The kader registry: save with validation and warnings, detail, delete with undo, status.

Kader with training history are never deleted (deactivate them with :func:`set_status`); a plain
delete returns a :class:`KaderSnapshot` that :func:`restore_kader` puts back exactly (same id,
same timestamps, training rows too) — the page keeps it for Ctrl+Z within the session.
Validation lives in :mod:`db.services.kader_validation`, training history in
:mod:`db.services.pelatihan`; both are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from db import audit
from db.database import db
from db.errors import DomainError, NotFound, ValidationError
from db.identity import format_phone
from db.models import Kader
from db.services import kader_search
from db.services.kader_validation import FORM_FIELDS, KaderCheck, KaderForm, NeedsConfirmation, check_kader
from db.services.pelatihan import PelatihanForm, PelatihanRow, add_pelatihan, delete_pelatihan, list_pelatihan
from db.services.registry_fields import STATUS_KADER, age_on, choose

__all__ = [
    "DeleteRefused",
    "KaderCheck",
    "KaderDetail",
    "KaderForm",
    "KaderSnapshot",
    "NeedsConfirmation",
    "PelatihanForm",
    "PelatihanRow",
    "add_pelatihan",
    "check_kader",
    "confirm_nik",
    "delete_kader",
    "delete_pelatihan",
    "find_kader_by_name_birth",
    "find_kader_by_nik",
    "get_kader",
    "list_pelatihan",
    "restore_kader",
    "save_kader",
    "set_status",
]

_DATE_FIELDS = ("tanggal_lahir", "sk_tanggal", "mulai_aktif")


class DeleteRefused(DomainError):
    """The kader has history; deactivate instead."""


@dataclass(frozen=True)
class KaderDetail:
    """``form`` holds the full NIK and the phone as ``0812-3456-7890``, ready for the edit dialog."""

    form: KaderForm
    posyandu: str
    kelurahan: str
    umur: int | None
    pelatihan: tuple[PelatihanRow, ...]
    total_jpl: float
    dibuat: str
    diubah: str


@dataclass(frozen=True)
class KaderSnapshot:
    """Everything :func:`delete_kader` removed, as stored (``row`` includes id and timestamps)."""

    row: dict[str, Any]
    pelatihan: tuple[dict[str, Any], ...]

    @property
    def id(self) -> int:
        return int(self.row["id"])

    @property
    def nama(self) -> str:
        return str(self.row["nama"])


def _stored(form: KaderForm) -> dict[str, Any]:
    values = {name: getattr(form, name) for name in FORM_FIELDS}
    values["posyandu"] = values.pop("posyandu_id")
    return values


def save_kader(form: KaderForm, accept_warnings: bool = False) -> int:
    """Create (``id is None``) or update; returns the id.

    Raises :class:`ValidationError` for errors and :class:`NeedsConfirmation` for warnings
    unless ``accept_warnings``. One transaction with its audit row (NIK and phone masked).
    """
    kader_search.ensure_ready()
    with db.atomic():
        checked = check_kader(form)
        if checked.warnings and not accept_warnings:
            raise NeedsConfirmation(checked.warnings)
        clean = checked.form
        values = _stored(clean)
        now = audit.now_iso()
        kader_search.remember_region(clean.kode_wilayah)
        if clean.id is None:
            kader_id = int(Kader.insert(**values, dibuat=now, diubah=now).execute())
            audit.record("tambah", "kader", kader_id, _audit_values(clean), clean.nama)
            return kader_id
        before = _audit_values(_form(_fetch(clean.id)))
        changes = audit.diff(before, _audit_values(clean))
        if changes:
            Kader.update(**values, diubah=now).where(Kader.id == clean.id).execute()
            audit.record("ubah", "kader", clean.id, changes, clean.nama)
        return clean.id


def _audit_values(form: KaderForm) -> dict[str, Any]:
    return {name: getattr(form, name) for name in FORM_FIELDS}


def _fetch(kader_id: int) -> dict[str, Any]:
    cursor = db.execute_sql("SELECT * FROM kader WHERE id = ?", (kader_id,))
    row = cursor.fetchone()
    if row is None:
        raise NotFound("Kader tidak ditemukan (mungkin sudah dihapus).")
    return dict(zip((c[0] for c in cursor.description), row, strict=True))


def _form(row: dict[str, Any]) -> KaderForm:
    values = {name: row[name] for name in FORM_FIELDS if name in row}
    for name in _DATE_FIELDS:
        values[name] = date.fromisoformat(row[name]) if row[name] else None
    values["nik_perlu_dicek"] = bool(row["nik_perlu_dicek"])
    return KaderForm(id=row["id"], **values)


def get_kader(kader_id: int) -> KaderDetail:
    row = _fetch(kader_id)
    form = _form(row)
    names = db.execute_sql(
        "SELECT (SELECT nama FROM posyandu WHERE id = ?), (SELECT nama FROM wilayah_nama WHERE kode = ?)",
        (form.posyandu_id, form.kode_wilayah),
    ).fetchone()
    training = tuple(list_pelatihan(kader_id))
    return KaderDetail(
        form=replace(form, hp=format_phone(form.hp)),
        posyandu=names[0] or "",
        kelurahan=names[1] or "",
        umur=age_on(form.tanggal_lahir),
        pelatihan=training,
        total_jpl=sum(t.jpl for t in training),
        dibuat=row["dibuat"],
        diubah=row["diubah"],
    )


def find_kader_by_nik(nik: str) -> int | None:
    found = db.execute_sql("SELECT id FROM kader WHERE nik = ? AND nik <> ''", (nik,)).fetchone()
    return int(found[0]) if found else None


def find_kader_by_name_birth(nama: str, tanggal_lahir: date) -> list[int]:
    """Ids of kader with this name (case and spacing ignored) and birth date."""
    key = " ".join(nama.casefold().split())
    rows = db.execute_sql("SELECT id, nama FROM kader WHERE tanggal_lahir = ?", (tanggal_lahir.isoformat(),))
    return [kid for kid, name in rows if " ".join(name.casefold().split()) == key]


def delete_kader(kader_id: int) -> KaderSnapshot:
    """Delete a kader without history; return what :func:`restore_kader` needs to undo it."""
    kader_search.ensure_ready()
    with db.atomic():
        row = _fetch(kader_id)
        cursor = db.execute_sql("SELECT * FROM riwayat_pelatihan WHERE kader_id = ? ORDER BY id", (kader_id,))
        training = tuple(
            dict(zip((c[0] for c in cursor.description), r, strict=True)) for r in cursor.fetchall()
        )
        if training:
            raise DeleteRefused(
                f"{row['nama']} punya {len(training)} riwayat pelatihan, jadi tidak dihapus. "
                "Ubah statusnya menjadi nonaktif, pindah atau meninggal."
            )
        Kader.delete().where(Kader.id == kader_id).execute()
        audit.record("hapus", "kader", kader_id, _audit_values(_form(row)), row["nama"])
    return KaderSnapshot(row, training)


def restore_kader(snapshot: KaderSnapshot) -> int:
    """Put a deleted kader back exactly as it was (undo)."""
    kader_search.ensure_ready()
    row = snapshot.row
    with db.atomic():
        if db.execute_sql("SELECT 1 FROM kader WHERE id = ?", (snapshot.id,)).fetchone():
            raise ValidationError("Kader ini sudah ada; tidak ada yang perlu dikembalikan.", "id")
        if row["nik"] and find_kader_by_nik(row["nik"]) is not None:
            raise ValidationError(
                "NIK kader ini sudah dipakai kader lain; penghapusan tidak dapat dibatalkan.", "nik"
            )
        kader_search.remember_region(row["kode_wilayah"])
        _insert("kader", row)
        for training in snapshot.pelatihan:
            _insert("riwayat_pelatihan", training)
        audit.record("pulihkan", "kader", snapshot.id, _audit_values(_form(row)), snapshot.nama)
    return snapshot.id


def _insert(table: str, values: dict[str, Any]) -> None:
    columns = ", ".join(values)
    db.execute_sql(
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(values))})", list(values.values())
    )


def set_status(kader_id: int, status: str) -> None:
    """aktif / nonaktif / pindah / meninggal (how people with history leave the registry)."""
    value = choose(status, STATUS_KADER, "status", "Status", empty_ok=False)
    _set_field(kader_id, "status", value, f"Status menjadi {value}")


def confirm_nik(kader_id: int) -> None:
    """Someone checked the NIK against the KTP/KK: clear the "perlu dicek" mark."""
    _set_field(kader_id, "nik_perlu_dicek", False, "NIK dikonfirmasi")


def _set_field(kader_id: int, name: str, value: Any, summary: str) -> None:
    with db.atomic():
        row = _fetch(kader_id)
        if row[name] == value:
            return
        Kader.update({name: value, "diubah": audit.now_iso()}).where(Kader.id == kader_id).execute()
        audit.record("ubah", "kader", kader_id, {name: [row[name], value]}, f"{row['nama']}: {summary}")
