"""Pembahasan of a notulen: one item per agenda point (judul, pembicara, isi), or free items.

Items made from the susunan acara keep ``agenda_id``; :func:`sync_agenda` adds items for agenda
points added after the notulen was started, so the secretary can open the notulen early and still
get every point of the final agenda. The isi is plain text with simple formatting (paragraphs,
``- `` bullets, ``1.`` numbered lines, ``**bold**``; see :mod:`reports.notulen_text`).
"""

from __future__ import annotations

from typing import Any

from db import audit
from db.database import db
from db.errors import NotFound
from db.models import NotulenPembahasan
from db.services.notulen import LONG_TEXT, PembahasanView, editable_row, touch
from db.services.notulen_audit import record_edit
from db.services.registry_fields import clean_text

FIELDS = ("judul", "pembicara", "isi")


def agenda_items(kegiatan_id: int) -> list[dict[str, Any]]:
    """The susunan acara in order as ``{id, acara, pembicara}`` (narasumber, else moderator)."""
    from db.services.agenda import list_agenda

    return [
        {"id": row.id, "acara": row.acara, "pembicara": row.narasumber or row.moderator}
        for row in list_agenda(kegiatan_id)
    ]


def list_pembahasan(notulen_id: int) -> list[PembahasanView]:
    query = (
        NotulenPembahasan.select()
        .where(NotulenPembahasan.notulen == notulen_id)
        .order_by(NotulenPembahasan.urutan, NotulenPembahasan.id)
    )
    return [
        PembahasanView(r.id, r.urutan, r.judul, r.pembicara, r.isi, r.agenda_id)  # type: ignore[attr-defined]
        for r in query
    ]


def insert_pembahasan(
    notulen_id: int, judul: str = "", pembicara: str = "", *, agenda_id: int | None = None
) -> int:
    """Append an item (inside the caller's transaction)."""
    last = db.execute_sql(
        "SELECT max(urutan) FROM notulen_pembahasan WHERE notulen_id = ?", (notulen_id,)
    ).fetchone()[0]
    return int(
        NotulenPembahasan.insert(notulen=notulen_id, agenda=agenda_id, urutan=int(last or 0) + 1,
                                 judul=clean_text(judul), pembicara=clean_text(pembicara),
                                 diubah=audit.now_iso()).execute()
    )  # fmt: skip


def add_pembahasan(kegiatan_id: int, judul: str = "", pembicara: str = "") -> int:
    with db.atomic():
        row = editable_row(kegiatan_id)
        item_id = insert_pembahasan(row.id, judul, pembicara)
        touch(row.id)
        audit.record("tambah", "notulen", row.id, {"pembahasan": judul}, "Butir pembahasan ditambahkan")
    return item_id


def sync_agenda(kegiatan_id: int) -> int:
    """Add a pembahasan for every agenda item not yet in the draf notulen; returns how many."""
    with db.atomic():
        row = editable_row(kegiatan_id)
        known = {p.agenda_id for p in list_pembahasan(row.id)}
        missing = [item for item in agenda_items(kegiatan_id) if item["id"] not in known]
        for item in missing:
            insert_pembahasan(row.id, item["acara"], item["pembicara"], agenda_id=item["id"])
        if missing:
            touch(row.id)
            audit.record("ubah", "notulen", row.id, {"pembahasan_dari_agenda": len(missing)},
                         "Butir pembahasan diambil dari susunan acara")  # fmt: skip
    return len(missing)


def _item(item_id: int) -> NotulenPembahasan:
    item = NotulenPembahasan.get_or_none(NotulenPembahasan.id == item_id)
    if item is None:
        raise NotFound("Butir pembahasan tidak ditemukan (mungkin sudah dihapus).")
    return item


def _editable_item(item_id: int) -> NotulenPembahasan:
    item = _item(item_id)
    editable_row(item.notulen.kegiatan_id)
    return item


def save_pembahasan(item_id: int, values: dict[str, str]) -> None:
    """Autosave of one item's judul/pembicara/isi; audited in the notulen's editing burst."""
    clean = {
        name: (str(v or "").replace("\r\n", "\n")[:LONG_TEXT] if name == "isi" else clean_text(v))
        for name, v in values.items()
        if name in FIELDS
    }
    with db.atomic():
        item = _editable_item(item_id)
        changes = {n: [getattr(item, n), v] for n, v in clean.items() if getattr(item, n) != v}
        if not changes:
            return
        NotulenPembahasan.update(**{n: c[1] for n, c in changes.items()}, diubah=audit.now_iso()).where(
            NotulenPembahasan.id == item_id
        ).execute()
        touch(item.notulen_id)  # type: ignore[attr-defined]
        record_edit(item.notulen_id, {f"pembahasan {item.urutan}: {n}": c for n, c in changes.items()})  # type: ignore[attr-defined]


def delete_pembahasan(item_id: int) -> None:
    with db.atomic():
        item = _editable_item(item_id)
        NotulenPembahasan.delete().where(NotulenPembahasan.id == item_id).execute()
        touch(item.notulen_id)  # type: ignore[attr-defined]
        audit.record("hapus", "notulen", item.notulen_id, {"judul": item.judul, "isi": item.isi},  # type: ignore[attr-defined]
                     "Butir pembahasan dihapus")  # fmt: skip
