"""The roster import: a kegiatan's peserta from an office ``.xlsx``, through db.importer.

Same header detection, footers, cell faults, preview statuses, all-or-nothing apply and report
as the kader import — only the :class:`~db.importer.target.ImportTarget` differs: the columns
(:data:`PESERTA_COLUMNS`, also the export's), the row parser (asal matched to a kelurahan or
kecamatan of the office's kab/kota, else kept as an OPD name), the link to the kader registry
(by NIK, else by exact normalised name within the same region when unique; several candidates
are a warning to acknowledge, and the row is then not linked), duplicates refused (in the file
or against the roster), and :func:`db.services.peserta.save_peserta` as the writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path

from peewee import DatabaseError as PeeweeDatabaseError

from db import audit, wilayah
from db.database import db
from db.errors import DomainError, NotFound, ValidationError
from db.identity import normalise_phone, parse_nik
from db.importer.apply import ApplyResult, refuse_unless_applicable, rejection
from db.importer.forms import RowCheck
from db.importer.header import KADER_VARIANTS, make_vocabulary
from db.importer.pipeline import plan_file
from db.importer.plan import BARU, GALAT, ImportOptions, ImportPlan, PlanRow
from db.importer.problems import Problem
from db.importer.resolve import Resolver
from db.importer.rows import ParsedRow, RowReader, read_name, read_nik
from db.importer.snapshot import RegistrySnapshot, load_snapshot, person_key
from db.importer.target import ImportTarget
from db.services import peserta as peserta_service
from db.services.peserta import PesertaForm, check_peserta, form_from_kader, save_peserta

# (header, field): the export writes these headers, the import reads them back.
PESERTA_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("No", None), ("Nama", "nama"), ("NIK", "nik"), ("NIP", "nip"), ("Jenis Kelamin", "jenis_kelamin"),
    ("Jabatan", "jabatan"), ("Instansi/Unsur", "instansi"), ("Asal", "asal"), ("Posyandu", "posyandu"),
    ("No HP", "hp"), ("Peran", "peran"),
)  # fmt: skip
_LABELS = {key or "no": title for title, key in PESERTA_COLUMNS}
_VARIANTS = {
    "no": KADER_VARIANTS["no"],
    "nama": (*KADER_VARIANTS["nama"], "namapeserta", "namalengkappeserta", "namapesertagelar"),
    "nik": KADER_VARIANTS["nik"],
    "nip": ("nip", "nipnrp", "nomorindukpegawai", "nipnik"),
    "jenis_kelamin": KADER_VARIANTS["jenis_kelamin"],
    "jabatan": (*KADER_VARIANTS["jabatan"], "pangkatjabatan", "jabatanpekerjaan"),
    "instansi": ("instansi", "unsur", "instansiunsur", "unsurinstansi", "lembaga", "asalinstansi", "utusan",
                 "unsurutusan", "instansilembaga"),
    "asal": ("asal", "asalkelurahan", "asaldesa", "asalwilayah", "wilayah", "kecamatan", "opd", "asalopd",
             "asalkelurahaninstansi", *KADER_VARIANTS["kelurahan"]),
    "posyandu": KADER_VARIANTS["posyandu"],
    "hp": KADER_VARIANTS["hp"],
    "peran": ("peran", "sebagai", "peranan", "perandalamkegiatan", "kedudukandalamkegiatan"),
}  # fmt: skip
PESERTA_VOCABULARY = make_vocabulary(_LABELS, _VARIANTS, PESERTA_COLUMNS)
_MASK_CHARS = ("•", "*")
WARN_MASKED_NIK = "NIK tersamar (hasil ekspor tanpa NIK lengkap) diabaikan; peserta dicocokkan lewat nama."


@dataclass(frozen=True)
class PesertaRecord:
    """A participant as read from one row; ``kader_id`` is the registry link (None = not linked)."""

    nama: str
    nik: str = ""
    nip: str = ""
    jenis_kelamin: str = ""
    jabatan: str = ""
    instansi: str = ""
    kode_wilayah: str = ""
    asal_opd: str = ""
    asal: str = ""  # what the Asal column will show (region label or the OPD)
    posyandu: str = ""
    hp: str = ""
    peran: str = ""
    kader_id: int | None = None

    @property
    def kelurahan(self) -> str:  # the preview's "Posyandu · Kelurahan" column
        return self.asal


@dataclass
class PesertaSnapshot(RegistrySnapshot):
    """The registry facts plus the kader names by region and the kegiatan's current roster."""

    kegiatan_id: int = 0
    kader_by_name: dict[str, list[tuple[int, str, str, str]]] = field(
        default_factory=dict
    )  # key → (id, nik, kode, label)
    roster_keys: dict[tuple, str] = field(default_factory=dict)  # duplicate key → the roster name


def _duplicate_keys(record: PesertaRecord) -> list[tuple]:
    keys = [("nik", record.nik)] if record.nik else []
    if record.kader_id is not None:
        keys.append(("kader", record.kader_id))
    keys.append(("orang", person_key(record.nama), record.kode_wilayah or person_key(record.asal_opd)))
    return keys


def load_peserta_snapshot(kegiatan_id: int) -> PesertaSnapshot:
    """Read the registry and the roster (on the thread that owns the database connection)."""
    if not db.execute_sql("SELECT 1 FROM kegiatan WHERE id = ?", (kegiatan_id,)).fetchone():
        raise NotFound("Kegiatan tidak ditemukan (mungkin sudah dihapus).")
    base = load_snapshot()
    snap = PesertaSnapshot(
        **{name: getattr(base, name) for name in base.__dataclass_fields__}, kegiatan_id=kegiatan_id
    )
    rows = db.execute_sql(
        "SELECT k.id, k.nama, coalesce(k.nik, ''), coalesce(k.kode_wilayah, '') FROM kader k"
    )
    for kader_id, nama, nik, kode in rows:
        kode = wilayah.to_dotted(kode) or kode
        region = wilayah.get(kode) if kode else None
        snap.kader_by_name.setdefault(person_key(nama), []).append(
            (kader_id, nik, kode, region.nama if region else "")
        )
    for row in peserta_service.roster(kegiatan_id):
        record = PesertaRecord(
            row.nama, row.nik, kode_wilayah=row.kode_wilayah, asal_opd=row.asal_opd, kader_id=row.kader_id
        )
        for key in _duplicate_keys(record):
            snap.roster_keys.setdefault(key, row.nama)
    return snap


@lru_cache(maxsize=4096)
def _asal(text: str, kabkota: str) -> tuple[str, str, str, str]:
    """(kode, label, asal_opd, problem): a kelurahan/desa, else a kecamatan of the office's kab/kota,
    else an office (OPD) kept as written; a name that only resembles some kelurahan is a problem."""
    if not text:
        return "", "", "", ""
    found = wilayah.match(text, within=kabkota, tingkat=wilayah.DESA)
    if found.certain and found.best:
        return found.best.kode, found.best.label, "", ""
    kecamatan = wilayah.match(text, within=kabkota, tingkat=wilayah.KECAMATAN)
    if kecamatan.certain and kecamatan.best:
        return kecamatan.best.kode, kecamatan.best.label, "", ""
    if found.candidates:
        options = ", ".join(f"{w.nama} ({w.kode})" for w in found.candidates)
        return "", "", "", f"Asal '{text[:60]}' tidak pasti; mungkin: {options}. Perbaiki ejaannya."
    return "", text[:200], text[:200], ""


def _link(reader: RowReader, snap: RegistrySnapshot, record: PesertaRecord) -> int | None:
    """The kader this row is: by NIK, else by name within the row's region when unique."""
    if record.nik and record.nik in snap.kader_by_nik:
        return snap.kader_by_nik[record.nik]
    if not isinstance(snap, PesertaSnapshot) or not record.kode_wilayah:
        return None
    here = [
        c for c in snap.kader_by_name.get(person_key(record.nama), []) if c[2].startswith(record.kode_wilayah)
    ]
    here = [c for c in here if not (record.nik and c[1])]  # two different NIKs: two people
    if len(here) == 1:
        return here[0][0]
    if len(here) > 1:
        names = ", ".join(f"kader #{c[0]} ({c[3] or 'tanpa kelurahan'})" for c in here[:5])
        reader.warn(
            "nama",
            f"Nama cocok dengan beberapa kader: {names}; bila diterima, peserta tidak ditautkan ke kader.",
        )
    return None


def parse_peserta_row(reader: RowReader, resolver: Resolver) -> PesertaRecord:
    """One row → a participant record (no database access: the snapshot holds the registry)."""
    nama = read_name(reader)
    if any(mark in reader.text("nik") for mark in _MASK_CHARS):
        nik = ""
        reader.warn("nik", WARN_MASKED_NIK)
    else:
        nik, _numeric = read_nik(reader)  # a numeric cell is warned about by read_nik
    nip_raw = reader.raw("nip")
    nip = (
        str(int(nip_raw))
        if isinstance(nip_raw, int) and not isinstance(nip_raw, bool)
        else reader.text("nip")
    )
    kode, label, opd, problem = _asal(reader.text("asal"), resolver.snapshot.kabkota)
    if problem:
        reader.problem("asal", problem)
    texts = {
        key: reader.text(key)[:200]
        for key in ("jenis_kelamin", "jabatan", "instansi", "posyandu", "hp", "peran")
    }
    record = PesertaRecord(nama=nama, nik=nik, nip=nip, kode_wilayah=kode, asal=label, asal_opd=opd, **texts)
    return replace(record, kader_id=_link(reader, resolver.snapshot, record))


def peserta_status(row: ParsedRow, snap: RegistrySnapshot, options: ImportOptions, seen: dict) -> PlanRow:
    """New, or refused: a duplicate inside the file or already on the kegiatan's roster."""
    plan_row = PlanRow(row, BARU)
    if row.problems or row.record is None:
        plan_row.status = GALAT
        return plan_row
    roster = snap.roster_keys if isinstance(snap, PesertaSnapshot) else {}
    for key in _duplicate_keys(row.record):
        if key in seen:
            reason = f"Duplikat di dalam berkas: sama dengan baris {seen[key]}."
        elif key in roster:
            reason = f"Sudah terdaftar di kegiatan ini atas nama {roster[key]}."
        else:
            continue
        plan_row.notes.append(Problem(row.sheet, row.row, "", reason))
        plan_row.status = GALAT
        return plan_row
    for key in _duplicate_keys(row.record):
        seen.setdefault(key, row.row)
    return plan_row


def _form(kegiatan_id: int, record: PesertaRecord) -> PesertaForm:
    """The row's form; a linked kader's registry details fill what the file leaves empty."""
    given = {name: getattr(record, name) for name in ("nama", "nik", "nip", "jenis_kelamin", "jabatan", "instansi",
                                                      "kode_wilayah", "asal_opd", "posyandu", "hp", "peran")}  # fmt: skip
    given = {name: value for name, value in given.items() if value}
    if record.kader_id is None:
        return PesertaForm(kegiatan_id=kegiatan_id, **given)
    base = form_from_kader(kegiatan_id, record.kader_id)
    base = replace(
        base, nik=_valid_or_empty(parse_nik, base.nik), hp=_valid_or_empty(normalise_phone, base.hp)
    )
    if given.get("asal_opd"):  # the file says the person comes from an office, not the kader's kelurahan
        base = replace(base, kode_wilayah="")
    return replace(base, **given)


def _valid_or_empty(check, value: str) -> str:  # noqa: ANN001 - a validator
    try:
        check(value) if value else None
    except ValidationError:
        return ""
    return value


def check_peserta_record(kegiatan_id: int, record: PesertaRecord, _existing_id: int | None) -> RowCheck:
    """Validate the row exactly as :func:`save_peserta` will (problems keyed by import field)."""
    try:
        return RowCheck(check_peserta(_form(kegiatan_id, record)))
    except ValidationError as exc:
        columns = {"kode_wilayah": "asal", "asal_opd": "asal", "kader_id": "nama"}
        return RowCheck(None, {columns.get(k, k): v for k, v in exc.problems.items()})


def apply_peserta_plan(kegiatan_id: int, plan: ImportPlan) -> ApplyResult:
    """Every new participant in ONE transaction (save_peserta per row, each its own savepoint)."""
    refuse_unless_applicable(plan)
    writes = [row for row in plan.rows if row.status == BARU]
    current: PlanRow | None = None
    try:
        with db.atomic():
            for current in writes:
                save_peserta(current.form or _form(kegiatan_id, current.record))
            current = None
            linked = sum(1 for row in writes if row.record.kader_id is not None)
            audit.record("impor", "peserta", kegiatan_id, {"baru": len(writes), "tertaut_kader": linked},
                         f"Impor Excel: {len(writes)} peserta")  # fmt: skip
    except (DomainError, PeeweeDatabaseError) as exc:
        raise rejection(exc, current) from exc
    finally:
        peserta_service.invalidate()
    return ApplyResult(len(writes), 0, len(plan.rows) - len(writes), 0)


def peserta_target(kegiatan_id: int) -> ImportTarget:
    """The import target for the roster of ``kegiatan_id``."""
    return ImportTarget(
        "peserta", PESERTA_VOCABULARY, partial(load_peserta_snapshot, kegiatan_id), parse_peserta_row,
        peserta_status, partial(check_peserta_record, kegiatan_id), partial(apply_peserta_plan, kegiatan_id),
    )  # fmt: skip


def plan_peserta_file(kegiatan_id: int, path: str | Path, options: ImportOptions | None = None) -> ImportPlan:
    """Plan the import of ``path`` into the roster of ``kegiatan_id`` (nothing written)."""
    return plan_file(path, options, peserta_target(kegiatan_id))
