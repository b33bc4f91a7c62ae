"""The bridge from issued certificates to PDFs: one file for the printer, one file per person.

:func:`sertifikat_batch` reads everything from the database (call it on the GUI thread) and
returns a :class:`SertifikatBatch` of plain values; its ``render_pdf`` / ``render_folder`` only lay
out pages (ReportLab, no database), so the UI runs them on a worker thread with a progress
callback and a cancel check. A cancelled or failed run leaves no half files: the single PDF goes
through a temporary file renamed into place, per-person files are written into a hidden temporary
folder and moved into the chosen folder only when all of them are done.

Printed values are the ones copied into the register at issue time (the QR signs them), so a
re-print shows the same number, name and QR. Only valid certificates print, in roster order.
A signatory's scanned signature and stamp (:func:`db.services.penandatangan.get_images`) go into
its signature block; without them the block leaves room for a wet signature and stamp.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pathvalidate import sanitize_filename

from db.errors import ValidationError, WorkCancelled
from db.services.agenda import materi_rows
from db.services.penandatangan import SignatoryData, get_images, get_signatory, list_signatories
from db.services.print_data import signatory_from_data, signing_place
from db.services.profile import get_logo, get_profile
from db.services.sertifikat import AturanSertifikat, get_aturan, latar_file
from db.services.sertifikat_terbit import SertifikatRow, list_sertifikat
from reports.data import SignatureBlock
from reports.data_sertifikat import CertificateTemplate, MateriRow, Sertifikat
from reports.formatting import tempat_tanggal

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
MAX_FILE_NAME = 150  # characters with ".pdf" (R14)
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


class PrintCancelled(WorkCancelled):
    """The user pressed Batal; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Pencetakan sertifikat dibatalkan; tidak ada berkas yang ditulis.")


@dataclass(frozen=True)
class SertifikatBatch:
    """Everything needed to draw a kegiatan's certificates, without the database."""

    template: CertificateTemplate
    certificates: tuple[Sertifikat, ...]
    file_names: tuple[str, ...]  # per person, safe on Windows, unique in the batch (casefolded)

    @property
    def pages(self) -> int:
        return len(self.certificates) * (2 if self.template.materi else 1)

    def render_pdf(
        self,
        target: str | os.PathLike[str],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> int:
        """One PDF with every certificate, written atomically; returns the page count."""
        from reports.sertifikat import RenderCancelled, render_certificates

        _require(self.certificates)
        path = Path(target)
        handle, temp = tempfile.mkstemp(suffix=".pdf.tmp", dir=path.parent)
        os.close(handle)
        try:
            pages = render_certificates(self.template, self.certificates, temp, progress, cancelled)
            os.replace(temp, path)
        except RenderCancelled as exc:
            raise PrintCancelled() from exc
        finally:
            Path(temp).unlink(missing_ok=True)
        return pages

    def existing(self, folder: str | os.PathLike[str]) -> list[str]:
        """Names of this batch already in ``folder`` (ask before overwriting them)."""
        present = {p.name.casefold() for p in Path(folder).iterdir()} if Path(folder).is_dir() else set()
        return [name for name in self.file_names if name.casefold() in present]

    def render_folder(
        self,
        folder: str | os.PathLike[str],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        *,
        overwrite: bool = False,
    ) -> list[Path]:
        """One PDF per person in ``folder`` (created if needed); all or nothing. Refuses to replace
        existing files unless ``overwrite``."""
        from reports.sertifikat import render_certificates

        _require(self.certificates)
        root = Path(folder)
        root.mkdir(parents=True, exist_ok=True)
        clash = self.existing(root)
        if clash and not overwrite:
            raise ValidationError(
                f"{len(clash)} berkas sudah ada di folder itu (mis. {clash[0]}); pilih folder lain "
                "atau setujui penimpaan.",
                "folder",
            )
        work = Path(tempfile.mkdtemp(prefix=".sertifikat-", dir=root))
        try:
            for done, (cert, name) in enumerate(zip(self.certificates, self.file_names, strict=True), 1):
                if cancelled is not None and cancelled():
                    raise PrintCancelled()
                render_certificates(self.template, [cert], str(work / name))
                if progress is not None:
                    progress(done, len(self.certificates))
            written = []
            for name in self.file_names:
                os.replace(work / name, root / name)
                written.append(root / name)
            return written
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _require(certificates: Sequence[Sertifikat]) -> None:
    if not certificates:
        raise ValidationError("Belum ada sertifikat yang terbit untuk kegiatan ini.", "sertifikat")


# ------------------------------------------------------------------------------- file names
def file_name(urut: int, nama: str) -> str:
    """ "Sertifikat - 007 - Siti Aminah.pdf": valid on Windows (no reserved names or characters,
    no bidi controls), at most :data:`MAX_FILE_NAME` characters."""
    text = unicodedata.normalize("NFC", "".join(ch for ch in nama if ch not in _BIDI))
    stem = " ".join(f"Sertifikat - {urut:03d} - {text}".split())
    spaced = " ".join(sanitize_filename(stem, replacement_text=" ", platform="windows", max_len=1000).split())
    clean = sanitize_filename(spaced, platform="windows", max_len=MAX_FILE_NAME - len(".pdf")).strip(" .")
    return f"{clean or f'Sertifikat - {urut:03d}'}.pdf"


def unique_names(names: Sequence[str]) -> tuple[str, ...]:
    """The same names with " (2)", " (3)" … added where two would be one file on Windows."""
    seen: set[str] = set()
    out = []
    for name in names:
        stem, candidate, n = name[: -len(".pdf")], name, 1
        while candidate.casefold() in seen:
            n += 1
            suffix = f" ({n}).pdf"
            candidate = stem[: MAX_FILE_NAME - len(suffix)].rstrip(" .") + suffix
        seen.add(candidate.casefold())
        out.append(candidate)
    return tuple(out)


# ------------------------------------------------------------------------------- gathering
def signatories_for(aturan: AturanSertifikat) -> list[SignatoryData]:
    """The main signer (penandatangan 1, else the first active one) and the optional second."""
    first = get_signatory(aturan.penandatangan1_id) if aturan.penandatangan1_id else None
    if first is None:
        active = list_signatories(active_only=True)
        if not active:
            raise ValidationError(
                "Belum ada penandatangan aktif. Tambahkan di Pengaturan › Penandatangan.", "penandatangan1_id"
            )
        first = active[0]
    second = get_signatory(aturan.penandatangan2_id) if aturan.penandatangan2_id else None
    return [first] if second is None else [first, second]


def materi_for(kegiatan_id: int, aturan: AturanSertifikat) -> tuple[MateriRow, ...]:
    """The back page: the agenda's materi rows (items with a kelompok), else the rows typed in the
    certificate template; none when the kegiatan prints no back page."""
    if not aturan.halaman_materi:
        return ()
    return materi_rows(kegiatan_id) or aturan.teks.materi


def template_for(kegiatan_id: int, aturan: AturanSertifikat | None = None) -> CertificateTemplate:
    aturan = aturan or get_aturan(kegiatan_id)
    profile = get_profile()
    kop = [profile.pemerintah, profile.unit]
    if profile.sekretariat and profile.sekretariat.strip().upper() != profile.unit.strip().upper():
        kop.append(profile.sekretariat)
    latar = latar_file(aturan)
    teks = aturan.teks
    return CertificateTemplate(
        kop_lines=tuple(line for line in kop if line.strip()),
        judul=teks.judul,
        pembuka=teks.pembuka,
        isi=dict(teks.isi),
        jpl_teks=teks.jpl_teks,
        peran_teks=dict(teks.peran_teks),
        qr_keterangan=teks.qr_keterangan,
        background=latar.read_bytes() if latar is not None and latar.is_file() else None,
        logo=get_logo("daerah"),
        logo_kanan=get_logo("kedua"),
        materi=materi_for(kegiatan_id, aturan),
        materi_judul=teks.materi_judul,
    )


def _in_roster_order(kegiatan_id: int, rows: list[SertifikatRow]) -> list[SertifikatRow]:
    from db.services.peserta import roster_order

    position = {p.id: n for n, p in enumerate(roster_order(kegiatan_id))}
    return sorted(rows, key=lambda r: (position.get(r.peserta_id, len(position)), r.seri, r.urut))


def _block(signer: SignatoryData) -> SignatureBlock:
    """The signer's block with its signature and stamp images, if it has any."""
    images = get_images(signer.id) if signer.id is not None else {}
    return SignatureBlock(signatory_from_data(signer), ttd=images.get("ttd"), stempel=images.get("stempel"))


def certificate_values(
    kegiatan_id: int, ids: Sequence[int] | None = None
) -> list[tuple[SertifikatRow, Sertifikat]]:
    """Valid certificates of the kegiatan (or only ``ids``) as printed, in roster order."""
    from db.services.kegiatan import get_kegiatan

    aturan = get_aturan(kegiatan_id)
    detail = get_kegiatan(kegiatan_id)
    blocks = tuple(_block(s) for s in reversed(signatories_for(aturan)))
    place = signing_place()
    rows = [r for r in list_sertifikat(kegiatan_id, status="valid") if ids is None or r.id in set(ids)]
    out = []
    for row in _in_roster_order(kegiatan_id, rows):
        cert = Sertifikat(
            nomor=row.nomor,
            nama=row.nama,
            nip_nik_line=row.identitas if aturan.tampilkan_identitas else "",
            jabatan_asal=row.jabatan_asal,
            peran=row.peran,
            kegiatan_nama=row.kegiatan_nama,
            tanggal_text=row.kegiatan_tanggal,
            tempat=detail.form.tempat,
            jpl=row.jpl or 0,
            tempat_tanggal=tempat_tanggal(place, row.tanggal_terbit),
            signatures=blocks,
            qr_text=row.qr,
        )
        out.append((row, cert))
    return out


def sertifikat_batch(kegiatan_id: int, ids: Sequence[int] | None = None) -> SertifikatBatch:
    """Read everything the PDFs need (GUI thread); render with the returned batch (any thread)."""
    pairs = certificate_values(kegiatan_id, ids)
    names = unique_names([file_name(row.urut, row.nama) for row, _ in pairs])
    return SertifikatBatch(template_for(kegiatan_id), tuple(cert for _, cert in pairs), names)


def without_back_page(batch: SertifikatBatch) -> SertifikatBatch:
    """The same batch, front pages only (e.g. files sent by WhatsApp)."""
    return replace(batch, template=replace(batch.template, materi=()))
