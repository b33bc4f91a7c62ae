"""A kader's training history (riwayat pelatihan): entered by hand here, filled by bimtek later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.identity import parse_date
from db.models import RiwayatPelatihan
from db.services.registry_fields import check_past_date, clean_text


@dataclass(frozen=True)
class PelatihanForm:
    tanggal: date | None = None
    kegiatan: str = ""
    jpl: float = 0
    nomor_sertifikat: str = ""
    catatan: str = ""


@dataclass(frozen=True)
class PelatihanRow:
    id: int
    kader_id: int
    tanggal: date
    kegiatan: str
    jpl: float
    nomor_sertifikat: str
    catatan: str


def list_pelatihan(kader_id: int) -> list[PelatihanRow]:
    """Newest first."""
    rows = db.execute_sql(
        "SELECT id, kader_id, tanggal, kegiatan, jpl, nomor_sertifikat, catatan FROM riwayat_pelatihan "
        "WHERE kader_id = ? ORDER BY tanggal DESC, id DESC",
        (kader_id,),
    )
    return [PelatihanRow(r[0], r[1], date.fromisoformat(r[2]), r[3], float(r[4]), r[5], r[6]) for r in rows]


def _clean(form: PelatihanForm) -> dict[str, object]:
    problems: dict[str, str] = {}
    tanggal = None
    try:
        tanggal = parse_date(form.tanggal, field="tanggal")
        if tanggal is None:
            problems["tanggal"] = "Tanggal pelatihan wajib diisi."
        else:
            check_past_date(tanggal, "tanggal", "Tanggal pelatihan")
    except ValidationError as exc:
        problems.update(exc.problems)
    kegiatan = clean_text(form.kegiatan)
    if not kegiatan:
        problems["kegiatan"] = "Nama kegiatan pelatihan wajib diisi."
    try:
        jpl = float(str(form.jpl).replace(",", ".")) if form.jpl not in (None, "") else 0.0
    except ValueError:
        jpl = -1.0
    if not 0 <= jpl <= 500:
        problems["jpl"] = "JPL harus angka antara 0 dan 500."
    if problems:
        raise ValidationError(problems)
    return {
        "tanggal": tanggal,
        "kegiatan": kegiatan,
        "jpl": jpl,
        "nomor_sertifikat": clean_text(form.nomor_sertifikat),
        "catatan": str(form.catatan or "").strip(),
    }


def add_pelatihan(kader_id: int, form: PelatihanForm) -> int:
    values = _clean(form)
    with db.atomic():
        name = db.execute_sql("SELECT nama FROM kader WHERE id = ?", (kader_id,)).fetchone()
        if name is None:
            raise NotFound("Kader tidak ditemukan.")
        entry_id = int(RiwayatPelatihan.insert(kader=kader_id, **values).execute())
        audit.record("tambah", "riwayat_pelatihan", entry_id, {"kader_id": kader_id, **values}, name[0])
    return entry_id


def delete_pelatihan(entry_id: int) -> None:
    with db.atomic():
        row = RiwayatPelatihan.get_or_none(RiwayatPelatihan.id == entry_id)
        if row is None:
            raise NotFound("Riwayat pelatihan tidak ditemukan.")
        values = {"kader_id": row.kader_id, "tanggal": row.tanggal, "kegiatan": row.kegiatan, "jpl": row.jpl}
        row.delete_instance()
        audit.record("hapus", "riwayat_pelatihan", entry_id, values, row.kegiatan)
