"""Kelurahan and posyandu names as typed → registry codes/ids, with the doubts spelled out.

Kelurahan: :func:`db.wilayah.match` within the office's kab/kota; only a certain match is used,
anything else is a problem that lists the candidates. Posyandu: exact (normalised) name within
the kelurahan; an unknown name is a *new* posyandu (created only when the user allows it), but a
name that merely resembles a registered one is a problem, so "Melati 1" never silently becomes a
second "Melati I". Results are cached per distinct name: a 5,000-row file has a few dozen.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from db import wilayah
from db.importer.snapshot import RegistrySnapshot, posyandu_key

_KIND_PREFIX = re.compile(r"^(?:posyandu|psy)\b\.?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ResolvedKelurahan:
    kode: str = ""
    nama: str = ""
    problem: str = ""


@dataclass(frozen=True)
class ResolvedPosyandu:
    id: int | None = None
    nama: str = ""
    problem: str = ""


class Resolver:
    def __init__(self, snapshot: RegistrySnapshot) -> None:
        self.snapshot = snapshot
        self.kelurahan = lru_cache(maxsize=4096)(self._kelurahan)
        self.posyandu = lru_cache(maxsize=4096)(self._posyandu)

    def _area(self) -> str:
        found = wilayah.get(self.snapshot.kabkota) if self.snapshot.kabkota else None
        return found.label if found else "seluruh Indonesia"

    def _kelurahan(self, name: str, posyandu_name: str) -> ResolvedKelurahan:
        if not name:
            return self._kelurahan_from_posyandu(posyandu_name)
        found = wilayah.match(name, within=self.snapshot.kabkota, tingkat=wilayah.DESA)
        if found.certain and found.best:
            return ResolvedKelurahan(found.best.kode, found.best.nama)
        if found.candidates:
            options = ", ".join(f"{w.nama} ({w.kode})" for w in found.candidates)
            return ResolvedKelurahan(
                problem=f"Kelurahan/desa '{name[:60]}' tidak pasti; mungkin: {options}. Perbaiki ejaannya."
            )
        return ResolvedKelurahan(problem=f"Kelurahan/desa '{name[:60]}' tidak ditemukan di {self._area()}.")

    def _kelurahan_from_posyandu(self, posyandu_name: str) -> ResolvedKelurahan:
        key = posyandu_key(posyandu_name)
        codes = {p.kode_wilayah for p in self.snapshot.posyandu if key and posyandu_key(p.nama) == key}
        if len(codes) == 1:
            found = wilayah.get(next(iter(codes)))
            return ResolvedKelurahan(found.kode, found.nama) if found else ResolvedKelurahan()
        if not posyandu_name:
            return ResolvedKelurahan()
        return ResolvedKelurahan(
            problem="Kelurahan/desa kosong; isi kelurahan agar posyandu dapat dicocokkan."
        )

    def _posyandu(self, name: str, kode_wilayah: str) -> ResolvedPosyandu:
        if not name or not kode_wilayah:
            return ResolvedPosyandu(nama=name[:100])
        key = posyandu_key(name)
        if not key:
            return ResolvedPosyandu(problem=f"Nama posyandu '{name[:60]}' tidak sah.")
        here = self.snapshot.posyandu_in(kode_wilayah)
        exact = [p for p in here if posyandu_key(p.nama) == key]
        if exact:
            return ResolvedPosyandu(exact[0].id, exact[0].nama)
        keys = {posyandu_key(p.nama): p for p in here}
        close = difflib.get_close_matches(key, list(keys), n=3, cutoff=0.8)
        if close:
            options = ", ".join(keys[k].nama for k in close)
            return ResolvedPosyandu(
                nama=name[:100],
                problem=f"Posyandu '{name[:60]}' belum terdaftar, tetapi mirip dengan: {options}. Samakan namanya.",
            )
        bare = _KIND_PREFIX.sub("", " ".join(name.split())) or name  # "Posyandu Kenanga" → "Kenanga"
        return ResolvedPosyandu(nama=bare[:100])
