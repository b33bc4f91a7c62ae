"""Daily attendance: the check-in desk, status edits, the grid's bulk set and paper back-fill.

Every change keeps the state it replaced in ``kehadiran.sebelumnya`` (JSON; ``null`` = there was
no row), so :func:`unmark` and :func:`undo_last` put exactly that state back. One level per row:
after an undo the row has nothing more to undo. ``waktu`` carries milliseconds so "the last
change of the day" is well defined at a busy desk.

:func:`check_in` is built for a queue: the roster comes from the cache in
:mod:`db.services.peserta`, matching is done in Python, and the write is one small transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.services.kegiatan import get_hari
from db.services.peserta import PesertaRow, fold_text, get_peserta, roster
from db.services.peserta_search import match_score
from db.services.registry_fields import clean_text

STATUS_HADIR = ("hadir", "izin", "sakit", "alpa")
STATUS_LABEL = {"hadir": "Hadir", "izin": "Izin", "sakit": "Sakit", "alpa": "Tanpa keterangan"}
MAX_CANDIDATES = 8
AUTO_MARK_SCORE = 40  # a lone match by code prefix or asal only (score 20) is offered, never marked
_COLUMNS = ("status", "jam_datang", "keterangan", "batch_id", "dicatat_oleh", "waktu")


@dataclass(frozen=True)
class Mark:
    """The attendance of one participant on one day."""

    peserta_id: int
    hari_id: int
    status: str  # hadir / izin / sakit / alpa
    jam_datang: str  # "HH:MM" for check-ins, "" otherwise
    keterangan: str
    batch_id: int | None
    dicatat_oleh: str
    waktu: str


@dataclass(frozen=True)
class CheckInResult:
    """``status``: ``marked`` (now hadir), ``already`` (was hadir before), ``unknown`` (nobody
    matches), ``ambiguous`` (several match equally; ``candidates`` best first, at most 8)."""

    status: str
    peserta: PesertaRow | None = None
    candidates: tuple[PesertaRow, ...] = ()
    mark: Mark | None = None


@dataclass(frozen=True)
class HariCount:
    hadir: int
    izin: int
    sakit: int
    alpa: int
    total: int  # participants on the roster

    @property
    def belum(self) -> int:
        return self.total - self.hadir - self.izin - self.sakit - self.alpa


def _stamp() -> str:
    return datetime.now().isoformat(timespec="milliseconds")


def _check_status(status: str) -> str:
    value = clean_text(status).lower()
    if value == "tanpa keterangan":
        value = "alpa"
    if value not in STATUS_HADIR:
        raise ValidationError("Status kehadiran harus hadir, izin, sakit atau alpa.", "status")
    return value


def _current(peserta_id: int, hari_id: int) -> dict | None:
    row = db.execute_sql(
        "SELECT status, jam_datang, keterangan, batch_id, dicatat_oleh, waktu FROM kehadiran "
        "WHERE peserta_id = ? AND hari_id = ?",
        (peserta_id, hari_id),
    ).fetchone()
    return dict(zip(_COLUMNS, row, strict=True)) if row else None


def _mark(peserta_id: int, hari_id: int, values: dict) -> Mark:
    return Mark(peserta_id, hari_id, values["status"], values["jam_datang"], values["keterangan"],
                values["batch_id"], values["dicatat_oleh"], values["waktu"])  # fmt: skip


def _write(peserta_id: int, hari_id: int, new: dict, before: dict | None, summary: str) -> Mark:
    """Insert or replace one row (inside the caller's transaction) and audit it."""
    db.execute_sql(
        "INSERT INTO kehadiran (peserta_id, hari_id, status, jam_datang, keterangan, batch_id, dicatat_oleh, "
        "waktu, sebelumnya) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (peserta_id, hari_id) DO UPDATE SET "
        "status = excluded.status, jam_datang = excluded.jam_datang, keterangan = excluded.keterangan, "
        "batch_id = excluded.batch_id, dicatat_oleh = excluded.dicatat_oleh, waktu = excluded.waktu, "
        "sebelumnya = excluded.sebelumnya",
        (peserta_id, hari_id, *(new[c] for c in _COLUMNS), json.dumps(before)),
    )
    audit.record("ubah" if before else "tambah", "kehadiran", peserta_id,
                 {"hari_id": hari_id, "status": [before and before["status"], new["status"]]}, summary)  # fmt: skip
    return _mark(peserta_id, hari_id, new)


def _new_state(status: str, note: str = "", batch_id: int | None = None, operator: str = "") -> dict:
    now = _stamp()
    return {"status": status, "jam_datang": now[11:16] if status == "hadir" and batch_id is None else "",
            "keterangan": clean_text(note), "batch_id": batch_id,
            "dicatat_oleh": operator or audit.operator(), "waktu": now}  # fmt: skip


# ------------------------------------------------------------------------------------ check-in
def mark_present(peserta_id: int, hari_id: int) -> CheckInResult:
    """Mark one participant present now (check-in desk); ``already`` if they were."""
    peserta = get_peserta(peserta_id)
    return _mark_present(peserta, _checked_hari(peserta.kegiatan_id, hari_id))


def _checked_hari(kegiatan_id: int, hari_id: int, *, clearing: bool = False) -> int:
    """The day belongs to the kegiatan and is held (a skipped day's old marks may only be cleared)."""
    hari = get_hari(hari_id)
    if hari.kegiatan_id != kegiatan_id:
        raise ValidationError("Hari ini bukan milik kegiatan peserta.", "hari_id")
    if hari.dilewati and not clearing:
        raise ValidationError(
            f"Hari ke-{hari.hari_ke} ({hari.tanggal:%d-%m-%Y}) dilewati; tidak ada kehadiran.", "hari_id"
        )
    return hari_id


def _mark_present(peserta: PesertaRow, hari_id: int) -> CheckInResult:
    with db.atomic():
        before = _current(peserta.id, hari_id)
        if before and before["status"] == "hadir":
            return CheckInResult("already", peserta, mark=_mark(peserta.id, hari_id, before))
        mark = _write(peserta.id, hari_id, _new_state("hadir"), before, f"{peserta.nama} hadir")
    return CheckInResult("marked", peserta, mark=mark)


def check_in(kegiatan_id: int, hari_id: int, query_or_code: str) -> CheckInResult:
    """Enter at the check-in field: a scanned code (exact, any case) marks its owner at once;
    typed text marks the single match, or the best one when it is clearly better (the exact name
    or NIK, or the only name starting with the text); otherwise ``ambiguous`` with candidates."""
    query = fold_text(query_or_code)
    if not query:
        return CheckInResult("unknown")
    _checked_hari(kegiatan_id, hari_id)
    rows = roster(kegiatan_id)
    scored = sorted(
        ((s, r) for r in rows if (s := match_score(r, query)) > 0), key=lambda sr: (-sr[0], sr[1].no_urut)
    )
    if not scored:
        return CheckInResult("unknown")
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0
    if (len(scored) == 1 and best_score >= AUTO_MARK_SCORE) or (best_score >= 70 and best_score > runner_up):
        return _mark_present(best, hari_id)
    return CheckInResult("ambiguous", candidates=tuple(r for _s, r in scored[:MAX_CANDIDATES]))


# ------------------------------------------------------------------------------- set / undo
def set_status(peserta_id: int, hari_id: int, status: str, note: str = "") -> Mark:
    """Set one participant's status for a day (the status column / grid cell)."""
    value = _check_status(status)
    peserta = get_peserta(peserta_id)
    _checked_hari(peserta.kegiatan_id, hari_id)
    with db.atomic():
        before = _current(peserta_id, hari_id)
        new = _new_state(value, note)
        if before and before["status"] == value and value == "hadir" and before["jam_datang"]:
            new["jam_datang"] = before["jam_datang"]
        return _write(peserta_id, hari_id, new, before, f"{peserta.nama}: {STATUS_LABEL[value]}")


def set_status_bulk(changes: Iterable[tuple[int, int, str | None]], note: str = "") -> int:
    """The grid's bulk edit: ``(peserta_id, hari_id, status)`` triples, ``None`` clears the cell.
    All or nothing in one transaction; returns how many cells changed."""
    changed = 0
    with db.atomic():
        for peserta_id, hari_id, status in changes:
            peserta = get_peserta(peserta_id)
            _checked_hari(peserta.kegiatan_id, hari_id, clearing=status is None)
            before = _current(peserta_id, hari_id)
            if status is None:
                if before is not None:
                    _delete(peserta, hari_id, before)
                    changed += 1
                continue
            value = _check_status(status)
            if before and before["status"] == value and before["keterangan"] == clean_text(note):
                continue
            _write(
                peserta_id, hari_id, _new_state(value, note), before, f"{peserta.nama}: {STATUS_LABEL[value]}"
            )
            changed += 1
    return changed


def _delete(peserta: PesertaRow, hari_id: int, before: dict) -> None:
    db.execute_sql("DELETE FROM kehadiran WHERE peserta_id = ? AND hari_id = ?", (peserta.id, hari_id))
    audit.record("hapus", "kehadiran", peserta.id, {"hari_id": hari_id, "status": [before["status"], None]},
                 f"{peserta.nama}: kehadiran dihapus")  # fmt: skip


def unmark(peserta_id: int, hari_id: int) -> Mark | None:
    """Undo the last change of this cell: put back the previous state (``None`` = no row).
    Raises :class:`ValidationError` when there is nothing to undo."""
    peserta = get_peserta(peserta_id)
    with db.atomic():
        row = db.execute_sql(
            "SELECT sebelumnya FROM kehadiran WHERE peserta_id = ? AND hari_id = ?", (peserta_id, hari_id)
        ).fetchone()
        if row is None or row[0] is None:
            raise ValidationError("Tidak ada perubahan kehadiran yang dapat dibatalkan.", "kehadiran")
        previous = json.loads(row[0])
        current = _current(peserta_id, hari_id)
        if previous is None:
            _delete(peserta, hari_id, current)
            return None
        db.execute_sql(
            "UPDATE kehadiran SET status = ?, jam_datang = ?, keterangan = ?, batch_id = ?, dicatat_oleh = ?, "
            "waktu = ?, sebelumnya = NULL WHERE peserta_id = ? AND hari_id = ?",
            (*(previous[c] for c in _COLUMNS), peserta_id, hari_id),
        )
        audit.record("pulihkan", "kehadiran", peserta_id,
                     {"hari_id": hari_id, "status": [current["status"], previous["status"]]},
                     f"{peserta.nama}: perubahan kehadiran dibatalkan")  # fmt: skip
        return _mark(peserta_id, hari_id, previous)


def undo_last(hari_id: int) -> PesertaRow | None:
    """Undo the most recent undoable change of the day; returns whose, or ``None`` if none."""
    row = db.execute_sql(
        "SELECT peserta_id FROM kehadiran WHERE hari_id = ? AND sebelumnya IS NOT NULL "
        "ORDER BY waktu DESC, id DESC LIMIT 1",
        (hari_id,),
    ).fetchone()
    if row is None:
        return None
    unmark(row[0], hari_id)
    return get_peserta(row[0])


# ------------------------------------------------------------------------------- back-fill
def record_batch(hari_id: int, peserta_ids_present: Iterable[int], operator: str = "", note: str = "") -> int:
    """Paper back-fill: mark who signed the sheet (one page or more) present, as one batch that
    records who entered it and when; returns the batch id. People already hadir keep their row."""
    hari = get_hari(hari_id)
    _checked_hari(hari.kegiatan_id, hari_id)
    who = clean_text(operator) or audit.operator()
    ids = list(dict.fromkeys(peserta_ids_present))
    with db.atomic():
        now = _stamp()
        batch_id = int(db.execute_sql(
            "INSERT INTO kehadiran_batch (hari_id, operator, waktu, keterangan) VALUES (?, ?, ?, ?)",
            (hari_id, who, now, clean_text(note)),
        ).lastrowid)  # fmt: skip
        marked = 0
        for peserta_id in ids:
            peserta = get_peserta(peserta_id)
            if peserta.kegiatan_id != hari.kegiatan_id:
                raise ValidationError(f"{peserta.nama} bukan peserta kegiatan ini.", "peserta_id")
            before = _current(peserta_id, hari_id)
            if before and before["status"] == "hadir":
                continue
            _write(peserta_id, hari_id, _new_state("hadir", note, batch_id, who), before,
                   f"{peserta.nama} hadir (isian daftar hadir kertas)")  # fmt: skip
            marked += 1
        audit.record("tambah", "kehadiran_batch", batch_id, {"hari_id": hari_id, "hadir": marked, "operator": who},
                     f"Isian daftar hadir hari ke-{hari.hari_ke}: {marked} hadir")  # fmt: skip
    return batch_id


# ------------------------------------------------------------------------------------ reads
def marks_for_hari(hari_id: int) -> dict[int, Mark]:
    """peserta_id → mark for one day (participants without a row are not in the dict)."""
    rows = db.execute_sql(
        "SELECT peserta_id, status, jam_datang, keterangan, batch_id, dicatat_oleh, waktu FROM kehadiran "
        "WHERE hari_id = ?",
        (hari_id,),
    )
    return {r[0]: Mark(r[0], hari_id, *r[1:]) for r in rows}


def marks_for_kegiatan(kegiatan_id: int) -> dict[tuple[int, int], Mark]:
    """(peserta_id, hari_id) → mark for the whole grid."""
    rows = db.execute_sql(
        "SELECT k.peserta_id, k.hari_id, k.status, k.jam_datang, k.keterangan, k.batch_id, k.dicatat_oleh, k.waktu "
        "FROM kehadiran k JOIN kegiatan_hari h ON h.id = k.hari_id WHERE h.kegiatan_id = ?",
        (kegiatan_id,),
    )
    return {(r[0], r[1]): Mark(*r) for r in rows}


def count_hari(hari_id: int) -> HariCount:
    """The running count at the desk ("hadir 187/230") and the other statuses."""
    hari = get_hari(hari_id)
    counts = dict(db.execute_sql(
        "SELECT status, count(*) FROM kehadiran WHERE hari_id = ? GROUP BY status", (hari_id,)
    ).fetchall())  # fmt: skip
    total = db.execute_sql(
        "SELECT count(*) FROM peserta WHERE kegiatan_id = ?", (hari.kegiatan_id,)
    ).fetchone()[0]
    return HariCount(*(int(counts.get(s, 0)) for s in STATUS_HADIR), total=int(total))


def get_mark(peserta_id: int, hari_id: int) -> Mark | None:
    current = _current(peserta_id, hari_id)
    return _mark(peserta_id, hari_id, current) if current else None


def require_peserta_of(kegiatan_id: int, peserta_id: int) -> PesertaRow:
    peserta = get_peserta(peserta_id)
    if peserta.kegiatan_id != kegiatan_id:
        raise NotFound("Peserta ini bukan peserta kegiatan tersebut.")
    return peserta
