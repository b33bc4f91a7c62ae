""" "Kirim ke Kota": one ``.zip`` per kegiatan or per period for the kota/kabupaten Pokjanal.

Three steps, so the UI can keep its window responsive (the pattern of ``kegiatan_print``):

1. :func:`prepare_paket` (GUI thread, reads the database): the manifest and, per member, a render
   step that needs no database (ReportLab layouts, the roster rows for the ``.xlsx``).
2. :func:`write_paket` (any thread, no database): renders every member, hashes it, writes the zip
   to a temporary name in the target folder and renames it — never a half-written package.
3. :func:`finish_paket` (GUI thread): marks the notulen terkirim and writes the audit row.

:func:`export_paket` does all three (CLI, tests). Inside the zip: ``manifest.json`` and per kegiatan
``kegiatan-NN/`` with ``notulen.pdf`` (when there is a notulen), ``daftar-hadir.pdf`` and
``rekap-kehadiran.pdf`` (when a day is held) and ``peserta.xlsx`` (formula-safe; NIK masked unless
``full_nik``).
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from db import audit
from db.database import db
from db.errors import DomainError, ValidationError, WorkCancelled
from db.services import kota_manifest as manifest_mod
from db.services.kegiatan import get_kegiatan

Produce = Callable[[IO[bytes]], Any]
MAX_NAME = 150  # characters of the package file name, ".zip" included (R14)


@dataclass(frozen=True)
class PaketOptions:
    full_nik: bool = False  # "sertakan NIK lengkap" (asked and confirmed in the UI)
    lampiran: bool = True  # daftar hadir and materi attached inside the notulen PDF
    today: date | None = None


@dataclass(frozen=True)
class Member:
    name: str  # path inside the zip
    index: int  # position of its kegiatan in the manifest
    role: str  # notulen / daftar_hadir / rekap_kehadiran / peserta
    produce: Produce


@dataclass(frozen=True)
class PaketPlan:
    kegiatan_ids: tuple[int, ...]
    manifest: dict[str, Any]  # unsealed, without file hashes yet
    members: tuple[Member, ...]
    filename: str
    options: PaketOptions


# ------------------------------------------------------------------------------- naming
def safe_filename(*parts: str, suffix: str = ".zip") -> str:
    """A Windows-valid name of at most :data:`MAX_NAME` characters (R14): no reserved names,
    no bidi or control characters, no path separators."""
    from pathvalidate import sanitize_filename

    stem = " - ".join(p.strip() for p in parts if p and p.strip())
    stem = "".join(ch for ch in stem if ch.isprintable() and not 0x202A <= ord(ch) <= 0x202E
                   and not 0x2066 <= ord(ch) <= 0x2069)  # fmt: skip
    spaced = " ".join(sanitize_filename(stem, replacement_text=" ", platform="windows", max_len=1000).split())
    clean = sanitize_filename(spaced, platform="windows", max_len=MAX_NAME - len(suffix)).strip(" .")
    return f"{clean or 'Paket'}{suffix}"


def default_filename(kegiatan_ids: list[int] | tuple[int, ...], today: date) -> str:
    """ "Paket Kota - Kecamatan Metro Timur - <kegiatan or period> - 2026-11-23.zip"."""
    from db.services.profile import get_profile

    details = [get_kegiatan(k).form for k in kegiatan_ids]
    if len(details) == 1:
        what = details[0].nama
    else:
        first = min(d.tanggal_mulai for d in details)
        last = max(d.tanggal_selesai for d in details)
        what = f"{len(details)} kegiatan {first:%d-%m-%Y} sd {last:%d-%m-%Y}"
    return safe_filename("Paket Kota", get_profile().unit.title(), what, today.isoformat())


# ------------------------------------------------------------------------------- step 1
def prepare_paket(
    kegiatan_ids: list[int] | tuple[int, ...], options: PaketOptions = PaketOptions()
) -> PaketPlan:
    """Read everything the package needs (GUI thread). Raises ValidationError without kegiatan."""
    ids = tuple(dict.fromkeys(int(k) for k in kegiatan_ids))
    if not ids:
        raise ValidationError("Pilih sedikitnya satu kegiatan untuk dikirim ke kota.", "kegiatan")
    today = options.today or date.today()
    entries, members = [], []
    with db.atomic():  # one consistent read; the versi counters are bumped together
        for index, kegiatan_id in enumerate(ids):
            uid = manifest_mod.kegiatan_uid(kegiatan_id)
            entries.append(manifest_mod.kegiatan_entry(
                kegiatan_id, full_nik=options.full_nik, versi=manifest_mod.next_versi(uid)))  # fmt: skip
            members += _members(kegiatan_id, index, options)
        created = audit.now_iso()
        manifest = manifest_mod.build_manifest(entries, created=created)
    return PaketPlan(ids, manifest, tuple(members), default_filename(ids, today), options)


def _members(kegiatan_id: int, index: int, options: PaketOptions) -> list[Member]:
    from db.services import kegiatan_print as printing
    from db.services.peserta import roster

    folder = f"kegiatan-{index + 1:02d}/"
    found: list[Member] = []
    notulen = _notulen_producer(kegiatan_id, options)
    if notulen is not None:
        found.append(Member(folder + "notulen.pdf", index, "notulen", notulen))
    if get_kegiatan(kegiatan_id).hari_aktif:
        found.append(Member(folder + "daftar-hadir.pdf", index, "daftar_hadir",
                            printing.daftar_hadir_job(kegiatan_id)))  # fmt: skip
        found.append(Member(folder + "rekap-kehadiran.pdf", index, "rekap_kehadiran",
                            printing.rekap_kehadiran_job(kegiatan_id)))  # fmt: skip
    rows = roster(kegiatan_id)
    found.append(Member(folder + "peserta.xlsx", index, "peserta",
                        lambda stream: _peserta_xlsx(rows, stream, options.full_nik)))  # fmt: skip
    return found


def _notulen_producer(kegiatan_id: int, options: PaketOptions) -> Produce | None:
    """The notulen PDF (engineer B's printout) when the kegiatan has a notulen, draf included —
    the manifest says its status, and only a final one is marked terkirim afterwards."""
    if manifest_mod.notulen_block(kegiatan_id) is None:
        return None
    from db.services.notulen_print import notulen_job

    return notulen_job(kegiatan_id, lampiran=options.lampiran)


def _peserta_xlsx(rows: list, stream: IO[bytes], full_nik: bool) -> None:
    import xlsxwriter

    from db.services.peserta_export import _write_sheet  # the roster export's own sheet layout

    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
               "in_memory": True}  # fmt: skip
    with xlsxwriter.Workbook(stream, options) as book:
        _write_sheet(book, rows, full_nik)


# ------------------------------------------------------------------------------- step 2
def write_paket(
    plan: PaketPlan,
    target: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Render, hash and zip every member into ``target`` (a temporary name first, then renamed).
    Touches no database, so it may run on a worker thread. ``cancelled()`` true between members
    raises :class:`WorkCancelled` and leaves no file."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise DomainError(f"Berkas {target.name} sudah ada; pilih nama lain atau setujui penggantian.")
    if not target.parent.is_dir():
        raise DomainError(f"Folder {target.parent} tidak ada.")
    handle, temp_name = tempfile.mkstemp(prefix=".paket-", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temp_name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            manifest = _write_members(plan, archive, progress, cancelled)
            archive.writestr(manifest_mod.MANIFEST_NAME, manifest_mod.encode(manifest))
        with open(temp_name, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target


def _write_members(
    plan: PaketPlan,
    archive: zipfile.ZipFile,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None = None,
) -> dict:
    manifest = {**plan.manifest, "kegiatan": [dict(e, berkas={}) for e in plan.manifest["kegiatan"]]}
    hashes: dict[str, dict[str, Any]] = {}
    for done, member in enumerate(plan.members):
        if cancelled is not None and cancelled():
            raise WorkCancelled("Pembuatan paket dibatalkan; tidak ada berkas yang ditulis.")
        buffer = io.BytesIO()
        member.produce(buffer)
        data = buffer.getvalue()
        archive.writestr(member.name, data)
        hashes[member.name] = {"sha256": hashlib.sha256(data).hexdigest(), "ukuran": len(data)}
        manifest["kegiatan"][member.index]["berkas"][member.role] = member.name
        if progress is not None:
            progress(done + 1, len(plan.members))
    manifest["berkas"] = hashes
    return manifest


# ------------------------------------------------------------------------------- step 3
def finish_paket(plan: PaketPlan, path: Path, today: date | None = None) -> int:
    """After the package is on disk: mark each notulen terkirim (engineer B's service) and audit.
    Returns how many notulen were marked."""
    from db.services.notulen import mark_terkirim

    today = today or date.today()
    marked = 0
    with db.atomic():
        for entry, kegiatan_id in zip(plan.manifest["kegiatan"], plan.kegiatan_ids, strict=True):
            if (entry.get("notulen") or {}).get("status") in ("final", "terkirim"):
                mark_terkirim(kegiatan_id, today)
                marked += 1
        audit.record(
            "ekspor", "kota_paket", None,
            {"berkas": path.name, "kegiatan": list(plan.kegiatan_ids), "nik_lengkap": plan.options.full_nik},
            f"Paket ke kota: {len(plan.kegiatan_ids)} kegiatan ke {path.name}",
        )  # fmt: skip
    return marked


def export_paket(
    kegiatan_ids: list[int] | tuple[int, ...],
    target: str | os.PathLike[str],
    options: PaketOptions = PaketOptions(),
    *,
    overwrite: bool = False,
) -> Path:
    """All three steps at once. ``target`` is a ``.zip`` path or a folder (then the default name)."""
    plan = prepare_paket(kegiatan_ids, options)
    path = Path(target)
    if path.is_dir():
        path = path / plan.filename
    elif path.suffix.lower() != ".zip":
        raise ValidationError("Nama berkas paket harus berakhiran .zip.", "target")
    written = write_paket(plan, path, overwrite=overwrite)
    finish_paket(plan, written, options.today)
    return written
