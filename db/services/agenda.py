"""Susunan acara of a kegiatan: ordered items per day with times, speakers and training hours.

Items live per (kegiatan, ``hari_ke``) in ``urutan`` order. Times are ``HH:MM``; the duration is
what a recompute keeps (:mod:`db.services.agenda_times`), so moving an item up or down re-chains
the whole day from its first start. Rows carry overlap/gap flags so a manual time edit that makes
two items collide shows at once. A narasumber is either a participant of the kegiatan (peran
Narasumber, linked by id; the name is also copied so it survives the participant's removal) or
free text. Every write is one transaction with an audit row (entity ``agenda``).

Public contract used by other parts: :func:`list_agenda`, :func:`materi_rows` (the certificate
back page) and :func:`add_evaluasi_rencana_aksi` (the rakor's look at open action items).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.models import Agenda
from db.services.agenda_times import Slot, flags, recompute, settle, waktu_text
from db.services.kegiatan import hari_by_number
from db.services.registry_fields import clean_text
from reports.data_sertifikat import KELOMPOK_MATERI, MateriRow

KELOMPOK = ("", *KELOMPOK_MATERI)  # "" = not a training materi (pembukaan, ISHOMA, …)
EVALUASI_RENCANA_AKSI = "Evaluasi rencana aksi"
EVALUASI_MENIT = 60
_CLOSING = ("penutup", "penutupan")


@dataclass(frozen=True)
class AgendaForm:
    """What the agenda dialog edits. ``narasumber_peserta_id`` wins over ``narasumber`` text."""

    kegiatan_id: int
    acara: str
    hari_ke: int = 1
    jam_mulai: str = ""
    jam_selesai: str = ""
    durasi_menit: int = 0
    narasumber_peserta_id: int | None = None
    narasumber: str = ""
    moderator: str = ""
    kelompok: str = ""
    jpl_t: float = 0
    jpl_p: float = 0
    jpl_pl: float = 0
    catatan: str = ""
    id: int | None = None


@dataclass(frozen=True)
class AgendaRow:
    """One item as the tab and the printouts show it (``narasumber`` is the display name)."""

    id: int
    hari_ke: int
    urutan: int
    jam_mulai: str
    jam_selesai: str
    durasi_menit: int
    acara: str
    narasumber: str
    moderator: str
    kelompok: str
    jpl_t: float
    jpl_p: float
    jpl_pl: float
    narasumber_peserta_id: int | None = None
    catatan: str = ""
    bentrok: bool = False  # starts before the previous item of the day ends
    jeda_menit: int = 0  # empty minutes since the previous item ended

    @property
    def waktu(self) -> str:
        return waktu_text(self.jam_mulai, self.jam_selesai)

    @property
    def jpl(self) -> float:
        return self.jpl_t + self.jpl_p + self.jpl_pl


# ------------------------------------------------------------------------------------ read
_SELECT = (
    "SELECT a.id, a.hari_ke, a.urutan, a.jam_mulai, a.jam_selesai, a.durasi_menit, a.acara, "
    "COALESCE(p.nama, a.narasumber), a.moderator, a.kelompok, a.jpl_t, a.jpl_p, a.jpl_pl, "
    "a.narasumber_peserta_id, a.catatan FROM agenda a LEFT JOIN peserta p ON p.id = a.narasumber_peserta_id "
)


def list_agenda(kegiatan_id: int, hari_ke: int | None = None) -> list[AgendaRow]:
    """Every item of the kegiatan (or of one day) ordered by hari_ke, urutan, with overlap flags."""
    where, params = "a.kegiatan_id = ?", [kegiatan_id]
    if hari_ke is not None:
        where += " AND a.hari_ke = ?"
        params.append(hari_ke)
    cursor = db.execute_sql(f"{_SELECT} WHERE {where} ORDER BY a.hari_ke, a.urutan, a.id", params)
    rows = [AgendaRow(*r) for r in cursor]
    out: list[AgendaRow] = []
    for day in sorted({r.hari_ke for r in rows}):
        items = [r for r in rows if r.hari_ke == day]
        marks = flags([Slot(r.jam_mulai, r.jam_selesai, r.durasi_menit) for r in items])
        out += [
            replace(r, bentrok=m.bentrok, jeda_menit=m.jeda_menit) for r, m in zip(items, marks, strict=True)
        ]
    return out


def get_agenda(agenda_id: int) -> AgendaForm:
    row = Agenda.get_or_none(Agenda.id == agenda_id)
    if row is None:
        raise NotFound("Acara tidak ditemukan (mungkin sudah dihapus).")
    values = {k: getattr(row, k) for k in _FIELDS}
    return AgendaForm(kegiatan_id=row.kegiatan_id, narasumber_peserta_id=row.narasumber_peserta_id, id=row.id,
                      **values)  # fmt: skip


def materi_rows(kegiatan_id: int) -> tuple[MateriRow, ...]:
    """The items that are training materi (a kelompok is set), in agenda order, as the certificate's
    back page and the materi/JPL table print them."""
    return tuple(
        MateriRow(r.kelompok, r.acara, r.jpl_t, r.jpl_p, r.jpl_pl)
        for r in list_agenda(kegiatan_id)
        if r.kelompok
    )


def narasumber_choices(kegiatan_id: int) -> list[tuple[int, str]]:
    """(peserta id, nama) of the kegiatan's participants with peran Narasumber, by number."""
    rows = db.execute_sql(
        "SELECT id, nama FROM peserta WHERE kegiatan_id = ? AND peran = 'Narasumber' ORDER BY no_urut, id",
        (kegiatan_id,),
    )
    return [(int(r[0]), r[1]) for r in rows]


def people_names(kegiatan_id: int, peran: tuple[str, ...]) -> list[str]:
    """Names of participants with one of ``peran`` (moderator suggestions), by number."""
    marks = ",".join("?" * len(peran))
    rows = db.execute_sql(
        f"SELECT nama FROM peserta WHERE kegiatan_id = ? AND peran IN ({marks}) ORDER BY no_urut, id",
        (kegiatan_id, *peran),
    )
    return [r[0] for r in rows]


# ------------------------------------------------------------------------------------ write
_FIELDS = ("hari_ke", "jam_mulai", "jam_selesai", "durasi_menit", "acara", "narasumber", "moderator",
           "kelompok", "jpl_t", "jpl_p", "jpl_pl", "catatan")  # fmt: skip


def _number(value: Any, name: str, label: str) -> float:
    try:
        number = float(value or 0)
    except (TypeError, ValueError):
        raise ValidationError(f"{label} harus berupa angka.", name) from None
    if number < 0:
        raise ValidationError(f"{label} tidak boleh negatif.", name)
    return number


def _linked_name(form: AgendaForm) -> str:
    row = db.execute_sql(
        "SELECT nama, peran FROM peserta WHERE id = ? AND kegiatan_id = ?",
        (form.narasumber_peserta_id, form.kegiatan_id),
    ).fetchone()
    if row is None:
        raise ValidationError("Narasumber yang dipilih bukan peserta kegiatan ini.", "narasumber")
    return row[0]


def check_agenda(form: AgendaForm) -> AgendaForm:
    """Clean and validate; returns the form with times made consistent and names trimmed."""
    problems: dict[str, str] = {}
    acara = clean_text(form.acara)
    if not acara:
        problems["acara"] = "Acara/materi wajib diisi."
    if form.kelompok not in KELOMPOK:
        problems["kelompok"] = "Kelompok materi harus Dasar, Inti, Penunjang atau kosong."
    jpl = {}
    for name, label in (("jpl_t", "JPL teori"), ("jpl_p", "JPL praktik"), ("jpl_pl", "JPL praktik lapangan")):
        try:
            jpl[name] = _number(getattr(form, name), name, label)
        except ValidationError as exc:
            problems.update(exc.problems)
    if sum(jpl.values()) and not form.kelompok and "kelompok" not in problems:
        problems["kelompok"] = "JPL hanya dicatat untuk materi; pilih kelompok Dasar, Inti atau Penunjang."
    try:
        slot = settle(form.jam_mulai, form.jam_selesai, int(form.durasi_menit or 0))
    except ValidationError as exc:
        problems.update(exc.problems)
        slot = Slot("", "", 0)
    if problems:
        raise ValidationError(problems)
    hari_by_number(form.kegiatan_id, form.hari_ke)  # NotFound for a day the kegiatan does not have
    nama = _linked_name(form) if form.narasumber_peserta_id is not None else clean_text(form.narasumber)
    return replace(form, acara=acara, narasumber=nama, moderator=clean_text(form.moderator),
                   catatan=clean_text(form.catatan), jam_mulai=slot.jam_mulai, jam_selesai=slot.jam_selesai,
                   durasi_menit=slot.durasi_menit, **jpl)  # fmt: skip


def _stored(form: AgendaForm) -> dict[str, Any]:
    return {**{k: getattr(form, k) for k in _FIELDS}, "narasumber_peserta": form.narasumber_peserta_id}


def _day_end(kegiatan_id: int, hari_ke: int) -> str:
    """Where a new item without a start begins: the day's last end, else the day's jam mulai."""
    items = list_agenda(kegiatan_id, hari_ke)
    ends = [r.jam_selesai for r in items if r.jam_selesai]
    return max(ends) if ends else hari_by_number(kegiatan_id, hari_ke).jam_mulai


def _next_urutan(kegiatan_id: int, hari_ke: int) -> int:
    row = db.execute_sql("SELECT MAX(urutan) FROM agenda WHERE kegiatan_id = ? AND hari_ke = ?",
                         (kegiatan_id, hari_ke)).fetchone()  # fmt: skip
    return int(row[0] or 0) + 1


def save_agenda(form: AgendaForm) -> int:
    """Add (``id is None``, appended to its day) or update an item; returns its id. An item moved
    to another day goes to the end of that day. A new item without a start begins where the day's
    last item ends."""
    if form.id is None and not form.jam_mulai.strip() and not form.jam_selesai.strip():
        form = replace(form, jam_mulai=_day_end(form.kegiatan_id, form.hari_ke) if form.durasi_menit else "")
    clean = check_agenda(form)
    values = _stored(clean)
    now = audit.now_iso()
    with db.atomic():
        if clean.id is None:
            urutan = _next_urutan(clean.kegiatan_id, clean.hari_ke)
            agenda_id = int(Agenda.insert(kegiatan=clean.kegiatan_id, urutan=urutan, dibuat=now, diubah=now,
                                          **values).execute())  # fmt: skip
            audit.record("tambah", "agenda", agenda_id, _audit(values), clean.acara)
            return agenda_id
        before = get_agenda(clean.id)
        if before.kegiatan_id != clean.kegiatan_id:
            raise ValidationError("Acara ini milik kegiatan lain.", "acara")
        if before.hari_ke != clean.hari_ke:
            values["urutan"] = _next_urutan(clean.kegiatan_id, clean.hari_ke)
        changes = audit.diff(_audit(_stored(before)), _audit(values))
        if changes:
            Agenda.update(**values, diubah=now).where(Agenda.id == clean.id).execute()
            audit.record("ubah", "agenda", clean.id, changes, clean.acara)
        return clean.id


def _audit(values: dict[str, Any]) -> dict[str, Any]:
    return {("narasumber_peserta_id" if k == "narasumber_peserta" else k): v for k, v in values.items()}


def delete_agenda(agenda_id: int) -> None:
    """Remove an item; the day's later items close up in ``urutan`` (times are left as they are,
    so the gap shows until the user recomputes)."""
    form = get_agenda(agenda_id)
    with db.atomic():
        Agenda.delete().where(Agenda.id == agenda_id).execute()
        _renumber(form.kegiatan_id, form.hari_ke, [r.id for r in list_agenda(form.kegiatan_id, form.hari_ke)])
        audit.record("hapus", "agenda", agenda_id, _audit(_stored(form)), form.acara)


def _renumber(kegiatan_id: int, hari_ke: int, ids: list[int]) -> None:
    for urutan, agenda_id in enumerate(ids, start=1):
        Agenda.update(urutan=urutan).where((Agenda.id == agenda_id) & (Agenda.kegiatan == kegiatan_id)
                                           & (Agenda.hari_ke == hari_ke)).execute()  # fmt: skip


def _rechain(kegiatan_id: int, hari_ke: int, day_start: str = "", *, start: str = "") -> dict[int, Slot]:
    """Recompute the day's times from the durations; returns the items whose times changed."""
    items = list_agenda(kegiatan_id, hari_ke)
    slots = recompute(
        [Slot(r.jam_mulai, r.jam_selesai, r.durasi_menit) for r in items], day_start, start=start
    )
    changed = {
        r.id: slot
        for r, slot in zip(items, slots, strict=True)
        if (r.jam_mulai, r.jam_selesai) != (slot.jam_mulai, slot.jam_selesai)
    }
    now = audit.now_iso()
    for agenda_id, slot in changed.items():
        Agenda.update(jam_mulai=slot.jam_mulai, jam_selesai=slot.jam_selesai, diubah=now).where(
            Agenda.id == agenda_id
        ).execute()
    return changed


def reorder_agenda(kegiatan_id: int, hari_ke: int, ids: list[int]) -> None:
    """Put the day's items in the order of ``ids`` (every item of the day, once) and re-chain the
    times from the day's first start (drag-and-drop and the move buttons both end here)."""
    current = list_agenda(kegiatan_id, hari_ke)
    if sorted(ids) != sorted(r.id for r in current):
        raise ValidationError("Urutan baru harus memuat setiap acara hari itu tepat satu kali.", "urutan")
    if ids == [r.id for r in current]:
        return
    first_start = current[0].jam_mulai or hari_by_number(kegiatan_id, hari_ke).jam_mulai
    names = {r.id: r.acara for r in current}
    with db.atomic():
        _renumber(kegiatan_id, hari_ke, ids)
        _rechain(kegiatan_id, hari_ke, start=first_start)
        audit.record("urutkan", "agenda", None, {"hari_ke": hari_ke, "urutan": [names[i] for i in ids]},
                     f"Susunan acara hari ke-{hari_ke} diurutkan ulang")  # fmt: skip


def move_agenda(agenda_id: int, delta: int) -> bool:
    """Move an item ``delta`` places (−1 up, +1 down) within its day; False at the edge."""
    form = get_agenda(agenda_id)
    ids = [r.id for r in list_agenda(form.kegiatan_id, form.hari_ke)]
    position = ids.index(agenda_id)
    target = position + delta
    if not 0 <= target < len(ids) or delta == 0:
        return False
    ids.insert(target, ids.pop(position))
    reorder_agenda(form.kegiatan_id, form.hari_ke, ids)
    return True


def recompute_times(kegiatan_id: int, hari_ke: int) -> int:
    """Re-chain one day's times from the durations (the first item keeps its start, else the day's
    jam mulai); returns how many items changed."""
    day_start = hari_by_number(kegiatan_id, hari_ke).jam_mulai
    with db.atomic():
        changed = _rechain(kegiatan_id, hari_ke, day_start)
        if changed:
            audit.record("ubah", "agenda", None, {"hari_ke": hari_ke, "jam_dihitung_ulang": len(changed)},
                         f"Jam susunan acara hari ke-{hari_ke} dihitung ulang")  # fmt: skip
    return len(changed)


def add_evaluasi_rencana_aksi(kegiatan_id: int, hari_ke: int = 1) -> int:
    """Add the item "Evaluasi rencana aksi" (60 minutes) to a day, before its closing item if it has
    one; idempotent: when the kegiatan already has it, its id is returned and nothing changes."""
    for row in list_agenda(kegiatan_id):
        if row.acara.strip().casefold() == EVALUASI_RENCANA_AKSI.casefold():
            return row.id
    day = list_agenda(kegiatan_id, hari_ke)
    closing = next((r for r in day if r.acara.strip().casefold().startswith(_CLOSING)), None)
    form = AgendaForm(kegiatan_id, EVALUASI_RENCANA_AKSI, hari_ke, durasi_menit=EVALUASI_MENIT,
                      narasumber="Sekretariat Pokjanal Posyandu")  # fmt: skip
    if closing is None:
        return save_agenda(form)
    with db.atomic():
        new_id = save_agenda(replace(form, jam_mulai=closing.jam_mulai or _day_end(kegiatan_id, hari_ke)))
        ids = [r.id for r in day]
        ids.insert(ids.index(closing.id), new_id)
        reorder_agenda(kegiatan_id, hari_ke, ids)
    return new_id
