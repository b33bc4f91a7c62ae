"""Quotas per asal with the live "terisi/kuota" view, and the attendance recaps.

Recaps cover the days that are held (not ``dilewati``) and list participants in the print order
of :func:`db.services.peserta.roster_order`, so the screen and the printed rekap agree. Quotas
count participants with peran "Peserta" only: narasumber and panitia do not take a seat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db import audit
from db.database import db
from db.errors import ValidationError
from db.models import KegiatanKuota
from db.services.kegiatan import HariRow, get_hari, get_kegiatan
from db.services.kehadiran import marks_for_hari, marks_for_kegiatan
from db.services.peserta import PesertaRow, asal_label, roster, roster_order
from db.services.registry_fields import clean_text


@dataclass(frozen=True)
class KuotaForm:
    """Seats for one asal: a region code (kecamatan or kelurahan) or a free label (an OPD)."""

    kuota: int
    kode_wilayah: str = ""
    label: str = ""


@dataclass(frozen=True)
class KuotaRow:
    kode_wilayah: str
    label: str
    asal: str  # display name
    kuota: int
    terisi: int

    @property
    def penuh(self) -> bool:
        return self.terisi >= self.kuota


@dataclass(frozen=True)
class RekapPeserta:
    peserta: PesertaRow
    status: tuple[str, ...]  # per held day: hadir/izin/sakit/alpa, "" = not recorded
    hadir: int
    persen: float  # hadir / held days × 100 (0 when there are no days)


@dataclass(frozen=True)
class RekapKehadiran:
    hari: tuple[HariRow, ...]  # held days, in order
    peserta: tuple[RekapPeserta, ...]


@dataclass(frozen=True)
class RekapAsal:
    asal: str
    kode_wilayah: str
    asal_opd: str
    jumlah: int  # participants expected each day
    hadir: tuple[int, ...]  # present per held day


# ------------------------------------------------------------------------------------ quotas
def set_kuota(kegiatan_id: int, kuota: Iterable[KuotaForm]) -> None:
    """Replace the kegiatan's quotas (an empty list removes them)."""
    from db.services.peserta import _region

    detail = get_kegiatan(kegiatan_id)
    rows: dict[tuple[str, str], int] = {}
    for item in kuota:
        kode = _region(item.kode_wilayah)
        label = "" if kode else clean_text(item.label)
        if not kode and not label:
            raise ValidationError("Setiap kuota perlu wilayah atau nama asal.", "kuota")
        if not isinstance(item.kuota, int) or item.kuota < 0:
            raise ValidationError("Kuota harus bilangan bulat 0 atau lebih.", "kuota")
        if any(k == kode and lb.casefold() == label.casefold() for k, lb in rows):
            raise ValidationError(f"Kuota untuk {asal_label(kode, label)} tertulis dua kali.", "kuota")
        rows[(kode, label)] = item.kuota
    with db.atomic():
        before = {asal_label(k.kode_wilayah, k.label): k.kuota for k in list_kuota(kegiatan_id)}
        KegiatanKuota.delete().where(KegiatanKuota.kegiatan == kegiatan_id).execute()
        for (kode, label), seats in rows.items():
            KegiatanKuota.create(kegiatan=kegiatan_id, kode_wilayah=kode, label=label, kuota=seats)
        after = {asal_label(k, lb): n for (k, lb), n in rows.items()}
        audit.record("ubah", "kegiatan_kuota", kegiatan_id, {"kuota": [before, after]},
                     f"Kuota peserta {detail.form.nama}")  # fmt: skip


def list_kuota(kegiatan_id: int) -> list[KuotaRow]:
    """Every quota with how many participants (peran Peserta) fill it, in region-code order."""
    quotas = db.execute_sql(
        "SELECT kode_wilayah, label, kuota FROM kegiatan_kuota WHERE kegiatan_id = ? "
        "ORDER BY kode_wilayah = '', kode_wilayah, label COLLATE NOCASE",
        (kegiatan_id,),
    ).fetchall()
    seats: dict[tuple[str, str], int] = {}
    for row in roster(kegiatan_id):
        if row.peran == "Peserta":
            key = (row.kode_wilayah, "" if row.kode_wilayah else row.asal_opd.casefold())
            seats[key] = seats.get(key, 0) + 1
    return [
        KuotaRow(kode, label, asal_label(kode, label), kuota, seats.get((kode, label.casefold()), 0))
        for kode, label, kuota in quotas
    ]


# ------------------------------------------------------------------------------------ recaps
def rekap_peserta(kegiatan_id: int, order: str = "asal") -> RekapKehadiran:
    """Participants × held days with each status, days present and the percentage."""
    days = get_kegiatan(kegiatan_id).hari_aktif
    marks = marks_for_kegiatan(kegiatan_id)
    out = []
    for person in roster_order(kegiatan_id, order):
        statuses = tuple(marks[(person.id, d.id)].status if (person.id, d.id) in marks else "" for d in days)
        present = statuses.count("hadir")
        out.append(
            RekapPeserta(person, statuses, present, round(100 * present / len(days), 1) if days else 0.0)
        )
    return RekapKehadiran(days, tuple(out))


def rekap_asal(kegiatan_id: int) -> list[RekapAsal]:
    """Per asal: participants expected and present on each held day (print order of asal)."""
    days = get_kegiatan(kegiatan_id).hari_aktif
    present_by_day = [{pid for pid, m in marks_for_hari(d.id).items() if m.status == "hadir"} for d in days]
    groups: dict[tuple[str, str], list[int]] = {}
    for person in roster_order(kegiatan_id):
        key = (person.kode_wilayah, "" if person.kode_wilayah else person.asal_opd)
        groups.setdefault(key, []).append(person.id)
    return [
        RekapAsal(
            asal_label(kode, opd),
            kode,
            opd,
            len(ids),
            tuple(len(present & set(ids)) for present in present_by_day),
        )
        for (kode, opd), ids in groups.items()
    ]


def belum_hadir(hari_id: int, order: str = "asal") -> list[PesertaRow]:
    """Who is not marked hadir on this day yet (izin/sakit/alpa included), in print order."""
    hari = get_hari(hari_id)
    marks = marks_for_hari(hari_id)
    return [
        p for p in roster_order(hari.kegiatan_id, order) if p.id not in marks or marks[p.id].status != "hadir"
    ]
