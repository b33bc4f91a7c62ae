"""Signatories (penandatangan) per Tata Naskah Dinas: name with titles, jabatan, NIP, prefix."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.models import Penandatangan
from db.validators import normalise_nip

PREFIXES = ("", "a.n.", "u.b.", "Plt.", "Plh.", "Pj.")
JENIS_PEGAWAI = ("PNS", "PPPK", "Non-ASN")


@dataclass(frozen=True)
class SignatoryData:
    id: int | None = None
    nama: str = ""
    jabatan: str = ""
    pangkat: str = ""
    nip: str = ""
    jenis_pegawai: str = "PNS"
    prefiks: str = ""
    jabatan_atasan: str = ""
    aktif: bool = True
    urutan: int = 0


def _to_data(row: Penandatangan) -> SignatoryData:
    return SignatoryData(
        id=row.id,
        nama=row.nama,
        jabatan=row.jabatan,
        pangkat=row.pangkat,
        nip=row.nip,
        jenis_pegawai=row.jenis_pegawai,
        prefiks=row.prefiks,
        jabatan_atasan=row.jabatan_atasan,
        aktif=bool(row.aktif),
        urutan=row.urutan,
    )


def list_signatories(*, active_only: bool = False) -> list[SignatoryData]:
    query = Penandatangan.select().order_by(Penandatangan.urutan, Penandatangan.id)
    if active_only:
        query = query.where(Penandatangan.aktif == True)  # noqa: E712 - peewee expression
    return [_to_data(row) for row in query]


def get_signatory(signatory_id: int) -> SignatoryData:
    row = Penandatangan.get_or_none(Penandatangan.id == signatory_id)
    if row is None:
        raise NotFound("Penandatangan tidak ditemukan.")
    return _to_data(row)


def _clean(data: SignatoryData) -> SignatoryData:
    problems: dict[str, str] = {}
    nama = " ".join(data.nama.split())
    jabatan = " ".join(data.jabatan.split())
    if not nama:
        problems["nama"] = "Nama penandatangan wajib diisi."
    if not jabatan:
        problems["jabatan"] = "Jabatan wajib diisi (mis. Camat Metro Timur)."
    if data.prefiks not in PREFIXES:
        problems["prefiks"] = "Awalan harus salah satu dari: a.n., u.b., Plt., Plh., Pj."
    if data.prefiks in ("a.n.", "u.b.") and not data.jabatan_atasan.strip():
        problems["jabatan_atasan"] = f"Dengan awalan {data.prefiks} isi juga jabatan atasan."
    if data.jenis_pegawai not in JENIS_PEGAWAI:
        problems["jenis_pegawai"] = "Jenis pegawai harus PNS, PPPK atau Non-ASN."
    nip = ""
    try:
        nip = normalise_nip(data.nip, jenis_pegawai=data.jenis_pegawai)
    except ValidationError as exc:
        problems.update(exc.problems)
    if data.jenis_pegawai == "Non-ASN" and nip:
        problems["nip"] = "Penandatangan Non-ASN tidak memiliki NIP; kosongkan isian NIP."
    if problems:
        raise ValidationError(problems)
    return replace(data, nama=nama, jabatan=jabatan, nip=nip, jabatan_atasan=data.jabatan_atasan.strip())


def save_signatory(data: SignatoryData) -> SignatoryData:
    """Create (``id is None``) or update a signatory; returns the stored values."""
    clean = _clean(data)
    now = audit.now_iso()
    values = asdict(clean)
    values.pop("id")
    with db.atomic():
        if clean.id is None:
            row = Penandatangan.create(**values, dibuat=now, diubah=now)
            audit.record("tambah", "penandatangan", row.id, values, clean.nama)
        else:
            row = Penandatangan.get_or_none(Penandatangan.id == clean.id)
            if row is None:
                raise NotFound("Penandatangan tidak ditemukan.")
            before = asdict(_to_data(row))
            Penandatangan.update(**values, diubah=now).where(Penandatangan.id == clean.id).execute()
            changes = audit.diff(before, values)
            if changes:
                audit.record("ubah", "penandatangan", clean.id, changes, clean.nama)
    return get_signatory(row.id)


def set_signatory_active(signatory_id: int, active: bool) -> None:
    current = get_signatory(signatory_id)
    save_signatory(replace(current, aktif=active))
