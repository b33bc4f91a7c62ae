"""Read the audit trail ("Riwayat perubahan"), overall or for one record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from db.models import Riwayat

ENTITY_LABELS = {
    "kantor": "Identitas kantor",
    "pengaturan": "Pengaturan",
    "penandatangan": "Penandatangan",
    "posyandu": "Posyandu",
    "kader": "Kader",
    "riwayat_pelatihan": "Riwayat pelatihan kader",
    "kegiatan": "Kegiatan",
    "kegiatan_hari": "Hari kegiatan",
    "kegiatan_kuota": "Kuota peserta",
    "peserta": "Peserta",
    "kehadiran": "Kehadiran",
    "kehadiran_batch": "Isian daftar hadir kertas",
    "rencana_aksi": "Rencana aksi",
    "rencana_aksi_monev": "Monev rencana aksi",
    "notulen": "Notulen",
    "agenda": "Susunan acara",
    "undangan": "Undangan",
    "kota_paket": "Paket kota",
    "sertifikat": "Sertifikat",
    "sertifikat_aturan": "Aturan sertifikat",
    "sertifikat_pengecualian": "Pengecualian sertifikat",
    "data": "Data",
}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    waktu: str
    operator: str
    aksi: str
    entitas: str
    entitas_id: int | None
    ringkasan: str
    perubahan: dict[str, Any]

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entitas, self.entitas)

    def describe_changes(self) -> str:
        """``nama: "A" → "B"; aktif: true → false`` (values already masked when recorded)."""
        parts = []
        for field, value in self.perubahan.items():
            if isinstance(value, list) and len(value) == 2:
                parts.append(f"{field}: {_show(value[0])} → {_show(value[1])}")
            else:
                parts.append(f"{field}: {_show(value)}")
        return "; ".join(parts)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dict):
        return "{…}"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def list_changes(
    entity: str | None = None, entity_id: int | None = None, *, limit: int = 500, offset: int = 0
) -> list[AuditEntry]:
    """Newest first."""
    query = Riwayat.select().order_by(Riwayat.id.desc())
    if entity is not None:
        query = query.where(Riwayat.entitas == entity)
    if entity_id is not None:
        query = query.where(Riwayat.entitas_id == entity_id)
    return [
        AuditEntry(
            r.id, r.waktu, r.operator, r.aksi, r.entitas, r.entitas_id, r.ringkasan, json.loads(r.perubahan)
        )
        for r in query.limit(limit).offset(offset)
    ]


def count_changes(entity: str | None = None) -> int:
    query = Riwayat.select()
    if entity is not None:
        query = query.where(Riwayat.entitas == entity)
    return query.count()
