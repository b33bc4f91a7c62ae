"""Mode kota: import the packages the kecamatan send (:mod:`db.services.kota_paket`).

A package is checked whole first (:func:`db.services.kota_paket_check.read_paket`); a refused package
imports nothing. Then, per kegiatan, keyed on (kode wilayah of the sender, kegiatan uid):
new → added; a higher ``versi`` → replaces the stored one; the same versi → "sudah ada" (nothing
changes, so importing a package twice is harmless); a lower versi → refused politely (the newer
one stays). All rows of a package change in one transaction with one audit row.

The package's PDFs and ``.xlsx`` are kept under ``<data folder>/kota/<kode>/<uid>/v<versi>/`` so
the recap can open them. They are written before the transaction (a failed transaction leaves only
a folder nobody points at, removed on the next import) and older versions are removed after it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import audit
from db.database import db
from db.errors import DomainError
from db.models import KotaPaket
from db.services.kota_paket_check import PaketDitolak, VerifiedPaket, read_paket
from db.services.profile import get_profile
from db.services.settings import get_setting, set_setting

MODE_KEY = "mode_kota"
KOTA_DIR = "kota"
BARU, DIGANTI, SAMA, LEBIH_LAMA = "baru", "diganti", "sudah ada", "lebih lama"


@dataclass(frozen=True)
class KegiatanOutcome:
    uid: str
    nama: str
    versi: int
    hasil: str  # baru / diganti / sudah ada / lebih lama
    versi_tersimpan: int | None = None


@dataclass(frozen=True)
class ImportResult:
    berkas: str
    ok: bool
    pesan: str  # Indonesian summary (or the refusal)
    kantor: str = ""
    kegiatan: tuple[KegiatanOutcome, ...] = ()

    @property
    def changed(self) -> int:
        return sum(1 for k in self.kegiatan if k.hasil in (BARU, DIGANTI))


def is_mode_kota() -> bool:
    return bool(get_setting(MODE_KEY, False))


def set_mode_kota(on: bool) -> None:
    set_setting(MODE_KEY, bool(on))


def kota_root(data_root: str | os.PathLike[str]) -> Path:
    return Path(data_root) / KOTA_DIR


def version_dir(data_root: str | os.PathLike[str], kode: str, uid: str, versi: int) -> Path:
    return kota_root(data_root) / kode / uid / f"v{versi}"


# ------------------------------------------------------------------------------- import
def import_paket(source: str | os.PathLike[str], data_root: str | os.PathLike[str]) -> ImportResult:
    """Import one package file; a refused package comes back as ``ok=False`` with the reason."""
    name = Path(source).name
    if not is_mode_kota():
        raise DomainError(
            "Mode kota belum aktif. Aktifkan dulu di halaman Rekap Kota (Pengaturan mode kota)."
        )
    work = kota_root(data_root)
    work.mkdir(parents=True, exist_ok=True)
    try:
        paket = read_paket(source, work)
        _refuse_foreign(paket.manifest)
        outcomes = _store(paket, data_root, name)
    except PaketDitolak as exc:
        return ImportResult(name, False, exc.message)
    kantor = paket.manifest["kantor"]
    return ImportResult(name, True, _summary(outcomes), kantor.get("nama", ""), outcomes)


def import_many(
    sources: list[str | os.PathLike[str]], data_root: str | os.PathLike[str]
) -> list[ImportResult]:
    return [import_paket(s, data_root) for s in sources]


def _refuse_foreign(manifest: dict[str, Any]) -> None:
    """A package from another kabupaten/kota (first two parts of the code differ) is not ours."""
    own = get_profile().kode_wilayah
    sender = manifest["kantor"]["kode_wilayah"]
    if own and sender[:5] != own[:5]:
        raise PaketDitolak(
            f"Paket berasal dari wilayah {sender} ({manifest['kantor'].get('nama', '')}), bukan dari "
            f"kabupaten/kota kantor ini ({own[:5]}). Paket ditolak."
        )


def _decide(kode: str, entry: dict[str, Any]) -> KegiatanOutcome:
    row = KotaPaket.get_or_none((KotaPaket.kantor_kode == kode) & (KotaPaket.kegiatan_uid == entry["uid"]))
    nama = str(entry["kegiatan"].get("nama", ""))
    if row is None:
        return KegiatanOutcome(entry["uid"], nama, entry["versi"], BARU)
    hasil = DIGANTI if entry["versi"] > row.versi else SAMA if entry["versi"] == row.versi else LEBIH_LAMA
    return KegiatanOutcome(entry["uid"], nama, entry["versi"], hasil, row.versi)


def _store(paket: VerifiedPaket, data_root: str | os.PathLike[str], name: str) -> tuple[KegiatanOutcome, ...]:
    manifest = paket.manifest
    kode = manifest["kantor"]["kode_wilayah"]
    outcomes = tuple(_decide(kode, e) for e in manifest["kegiatan"])
    changing = [
        (e, o) for e, o in zip(manifest["kegiatan"], outcomes, strict=True) if o.hasil in (BARU, DIGANTI)
    ]
    if not changing:
        return outcomes  # the same (or an older) package again: nothing changes, not even the trail
    written = [_write_files(data_root, kode, e, paket.members) for e, _o in changing]
    try:
        with db.atomic():
            for entry, outcome in changing:
                _upsert(kode, manifest, entry, paket.sha256, outcome)
            audit.record(
                "impor", "kota_paket", None,
                {"berkas": name, "kantor": kode, "hasil": {o.uid: o.hasil for o in outcomes}},
                f"Impor paket {manifest['kantor'].get('nama', kode)}: {_summary(outcomes)}",
            )  # fmt: skip
    except BaseException:
        for folder in written:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    for entry, _o in changing:
        _drop_old_versions(data_root, kode, entry["uid"], entry["versi"])
    return outcomes


def _row_manifest(manifest: dict[str, Any], entry: dict[str, Any]) -> str:
    """What one row keeps: the sender, the kegiatan, and the rencana aksi of its year."""
    year = str(entry["kegiatan"].get("tanggal_mulai") or "")[:4]
    kept = {
        "format": manifest["format"],
        "versi_skema": manifest["versi_skema"],
        "dibuat_pada": manifest.get("dibuat_pada", ""),
        "kantor": manifest["kantor"],
        "kegiatan": entry,
        "rencana_aksi": (manifest.get("rencana_aksi_tahun") or {}).get(year, []),
    }
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def _upsert(kode: str, manifest: dict, entry: dict, sha: str, outcome: KegiatanOutcome) -> None:
    values = {
        "kantor_kode": kode,
        "kantor_nama": str(manifest["kantor"].get("nama", "")),
        "kegiatan_uid": entry["uid"],
        "versi": entry["versi"],
        "schema_versi": manifest["versi_skema"],
        "dibuat_pada": str(manifest.get("dibuat_pada", "")),
        "diimpor": audit.now_iso(),
        "sha256": sha,
        "manifest": _row_manifest(manifest, entry),
    }
    if outcome.hasil == BARU:
        KotaPaket.insert(**values).execute()
    else:
        KotaPaket.update(**values).where(
            (KotaPaket.kantor_kode == kode) & (KotaPaket.kegiatan_uid == entry["uid"])
        ).execute()


def _write_files(
    data_root: str | os.PathLike[str], kode: str, entry: dict, members: dict[str, bytes]
) -> Path:
    folder = version_dir(data_root, kode, entry["uid"], entry["versi"])
    shutil.rmtree(folder, ignore_errors=True)  # a leftover of an import that failed before its commit
    folder.mkdir(parents=True)
    for role, member in entry.get("berkas", {}).items():
        suffix = Path(member).suffix
        (folder / f"{role}{suffix}").write_bytes(members[member])
    return folder


def _drop_old_versions(data_root: str | os.PathLike[str], kode: str, uid: str, keep: int) -> None:
    for folder in (kota_root(data_root) / kode / uid).glob("v*"):
        if folder.name != f"v{keep}":
            shutil.rmtree(folder, ignore_errors=True)


def _summary(outcomes: tuple[KegiatanOutcome, ...]) -> str:
    parts = []
    for label in (BARU, DIGANTI, SAMA, LEBIH_LAMA):
        count = sum(1 for o in outcomes if o.hasil == label)
        if count:
            parts.append(f"{count} kegiatan {label}")
    text = ", ".join(parts)
    older = [o for o in outcomes if o.hasil == LEBIH_LAMA]
    if older:
        text += " (versi lebih lama tidak dipakai; versi yang tersimpan lebih baru)"
    return text
