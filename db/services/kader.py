"""The kader registry: save with validation and warnings, detail, delete with undo, status.

Kader with training history are never deleted (deactivate them with :func:`set_status`); a plain
delete returns a :class:`KaderSnapshot` that :func:`restore_kader` puts back exactly (same id,
same timestamps, training rows too) — the page keeps it for Ctrl+Z within the session.
Validation lives in :mod:`db.services.kader_validation`, training history in
:mod:`db.services.pelatihan`; both are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    "save_kader_many",
    "set_status",
]

_DATE_FIELDS = ("tanggal_lahir", "sk_tanggal", "mulai_aktif")
_IN_CHUNK = 500  # values per ``IN (…)`` look-up: below the 999 parameters of old SQLite builds


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


def save_kader_many(checked: Sequence[KaderForm], accept_warnings: bool = False) -> list[int]:
    """Save forms already normalised by :func:`check_kader`, in order; returns their ids.

    The same rows and audit rows as :func:`save_kader` called on each form in turn, at bulk cost
    (the Excel import writes thousands). The rules that depend on the registry — the posyandu
    exists, the NIK is unused, no kader with the same name and birth date unless
    ``accept_warnings`` — are checked again against the database *and the earlier forms of the
    batch*; the rules that need no database are the caller's :func:`check_kader`'s job. New kader
    go in with multi-row INSERTs (the FTS triggers fire per row), updates run before them so
    NIKs freed by an update can be reused, and one masked audit row per written kader follows
    in input order. One ``db.atomic()`` (a savepoint inside the caller's): any error writes
    nothing.
    """
    kader_search.ensure_ready()
    with db.atomic():
        forms = _with_posyandu_codes(list(checked))
        current = _current_forms([f.id for f in forms if f.id is not None])
        _check_niks(forms, current)
        if not accept_warnings:
            _check_people(forms, current)
        now = audit.now_iso()
        for code in sorted({f.kode_wilayah for f in forms if f.kode_wilayah}):
            kader_search.remember_region(code)
        entries: dict[int, audit.AuditEntry] = {}
        for index, form in enumerate(forms):
            if form.id is not None:
                changes = audit.diff(_audit_values(current[form.id]), _audit_values(form))
                if changes:
                    Kader.update(**_stored(form), diubah=now).where(Kader.id == form.id).execute()
                    entries[index] = ("ubah", "kader", form.id, changes, form.nama)
                current[form.id] = form
        new_ids = iter(_insert_new([f for f in forms if f.id is None], now))
        ids = [form.id if form.id is not None else next(new_ids) for form in forms]
        for index, form in enumerate(forms):
            if form.id is None:
                entries[index] = ("tambah", "kader", ids[index], _audit_values(form), form.nama)
        audit.record_many(entries[index] for index in sorted(entries))
    return ids


def _select_in(sql: str, values: Sequence[Any]) -> list[dict[str, Any]]:
    """Rows of ``sql`` (one ``IN ({})``) over ``values`` in chunks within the parameter limit."""
    found: list[dict[str, Any]] = []
    for start in range(0, len(values), _IN_CHUNK):
        chunk = list(values[start : start + _IN_CHUNK])
        cursor = db.execute_sql(sql.format(", ".join("?" * len(chunk))), chunk)
        names = [c[0] for c in cursor.description]
        found += [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return found


def _with_posyandu_codes(forms: list[KaderForm]) -> list[KaderForm]:
    """Check the posyandu exist; an empty kelurahan is the posyandu's (as check_kader does)."""
    ids = sorted({f.posyandu_id for f in forms if f.posyandu_id is not None})
    rows = _select_in("SELECT id, kode_wilayah FROM posyandu WHERE id IN ({})", ids)
    codes = {row["id"]: row["kode_wilayah"] for row in rows}
    if set(ids) - set(codes):
        raise ValidationError({"posyandu_id": "Posyandu yang dipilih tidak ada."})
    return [
        f if f.kode_wilayah or f.posyandu_id is None else replace(f, kode_wilayah=codes[f.posyandu_id])
        for f in forms
    ]


def _current_forms(ids: list[int]) -> dict[int, KaderForm]:
    current = {row["id"]: _form(row) for row in _select_in("SELECT * FROM kader WHERE id IN ({})", ids)}
    if set(ids) - set(current):
        raise NotFound("Kader tidak ditemukan (mungkin sudah dihapus).")
    return current


def _check_niks(forms: list[KaderForm], current: dict[int, KaderForm]) -> None:
    """No NIK held by another kader: the registry's, or an earlier form's of the batch."""
    sql = "SELECT id, nik, nama, posyandu_id FROM kader WHERE nik IN ({})"
    rows = _select_in(sql, [f.nik for f in forms if f.nik])
    owners = {row["nik"]: (row["id"], row["nama"], row["posyandu_id"]) for row in rows}
    for index, form in enumerate(forms):
        key = form.id if form.id is not None else ("baru", index)
        owner = owners.get(form.nik) if form.nik else None
        if owner is not None and owner[0] != key:
            found = db.execute_sql("SELECT nama FROM posyandu WHERE id = ?", (owner[2],)).fetchone()
            where = f" ({found[0]})" if found else ""
            raise ValidationError({"nik": f"NIK ini sudah terdaftar atas nama {owner[1]}{where}."})
        old = current[form.id].nik if form.id is not None else ""
        if old and owners.get(old, (None,))[0] == key:
            del owners[old]
        if form.nik:
            owners[form.nik] = (key, form.nama, form.posyandu_id)


def _person(nama: str, born: date | None) -> tuple[str, str] | None:
    return (" ".join(nama.casefold().split()), born.isoformat()) if born else None


def _check_people(forms: list[KaderForm], current: dict[int, KaderForm]) -> None:
    """The same-name-and-birth-date warning of check_kader, against registry and batch."""
    births = sorted({f.tanggal_lahir.isoformat() for f in forms if f.tanggal_lahir})
    people: dict[tuple[str, str], set[object]] = {}
    for row in _select_in("SELECT id, nama, tanggal_lahir FROM kader WHERE tanggal_lahir IN ({})", births):
        person = _person(row["nama"], date.fromisoformat(row["tanggal_lahir"]))
        people.setdefault(person, set()).add(row["id"])
    for index, form in enumerate(forms):
        key = form.id if form.id is not None else ("baru", index)
        person = _person(form.nama, form.tanggal_lahir)
        if person is not None and people.get(person, set()) - {key}:
            raise NeedsConfirmation(
                [f"Sudah ada kader bernama {form.nama} dengan tanggal lahir {form.tanggal_lahir:%d-%m-%Y}."]
            )
        if form.id is not None:
            people.get(_person(current[form.id].nama, current[form.id].tanggal_lahir), set()).discard(key)
        if person is not None:
            people.setdefault(person, set()).add(key)


def _insert_new(forms: list[KaderForm], now: str) -> list[int]:
    """Multi-row INSERTs with the ids save_kader would get (max(id) + 1, + 2, …)."""
    start = int(db.execute_sql("SELECT coalesce(max(id), 0) FROM kader").fetchone()[0])
    rows = [{"id": start + n, **_stored(f), "dibuat": now, "diubah": now} for n, f in enumerate(forms, 1)]
    audit.insert_rows(Kader, rows)
    return [row["id"] for row in rows]


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
