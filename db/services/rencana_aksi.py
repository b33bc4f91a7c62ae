"""Rencana aksi lintas sektor: save with validation, get, list with filters, group, status, delete.

Items are ordered by the bidang list (Pengaturan), then ``urutan`` (the position the user gave,
new items go last in their tahun), then id — the order of the printed matrix. The overdue and
"due soon" flags and the progress come from :mod:`db.services.rencana_aksi_monev`, computed
against an injectable ``today`` so tests (and the UI's clock) decide what "now" is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.identity import normalise_phone
from db.models import RencanaAksi
from db.services import rencana_aksi_lokus as lokus_mod
from db.services.registry_fields import choose, clean_text
from db.services.rencana_aksi_lists import (
    STATUS_BATAL,
    STATUS_RENCANA_AKSI,
    STATUS_SELESAI,
    SUMBER_RENCANA,
    bidang_list,
    canonical,
    opd_list,
    sumber_dana_list,
)
from db.services.rencana_aksi_rules import BELUM_DITENTUKAN, group_order

_TEXTS = ("masalah", "aksi", "indikator", "target_satuan", "baseline", "mitra", "pic_nama", "jadwal_teks")
_LONG = 2000
COLUMNS = (
    "tahun",
    "bidang",
    "masalah",
    "aksi",
    "lokus",
    "indikator",
    "target_nilai",
    "target_satuan",
    "baseline",
    "opd",
    "mitra",
    "pic_nama",
    "pic_hp",
    "mulai",
    "jatuh_tempo",
    "jadwal_teks",
    "anggaran",
    "sumber_dana",
    "sumber",
    "notulen_keputusan_id",
    "status",
    "urutan",
    "catatan",
)


@dataclass(frozen=True)
class RencanaAksiForm:
    """What the side panel edits. ``lokus``: region codes and ``"posyandu:<id>"`` keys;
    ``anggaran`` whole rupiah; ``sumber`` "manual" or "notulen" (then ``notulen_keputusan_id``)."""

    tahun: int
    bidang: str
    aksi: str
    masalah: str = ""
    lokus: tuple[str, ...] = ()
    indikator: str = ""
    target_nilai: float | None = None
    target_satuan: str = ""
    baseline: str = ""
    opd: str = ""
    mitra: str = ""
    pic_nama: str = ""
    pic_hp: str = ""
    mulai: date | None = None
    jatuh_tempo: date | None = None
    jadwal_teks: str = ""
    anggaran: int | None = None
    sumber_dana: str = ""
    sumber: str = "manual"
    notulen_keputusan_id: int | None = None
    status: str = "Belum mulai"
    urutan: int = 0  # 0 = put it last in its tahun
    catatan: str = ""
    id: int | None = None


@dataclass(frozen=True)
class RencanaAksiFilter:
    tahun: int | None = None
    bidang: str = ""
    opd: str = ""
    status: str = ""
    terlambat_saja: bool = False  # only overdue items
    segera_saja: bool = False  # only items due within 30 days
    teks: str = ""  # substring of masalah/aksi/indikator/PIC
    terbuka_saja: bool = False  # only open items (not Selesai/Batal): the rakor's evaluation table
    notulen_keputusan_id: int | None = None  # items made from this notulen decision


@dataclass(frozen=True)
class RencanaAksiItem:
    """One item as lists, the matrix and the export show it."""

    form: RencanaAksiForm
    lokus_label: tuple[str, ...]
    progress: Any  # MonevRow | None — the latest monev entry
    realisasi_persen: float | None  # of the latest entry (or nilai/target), None without monev
    terlambat: bool  # jatuh_tempo < today and not Selesai/Batal
    segera: bool  # due within the next 30 days (today included), not Selesai/Batal
    jumlah_monev: int = 0
    dibuat: str = ""
    diubah: str = ""

    @property
    def id(self) -> int:
        return int(self.form.id or 0)


@dataclass(frozen=True)
class Kelompok:
    """A group of the matrix (a bidang or an OPD) and its items in order."""

    nama: str
    items: tuple[RencanaAksiItem, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------------------- validation
def _number(value: Any, name: str, label: str, kind: type, problems: dict[str, str]) -> Any:
    if value is None or value == "":
        return None
    try:
        number = kind(round(float(value))) if kind is int else kind(value)
    except (TypeError, ValueError):
        problems[name] = f"{label} harus berupa angka."
        return None
    if number < 0:
        problems[name] = f"{label} tidak boleh negatif."
    return number


def check_rencana_aksi(form: RencanaAksiForm) -> RencanaAksiForm:
    """The cleaned form, or :class:`ValidationError` with every problem by field."""
    problems: dict[str, str] = {}
    values: dict[str, Any] = {name: clean_text(getattr(form, name), limit=_LONG) for name in _TEXTS}
    if not values["aksi"]:
        problems["aksi"] = "Aksi/kegiatan wajib diisi."
    tahun = _number(form.tahun, "tahun", "Tahun", int, problems)
    if tahun is not None and not 2000 <= tahun <= 2100:
        problems["tahun"] = "Tahun harus antara 2000 dan 2100."
    elif tahun is None and "tahun" not in problems:
        problems["tahun"] = "Tahun wajib diisi."
    bidang = canonical(form.bidang, bidang_list())
    if not bidang:
        problems["bidang"] = "Bidang wajib dipilih."
    for name, fn in (
        (
            "status",
            lambda: choose(
                form.status or "Belum mulai", STATUS_RENCANA_AKSI, "status", "Status", empty_ok=False
            ),
        ),
        (
            "sumber",
            lambda: choose(
                form.sumber or "manual", SUMBER_RENCANA, "sumber", "Sumber rencana", empty_ok=False
            ),
        ),
        ("lokus", lambda: lokus_mod.clean_lokus(form.lokus)),
        ("pic_hp", lambda: normalise_phone(form.pic_hp, field="pic_hp") if form.pic_hp else ""),
    ):
        try:
            values[name] = fn()
        except ValidationError as exc:
            problems.update({name: "; ".join(exc.problems.values())})
    values["target_nilai"] = _number(form.target_nilai, "target_nilai", "Target", float, problems)
    values["anggaran"] = _number(form.anggaran, "anggaran", "Anggaran", int, problems)
    for name in ("mulai", "jatuh_tempo"):
        if getattr(form, name) is not None and not isinstance(getattr(form, name), date):
            problems[name] = "Tanggal tidak valid."
    if isinstance(form.mulai, date) and isinstance(form.jatuh_tempo, date) and form.jatuh_tempo < form.mulai:
        problems["jatuh_tempo"] = "Jatuh tempo tidak boleh sebelum tanggal mulai."
    notulen = form.notulen_keputusan_id if values.get("sumber") == "notulen" else None
    if values.get("sumber") == "notulen" and not notulen:
        problems["sumber"] = "Rencana dari notulen harus menyebut keputusan notulennya."
    if problems:
        raise ValidationError(problems)
    return RencanaAksiForm(
        **values,
        tahun=int(tahun),
        bidang=bidang,
        opd=canonical(form.opd, opd_list()),
        sumber_dana=canonical(form.sumber_dana, sumber_dana_list()),
        mulai=form.mulai,
        jatuh_tempo=form.jatuh_tempo,
        notulen_keputusan_id=int(notulen) if notulen else None,
        urutan=max(0, int(form.urutan or 0)),
        catatan=str(form.catatan or "").strip()[:4000],
        id=form.id,
    )


# ------------------------------------------------------------------------------------ save
def _stored(form: RencanaAksiForm) -> dict[str, Any]:
    values = {name: getattr(form, name) for name in COLUMNS}
    values["lokus"] = lokus_mod.encode(form.lokus)
    return values


def _audit_values(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}


def _next_urutan(tahun: int) -> int:
    row = db.execute_sql("SELECT max(urutan) FROM rencana_aksi WHERE tahun = ?", (tahun,)).fetchone()
    return int(row[0] or 0) + 1


def save_rencana_aksi(form: RencanaAksiForm) -> int:
    """Create (``id is None``) or update an item; return its id. Raises :class:`ValidationError`."""
    clean = check_rencana_aksi(form)
    now = audit.now_iso()
    with db.atomic():
        values = _stored(clean)
        if clean.id is None:
            values["urutan"] = clean.urutan or _next_urutan(clean.tahun)
            item_id = int(RencanaAksi.insert(**values, dibuat=now, diubah=now).execute())
            audit.record("tambah", "rencana_aksi", item_id, _audit_values(values), clean.aksi[:120])
            return item_id
        before = _stored(get_rencana_aksi(clean.id))
        if not clean.urutan:
            values["urutan"] = before["urutan"]
        changes = audit.diff(_audit_values(before), _audit_values(values))
        if changes:
            RencanaAksi.update(**values, diubah=now).where(RencanaAksi.id == clean.id).execute()
            audit.record("ubah", "rencana_aksi", clean.id, changes, clean.aksi[:120])
        return clean.id


def set_status(item_id: int, status: str) -> RencanaAksiForm:
    """Quick status change from the table; returns the updated form."""
    new = choose(status, STATUS_RENCANA_AKSI, "status", "Status", empty_ok=False)
    with db.atomic():
        form = get_rencana_aksi(item_id)
        if form.status != new:
            RencanaAksi.update(status=new, diubah=audit.now_iso()).where(RencanaAksi.id == item_id).execute()
            audit.record("ubah", "rencana_aksi", item_id, {"status": [form.status, new]}, form.aksi[:120])
    return get_rencana_aksi(item_id)


def delete_rencana_aksi(item_id: int) -> None:
    """Delete an item with its monev entries (the bukti files stay in the data folder)."""
    with db.atomic():
        form = get_rencana_aksi(item_id)
        count = db.execute_sql(
            "SELECT count(*) FROM rencana_aksi_monev WHERE rencana_aksi_id = ?", (item_id,)
        ).fetchone()[0]
        RencanaAksi.delete().where(RencanaAksi.id == item_id).execute()
        audit.record("hapus", "rencana_aksi", item_id, {"aksi": form.aksi, "monev": count}, form.aksi[:120])


# ------------------------------------------------------------------------------------ read
def _form(row: dict[str, Any]) -> RencanaAksiForm:
    values = {name: row[name] for name in COLUMNS}
    values["lokus"] = lokus_mod.decode(row["lokus"])
    for name in ("mulai", "jatuh_tempo"):
        values[name] = date.fromisoformat(row[name]) if row[name] else None
    return RencanaAksiForm(**values, id=int(row["id"]))


def fetch_rows(where: str = "1 = 1", params: tuple | list = ()) -> list[dict[str, Any]]:
    cursor = db.execute_sql(f"SELECT * FROM rencana_aksi WHERE {where}", params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def get_rencana_aksi(item_id: int) -> RencanaAksiForm:
    rows = fetch_rows("id = ?", (item_id,))
    if not rows:
        raise NotFound("Rencana aksi tidak ditemukan (mungkin sudah dihapus).")
    return _form(rows[0])


def list_forms(flt: RencanaAksiFilter | None = None) -> list[tuple[RencanaAksiForm, str, str]]:
    """(form, dibuat, diubah) matching the SQL-side filters, in matrix order."""
    flt = flt or RencanaAksiFilter()
    where, params = ["1 = 1"], []
    for name in ("bidang", "opd", "status"):
        if getattr(flt, name):
            where.append(f"{name} = ?")
            params.append(getattr(flt, name))
    if flt.tahun:
        where.append("tahun = ?")
        params.append(int(flt.tahun))
    if flt.terbuka_saja:
        where.append("status NOT IN (?, ?)")
        params += [STATUS_SELESAI, STATUS_BATAL]
    if flt.notulen_keputusan_id is not None:
        where.append("notulen_keputusan_id = ?")
        params.append(int(flt.notulen_keputusan_id))
    if flt.teks.strip():
        where.append("(masalah || ' ' || aksi || ' ' || indikator || ' ' || pic_nama || ' ' || mitra) LIKE ?")
        params.append(f"%{flt.teks.strip()}%")
    rows = fetch_rows(" AND ".join(where), params)
    order = {name: i for i, name in enumerate(bidang_list())}
    rows.sort(
        key=lambda r: (r["tahun"], order.get(r["bidang"], len(order)), r["bidang"], r["urutan"], r["id"])
    )
    return [(_form(r), r["dibuat"], r["diubah"]) for r in rows]


def years() -> list[int]:
    """The tahun values in use, newest first (for the filter combo)."""
    return [int(r[0]) for r in db.execute_sql("SELECT DISTINCT tahun FROM rencana_aksi ORDER BY tahun DESC")]


def list_rencana_aksi(
    flt: RencanaAksiFilter | None = None, *, today: date | None = None
) -> list[RencanaAksiItem]:
    """Items in matrix order with lokus names, progress (latest monev) and the due flags."""
    from db.services.rencana_aksi_monev import is_segera, is_terlambat, latest_by_item, persen_of

    flt, today = flt or RencanaAksiFilter(), today or date.today()
    latest, names = latest_by_item(), lokus_mod.posyandu_name_map()
    items: list[RencanaAksiItem] = []
    for form, dibuat, diubah in list_forms(flt):
        row, count = latest.get(int(form.id or 0), (None, 0))
        item = RencanaAksiItem(
            form=form,
            lokus_label=lokus_mod.labels(form.lokus, names),
            progress=row,
            realisasi_persen=persen_of(row, form.target_nilai),
            terlambat=is_terlambat(form.jatuh_tempo, form.status, today),
            segera=is_segera(form.jatuh_tempo, form.status, today),
            jumlah_monev=count,
            dibuat=dibuat,
            diubah=diubah,
        )
        if (flt.terlambat_saja and not item.terlambat) or (flt.segera_saja and not item.segera):
            continue
        items.append(item)
    return items


def group_items(items: list[RencanaAksiItem], by: str = "bidang") -> list[Kelompok]:
    """Consecutive groups by ``"bidang"`` (list order) or ``"opd"`` (list order, "" last as
    "Belum ditentukan"); items keep their order inside a group."""
    if by not in ("bidang", "opd"):
        raise ValueError(f"pengelompokan tidak dikenal: {by!r}")
    buckets: dict[str, list[RencanaAksiItem]] = {}
    for item in items:
        buckets.setdefault(getattr(item.form, by) or BELUM_DITENTUKAN, []).append(item)
    names = group_order(buckets, bidang_list() if by == "bidang" else opd_list())
    return [Kelompok(name, tuple(buckets[name])) for name in names]
