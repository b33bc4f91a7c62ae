"""Plain values for the susunan acara, the materi/JPL table and the undangan (invitation letter).

Frozen dataclasses with no Qt, no peewee and no ReportLab: :mod:`db.services.agenda_print` fills
them from the stored kegiatan, agenda and undangan; tests build them directly. Every string is
already in print form (``08.00 – 08.30``, ``Senin, 23 November 2026``, ``08.00 WIB s.d. selesai``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.data import SignatureBlock
from reports.data_sertifikat import MateriRow


@dataclass(frozen=True)
class AcaraLine:
    """One row of the susunan acara; ``acara`` may hold a second line (the kelompok and JPL)."""

    waktu: str
    acara: str
    narasumber: str = ""
    moderator: str = ""


@dataclass(frozen=True)
class AgendaDay:
    judul: str  # "Hari ke-1 — Senin, 23 November 2026"
    lines: tuple[AcaraLine, ...]


@dataclass(frozen=True)
class SusunanAcara:
    kegiatan: str
    subjudul: str  # "23–25 November 2026 · Aula Kantor Kecamatan Metro Timur"
    days: tuple[AgendaDay, ...]
    signatures: tuple[SignatureBlock, ...] = ()
    zona: str = "WIB"  # named once, in the Waktu column's header


@dataclass(frozen=True)
class MateriJpl:
    """The materi/JPL table of a training (the same table the certificate's back page shows)."""

    kegiatan: str
    subjudul: str
    rows: tuple[MateriRow, ...]
    signatures: tuple[SignatureBlock, ...] = ()


@dataclass(frozen=True)
class Undangan:
    """An invitation letter per Tata Naskah Dinas; ``rincian`` is the (label, value) block of
    hari/tanggal, pukul, tempat and acara."""

    nomor: str
    sifat: str
    lampiran: str
    hal: str
    tempat_tanggal: str  # "Metro, 16 November 2026" (top right)
    kepada: tuple[str, ...]
    pembuka: str
    rincian: tuple[tuple[str, str], ...]
    penutup: str
    signature: SignatureBlock | None
    tembusan: tuple[str, ...] = ()
