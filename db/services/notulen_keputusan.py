"""Decisions (kesimpulan/kesepakatan) of a notulen and their link to rencana aksi (issue #7).

A decision is numbered by its position. "Jadikan rencana aksi" asks :func:`rencana_aksi_form` for
a prefilled :class:`~db.services.rencana_aksi.RencanaAksiForm` (aksi = the decision, OPD/PIC = the
penanggung jawab, jatuh tempo = the tenggat, tahun of the meeting, ``sumber='notulen'``,
``notulen_keputusan_id`` set); the rencana aksi panel saves it through its own service, so one
decision may give several items. The link lives only in ``rencana_aksi.notulen_keputusan_id``
(no foreign key): :func:`delete_keputusan` turns its items back into manual ones, and
:func:`keputusan_label` tells the rencana aksi panel where an item came from.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.models import Kegiatan, Notulen, NotulenKeputusan, RencanaAksi
from db.services.notulen import KeputusanView, RencanaAksiLink, editable_row, touch
from db.services.notulen_audit import record_edit
from db.services.registry_fields import clean_text

FIELDS = ("isi", "penanggung_jawab", "tenggat")


def _links(notulen_id: int) -> dict[int, list[RencanaAksiLink]]:
    rows = db.execute_sql(
        "SELECT r.id, r.aksi, r.status, r.jatuh_tempo, r.notulen_keputusan_id FROM rencana_aksi r "
        "JOIN notulen_keputusan k ON k.id = r.notulen_keputusan_id WHERE k.notulen_id = ? ORDER BY r.id",
        (notulen_id,),
    )
    found: dict[int, list[RencanaAksiLink]] = {}
    for item_id, aksi, status, due, keputusan_id in rows:
        link = RencanaAksiLink(item_id, aksi, status, date.fromisoformat(due) if due else None)
        found.setdefault(keputusan_id, []).append(link)
    return found


def list_keputusan(notulen_id: int) -> list[KeputusanView]:
    links = _links(notulen_id)
    query = (
        NotulenKeputusan.select()
        .where(NotulenKeputusan.notulen == notulen_id)
        .order_by(NotulenKeputusan.urutan, NotulenKeputusan.id)
    )
    return [
        KeputusanView(r.id, n, r.isi, r.penanggung_jawab, r.tenggat, tuple(links.get(r.id, ())))
        for n, r in enumerate(query, 1)
    ]


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name == "tenggat":
            if value is not None and not isinstance(value, date):
                raise ValidationError("Tenggat tidak valid.", "tenggat")
            clean[name] = value
        elif name == "isi":
            clean[name] = str(value or "").replace("\r\n", "\n")[:4000]
        elif name in FIELDS:
            clean[name] = clean_text(value)
    return clean


def add_keputusan(
    kegiatan_id: int, isi: str = "", penanggung_jawab: str = "", tenggat: date | None = None
) -> int:
    """Append a decision to the draf notulen (an empty one is fine: the editor fills it in)."""
    values = _clean({"isi": isi, "penanggung_jawab": penanggung_jawab, "tenggat": tenggat})
    with db.atomic():
        row = editable_row(kegiatan_id)
        last = db.execute_sql(
            "SELECT max(urutan) FROM notulen_keputusan WHERE notulen_id = ?", (row.id,)
        ).fetchone()[0]
        item_id = int(
            NotulenKeputusan.insert(notulen=row.id, urutan=int(last or 0) + 1, **values,
                                    diubah=audit.now_iso()).execute()
        )  # fmt: skip
        touch(row.id)
        audit.record("tambah", "notulen", row.id, {"keputusan": values["isi"]}, "Keputusan ditambahkan")
    return item_id


def _item(keputusan_id: int) -> NotulenKeputusan:
    item = NotulenKeputusan.get_or_none(NotulenKeputusan.id == keputusan_id)
    if item is None:
        raise NotFound("Keputusan tidak ditemukan (mungkin sudah dihapus).")
    return item


def _position(item: NotulenKeputusan) -> int:
    return next(k.nomor for k in list_keputusan(item.notulen_id) if k.id == item.id)  # type: ignore[attr-defined]


def save_keputusan(keputusan_id: int, values: dict[str, Any]) -> None:
    """Autosave of one decision; audited in the notulen's editing burst."""
    clean = _clean(values)
    with db.atomic():
        item = _item(keputusan_id)
        editable_row(item.notulen.kegiatan_id)
        changes = {n: [getattr(item, n), v] for n, v in clean.items() if getattr(item, n) != v}
        if not changes:
            return
        NotulenKeputusan.update(**{n: c[1] for n, c in changes.items()}, diubah=audit.now_iso()).where(
            NotulenKeputusan.id == keputusan_id
        ).execute()
        touch(item.notulen_id)  # type: ignore[attr-defined]
        number = _position(item)
        plain = {f"keputusan {number}: {n}": [_iso(c[0]), _iso(c[1])] for n, c in changes.items()}
        record_edit(item.notulen_id, plain)  # type: ignore[attr-defined]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def delete_keputusan(keputusan_id: int) -> int:
    """Delete a decision; its rencana aksi items stay but become manual. Returns how many were unlinked."""
    with db.atomic():
        item = _item(keputusan_id)
        editable_row(item.notulen.kegiatan_id)
        linked = unlink_rencana_aksi([item.id])
        NotulenKeputusan.delete().where(NotulenKeputusan.id == item.id).execute()
        touch(item.notulen_id)  # type: ignore[attr-defined]
        gone = {"keputusan": item.isi, "rencana_aksi_dilepas": len(linked)}
        audit.record("hapus", "notulen", item.notulen_id, gone, "Keputusan dihapus")  # type: ignore[attr-defined]
    return len(linked)


# ------------------------------------------------------------------------------- rencana aksi link
def unlink_rencana_aksi(keputusan_ids: list[int]) -> list[int]:
    """Turn the rencana aksi items made from these decisions into manual items (the link has no
    foreign key, see schema 4); call inside the transaction that deletes the decisions."""
    if not keputusan_ids:
        return []
    rows = list(
        RencanaAksi.select(RencanaAksi.id, RencanaAksi.notulen_keputusan_id).where(
            RencanaAksi.notulen_keputusan_id.in_(keputusan_ids)
        )
    )
    if rows:
        RencanaAksi.update(notulen_keputusan_id=None, sumber="manual", diubah=audit.now_iso()).where(
            RencanaAksi.id.in_([r.id for r in rows])
        ).execute()
        for row in rows:
            audit.record("ubah", "rencana_aksi", row.id,
                         {"notulen_keputusan_id": [row.notulen_keputusan_id, None], "sumber": ["notulen", "manual"]},
                         "Keputusan sumbernya dihapus dari notulen")  # fmt: skip
    return [r.id for r in rows]


def keputusan_ids_of_kegiatan(kegiatan_id: int) -> list[int]:
    return [
        k.id
        for k in NotulenKeputusan.select(NotulenKeputusan.id)
        .join(Notulen)
        .where(Notulen.kegiatan == kegiatan_id)
    ]


def rencana_aksi_form(keputusan_id: int):  # noqa: ANN201 - RencanaAksiForm (imported lazily)
    """A new rencana aksi item prefilled from the decision, for the rencana aksi panel to save."""
    from db.services.rencana_aksi import RencanaAksiForm
    from db.services.rencana_aksi_lists import bidang_list, canonical, opd_list

    item = _item(keputusan_id)
    notulen: Notulen = item.notulen
    year = (notulen.tanggal or date.today()).year
    pj = item.penanggung_jawab.strip()
    opd = canonical(pj, opd_list()) if pj else ""
    opd = opd if opd in opd_list() else ""  # a person, not an OPD of the list: the PIC
    lintas = canonical("Lintas Sektor", bidang_list())
    return RencanaAksiForm(
        tahun=year,
        bidang=lintas if lintas in bidang_list() else bidang_list()[0],
        aksi=" ".join(item.isi.split()),
        opd=opd,
        pic_nama="" if opd else pj,
        jatuh_tempo=item.tenggat,
        sumber="notulen",
        notulen_keputusan_id=item.id,
        catatan=f"Dari {keputusan_label(item.id)}",
    )


def keputusan_label(keputusan_id: int) -> str:
    """``Keputusan no. 2 — Rapat Koordinasi … (14 Mei 2026)``; says so when it no longer exists."""
    from reports.formatting import tanggal

    item = NotulenKeputusan.get_or_none(NotulenKeputusan.id == keputusan_id)
    if item is None:
        return "Keputusan notulen yang sudah dihapus"
    notulen: Notulen = item.notulen
    kegiatan: Kegiatan = notulen.kegiatan
    when = f" ({tanggal(notulen.tanggal)})" if notulen.tanggal else ""
    return f"Keputusan no. {_position(item)} — {notulen.judul or kegiatan.nama}{when}"


def keputusan_kegiatan(keputusan_id: int) -> int | None:
    """The kegiatan whose notulen holds the decision (to open it from the rencana aksi panel)."""
    item = NotulenKeputusan.get_or_none(NotulenKeputusan.id == keputusan_id)
    return int(item.notulen.kegiatan_id) if item is not None else None
