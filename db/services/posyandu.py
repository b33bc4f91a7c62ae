"""The posyandu registry: list with kader counts, add/edit with validation, deactivate.

Posyandu are never deleted (kader and later kegiatan refer to them): they are deactivated.
``kode_wilayah`` is the dotted Kemendagri code of the desa/kelurahan (``18.72.04.1001``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date

from db import audit, wilayah
from db.database import db
from db.errors import NotFound, ValidationError
from db.identity import parse_date
from db.services import kader_search
from db.services.registry_fields import (
    STRATA,
    check_past_date,
    choose,
    clean_text,
    kelurahan_code,
    normalise_rt_rw,
)

_REGISTRATION = re.compile(r"^(\d{2})\.?(\d{2})\.?(\d{2})\.?(\d{4})\.?(\d{3})$")


@dataclass(frozen=True)
class PosyanduForm:
    id: int | None = None
    nama: str = ""
    kode_wilayah: str = ""
    alamat: str = ""
    rt: str = ""
    rw: str = ""
    puskesmas: str = ""
    nomor_registrasi: str = ""
    strata: str = ""
    tahun_strata: int | None = None
    status_ilp: bool = False
    hari_buka: str = ""
    sk_nomor: str = ""
    sk_tanggal: date | None = None
    ketua: str = ""
    aktif: bool = True
    catatan: str = ""


@dataclass(frozen=True)
class PosyanduRow:
    id: int
    nama: str
    kode_wilayah: str
    kelurahan: str
    nomor_registrasi: str
    strata: str
    tahun_strata: int | None
    status_ilp: bool
    hari_buka: str
    ketua: str
    puskesmas: str
    aktif: bool
    jumlah_kader: int
    jumlah_kader_aktif: int


@dataclass(frozen=True)
class PosyanduFilter:
    kode_wilayah: str = ""  # a kelurahan, or a kecamatan/kota code for everything under it
    strata: str = ""
    aktif: bool | None = None
    status_ilp: bool | None = None


_FORM_FIELDS = tuple(f for f in PosyanduForm.__dataclass_fields__ if f != "id")
_LIST_SQL = """
SELECT p.id, p.nama, p.kode_wilayah, coalesce(w.nama, ''), p.nomor_registrasi, p.strata, p.tahun_strata,
       p.status_ilp, p.hari_buka, p.ketua, p.puskesmas, p.aktif,
       count(k.id), coalesce(sum(k.status = 'aktif'), 0)
FROM posyandu p
LEFT JOIN wilayah_nama w ON w.kode = p.kode_wilayah
LEFT JOIN kader k ON k.posyandu_id = p.id
"""


def list_posyandu(filters: PosyanduFilter | None = None) -> list[PosyanduRow]:
    """Posyandu ordered by kelurahan then name, with kader counts (one query)."""
    kader_search.ensure_ready()
    filters = filters or PosyanduFilter()
    where, params = [], []
    code = filters.kode_wilayah.strip()
    if code:
        where.append("(p.kode_wilayah = ? OR p.kode_wilayah LIKE ?)")
        params += [code, code.rstrip(".") + ".%"]
    if filters.strata:
        where.append("p.strata = ?")
        params.append(filters.strata)
    for column, value in (("p.aktif", filters.aktif), ("p.status_ilp", filters.status_ilp)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(int(value))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    sql = f"{_LIST_SQL}{clause} GROUP BY p.id ORDER BY w.nama COLLATE NOCASE, p.nama COLLATE NOCASE, p.id"
    return [_row(values) for values in db.execute_sql(sql, params)]


def _row(values: tuple) -> PosyanduRow:
    (
        pid,
        nama,
        kode,
        kelurahan,
        nomor,
        strata,
        tahun,
        ilp,
        hari,
        ketua,
        puskesmas,
        aktif,
        jumlah,
        jumlah_aktif,
    ) = values
    return PosyanduRow(
        pid,
        nama,
        kode,
        kelurahan,
        nomor,
        strata,
        tahun,
        bool(ilp),
        hari,
        ketua,
        puskesmas,
        bool(aktif),
        jumlah,
        jumlah_aktif,
    )


def get_posyandu(posyandu_id: int) -> PosyanduForm:
    row = db.execute_sql(
        f"SELECT id, {', '.join(_FORM_FIELDS)} FROM posyandu WHERE id = ?", (posyandu_id,)
    ).fetchone()
    if row is None:
        raise NotFound("Posyandu tidak ditemukan.")
    values = dict(zip(("id", *_FORM_FIELDS), row, strict=True))
    values["status_ilp"], values["aktif"] = bool(values["status_ilp"]), bool(values["aktif"])
    values["sk_tanggal"] = date.fromisoformat(values["sk_tanggal"]) if values["sk_tanggal"] else None
    return PosyanduForm(**values)


def normalise_registration(value: object) -> str:
    """``PP.KK.KC.DDDD.NNN`` (dots optional when typed); "" for empty."""
    text = clean_text(value).replace(" ", "")
    if not text:
        return ""
    match = _REGISTRATION.match(text)
    if match is None:
        raise ValidationError(
            "Nomor registrasi harus berpola PP.KK.KC.DDDD.NNN (contoh 18.72.04.1001.001).", "nomor_registrasi"
        )
    return ".".join(match.groups())


def clean_posyandu(form: PosyanduForm) -> PosyanduForm:
    """Validated, normalised copy of ``form``; :class:`ValidationError` lists every problem."""
    problems: dict[str, str] = {}
    values: dict[str, object] = {}

    def take(name: str, func, *args, **kwargs) -> None:  # noqa: ANN001 - small local helper
        try:
            values[name] = func(*args, **kwargs)
        except ValidationError as exc:
            problems.update({key or name: text for key, text in exc.problems.items()})

    values["nama"] = clean_text(form.nama, limit=200)
    take("kode_wilayah", kelurahan_code, form.kode_wilayah)
    take("nomor_registrasi", normalise_registration, form.nomor_registrasi)
    take("strata", choose, form.strata, STRATA, "strata", "Strata")
    take("rt", normalise_rt_rw, form.rt, "rt")
    take("rw", normalise_rt_rw, form.rw, "rw")
    take("sk_tanggal", parse_date, form.sk_tanggal, field="sk_tanggal")
    if isinstance(values.get("sk_tanggal"), date):
        take(
            "sk_tanggal",
            lambda: check_past_date(values["sk_tanggal"], "sk_tanggal", "Tanggal SK") or values["sk_tanggal"],
        )
    if not values["nama"]:
        problems["nama"] = "Nama posyandu wajib diisi."
    elif values.get("kode_wilayah"):
        same = find_posyandu(str(values["nama"]), str(values["kode_wilayah"]))
        if same is not None and same != form.id:
            problems["nama"] = f"Posyandu bernama {values['nama']} sudah ada di kelurahan ini."
    year = _year(form.tahun_strata, problems)
    if year is not None and not 1980 <= year <= date.today().year:
        problems["tahun_strata"] = f"Tahun penilaian strata harus antara 1980 dan {date.today().year}."
    elif year is not None and not values.get("strata"):
        problems["tahun_strata"] = "Isi strata bila tahun penilaian diisi."
    if problems:
        raise ValidationError(problems)
    texts = {
        f: clean_text(getattr(form, f)) for f in ("alamat", "puskesmas", "hari_buka", "sk_nomor", "ketua")
    }
    return replace(
        form,
        **values,
        **texts,
        catatan=str(form.catatan or "").strip(),
        tahun_strata=year,
        status_ilp=bool(form.status_ilp),
        aktif=bool(form.aktif),
    )


def _year(value: object, problems: dict[str, str]) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        problems["tahun_strata"] = "Tahun penilaian strata harus berupa angka tahun (mis. 2024)."
        return None


def save_posyandu(form: PosyanduForm) -> int:
    """Create (``id is None``) or update a posyandu; returns its id. Audited."""
    kader_search.ensure_ready()
    clean = clean_posyandu(form)
    values = {field: getattr(clean, field) for field in _FORM_FIELDS}
    now = audit.now_iso()
    with db.atomic():
        kader_search.remember_region(clean.kode_wilayah)
        if clean.id is None:
            columns = [*values, "dibuat", "diubah"]
            cursor = db.execute_sql(
                f"INSERT INTO posyandu ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [*_sql_values(values), now, now],
            )
            posyandu_id = int(cursor.lastrowid)
            audit.record("tambah", "posyandu", posyandu_id, values, clean.nama)
            return posyandu_id
        before = asdict(get_posyandu(clean.id))
        changes = audit.diff(before, values)
        if changes:
            assignments = ", ".join(f"{field} = ?" for field in values)
            db.execute_sql(
                f"UPDATE posyandu SET {assignments}, diubah = ? WHERE id = ?",
                [*_sql_values(values), now, clean.id],
            )
            audit.record("ubah", "posyandu", clean.id, changes, clean.nama)
        return clean.id


def _sql_values(values: dict[str, object]) -> list[object]:
    return [
        v.isoformat() if isinstance(v, date) else int(v) if isinstance(v, bool) else v
        for v in values.values()
    ]


def set_posyandu_active(posyandu_id: int, active: bool) -> None:
    """Deactivate (or reactivate) a posyandu; its kader stay linked to it."""
    save_posyandu(replace(get_posyandu(posyandu_id), aktif=active))


def deactivate_posyandu(posyandu_id: int) -> None:
    set_posyandu_active(posyandu_id, False)


def posyandu_key(name: str) -> str:
    """Comparable name: "POSYANDU  Mawar-1" and "Mawar 1" give the same key."""
    key = wilayah.normalise_name(name)
    return key.removeprefix("posyandu") or key


def find_posyandu(name: str, kode_wilayah: str) -> int | None:
    """Id of the posyandu with this normalised name in this kelurahan, else ``None``."""
    key = posyandu_key(name)
    rows = db.execute_sql(
        "SELECT id, nama FROM posyandu WHERE kode_wilayah = ? ORDER BY aktif DESC, id",
        (wilayah.to_dotted(kode_wilayah) or kode_wilayah,),
    ).fetchall()
    return next((pid for pid, nama in rows if posyandu_key(nama) == key), None)


def find_or_create_posyandu(name: str, kode_wilayah: str) -> tuple[int, bool]:
    """(id, created) for the importer: an exact normalised-name match in the kelurahan, or a new one."""
    found = find_posyandu(name, kode_wilayah)
    if found is not None:
        return found, False
    return save_posyandu(PosyanduForm(nama=name, kode_wilayah=kode_wilayah)), True
