"""What the import needs to know about the registry, read once as plain data.

The dialog loads it on the GUI thread (the only thread with a database connection) and hands
it to the worker that parses the file, so parsing never touches the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from db.services.posyandu import posyandu_key  # the registry's own name key (re-exported)

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
__all__ = ["PosyanduRef", "RegistrySnapshot", "load_snapshot", "person_key", "posyandu_key"]


def person_key(nama: str) -> str:
    """Name compared for duplicates: case, accents, spacing and punctuation ignored."""
    text = unicodedata.normalize("NFKD", nama or "").encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("", text.lower()) or (nama or "").casefold()


@dataclass(frozen=True)
class PosyanduRef:
    id: int
    nama: str
    kode_wilayah: str


@dataclass
class RegistrySnapshot:
    """Registry facts for matching: the office's kab/kota, posyandu, and kader identities."""

    kabkota: str = ""  # "18.72"; "" = match kelurahan names nationwide
    posyandu: list[PosyanduRef] = field(default_factory=list)
    kader_by_nik: dict[str, int] = field(default_factory=dict)
    kader_by_person: dict[tuple[str, date], int] = field(default_factory=dict)
    kader_without_nik: set[int] = field(default_factory=set)

    def posyandu_in(self, kode_wilayah: str) -> list[PosyanduRef]:
        return [p for p in self.posyandu if p.kode_wilayah == kode_wilayah]

    def existing_kader(self, nik: str, nama: str, tanggal_lahir: date | None) -> int | None:
        """Registry id of the same person: by NIK, else by name + birth date (a row with a NIK
        matches that way only a registry kader who has no NIK yet)."""
        if nik and nik in self.kader_by_nik:
            return self.kader_by_nik[nik]
        found = self.kader_by_person.get((person_key(nama), tanggal_lahir)) if tanggal_lahir else None
        if found is not None and nik and found not in self.kader_without_nik:
            return None
        return found


def load_snapshot() -> RegistrySnapshot:
    """Read the registry (call on the thread that owns the database connection)."""
    from db.models import Kader, Posyandu
    from db.services.profile import get_profile
    from db.wilayah import to_dotted

    kode = to_dotted(get_profile().kode_wilayah or "")
    snap = RegistrySnapshot(kabkota=kode[:5] if len(kode) >= 5 else "")
    for row in Posyandu.select(Posyandu.id, Posyandu.nama, Posyandu.kode_wilayah).where(
        Posyandu.aktif == True
    ):  # noqa: E712
        snap.posyandu.append(PosyanduRef(row.id, row.nama, to_dotted(row.kode_wilayah) or row.kode_wilayah))
    query = Kader.select(Kader.id, Kader.nik, Kader.nama, Kader.tanggal_lahir).tuples()
    for kader_id, nik, nama, lahir in query.iterator():
        if nik:
            snap.kader_by_nik[nik] = kader_id
        else:
            snap.kader_without_nik.add(kader_id)
        if lahir:
            born = lahir if isinstance(lahir, date) else date.fromisoformat(str(lahir)[:10])
            snap.kader_by_person[(person_key(nama), born)] = kader_id
    return snap
