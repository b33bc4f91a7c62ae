"""Checking a kader entry: hard errors (``ValidationError``) and warnings the user may accept.

Shared by the edit dialog (through :func:`db.services.kader.save_kader`) and the Excel importer's
preview (which calls :func:`check_kader` per row without writing).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from db import wilayah
from db.database import db
from db.errors import DomainError, ValidationError
from db.identity import NikInfo, clean_nik, nik_mismatches, normalise_phone, parse_date, parse_nik
from db.services.registry_fields import (
    AGAMA,
    STATUS_KADER,
    TINGKATAN,
    age_on,
    check_past_date,
    choose,
    clean_text,
    kelurahan_code,
    normalise_gender,
    normalise_jabatan,
    normalise_rt_rw,
)


class NeedsConfirmation(DomainError):
    """The entry is valid but looks wrong; save again with ``accept_warnings=True`` to keep it."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = list(warnings)
        super().__init__("Perlu konfirmasi: " + " ".join(self.warnings))


@dataclass(frozen=True)
class KaderForm:
    """Every field of a kader as the edit dialog and the importer give it.

    ``hp`` may be typed in any common form; it is stored as E.164. Empty ``jenis_kelamin`` or
    ``tanggal_lahir`` are taken from the NIK. Empty ``kode_wilayah`` (the kelurahan of the
    address) is taken from the posyandu. ``nik_perlu_dicek`` marks a NIK read from a numeric
    Excel cell (the 16th digit may be lost) until someone confirms it.
    """

    id: int | None = None
    nama: str = ""
    nik: str = ""
    nik_perlu_dicek: bool = False
    jenis_kelamin: str = ""
    tempat_lahir: str = ""
    tanggal_lahir: date | None = None
    agama: str = ""
    pendidikan: str = ""
    pekerjaan: str = ""
    alamat: str = ""
    rt: str = ""
    rw: str = ""
    kode_wilayah: str = ""
    hp: str = ""
    posyandu_id: int | None = None
    jabatan: str = "Anggota"
    bidang: str = ""
    sk_nomor: str = ""
    sk_tanggal: date | None = None
    mulai_aktif: date | None = None
    status: str = "aktif"
    tingkatan: str = ""
    catatan: str = ""


FORM_FIELDS = tuple(name for name in KaderForm.__dataclass_fields__ if name != "id")


@dataclass(frozen=True)
class KaderCheck:
    """A normalised form plus the warnings that need the user's acknowledgement."""

    form: KaderForm
    warnings: list[str] = field(default_factory=list)


class _Collector:
    def __init__(self) -> None:
        self.problems: dict[str, str] = {}
        self.values: dict[str, object] = {}

    def take(self, name: str, func, *args, **kwargs) -> object:  # noqa: ANN001
        try:
            self.values[name] = func(*args, **kwargs)
        except ValidationError as exc:
            self.problems.update({key or name: text for key, text in exc.problems.items()})
            self.values[name] = None
        return self.values[name]


def _dates(form: KaderForm, out: _Collector) -> None:
    labels = {
        "tanggal_lahir": "Tanggal lahir",
        "sk_tanggal": "Tanggal SK",
        "mulai_aktif": "Tanggal mulai aktif",
    }
    for name, label in labels.items():
        value = out.take(name, parse_date, getattr(form, name), field=name)
        if isinstance(value, date):
            out.take(name, lambda v=value, n=name, lb=label: check_past_date(v, n, lb) or v)


def _posyandu_code(posyandu_id: int | None, out: _Collector) -> str:
    if posyandu_id is None:
        return ""
    found = db.execute_sql("SELECT kode_wilayah FROM posyandu WHERE id = ?", (posyandu_id,)).fetchone()
    if found is None:
        out.problems["posyandu_id"] = "Posyandu yang dipilih tidak ada."
        return ""
    return str(found[0])


def _nik(form: KaderForm, out: _Collector) -> NikInfo | None:
    nik = clean_nik(form.nik)
    out.values["nik"] = nik
    if not nik:
        return None
    info = out.take("nik", parse_nik, nik)
    if info is None:
        return None
    out.values["nik"] = info.nik
    other = db.execute_sql(
        "SELECT k.nama, coalesce(p.nama, '') FROM kader k LEFT JOIN posyandu p ON p.id = k.posyandu_id "
        "WHERE k.nik = ? AND k.id IS NOT ?",
        (info.nik, form.id),
    ).fetchone()
    if other:
        where = f" ({other[1]})" if other[1] else ""
        out.problems["nik"] = f"NIK ini sudah terdaftar atas nama {other[0]}{where}."
    return info


def _warnings(form: KaderForm, info: NikInfo | None, clean: dict[str, object]) -> list[str]:
    warnings: list[str] = []
    entered_birth = clean["tanggal_lahir"] if form.tanggal_lahir not in (None, "") else None
    if info is not None:
        warnings += nik_mismatches(
            info, entered_birth, str(clean["jenis_kelamin"]) if form.jenis_kelamin else ""
        )
        if wilayah.get(info.kode_kecamatan) is None:
            warnings.append(
                f"Kode kecamatan pada NIK ({info.kode_kecamatan}) tidak ada dalam daftar Kemendagri."
            )
    born = clean["tanggal_lahir"]
    age = age_on(born) if isinstance(born, date) else None
    if age is not None and not 15 <= age <= 90:
        warnings.append(f"Umur kader {age} tahun; periksa tanggal lahir.")
    if isinstance(born, date):
        same = db.execute_sql(
            "SELECT nama FROM kader WHERE tanggal_lahir = ? AND id IS NOT ?", (born.isoformat(), form.id)
        ).fetchall()
        key = " ".join(str(clean["nama"]).casefold().split())
        if any(" ".join(name.casefold().split()) == key for (name,) in same):
            warnings.append(f"Sudah ada kader bernama {clean['nama']} dengan tanggal lahir {born:%d-%m-%Y}.")
    return warnings


def check_kader(form: KaderForm) -> KaderCheck:
    """Validate and normalise; raise :class:`ValidationError` (field → reason) on hard errors."""
    out = _Collector()
    out.values["nama"] = clean_text(form.nama)
    if not out.values["nama"]:
        out.problems["nama"] = "Nama kader wajib diisi."
    info = _nik(form, out)
    out.take("jenis_kelamin", normalise_gender, form.jenis_kelamin)
    _dates(form, out)
    out.take("hp", normalise_phone, form.hp)
    out.take("agama", choose, form.agama, AGAMA, "agama", "Agama")
    out.take("status", choose, form.status or "aktif", STATUS_KADER, "status", "Status")
    out.take("tingkatan", choose, form.tingkatan, TINGKATAN, "tingkatan", "Tingkatan")
    jabatan = out.take("jabatan", normalise_jabatan, form.jabatan, clean_text(form.bidang))
    out.take("rt", normalise_rt_rw, form.rt, "rt")
    out.take("rw", normalise_rt_rw, form.rw, "rw")
    from_posyandu = _posyandu_code(form.posyandu_id, out)
    code = out.take("kode_wilayah", kelurahan_code, form.kode_wilayah, required=False)
    if out.problems:
        raise ValidationError(out.problems)
    clean = out.values
    clean["jabatan"], clean["bidang"] = jabatan
    clean["kode_wilayah"] = code or from_posyandu
    if info is not None:
        clean["jenis_kelamin"] = clean["jenis_kelamin"] or info.jenis_kelamin
        clean["tanggal_lahir"] = clean["tanggal_lahir"] or info.tanggal_lahir
    texts = {
        name: clean_text(getattr(form, name))
        for name in ("tempat_lahir", "pendidikan", "pekerjaan", "alamat", "sk_nomor")
    }
    result = replace(
        form,
        **clean,
        **texts,
        catatan=str(form.catatan or "").strip(),
        nik_perlu_dicek=bool(form.nik_perlu_dicek and clean["nik"]),
    )
    return KaderCheck(result, _warnings(form, info, clean))
