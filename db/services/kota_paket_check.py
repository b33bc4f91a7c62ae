"""Reading a received package safely (mode kota): nothing in it is trusted until every check passes.

The file is first copied from the stick to a local temporary file (R6: a stick pulled mid-read must
not leave half a package behind), then: size caps before anything is decompressed (the file, the
member count, the declared total, the compression ratio — a zip bomb is refused unread), member
names from a whitelist (no ``..``, no absolute or Windows paths, no duplicates), reads capped at
the declared size, the manifest's format, schema version and segel, and the SHA-256 and size of
every member against the manifest. Any failure raises :class:`PaketDitolak` with an Indonesian
reason; the caller then imports nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.errors import DomainError
from db.services import kota_manifest as manifest_mod
from db.zip_errors import DAMAGED_ZIP_ERRORS

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 400
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
_NAME = re.compile(r"^(manifest\.json|kegiatan-\d{2,3}/[a-z0-9][a-z0-9-]{0,40}\.(pdf|xlsx))$")
_UID = re.compile(r"^[0-9a-f]{32}$")
_KODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
_ROLES = {"notulen", "daftar_hadir", "rekap_kehadiran", "peserta"}


class PaketDitolak(DomainError):
    """The package is refused as a whole; nothing from it is imported."""


@dataclass(frozen=True)
class VerifiedPaket:
    manifest: dict[str, Any]
    members: dict[str, bytes]  # every member but the manifest, hash-checked
    sha256: str  # of the whole package file


def read_paket(source: str | os.PathLike[str], work_dir: str | os.PathLike[str]) -> VerifiedPaket:
    """Copy ``source`` into ``work_dir``, check everything, return the verified content."""
    source = Path(source)
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise PaketDitolak(f"Berkas {source.name} tidak dapat dibaca ({exc.strerror or exc}).") from exc
    if size > MAX_FILE_BYTES:
        raise PaketDitolak(f"Berkas {source.name} terlalu besar ({size // 1048576} MB) untuk sebuah paket.")
    handle, local = tempfile.mkstemp(prefix=".terima-", suffix=".zip", dir=work_dir)
    os.close(handle)
    try:
        shutil.copyfile(source, local)
        digest = _sha_file(local)
        try:
            with zipfile.ZipFile(local) as archive:
                manifest, members = _read_archive(archive)
        except DAMAGED_ZIP_ERRORS as exc:
            raise PaketDitolak(
                f"Berkas {source.name} bukan paket yang utuh (zip rusak atau terpotong: {exc})."
            ) from exc
    finally:
        os.unlink(local)
    _check_hashes(manifest, members)
    return VerifiedPaket(manifest, members, digest)


def _sha_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_archive(archive: zipfile.ZipFile) -> tuple[dict[str, Any], dict[str, bytes]]:
    infos = archive.infolist()
    _check_shape(infos)
    names = {i.filename: i for i in infos}
    if manifest_mod.MANIFEST_NAME not in names:
        raise PaketDitolak("Paket tidak berisi manifest.json; ini bukan paket Pokjanal.")
    manifest = _parse_manifest(_read(archive, names[manifest_mod.MANIFEST_NAME]))
    members = {i.filename: _read(archive, i) for i in infos if i.filename != manifest_mod.MANIFEST_NAME}
    return manifest, members


def _check_shape(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise PaketDitolak(f"Paket berisi {len(infos)} berkas; paling banyak {MAX_MEMBERS}.")
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise PaketDitolak("Isi paket terlalu besar setelah dibuka (kemungkinan bom zip); paket ditolak.")
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if not _NAME.match(name) or ".." in name or name in seen:
            raise PaketDitolak(f"Paket berisi nama berkas yang tidak diizinkan: {name[:80]!r}.")
        seen.add(name)
        limit = MAX_MANIFEST_BYTES if name == manifest_mod.MANIFEST_NAME else MAX_TOTAL_BYTES
        ratio_bad = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > limit or ratio_bad:
            raise PaketDitolak(f"Berkas {name} di dalam paket terlalu besar (kemungkinan bom zip).")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read at most the declared size (+1 to notice a lying header); the CRC is checked by zipfile."""
    with archive.open(info) as stream:
        data = stream.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise PaketDitolak(f"Ukuran berkas {info.filename} tidak sesuai dengan isinya; paket rusak.")
    return data


def _parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PaketDitolak("manifest.json rusak (bukan JSON yang sah); paket ditolak.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != manifest_mod.FORMAT:
        raise PaketDitolak("Berkas ini bukan paket Pokjanal (format manifest tidak dikenal).")
    versi = manifest.get("versi_skema")
    if not isinstance(versi, int) or versi < 1:
        raise PaketDitolak("Versi skema paket tidak sah.")
    if versi > manifest_mod.SCHEMA_VERSION:
        raise PaketDitolak(
            f"Paket dibuat dengan versi skema {versi}, lebih baru dari yang dikenal aplikasi ini "
            f"({manifest_mod.SCHEMA_VERSION}). Perbarui aplikasi Pokjanal Desk lalu impor lagi."
        )
    if not manifest_mod.seal_ok(manifest):
        raise PaketDitolak("Segel manifest tidak cocok: isi paket telah berubah sejak dibuat. Paket ditolak.")
    _check_fields(manifest)
    return manifest


def _check_fields(manifest: dict[str, Any]) -> None:
    kantor = manifest.get("kantor")
    if not isinstance(kantor, dict) or not _KODE.match(str(kantor.get("kode_wilayah", ""))):
        raise PaketDitolak("Paket tidak menyebut kode wilayah kecamatan pengirim yang sah.")
    entries = manifest.get("kegiatan")
    if not isinstance(entries, list) or not entries:
        raise PaketDitolak("Paket tidak berisi kegiatan.")
    uids = set()
    for entry in entries:
        if not isinstance(entry, dict) or not _UID.match(str(entry.get("uid", ""))):
            raise PaketDitolak("Paket berisi kegiatan tanpa pengenal (uid) yang sah.")
        if not isinstance(entry.get("versi"), int) or entry["versi"] < 1 or entry["uid"] in uids:
            raise PaketDitolak("Paket berisi versi kegiatan yang tidak sah atau kegiatan ganda.")
        if not isinstance(entry.get("kegiatan"), dict) or not isinstance(entry.get("peserta"), list):
            raise PaketDitolak("Data kegiatan di dalam paket tidak lengkap.")
        uids.add(entry["uid"])


def _check_hashes(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
    listed = manifest.get("berkas")
    if not isinstance(listed, dict) or set(listed) != set(members):
        raise PaketDitolak("Daftar berkas di manifest tidak sama dengan isi paket; paket ditolak.")
    for name, data in members.items():
        expected = listed[name] if isinstance(listed[name], dict) else {}
        if hashlib.sha256(data).hexdigest() != expected.get("sha256") or len(data) != expected.get("ukuran"):
            raise PaketDitolak(
                f"Berkas {name} di dalam paket telah berubah (SHA-256 tidak cocok). Paket ditolak."
            )
    for entry in manifest["kegiatan"]:
        files = entry.get("berkas", {})
        if not isinstance(files, dict) or any(r not in _ROLES or n not in members for r, n in files.items()):
            raise PaketDitolak("Manifest menunjuk berkas yang tidak ada di dalam paket.")
