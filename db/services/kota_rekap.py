"""Mode kota: the recap across kecamatan of the packages received (:mod:`db.services.kota_import`).

Per kecamatan and in total: kegiatan held, participants, attendance rate, decisions, and the
rencana aksi by status. The attendance rate counts only days with at least one recorded mark, so a
kegiatan sent before its last day is not pulled down by the days still to come. Rencana aksi come
from every package of the kecamatan; when several packages carry the same item, the newest package
(``dibuat_pada``) wins, so an item that reached Selesai is counted as Selesai.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from db.models import KotaPaket
from db.services.kota_import import version_dir
from db.services.rencana_aksi_lists import STATUS_RENCANA_AKSI


@dataclass(frozen=True)
class RekapFilter:
    dari: date | None = None  # kegiatan starting on or after
    sampai: date | None = None  # kegiatan starting on or before
    kantor_kode: str = ""  # one kecamatan, "" = all


@dataclass(frozen=True)
class PaketRow:
    """One received kegiatan."""

    id: int
    kantor_kode: str
    kantor_nama: str
    uid: str
    versi: int
    jenis: str
    nama: str
    tanggal_mulai: date | None
    tanggal_selesai: date | None
    peserta: int
    hadir: int  # present marks on recorded days
    slot: int  # peserta × recorded days
    keputusan: int
    notulen_status: str  # "" = no notulen
    diimpor: str
    berkas: dict[str, str] = field(default_factory=dict)  # role → file name in the version folder

    @property
    def hadir_persen(self) -> float | None:
        return 100.0 * self.hadir / self.slot if self.slot else None


@dataclass(frozen=True)
class RekapKecamatan:
    kantor_kode: str  # "" on the total line
    kantor_nama: str
    kegiatan: int
    peserta: int
    hadir: int
    slot: int
    keputusan: int
    rencana_aksi: dict[str, int]  # status → count, every status present
    terlambat: int

    @property
    def hadir_persen(self) -> float | None:
        return 100.0 * self.hadir / self.slot if self.slot else None

    @property
    def rencana_aksi_total(self) -> int:
        return sum(self.rencana_aksi.values())


def _date(value: Any) -> date | None:  # noqa: ANN401 - JSON value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _attendance(entry: dict[str, Any]) -> tuple[int, int]:
    hadir = slot = 0
    for day in entry.get("kehadiran", []):
        marked = sum(int(day.get(s, 0) or 0) for s in ("hadir", "izin", "sakit", "alpa"))
        if marked:
            hadir += int(day.get("hadir", 0) or 0)
            slot += int(day.get("peserta", 0) or 0)
    return hadir, slot


def _paket_row(row: KotaPaket, data: dict[str, Any]) -> PaketRow:
    entry = data["kegiatan"]
    info = entry.get("kegiatan", {})
    notulen = entry.get("notulen") or {}
    hadir, slot = _attendance(entry)
    files = {role: f"{role}{Path(name).suffix}" for role, name in (entry.get("berkas") or {}).items()}
    return PaketRow(
        row.id, row.kantor_kode, row.kantor_nama, row.kegiatan_uid, row.versi, str(info.get("jenis", "")),
        str(info.get("nama", "")), _date(info.get("tanggal_mulai")), _date(info.get("tanggal_selesai")),
        len(entry.get("peserta", [])), hadir, slot, len(notulen.get("keputusan", [])),
        str(notulen.get("status", "")), row.diimpor, files,
    )  # fmt: skip


def _loaded(flt: RekapFilter) -> list[tuple[PaketRow, dict[str, Any]]]:
    query = KotaPaket.select().order_by(KotaPaket.kantor_kode, KotaPaket.id)
    if flt.kantor_kode:
        query = query.where(KotaPaket.kantor_kode == flt.kantor_kode)
    out = []
    for row in query:
        data = json.loads(row.manifest)
        item = _paket_row(row, data)
        start = item.tanggal_mulai
        if (flt.dari and (start is None or start < flt.dari)) or (
            flt.sampai and (start is None or start > flt.sampai)
        ):
            continue
        out.append((item, data))
    return out


def list_paket(flt: RekapFilter | None = None) -> list[PaketRow]:
    """Received kegiatan, per kecamatan, newest kegiatan first."""
    rows = [item for item, _ in _loaded(flt or RekapFilter())]
    return sorted(rows, key=lambda r: (r.kantor_kode, -(r.tanggal_mulai or date.min).toordinal(), r.id))


def kantor_list() -> list[tuple[str, str]]:
    """(kode, nama) of every kecamatan that has sent something, by kode."""
    rows = KotaPaket.select(KotaPaket.kantor_kode, KotaPaket.kantor_nama).order_by(KotaPaket.id)
    names = {r.kantor_kode: r.kantor_nama for r in rows}  # the latest package names the office
    return sorted(names.items())


def _items(loaded: list[tuple[PaketRow, dict[str, Any]]]) -> list[dict[str, Any]]:
    newest: dict[int, tuple[str, dict[str, Any]]] = {}
    for _item, data in loaded:
        made = str(data.get("dibuat_pada", ""))
        for item in [*data["kegiatan"].get("rencana_aksi", []), *data.get("rencana_aksi", [])]:
            key = int(item.get("id", 0))
            if key not in newest or made >= newest[key][0]:
                newest[key] = (made, item)
    return [item for _made, item in newest.values()]


def _line(
    kode: str, nama: str, loaded: list[tuple[PaketRow, dict[str, Any]]], items: list[dict]
) -> RekapKecamatan:
    status = {s: 0 for s in STATUS_RENCANA_AKSI}
    for item in items:
        status[str(item.get("status", ""))] = status.get(str(item.get("status", "")), 0) + 1
    rows = [r for r, _ in loaded]
    return RekapKecamatan(
        kode, nama, len(rows), sum(r.peserta for r in rows), sum(r.hadir for r in rows),
        sum(r.slot for r in rows), sum(r.keputusan for r in rows), status,
        sum(1 for i in items if i.get("terlambat")),
    )  # fmt: skip


def rekap_kota(flt: RekapFilter | None = None) -> tuple[list[RekapKecamatan], RekapKecamatan]:
    """One line per kecamatan (by kode) and the total line."""
    loaded = _loaded(flt or RekapFilter())
    per: dict[str, list[tuple[PaketRow, dict[str, Any]]]] = {}
    for pair in loaded:
        per.setdefault(pair[0].kantor_kode, []).append(pair)
    lines, all_items = [], []
    for kode in sorted(per):
        items = _items(per[kode])
        all_items += items
        lines.append(_line(kode, per[kode][-1][0].kantor_nama, per[kode], items))
    total = _line("", "Jumlah", loaded, all_items)
    return lines, total


def paket_file(data_root: str | os.PathLike[str], row: PaketRow, role: str) -> Path | None:
    """The stored file of a received kegiatan (``notulen``, ``daftar_hadir``, …), if present."""
    name = row.berkas.get(role)
    if not name:
        return None
    path = version_dir(data_root, row.kantor_kode, row.uid, row.versi) / name
    return path if path.is_file() else None
