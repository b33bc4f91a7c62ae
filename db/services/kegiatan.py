"""Kegiatan (bimtek, rakor, pembinaan, …): save with validation, list, days and quotas.

The days of a kegiatan are derived from its date range on every save: days inside the new range
keep their row (and so their attendance, times and "dilewati" mark); a day that falls outside the
new range is removed only when it has no attendance, or when the caller passes ``force=True``.
``hari_ke`` is the calendar position in the range (1 = the start date), skipped days included, so
"hari ke-3" always means the third calendar day.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from db import audit
from db.database import db
from db.errors import DomainError, NotFound, ValidationError
from db.models import Kegiatan, KegiatanHari
from db.services.registry_fields import choose, clean_text

JENIS_KEGIATAN = (
    "Bimtek/Pelatihan",
    "Rakor",
    "Pembinaan",
    "Rapat",
    "Monev/Kunjungan",
    "Sosialisasi",
    "Lainnya",
)
STATUS_KEGIATAN = ("rencana", "berjalan", "selesai", "batal")
SATUAN_UANG = ("hari", "kegiatan")
MAX_HARI = 60
DEFAULT_JAM = ("08:00", "16:00")
_TEXT_FIELDS = ("tema", "penyelenggara", "dasar", "tempat", "alamat", "sumber_dana", "penanggung_jawab",
                "ketua_panitia")  # fmt: skip
_JAM = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class DaysHaveAttendance(DomainError):
    """Saving would remove (or skip) days that already have attendance; pass ``force=True``."""

    def __init__(self, message: str, tanggal: tuple[date, ...]) -> None:
        super().__init__(message)
        self.tanggal = tanggal


@dataclass(frozen=True)
class KegiatanForm:
    """What the kegiatan dialog edits. ``uang_peran``: rupiah per person by peran, paid per
    ``uang_satuan`` ("hari" = per day attended, "kegiatan" = once) — read by the tanda terima."""

    jenis: str
    nama: str
    tanggal_mulai: date
    tanggal_selesai: date
    tema: str = ""
    penyelenggara: str = ""
    dasar: str = ""
    tempat: str = ""
    alamat: str = ""
    target_peserta: int | None = None
    anggaran: float | None = None
    sumber_dana: str = ""
    total_jpl: float | None = None
    penanggung_jawab: str = ""
    ketua_panitia: str = ""
    status: str = "rencana"
    catatan: str = ""
    uang_peran: dict[str, int] = field(default_factory=dict)
    uang_satuan: str = "hari"
    id: int | None = None


@dataclass(frozen=True)
class HariRow:
    id: int
    kegiatan_id: int
    hari_ke: int
    tanggal: date
    jam_mulai: str
    jam_selesai: str
    dilewati: bool


@dataclass(frozen=True)
class KegiatanRow:
    """One line of the kegiatan list."""

    id: int
    jenis: str
    nama: str
    tanggal_mulai: date
    tanggal_selesai: date
    tempat: str
    status: str
    jumlah_peserta: int
    jumlah_hari: int  # days not skipped


@dataclass(frozen=True)
class KegiatanDetail:
    form: KegiatanForm
    hari: tuple[HariRow, ...]  # every day of the range, skipped ones included
    jumlah_peserta: int
    dibuat: str
    diubah: str

    @property
    def hari_aktif(self) -> tuple[HariRow, ...]:
        return tuple(h for h in self.hari if not h.dilewati)


# ------------------------------------------------------------------------------- validation
def normalise_jam(value: object, field_name: str = "jam") -> str:
    """``"8.00"``/``"08:00"`` → ``"08:00"``; "" stays ""."""
    text = clean_text(value)
    if not text:
        return ""
    match = _JAM.match(text)
    if match is None:
        raise ValidationError("Jam harus berbentuk JJ:MM (contoh 08:00).", field_name)
    return f"{int(match[1]):02d}:{match[2]}"


def _optional_number(value: Any, name: str, label: str, kind: type) -> Any:
    if value is None or value == "":
        return None
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label} harus berupa angka.", name) from None
    if number < 0:
        raise ValidationError(f"{label} tidak boleh negatif.", name)
    return number


def check_kegiatan(form: KegiatanForm) -> KegiatanForm:
    """The cleaned form, or :class:`ValidationError` with every problem by field."""
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}

    def attempt(name: str, fn: Any) -> None:
        try:
            values[name] = fn()
        except ValidationError as exc:
            problems.update(exc.problems)

    attempt("jenis", lambda: choose(form.jenis, JENIS_KEGIATAN, "jenis", "Jenis kegiatan", empty_ok=False))
    attempt(
        "status",
        lambda: choose(form.status or "rencana", STATUS_KEGIATAN, "status", "Status", empty_ok=False),
    )
    attempt(
        "uang_satuan", lambda: choose(form.uang_satuan or "hari", SATUAN_UANG, "uang_satuan", "Satuan uang")
    )
    attempt(
        "target_peserta",
        lambda: _optional_number(form.target_peserta, "target_peserta", "Target peserta", int),
    )
    attempt("anggaran", lambda: _optional_number(form.anggaran, "anggaran", "Anggaran", float))
    attempt("total_jpl", lambda: _optional_number(form.total_jpl, "total_jpl", "Total JPL", float))
    attempt("uang_peran", lambda: _clean_money(form.uang_peran))
    nama = clean_text(form.nama)
    if not nama:
        problems["nama"] = "Nama kegiatan wajib diisi."
    mulai, selesai = form.tanggal_mulai, form.tanggal_selesai
    if not isinstance(mulai, date):
        problems["tanggal_mulai"] = "Tanggal mulai wajib diisi."
    if not isinstance(selesai, date):
        problems["tanggal_selesai"] = "Tanggal selesai wajib diisi."
    elif isinstance(mulai, date):
        if selesai < mulai:
            problems["tanggal_selesai"] = "Tanggal selesai tidak boleh sebelum tanggal mulai."
        elif (selesai - mulai).days >= MAX_HARI:
            problems["tanggal_selesai"] = f"Kegiatan paling lama {MAX_HARI} hari."
    if problems:
        raise ValidationError(problems)
    texts = {name: clean_text(getattr(form, name)) for name in _TEXT_FIELDS}
    catatan = str(form.catatan or "").strip()[:4000]
    return KegiatanForm(
        nama=nama,
        tanggal_mulai=mulai,
        tanggal_selesai=selesai,
        catatan=catatan,
        id=form.id,
        **texts,
        **values,
    )


def _clean_money(amounts: dict[str, int]) -> dict[str, int]:
    from db.services.peserta import PERAN

    clean: dict[str, int] = {}
    for peran, amount in (amounts or {}).items():
        key = choose(peran, PERAN, "uang_peran", "Peran", empty_ok=False)
        value = _optional_number(amount, "uang_peran", f"Uang untuk {key}", int)
        if value:
            clean[key] = value
    return clean


# ------------------------------------------------------------------------------------ save
def _stored(form: KegiatanForm) -> dict[str, Any]:
    values = {name: getattr(form, name) for name in (
        "jenis", "nama", "tanggal_mulai", "tanggal_selesai", "target_peserta", "anggaran", "total_jpl",
        "status", "catatan", *_TEXT_FIELDS)}  # fmt: skip
    values["uang"] = json.dumps({"satuan": form.uang_satuan, "peran": form.uang_peran}, ensure_ascii=False)
    return values


def save_kegiatan(form: KegiatanForm, *, force: bool = False) -> int:
    """Create (``id is None``) or update; derive the days; return the id.

    Raises :class:`ValidationError`, or :class:`DaysHaveAttendance` when the new range would drop
    days that hold attendance (``force=True`` drops them and their attendance).
    """
    clean = check_kegiatan(form)
    values = _stored(clean)
    now = audit.now_iso()
    with db.atomic():
        if clean.id is None:
            kegiatan_id = int(Kegiatan.insert(**values, dibuat=now, diubah=now).execute())
            _derive_days(kegiatan_id, clean.tanggal_mulai, clean.tanggal_selesai, force)
            audit.record("tambah", "kegiatan", kegiatan_id, _audit_values(values), clean.nama)
            return kegiatan_id
        before = _audit_values(_stored(get_kegiatan(clean.id).form))
        lost = _derive_days(clean.id, clean.tanggal_mulai, clean.tanggal_selesai, force)
        changes = audit.diff(before, _audit_values(values))
        if lost:
            changes["hari_dihapus_dengan_kehadiran"] = [d.isoformat() for d in lost]
        if changes:
            Kegiatan.update(**values, diubah=now).where(Kegiatan.id == clean.id).execute()
            audit.record("ubah", "kegiatan", clean.id, changes, clean.nama)
        return clean.id


def _audit_values(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}


def _derive_days(kegiatan_id: int, mulai: date, selesai: date, force: bool) -> tuple[date, ...]:
    """Match the day rows to the range; return the dropped days that held attendance (forced)."""
    lost: tuple[date, ...] = ()
    wanted = [mulai + timedelta(days=i) for i in range((selesai - mulai).days + 1)]
    existing = {h.tanggal: h for h in list_hari(kegiatan_id)}
    dropped = [h for day, h in existing.items() if day not in wanted]
    if dropped:
        with_marks = _days_with_attendance([h.id for h in dropped])
        lost = tuple(sorted(h.tanggal for h in dropped if h.id in with_marks))
        if lost and not force:
            days = lost
            listed = ", ".join(f"{d:%d-%m-%Y}" for d in days)
            raise DaysHaveAttendance(
                f"Hari {listed} sudah berisi kehadiran; tanggal kegiatan tidak diubah. "
                "Setujui penghapusan bila kehadiran hari itu memang boleh dibuang.",
                days,
            )
        KegiatanHari.delete().where(KegiatanHari.id.in_([h.id for h in dropped])).execute()
    template = next(iter(sorted(existing.values(), key=lambda h: h.tanggal)), None)
    jam = (template.jam_mulai, template.jam_selesai) if template else DEFAULT_JAM
    # Renumber in two passes: the unique key is (kegiatan, tanggal), so hari_ke may move freely.
    for position, day in enumerate(wanted, 1):
        if day in existing:
            if existing[day].hari_ke != position:
                KegiatanHari.update(hari_ke=position).where(KegiatanHari.id == existing[day].id).execute()
        else:
            KegiatanHari.create(kegiatan=kegiatan_id, hari_ke=position, tanggal=day,
                                jam_mulai=jam[0], jam_selesai=jam[1])  # fmt: skip
    return lost


def _days_with_attendance(hari_ids: list[int]) -> set[int]:
    if not hari_ids:
        return set()
    marks = ",".join("?" * len(hari_ids))
    rows = db.execute_sql(f"SELECT DISTINCT hari_id FROM kehadiran WHERE hari_id IN ({marks})", hari_ids)
    return {r[0] for r in rows}


# ------------------------------------------------------------------------------------ read
def _fetch(kegiatan_id: int) -> dict[str, Any]:
    cursor = db.execute_sql("SELECT * FROM kegiatan WHERE id = ?", (kegiatan_id,))
    row = cursor.fetchone()
    if row is None:
        raise NotFound("Kegiatan tidak ditemukan (mungkin sudah dihapus).")
    return dict(zip((c[0] for c in cursor.description), row, strict=True))


def get_kegiatan(kegiatan_id: int) -> KegiatanDetail:
    row = _fetch(kegiatan_id)
    money = json.loads(row["uang"] or "{}")
    values = {k: row[k] for k in ("jenis", "nama", "target_peserta", "anggaran", "total_jpl", "status",
                                  "catatan", *_TEXT_FIELDS)}  # fmt: skip
    form = KegiatanForm(
        **values,
        tanggal_mulai=date.fromisoformat(row["tanggal_mulai"]),
        tanggal_selesai=date.fromisoformat(row["tanggal_selesai"]),
        uang_peran=dict(money.get("peran", {})),
        uang_satuan=money.get("satuan", "hari"),
        id=kegiatan_id,
    )
    count = db.execute_sql("SELECT count(*) FROM peserta WHERE kegiatan_id = ?", (kegiatan_id,)).fetchone()[0]
    return KegiatanDetail(form, tuple(list_hari(kegiatan_id)), int(count), row["dibuat"], row["diubah"])


def list_kegiatan(
    tahun: int | None = None, jenis: str = "", status: str = "", today: date | None = None
) -> list[KegiatanRow]:
    """Kegiatan not yet over first (soonest first), then past ones (most recent first)."""
    today = today or date.today()
    where, params = ["1 = 1"], []
    if tahun:
        where.append("substr(k.tanggal_mulai, 1, 4) = ?")
        params.append(f"{int(tahun):04d}")
    if jenis:
        where.append("k.jenis = ?")
        params.append(jenis)
    if status:
        where.append("k.status = ?")
        params.append(status)
    rows = db.execute_sql(
        "SELECT k.id, k.jenis, k.nama, k.tanggal_mulai, k.tanggal_selesai, k.tempat, k.status, "
        "(SELECT count(*) FROM peserta p WHERE p.kegiatan_id = k.id), "
        "(SELECT count(*) FROM kegiatan_hari h WHERE h.kegiatan_id = k.id AND h.dilewati = 0) "
        f"FROM kegiatan k WHERE {' AND '.join(where)}",
        params,
    ).fetchall()
    out = [
        KegiatanRow(
            r[0], r[1], r[2], date.fromisoformat(r[3]), date.fromisoformat(r[4]), r[5], r[6], r[7], r[8]
        )
        for r in rows
    ]
    coming = sorted((k for k in out if k.tanggal_selesai >= today), key=lambda k: (k.tanggal_mulai, k.id))
    past = sorted(
        (k for k in out if k.tanggal_selesai < today), key=lambda k: (k.tanggal_mulai, k.id), reverse=True
    )
    return coming + past


def list_hari(kegiatan_id: int) -> list[HariRow]:
    rows = db.execute_sql(
        "SELECT id, kegiatan_id, hari_ke, tanggal, jam_mulai, jam_selesai, dilewati FROM kegiatan_hari "
        "WHERE kegiatan_id = ? ORDER BY tanggal",
        (kegiatan_id,),
    )
    return [HariRow(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5], bool(r[6])) for r in rows]


def get_hari(hari_id: int) -> HariRow:
    row = db.execute_sql(
        "SELECT id, kegiatan_id, hari_ke, tanggal, jam_mulai, jam_selesai, dilewati FROM kegiatan_hari WHERE id = ?",
        (hari_id,),
    ).fetchone()
    if row is None:
        raise NotFound("Hari kegiatan tidak ditemukan.")
    return HariRow(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4], row[5], bool(row[6]))


def hari_by_number(kegiatan_id: int, hari_ke: int) -> HariRow:
    """The day ``hari_ke`` (1-based calendar position) of a kegiatan."""
    for hari in list_hari(kegiatan_id):
        if hari.hari_ke == hari_ke:
            return hari
    _fetch(kegiatan_id)
    raise NotFound(f"Kegiatan ini tidak punya hari ke-{hari_ke}.")


def set_hari(
    hari_id: int,
    *,
    jam_mulai: str | None = None,
    jam_selesai: str | None = None,
    dilewati: bool | None = None,
    force: bool = False,
) -> HariRow:
    """Change a day's times or skip it; skipping a day with attendance needs ``force``."""
    hari = get_hari(hari_id)
    values: dict[str, Any] = {}
    if jam_mulai is not None:
        values["jam_mulai"] = normalise_jam(jam_mulai, "jam_mulai")
    if jam_selesai is not None:
        values["jam_selesai"] = normalise_jam(jam_selesai, "jam_selesai")
    if dilewati is not None:
        values["dilewati"] = bool(dilewati)
    start, end = values.get("jam_mulai", hari.jam_mulai), values.get("jam_selesai", hari.jam_selesai)
    if start and end and end < start:
        raise ValidationError("Jam selesai tidak boleh sebelum jam mulai.", "jam_selesai")
    if values.get("dilewati") and not hari.dilewati and _days_with_attendance([hari_id]) and not force:
        raise DaysHaveAttendance(
            f"Hari {hari.tanggal:%d-%m-%Y} sudah berisi kehadiran; setujui dulu bila hari itu tetap dilewati.",
            (hari.tanggal,),
        )
    before = {k: getattr(hari, k) for k in values}
    changes = audit.diff(before, values)
    if changes:
        with db.atomic():
            KegiatanHari.update(**values).where(KegiatanHari.id == hari_id).execute()
            audit.record(
                "ubah", "kegiatan_hari", hari_id, changes, f"Hari ke-{hari.hari_ke} ({hari.tanggal:%d-%m-%Y})"
            )
    return get_hari(hari_id)


def delete_kegiatan(kegiatan_id: int, *, force: bool = False) -> None:
    """Delete a kegiatan; refused while it has participants unless ``force`` (roster and
    attendance go with it)."""
    with db.atomic():
        row = _fetch(kegiatan_id)
        count = db.execute_sql(
            "SELECT count(*) FROM peserta WHERE kegiatan_id = ?", (kegiatan_id,)
        ).fetchone()[0]
        if count and not force:
            raise DomainError(
                f"Kegiatan {row['nama']} sudah punya {count} peserta; setujui dulu untuk menghapusnya."
            )
        from db.services.notulen_keputusan import keputusan_ids_of_kegiatan, unlink_rencana_aksi

        unlink_rencana_aksi(keputusan_ids_of_kegiatan(kegiatan_id))  # its notulen goes with it
        Kegiatan.delete().where(Kegiatan.id == kegiatan_id).execute()
        audit.record("hapus", "kegiatan", kegiatan_id, {"nama": row["nama"], "peserta": count}, row["nama"])
