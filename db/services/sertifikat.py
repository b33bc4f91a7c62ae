"""Certificate rules per kegiatan and who is eligible (layak) under them.

A kegiatan without a stored rule uses the default: a Peserta must have attended every *held* day;
Narasumber, Moderator and Panitia always receive their own certificate type; Undangan receive none.
A held day is a day not skipped whose date has come (or that already has attendance marks), so a
bimtek can issue certificates on its last day and a future day never blocks anybody. One person
may be overridden (layak yes/no) with a required note; overrides are audited.

The texts of the certificate live in ``sertifikat_aturan.template`` (see
:mod:`db.services.sertifikat_teks`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.services.kegiatan import HariRow, get_kegiatan
from db.services.peserta import PesertaRow, roster_order
from db.services.sertifikat_teks import TeksSertifikat, check_teks, teks_dict, teks_from_json, teks_to_json

ALWAYS = ("Narasumber", "Moderator", "Panitia")  # their own certificate type, whatever the attendance
NEVER = ("Undangan",)  # unless overridden; printed then as Peserta
LATAR_DIR = "sertifikat"
MAX_NOTE = 300
MAX_LATAR_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class AturanSertifikat:
    """The rule and print settings of one kegiatan. ``min_hari`` None = every held day;
    ``min_persen`` (0–100) replaces it when set. Signatory None = the first active one at print time.
    ``background_path`` is relative to the data folder ("" = the built-in border)."""

    kegiatan_id: int
    min_hari: int | None = None
    min_persen: float | None = None
    penandatangan1_id: int | None = None
    penandatangan2_id: int | None = None
    background_path: str = ""
    halaman_materi: bool = True
    tampilkan_identitas: bool = True
    teks: TeksSertifikat = field(default_factory=TeksSertifikat)
    tersimpan: bool = False  # False: nothing stored yet, these are the defaults


@dataclass(frozen=True)
class EligibilityRow:
    """One roster line as the eligibility screen shows it (roster print order).

    ``layak`` is the final answer (override included); ``layak_aturan`` what the rule alone says;
    ``pengecualian`` the override (None = none). ``nomor``/``status`` describe the person's latest
    certificate of this kegiatan ("" = none yet; status ``valid`` or ``dicabut``)."""

    peserta_id: int
    no_urut: int
    nama: str
    asal: str
    peran: str
    hadir: int
    hari: int
    layak_aturan: bool
    layak: bool
    alasan: str
    pengecualian: bool | None = None
    catatan: str = ""
    sertifikat_id: int | None = None
    nomor: str = ""
    status: str = ""


# ------------------------------------------------------------------------------- rules
def get_aturan(kegiatan_id: int) -> AturanSertifikat:
    """The stored rule of the kegiatan, or the defaults (``tersimpan`` False)."""
    get_kegiatan(kegiatan_id)  # NotFound for a kegiatan that does not exist
    row = db.execute_sql(
        "SELECT min_hari, min_persen, template, penandatangan1_id, penandatangan2_id, background_path, "
        "halaman_materi, tampilkan_identitas FROM sertifikat_aturan WHERE kegiatan_id = ?",
        (kegiatan_id,),
    ).fetchone()
    if row is None:
        return AturanSertifikat(kegiatan_id)
    return AturanSertifikat(
        kegiatan_id, row[0], row[1], row[3], row[4], row[5], bool(row[6]), bool(row[7]),
        teks_from_json(row[2]), tersimpan=True,
    )  # fmt: skip


def _check_aturan(aturan: AturanSertifikat) -> AturanSertifikat:
    problems: dict[str, str] = {}
    if aturan.min_hari is not None and aturan.min_persen is not None:
        problems["min_persen"] = "Pilih salah satu: jumlah hari minimal atau persentase minimal."
    if aturan.min_hari is not None and not 1 <= aturan.min_hari <= 366:
        problems["min_hari"] = "Jumlah hari minimal harus 1 atau lebih."
    if aturan.min_persen is not None and not (
        math.isfinite(aturan.min_persen) and 0 < aturan.min_persen <= 100
    ):
        problems["min_persen"] = "Persentase minimal harus lebih dari 0 dan paling banyak 100."
    first, second = aturan.penandatangan1_id, aturan.penandatangan2_id
    if second is not None and second == first:
        problems["penandatangan2_id"] = "Penandatangan kedua harus orang yang berbeda."
    for key, signer in (("penandatangan1_id", first), ("penandatangan2_id", second)):
        if (
            signer is not None
            and not db.execute_sql("SELECT 1 FROM penandatangan WHERE id = ?", (signer,)).fetchone()
        ):
            problems[key] = "Penandatangan tidak ditemukan."
    try:
        check_teks(aturan.teks)
    except ValidationError as exc:
        problems.update(exc.problems)
    if problems:
        raise ValidationError(problems)
    return aturan


def _stored_values(aturan: AturanSertifikat) -> dict[str, Any]:
    return {
        "min_hari": aturan.min_hari,
        "min_persen": aturan.min_persen,
        "template": teks_to_json(aturan.teks),
        "penandatangan1_id": aturan.penandatangan1_id,
        "penandatangan2_id": aturan.penandatangan2_id,
        "background_path": aturan.background_path,
        "halaman_materi": int(aturan.halaman_materi),
        "tampilkan_identitas": int(aturan.tampilkan_identitas),
    }


def save_aturan(aturan: AturanSertifikat) -> AturanSertifikat:
    """Store the rule, texts and print settings of a kegiatan (one transaction, audited)."""
    clean = _check_aturan(aturan)
    values = _stored_values(clean)
    with db.atomic():
        before = get_aturan(clean.kegiatan_id)
        columns, marks = ", ".join(values), ", ".join("?" * len(values))
        db.execute_sql(
            f"INSERT INTO sertifikat_aturan (kegiatan_id, {columns}, diubah) VALUES (?, {marks}, ?) "
            f"ON CONFLICT (kegiatan_id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in values)}, "
            "diubah = excluded.diubah",
            (clean.kegiatan_id, *values.values(), audit.now_iso()),
        )
        changes = audit.diff(_stored_values(before), values)
        if changes or not before.tersimpan:
            audit.record(
                "ubah" if before.tersimpan else "tambah",
                "sertifikat_aturan",
                clean.kegiatan_id,
                changes,
                "Aturan dan templat sertifikat",
            )
    return get_aturan(clean.kegiatan_id)


def data_root() -> Path:
    """The data folder (where the database file lies); background images are kept below it."""
    return Path(db.database).resolve().parent


def set_latar(kegiatan_id: int, source: str | Path | None) -> AturanSertifikat:
    """Copy a PNG/JPG into ``<data>/sertifikat/`` as the kegiatan's full-bleed background
    (``None``: back to the built-in border) and store its relative path."""
    aturan = get_aturan(kegiatan_id)
    relative = ""
    if source is not None:
        data = Path(source).read_bytes()
        if len(data) > MAX_LATAR_BYTES:
            raise ValidationError("Gambar latar terlalu besar (maksimal 10 MB).", "background_path")
        suffix = (
            ".png" if data.startswith(b"\x89PNG\r\n\x1a\n") else ".jpg" if data[:3] == b"\xff\xd8\xff" else ""
        )
        if not suffix:
            raise ValidationError("Gambar latar harus berupa PNG atau JPG.", "background_path")
        relative = f"{LATAR_DIR}/latar-{kegiatan_id}{suffix}"
        target = data_root() / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(target.name + ".tmp")
        temp.write_bytes(data)
        temp.replace(target)
    return save_aturan(replace(aturan, background_path=relative))


def latar_file(aturan: AturanSertifikat) -> Path | None:
    """The background image's file inside the data folder, None for the built-in border."""
    if not aturan.background_path:
        return None
    root = data_root()
    target = (root / aturan.background_path).resolve()
    return target if target.is_relative_to(root) else None


# ------------------------------------------------------------------------------- overrides
def set_pengecualian(peserta_id: int, layak: bool, catatan: str) -> None:
    """Override the rule for one person (layak yes/no); the note saying why is required."""
    note = " ".join(str(catatan).split())
    if not note:
        raise ValidationError("Catatan alasan pengecualian wajib diisi.", "catatan")
    if len(note) > MAX_NOTE:
        raise ValidationError(f"Catatan paling banyak {MAX_NOTE} karakter.", "catatan")
    with db.atomic():
        nama = _peserta_nama(peserta_id)
        db.execute_sql(
            "INSERT INTO sertifikat_pengecualian (peserta_id, layak, catatan, oleh, waktu) "
            "VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (peserta_id) DO UPDATE SET layak = excluded.layak, catatan = excluded.catatan, "
            "oleh = excluded.oleh, waktu = excluded.waktu",
            (peserta_id, int(bool(layak)), note, audit.operator(), audit.now_iso()),
        )
        state = "layak" if layak else "tidak layak"
        audit.record(
            "ubah", "sertifikat_pengecualian", peserta_id, {"layak": bool(layak), "catatan": note},
            f"Sertifikat {nama}: dinyatakan {state}",
        )  # fmt: skip


def hapus_pengecualian(peserta_id: int) -> None:
    """Back to the rule for this person."""
    with db.atomic():
        nama = _peserta_nama(peserta_id)
        cursor = db.execute_sql("DELETE FROM sertifikat_pengecualian WHERE peserta_id = ?", (peserta_id,))
        if cursor.rowcount:
            audit.record(
                "hapus", "sertifikat_pengecualian", peserta_id, None, f"Sertifikat {nama}: ikut aturan"
            )


def _peserta_nama(peserta_id: int) -> str:
    row = db.execute_sql("SELECT nama FROM peserta WHERE id = ?", (peserta_id,)).fetchone()
    if row is None:
        raise NotFound("Peserta tidak ditemukan (mungkin sudah dihapus).")
    return row[0]


# ------------------------------------------------------------------------------- eligibility
def held_days(kegiatan_id: int, today: date | None = None) -> tuple[HariRow, ...]:
    """Days not skipped that have come (dated today or earlier) or already carry attendance."""
    today = today or date.today()
    marked = {
        r[0]
        for r in db.execute_sql(
            "SELECT DISTINCT k.hari_id FROM kehadiran k JOIN kegiatan_hari h ON h.id = k.hari_id "
            "WHERE h.kegiatan_id = ?",
            (kegiatan_id,),
        )
    }
    return tuple(h for h in get_kegiatan(kegiatan_id).hari_aktif if h.tanggal <= today or h.id in marked)


def _rule(aturan: AturanSertifikat, hadir: int, held: int) -> tuple[bool, str]:
    """(layak, reason) of a Peserta under the rule."""
    if held == 0:
        return False, "belum ada hari kegiatan yang terlaksana"
    said = f"hadir {hadir} dari {held} hari"
    if aturan.min_persen is not None:
        percent = 100 * hadir / held
        return (
            percent + 1e-9 >= aturan.min_persen,
            f"{said} ({percent:.0f} %); syarat {aturan.min_persen:g} %",
        )
    need = aturan.min_hari if aturan.min_hari is not None else held
    return hadir >= need, f"{said}; syarat {need}"


def _by_role(aturan: AturanSertifikat, person: PesertaRow, hadir: int, held: int) -> tuple[bool, str]:
    if person.peran in ALWAYS:
        return True, f"{person.peran}: selalu menerima sertifikat {person.peran}"
    if person.peran in NEVER:
        return False, f"{person.peran} tidak menerima sertifikat"
    return _rule(aturan, hadir, held)


def eligibility(kegiatan_id: int, today: date | None = None) -> list[EligibilityRow]:
    """Everyone on the roster (print order) with layak yes/no and the reason in Indonesian."""
    aturan = get_aturan(kegiatan_id)
    days = held_days(kegiatan_id, today)
    day_ids = [d.id for d in days]
    present: dict[int, int] = {}
    if day_ids:
        marks = ", ".join("?" * len(day_ids))
        present = dict(db.execute_sql(
            f"SELECT peserta_id, count(*) FROM kehadiran WHERE status = 'hadir' AND hari_id IN ({marks}) "
            "GROUP BY peserta_id", day_ids,
        ).fetchall())  # fmt: skip
    overrides = {
        r[0]: (bool(r[1]), r[2])
        for r in db.execute_sql(
            "SELECT e.peserta_id, e.layak, e.catatan FROM sertifikat_pengecualian e "
            "JOIN peserta p ON p.id = e.peserta_id WHERE p.kegiatan_id = ?",
            (kegiatan_id,),
        )
    }
    issued = _latest_certificates(kegiatan_id)
    rows = []
    for person in roster_order(kegiatan_id):
        hadir = int(present.get(person.id, 0))
        by_rule, reason = _by_role(aturan, person, hadir, len(days))
        override, note = overrides.get(person.id, (None, ""))
        layak = by_rule if override is None else override
        if override is not None:
            reason = f"ditetapkan {'layak' if override else 'tidak layak'}: {note} ({reason})"
        cert_id, nomor, status = issued.get(person.id, (None, "", ""))
        rows.append(EligibilityRow(
            person.id, person.no_urut, person.nama, person.asal, person.peran, hadir, len(days), by_rule,
            layak, reason, override, note, cert_id, nomor, status,
        ))  # fmt: skip
    return rows


def _latest_certificates(kegiatan_id: int) -> dict[int, tuple[int, str, str]]:
    """peserta_id → (id, nomor, status) of the valid certificate, else the latest revoked one."""
    found: dict[int, tuple[int, str, str]] = {}
    for pid, cid, nomor, status in db.execute_sql(
        "SELECT peserta_id, id, nomor, status FROM sertifikat "
        "WHERE kegiatan_id = ? AND peserta_id IS NOT NULL ORDER BY status = 'valid', id",
        (kegiatan_id,),
    ):
        found[pid] = (cid, nomor, status)
    return found


def aturan_summary(aturan: AturanSertifikat) -> str:
    """One line for the screen: "Peserta layak bila hadir di semua hari yang terlaksana"."""
    if aturan.min_persen is not None:
        return f"Peserta layak bila hadir paling sedikit {aturan.min_persen:g} % hari yang terlaksana"
    if aturan.min_hari is not None:
        return f"Peserta layak bila hadir paling sedikit {aturan.min_hari} hari"
    return "Peserta layak bila hadir di semua hari yang terlaksana"


def as_dict(aturan: AturanSertifikat) -> dict[str, Any]:
    """Plain values for logs and tests (texts flattened)."""
    data = {f.name: getattr(aturan, f.name) for f in fields(aturan) if f.name != "teks"}
    data["teks"] = teks_dict(aturan.teks)
    return data
