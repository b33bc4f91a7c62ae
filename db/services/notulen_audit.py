"""Audit rows for the notulen editor: one row per editing burst, not one per autosave.

A secretary types the minutes during the meeting and the editor saves about one second after
every pause, so a two-hour rakor would leave thousands of audit rows if each save were recorded,
burying the rows that matter (finalised, reopened and why). Instead the typing of one operator on
one notulen is gathered into a single ``sunting`` row per burst: the row holds, per field, the value
before the burst and the latest value, and it stays open while it is the newest row of that notulen,
written by the same operator, and younger than :data:`BURST`. Any other audited action on the
notulen (a decision added, finalised, reopened) becomes the newest row and so closes the burst;
after :data:`BURST` a new row starts, so a long meeting still leaves intermediate snapshots
(about one row per ten minutes of typing).

Why in the database and not in memory: the merge happens in the same transaction as the text it
describes, so after a crash or power cut the trail still matches the stored notulen exactly, and
two windows (or the CLI) never keep separate counters. A row is only ever amended while it is the
open burst; once closed it is never touched again.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from db import audit
from db.masking import mask_value
from db.models import Riwayat

BURST = timedelta(minutes=10)
ACTION = "sunting"
ENTITY = "notulen"
SUMMARY = "Notulen diubah (penyuntingan)"


def _open_burst(notulen_id: int, now: datetime) -> Riwayat | None:
    row = (
        Riwayat.select()
        .where((Riwayat.entitas == ENTITY) & (Riwayat.entitas_id == notulen_id))
        .order_by(Riwayat.id.desc())
        .first()
    )
    if row is None or row.aksi != ACTION or row.operator != audit.operator():
        return None
    try:
        started = datetime.fromisoformat(row.waktu)
    except ValueError:
        return None
    return row if timedelta(0) <= now - started < BURST else None


def record_edit(notulen_id: int, changes: dict[str, list[Any]]) -> None:
    """Record ``{field: [old, new]}`` into the open burst of this notulen, or start a new one.

    Call inside the transaction that wrote the change. A field typed back to its value before the
    burst drops out of the row.
    """
    if not changes:
        return
    now = datetime.now().replace(microsecond=0)
    row = _open_burst(notulen_id, now)
    if row is None:
        audit.record(ACTION, ENTITY, notulen_id, changes, SUMMARY)
        return
    merged: dict[str, list[Any]] = json.loads(row.perubahan or "{}")
    for field, (old, new) in changes.items():
        first = merged[field][0] if field in merged else old
        merged[field] = [first, mask_value(field, new)]
        if merged[field][0] == merged[field][1]:
            del merged[field]
    Riwayat.update(perubahan=json.dumps(merged, ensure_ascii=False, default=str)).where(
        Riwayat.id == row.id
    ).execute()
