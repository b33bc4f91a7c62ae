"""The roster of a kegiatan: add from the kader registry or by hand, edit, remove, search.

A roster is small (a bimtek has ~230 people), so reads go through a per-kegiatan cache of
:class:`PesertaRow` that is rebuilt when the roster changes (this process bumps a generation on
every write; a cheap ``count/max(diubah)`` probe catches other writers). Search and check-in then
filter in Python, which costs well under a millisecond.

Each participant gets a 6-character code from an alphabet without look-alikes (no 0/O, 1/I),
unique in the whole file: it is printed on the name tag (QR + text) and typed by the scanner.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from peewee import IntegrityError

from db import audit, wilayah
from db.database import db
from db.errors import DomainError, NotFound, ValidationError
from db.identity import normalise_phone, parse_nik
from db.models import Peserta
from db.services.registry_fields import choose, clean_text, normalise_gender
from db.validators import normalise_nip

PERAN = ("Peserta", "Narasumber", "Moderator", "Panitia", "Undangan")
KODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
KODE_LENGTH = 6
_FIELDS = ("nama", "nik", "nip", "jenis_kelamin", "jabatan", "instansi", "kode_wilayah", "asal_opd", "posyandu",
           "hp", "peran")  # fmt: skip


class DuplicatePeserta(ValidationError):
    """The person is already on this kegiatan's roster (same NIK or same kader)."""


class HasAttendance(DomainError):
    """Removing the participant would drop their attendance; pass ``force=True``."""


@dataclass(frozen=True)
class PesertaForm:
    """A participant as entered. ``kode_wilayah``: kelurahan or kecamatan code of the asal;
    ``asal_opd``: an office (OPD, puskesmas) when the person does not come from a region."""

    kegiatan_id: int
    nama: str
    nik: str = ""
    nip: str = ""
    jenis_kelamin: str = ""
    jabatan: str = ""
    instansi: str = ""
    kode_wilayah: str = ""
    asal_opd: str = ""
    posyandu: str = ""
    hp: str = ""
    peran: str = "Peserta"
    kader_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class PesertaRow:
    """A roster line. ``asal`` is what prints in the Asal column ("Kelurahan Yosodadi",
    "Kecamatan Metro Timur" or the OPD); ``hp`` is E.164 (format with identity.format_phone);
    ``nik`` is full — mask it (db.masking.mask_nik) before showing or printing."""

    id: int
    kegiatan_id: int
    kader_id: int | None
    kode: str
    no_urut: int
    nama: str
    nik: str
    nip: str
    jenis_kelamin: str
    jabatan: str
    instansi: str
    kode_wilayah: str
    asal_opd: str
    posyandu: str
    hp: str
    peran: str
    asal: str

    @property
    def kecamatan_kode(self) -> str:
        return self.kode_wilayah[:8]


@dataclass(frozen=True)
class PesertaFilter:
    peran: str = ""
    kode_wilayah: str = ""  # exact code, or a kecamatan code covering its kelurahan
    asal_opd: str = ""
    status: str = ""  # "" or one of peserta_status.STATUS_FILTERS ("hadir_hari_ini", …)
    hari_ini: date | None = None  # the date "hari ini" means (None: the clock's)


@dataclass(frozen=True)
class AsalCount:
    asal: str
    kode_wilayah: str
    asal_opd: str
    jumlah: int


# ------------------------------------------------------------------------------- the cache
_generation = 0
_cache: dict[int, tuple[tuple[Any, ...], list[PesertaRow]]] = {}
_SELECT = (
    "SELECT id, kegiatan_id, kader_id, kode, no_urut, nama, nik, nip, jenis_kelamin, jabatan, instansi, "
    "kode_wilayah, asal_opd, posyandu, hp, peran FROM peserta"
)


def invalidate() -> None:
    """Forget cached rosters (called by every write here and by other writers of ``peserta``)."""
    global _generation
    _generation += 1
    _cache.clear()


def asal_label(kode_wilayah: str, asal_opd: str = "") -> str:
    if kode_wilayah:
        region = wilayah.get(kode_wilayah)
        if region is not None:
            return region.label
        return kode_wilayah
    return asal_opd


def _row(values: tuple) -> PesertaRow:
    return PesertaRow(*values, asal=asal_label(values[11], values[12]))


def roster(kegiatan_id: int) -> list[PesertaRow]:
    """Every participant by ``no_urut`` (from the cache; the list is a fresh copy)."""
    probe = db.execute_sql(
        "SELECT count(*), max(diubah), max(id) FROM peserta WHERE kegiatan_id = ?", (kegiatan_id,)
    ).fetchone()
    key = (_generation, *probe)
    cached = _cache.get(kegiatan_id)
    if cached is not None and cached[0] == key:
        return list(cached[1])
    rows = [
        _row(r)
        for r in db.execute_sql(f"{_SELECT} WHERE kegiatan_id = ? ORDER BY no_urut, id", (kegiatan_id,))
    ]
    _cache[kegiatan_id] = (key, rows)
    return list(rows)


def get_peserta(peserta_id: int) -> PesertaRow:
    row = db.execute_sql(f"{_SELECT} WHERE id = ?", (peserta_id,)).fetchone()
    if row is None:
        raise NotFound("Peserta tidak ditemukan (mungkin sudah dihapus).")
    return _row(row)


def find_by_kode(kode: str) -> PesertaRow | None:
    row = db.execute_sql(f"{_SELECT} WHERE kode = ?", (clean_text(kode).upper(),)).fetchone()
    return _row(row) if row else None


# -------------------------------------------------------------------------------- validation
def check_peserta(form: PesertaForm) -> PesertaForm:
    """The cleaned form or :class:`ValidationError` listing every problem by field."""
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}

    def attempt(name: str, fn: Callable[[], Any]) -> None:
        try:
            values[name] = fn()
        except ValidationError as exc:
            problems.update(exc.problems)

    attempt("nik", lambda: parse_nik(form.nik) if clean_text(form.nik) else None)
    attempt("nip", lambda: normalise_nip(form.nip, jenis_pegawai="PPPK"))
    attempt("hp", lambda: normalise_phone(form.hp))
    attempt("jenis_kelamin", lambda: normalise_gender(form.jenis_kelamin))
    attempt("peran", lambda: choose(form.peran or "Peserta", PERAN, "peran", "Peran", empty_ok=False))
    attempt("kode_wilayah", lambda: _region(form.kode_wilayah))
    values["nama"] = clean_text(form.nama)
    if not values["nama"]:
        problems["nama"] = "Nama peserta wajib diisi."
    if problems:
        raise ValidationError(problems)
    info = values.pop("nik")
    values["nik"] = info.nik if info else ""
    if info and not values["jenis_kelamin"]:
        values["jenis_kelamin"] = info.jenis_kelamin  # the NIK says it (day of birth + 40 for women)
    for name in ("jabatan", "instansi", "asal_opd", "posyandu"):
        values[name] = clean_text(getattr(form, name))
    return replace(form, **values)


def _region(value: str) -> str:
    text = clean_text(value)
    if not text:
        return ""
    region = wilayah.get(text)
    if region is None or region.tingkat < wilayah.KECAMATAN:
        raise ValidationError(
            f"Kode {text} bukan kode kecamatan atau kelurahan/desa yang dikenal.", "kode_wilayah"
        )
    return region.kode


# -------------------------------------------------------------------------------------- write
def _new_kode(rng: Callable[[str], str] | None = None) -> str:
    pick = rng or secrets.choice
    while True:
        kode = "".join(pick(KODE_ALPHABET) for _ in range(KODE_LENGTH))
        if not db.execute_sql("SELECT 1 FROM peserta WHERE kode = ?", (kode,)).fetchone():
            return kode


def _refuse_duplicate(form: PesertaForm) -> None:
    if (
        form.kader_id is not None
        and not db.execute_sql("SELECT 1 FROM kader WHERE id = ?", (form.kader_id,)).fetchone()
    ):
        raise ValidationError("Kader yang ditautkan tidak ditemukan (mungkin sudah dihapus).", "kader_id")
    if form.nik:
        found = db.execute_sql(
            "SELECT nama FROM peserta WHERE kegiatan_id = ? AND nik = ? AND id IS NOT ?",
            (form.kegiatan_id, form.nik, form.id),
        ).fetchone()
        if found:
            raise DuplicatePeserta(f"NIK ini sudah terdaftar di kegiatan ini atas nama {found[0]}.", "nik")
    if form.kader_id is not None:
        found = db.execute_sql(
            "SELECT nama FROM peserta WHERE kegiatan_id = ? AND kader_id = ? AND id IS NOT ?",
            (form.kegiatan_id, form.kader_id, form.id),
        ).fetchone()
        if found:
            raise DuplicatePeserta(f"Kader ini sudah terdaftar di kegiatan ini ({found[0]}).", "kader_id")


def save_peserta(form: PesertaForm, *, kode_rng: Callable[[str], str] | None = None) -> int:
    """Create (``id is None``) or update a participant; returns the id.

    Refuses a second row with the same NIK (or the same linked kader) in the kegiatan with
    :class:`DuplicatePeserta`. ``kode_rng`` (``random.Random(seed).choice``) makes codes
    reproducible for the demo; the app uses ``secrets``.
    """
    clean = check_peserta(form)
    values = {name: getattr(clean, name) for name in _FIELDS}
    now = audit.now_iso()
    try:
        with db.atomic():
            if not db.execute_sql("SELECT 1 FROM kegiatan WHERE id = ?", (clean.kegiatan_id,)).fetchone():
                raise NotFound("Kegiatan tidak ditemukan (mungkin sudah dihapus).")
            _refuse_duplicate(clean)
            if clean.id is None:
                number = db.execute_sql(
                    "SELECT coalesce(max(no_urut), 0) + 1 FROM peserta WHERE kegiatan_id = ?",
                    (clean.kegiatan_id,),
                ).fetchone()[0]
                peserta_id = int(Peserta.insert(
                    **values, kegiatan=clean.kegiatan_id, kader=clean.kader_id, kode=_new_kode(kode_rng),
                    no_urut=number, dibuat=now, diubah=now).execute())  # fmt: skip
                audit.record("tambah", "peserta", peserta_id, values, clean.nama)
                return peserta_id
            old = get_peserta(clean.id)
            if old.kegiatan_id != clean.kegiatan_id:
                raise ValidationError("Peserta tidak dapat dipindah ke kegiatan lain.", "kegiatan_id")
            changes = audit.diff({n: getattr(old, n) for n in _FIELDS}, values)
            if old.kader_id != clean.kader_id:
                changes["kader_id"] = [old.kader_id, clean.kader_id]
            if changes:
                Peserta.update(**values, kader=clean.kader_id, diubah=now).where(
                    Peserta.id == clean.id
                ).execute()
                audit.record("ubah", "peserta", clean.id, changes, clean.nama)
            return clean.id
    finally:
        invalidate()


def form_from_kader(kegiatan_id: int, kader_id: int, peran: str = "Peserta") -> PesertaForm:
    """A participant form filled from a registry kader (the link kept in ``kader_id``)."""
    row = db.execute_sql(
        "SELECT k.nama, k.nik, k.jenis_kelamin, k.jabatan, k.bidang, k.kode_wilayah, k.hp, coalesce(p.nama, '') "
        "FROM kader k LEFT JOIN posyandu p ON p.id = k.posyandu_id WHERE k.id = ?",
        (kader_id,),
    ).fetchone()
    if row is None:
        raise NotFound("Kader tidak ditemukan (mungkin sudah dihapus).")
    nama, nik, gender, jabatan, bidang, kode, hp, posyandu = row
    title = "Kader" if jabatan in ("", "Anggota") else f"{jabatan} Kader"
    title += f" (Bidang {bidang})" if bidang else ""
    return PesertaForm(
        kegiatan_id=kegiatan_id, nama=nama, nik=nik, jenis_kelamin=gender, jabatan=title,
        instansi="Kader Posyandu", kode_wilayah=kode, posyandu=posyandu, hp=hp, peran=peran, kader_id=kader_id,
    )  # fmt: skip


def add_from_kader(kegiatan_id: int, kader_id: int, peran: str = "Peserta") -> int:
    """Put a registry kader on the roster with their details copied; returns the peserta id.

    A NIK the registry holds but that no longer validates (imported old data) is dropped from the
    copy rather than refusing the person."""
    form = form_from_kader(kegiatan_id, kader_id, peran)
    try:
        parse_nik(form.nik) if form.nik else None
    except ValidationError:
        form = replace(form, nik="")
    try:
        normalise_phone(form.hp)
    except ValidationError:
        form = replace(form, hp="")
    return save_peserta(form)


def attendance_count(peserta_id: int) -> int:
    return int(
        db.execute_sql("SELECT count(*) FROM kehadiran WHERE peserta_id = ?", (peserta_id,)).fetchone()[0]
    )


def remove_peserta(peserta_id: int, *, force: bool = False) -> None:
    """Take a participant off the roster; refused once they have attendance unless ``force``."""
    try:
        with db.atomic():
            row = get_peserta(peserta_id)
            marks = attendance_count(peserta_id)
            if marks and not force:
                raise HasAttendance(
                    f"{row.nama} sudah punya {marks} catatan kehadiran; setujui dulu bila tetap dihapus."
                )
            Peserta.delete().where(Peserta.id == peserta_id).execute()
            audit.record("hapus", "peserta", peserta_id,
                         {**{n: getattr(row, n) for n in _FIELDS}, "kehadiran": marks}, row.nama)  # fmt: skip
    except IntegrityError as exc:  # pragma: no cover - foreign keys cascade; kept as a guard
        raise DomainError(f"Peserta tidak dapat dihapus: {exc}") from exc
    finally:
        invalidate()


def fold_text(text: str) -> str:
    """Case- and space-insensitive form of a name for matching and sorting."""
    return " ".join(text.casefold().split())


def roster_order(
    kegiatan_id: int, order: str = "asal", peran: tuple[str, ...] | None = None
) -> list[PesertaRow]:
    """The order of the printed daftar hadir, shared by the print and the paper back-fill.

    ``order="asal"``: by region code (each kecamatan, then its kelurahan), then OPD names, then
    name; ``order="nomor"``: by ``no_urut``. ``peran`` limits the roles (e.g. ``("Peserta",)`` for
    the main sheet, ``("Narasumber", "Moderator", "Panitia")`` for the separate one).
    """
    rows = [r for r in roster(kegiatan_id) if peran is None or r.peran in peran]
    if order == "nomor":
        return rows
    if order != "asal":
        raise ValidationError("Urutan harus 'asal' atau 'nomor'.", "order")
    return sorted(
        rows,
        key=lambda r: (r.kode_wilayah == "", r.kode_wilayah, fold_text(r.asal_opd), fold_text(r.nama), r.id),
    )
