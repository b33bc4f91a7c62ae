"""Plain values the notulen PDF needs (no Qt, no peewee, no ReportLab)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.data import Signatory
from reports.data_kegiatan import AttendanceSheet
from reports.data_sertifikat import MateriRow


@dataclass(frozen=True)
class PembahasanItem:
    judul: str
    pembicara: str
    isi: str  # simple formatting, see reports.notulen_text


@dataclass(frozen=True)
class KeputusanItem:
    nomor: int
    isi: str
    penanggung_jawab: str = ""
    tenggat: str = ""  # already formatted ("30 Juni 2026")
    tindak_lanjut: int = 0  # rencana aksi items made from it


@dataclass(frozen=True)
class NotulenData:
    """The notulen as printed; header values are already formatted for the page."""

    judul: str
    hari_tanggal: str  # "Kamis, 14 Mei 2026"
    waktu: str  # "08.00 – 12.00 WIB"
    tempat: str
    acara: str
    peserta: str  # "38 orang (daftar hadir terlampir)"
    pimpinan: Signatory
    notulis: Signatory
    tempat_tanggal: str  # "Metro, 14 Mei 2026"
    nomor: str = ""
    pembukaan: str = ""
    pembahasan: tuple[PembahasanItem, ...] = ()
    keputusan: tuple[KeputusanItem, ...] = ()
    penutupan: str = ""
    jam_tutup: str = ""  # "11.45 WIB"
    draf: bool = True
    versi: int = 0


@dataclass(frozen=True)
class NotulenLampiran:
    """What goes after the notulen in the same PDF; empty parts are left out."""

    daftar_hadir: tuple[AttendanceSheet, ...] = field(default_factory=tuple)
    materi: tuple[MateriRow, ...] = field(default_factory=tuple)
