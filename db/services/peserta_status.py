"""The roster's attendance filter: who is hadir, belum hadir or izin/sakit on the reference day,
and who has ever (or never) been hadir.

"Hari ini" is the kegiatan's day dated today when it runs today, else the latest held day before
today (the desk asks "who did not come?" the evening after, too); before the first day there is no
reference day, so nobody is hadir and everyone is belum hadir. One query per filter, over the
kehadiran index; the roster itself comes from the cache of :mod:`db.services.peserta`.
"""

from __future__ import annotations

from datetime import date

from db.database import db
from db.errors import ValidationError
from db.services.kegiatan import HariRow, get_kegiatan

HADIR_HARI_INI = "hadir_hari_ini"
BELUM_HADIR_HARI_INI = "belum_hadir_hari_ini"
IZIN_SAKIT_HARI_INI = "izin_sakit_hari_ini"
PERNAH_HADIR = "pernah_hadir"
BELUM_PERNAH_HADIR = "belum_pernah_hadir"
STATUS_FILTERS = (HADIR_HARI_INI, BELUM_HADIR_HARI_INI, IZIN_SAKIT_HARI_INI, PERNAH_HADIR, BELUM_PERNAH_HADIR)
_NEGATED = {BELUM_HADIR_HARI_INI: HADIR_HARI_INI, BELUM_PERNAH_HADIR: PERNAH_HADIR}


def reference_day(kegiatan_id: int, today: date | None = None) -> HariRow | None:
    """The held day dated ``today``, else the latest held day before it; None before the first."""
    today = today or date.today()
    past = [h for h in get_kegiatan(kegiatan_id).hari_aktif if h.tanggal <= today]
    return max(past, key=lambda h: h.tanggal) if past else None


def _ids(kegiatan_id: int, status_filter: str, today: date | None) -> set[int]:
    """Participants matching a positive filter (hadir hari ini, izin/sakit hari ini, pernah hadir)."""
    if status_filter == PERNAH_HADIR:
        rows = db.execute_sql(
            "SELECT DISTINCT k.peserta_id FROM kehadiran k JOIN kegiatan_hari h ON h.id = k.hari_id "
            "WHERE h.kegiatan_id = ? AND h.dilewati = 0 AND k.status = 'hadir'",
            (kegiatan_id,),
        )
        return {r[0] for r in rows}
    day = reference_day(kegiatan_id, today)
    if day is None:
        return set()
    statuses = ("hadir",) if status_filter == HADIR_HARI_INI else ("izin", "sakit")
    marks = ", ".join("?" * len(statuses))
    rows = db.execute_sql(
        f"SELECT peserta_id FROM kehadiran WHERE hari_id = ? AND status IN ({marks})", (day.id, *statuses)
    )
    return {r[0] for r in rows}


def status_matcher(kegiatan_id: int, status_filter: str, today: date | None = None) -> tuple[set[int], bool]:
    """(ids, negate): a participant matches when ``(id in ids) != negate``."""
    if status_filter not in STATUS_FILTERS:
        raise ValidationError(f"Filter status tidak dikenal: {status_filter!r}.", "status")
    positive = _NEGATED.get(status_filter, status_filter)
    return _ids(kegiatan_id, positive, today), status_filter in _NEGATED
