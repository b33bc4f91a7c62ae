"""Plain values for the printed kegiatan documents: daftar hadir, rekap kehadiran (per participant
and per asal), daftar belum hadir, tanda pengenal, daftar peserta and tanda terima uang
transport/honorarium.

Frozen dataclasses with no Qt, no peewee and no ReportLab: :mod:`db.services.kegiatan_print` fills
them from the stored kegiatan, tests build them directly. Every string is already in print form
(dates, times and amounts formatted, phone numbers masked or blanked as chosen); a NIK never gets
here at all. Rows come in print order (``db.services.peserta.roster_order``, which the paper
back-fill screen follows too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from reports.data import SignatureBlock

# Attendance codes as printed in the rekap (hadir ✓, izin I, sakit S, anything else –).
HADIR, IZIN, SAKIT, ALPA = "hadir", "izin", "sakit", "alpa"


@dataclass(frozen=True)
class KegiatanInfo:
    """The kegiatan as named on every sheet; ``hari`` are the days actually held (a day can be skipped)."""

    nama: str
    jenis: str = ""
    tempat: str = ""
    alamat: str = ""
    hari: tuple[date, ...] = ()
    penyelenggara: str = ""

    @property
    def tempat_lengkap(self) -> str:
        return ", ".join(part.strip() for part in (self.tempat, self.alamat) if part and part.strip())


@dataclass(frozen=True)
class SheetRow:
    """One person on a daftar hadir or tanda terima; ``hp`` is already masked or blank."""

    no: int
    nama: str
    jabatan: str = ""
    asal: str = ""
    hp: str = ""
    peran: str = "Peserta"


@dataclass(frozen=True)
class AttendanceSheet:
    """One day's daftar hadir for one group (peserta, or narasumber and panitia)."""

    kegiatan: KegiatanInfo
    judul: str  # "DAFTAR HADIR PESERTA"
    hari_ke: int
    tanggal: str  # "Senin, 23 November 2026"
    waktu: str = ""  # "08.00 – 16.00 WIB"
    rows: tuple[SheetRow, ...] = ()
    blank_rows: int = 0  # empty numbered rows for walk-ins
    mengetahui: SignatureBlock | None = None


@dataclass(frozen=True)
class RekapLine:
    """One participant in the rekap: a status code per held day (see HADIR …), "" when not recorded."""

    no: int
    nama: str
    asal: str
    statuses: tuple[str, ...]

    @property
    def hadir(self) -> int:
        return sum(1 for status in self.statuses if status == HADIR)


@dataclass(frozen=True)
class RekapKehadiran:
    kegiatan: KegiatanInfo
    days: tuple[str, ...]  # column labels, "23/11"
    lines: tuple[RekapLine, ...]
    subjudul: str = ""
    signatures: tuple[SignatureBlock, ...] = ()


@dataclass(frozen=True)
class AsalLine:
    """One asal in the per-asal rekap: ``jumlah`` people expected each held day, ``hadir`` per day."""

    no: int
    asal: str
    jumlah: int
    hadir: tuple[int, ...]


@dataclass(frozen=True)
class RekapAsal:
    """Asal × held days, "hadir/diharapkan" per cell; ``days`` are the column labels."""

    kegiatan: KegiatanInfo
    days: tuple[str, ...]
    lines: tuple[AsalLine, ...]
    subjudul: str = ""
    signatures: tuple[SignatureBlock, ...] = ()


@dataclass(frozen=True)
class BelumHadirRow:
    """One person not marked hadir on the day; ``status`` is "Izin", "Sakit", … or "Belum tercatat"."""

    no: int
    nama: str
    asal: str
    peran: str
    hp: str
    status: str


@dataclass(frozen=True)
class DaftarBelumHadir:
    """Who is still missing on one held day, out of ``jumlah`` people on the roster."""

    kegiatan: KegiatanInfo
    hari_ke: int
    tanggal: str  # "Selasa, 24 November 2026"
    rows: tuple[BelumHadirRow, ...]
    jumlah: int
    signatures: tuple[SignatureBlock, ...] = ()


@dataclass(frozen=True)
class NameTag:
    nama: str
    asal: str
    peran: str
    kode: str  # the check-in code, printed as QR and as text
    jabatan: str = ""


@dataclass(frozen=True)
class NameTagSet:
    kegiatan: str  # the line printed at the top of every tag
    keterangan: str  # second line: "23–25 November 2026 · Aula Kantor Camat"
    tags: tuple[NameTag, ...]


@dataclass(frozen=True)
class RosterRow:
    no: int
    nama: str
    jenis_kelamin: str
    jabatan: str
    asal: str
    hp: str
    peran: str
    kode: str


@dataclass(frozen=True)
class DaftarPeserta:
    kegiatan: KegiatanInfo
    subjudul: str  # dates and place
    rows: tuple[RosterRow, ...]
    signatures: tuple[SignatureBlock, ...] = ()


@dataclass(frozen=True)
class TerimaRow:
    """One payee: ``volume`` days (or 1 for a lump sum) × ``tarif`` = ``jumlah`` rupiah."""

    no: int
    nama: str
    jabatan: str
    asal: str
    peran: str
    volume: int
    tarif: int

    @property
    def jumlah(self) -> int:
        return self.volume * self.tarif


@dataclass(frozen=True)
class TandaTerima:
    """A daftar penerimaan uang transport/honorarium with the signatures the bendahara needs.

    ``pembuat`` (usually the Ketua Panitia) signs under ``tempat_tanggal``; ``penyetuju`` (Pejabat
    Pembuat Komitmen) and ``bendahara`` (Bendahara Pengeluaran) sign side by side below.
    """

    kegiatan: KegiatanInfo
    judul: str  # "DAFTAR PENERIMAAN UANG TRANSPORT"
    uraian: str  # what is paid for, dates, place
    satuan: str  # volume unit: "hari" or "kegiatan"
    rows: tuple[TerimaRow, ...]
    pembuat: SignatureBlock | None = None
    penyetuju: SignatureBlock | None = None
    bendahara: SignatureBlock | None = None
    sumber_dana: str = ""

    @property
    def total(self) -> int:
        return sum(row.jumlah for row in self.rows)


T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
