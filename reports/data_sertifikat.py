"""Plain values a certificate batch needs: one :class:`Sertifikat` per person and the kegiatan's
:class:`CertificateTemplate` (texts per role, background, logos, the optional "Materi" back page).

Frozen dataclasses with no Qt, no peewee and no ReportLab. Default texts are correct Indonesian as
they stand; the template form may change every one of them per kegiatan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.data import SignatureBlock

PERAN = ("Peserta", "Narasumber", "Moderator", "Panitia")
KELOMPOK_MATERI = ("Dasar", "Inti", "Penunjang")

# Placeholders: {kegiatan} {tanggal} {tempat}; "sebanyak … JPL" is appended when jpl > 0.
DEFAULT_ISI = {
    "Peserta": "telah mengikuti {kegiatan} yang diselenggarakan pada {tanggal} bertempat di {tempat}",
    "Narasumber": "telah menyampaikan materi dalam {kegiatan} yang diselenggarakan pada {tanggal} "
    "bertempat di {tempat}",
    "Moderator": "telah memandu sesi dalam {kegiatan} yang diselenggarakan pada {tanggal} "
    "bertempat di {tempat}",
    "Panitia": "telah membantu penyelenggaraan {kegiatan} pada {tanggal} bertempat di {tempat}",
}
DEFAULT_PERAN_TEKS = {peran: f"sebagai {peran}" for peran in PERAN}


@dataclass(frozen=True)
class MateriRow:
    """One row of the back-page curriculum table; T/P/PL are JPL of theory, practice, field practice."""

    kelompok: str  # "Dasar" / "Inti" / "Penunjang"
    materi: str
    t: float = 0
    p: float = 0
    pl: float = 0

    def __post_init__(self) -> None:
        if self.kelompok not in KELOMPOK_MATERI:
            raise ValueError(f"kelompok materi harus Dasar, Inti atau Penunjang, bukan {self.kelompok!r}")
        if min(self.t, self.p, self.pl) < 0:
            raise ValueError("JPL materi tidak boleh negatif")

    @property
    def jumlah(self) -> float:
        return self.t + self.p + self.pl


@dataclass(frozen=True)
class CertificateTemplate:
    """Everything that is the same on every certificate of one kegiatan."""

    kop_lines: tuple[str, ...] = ()  # ("PEMERINTAH KOTA METRO", "KECAMATAN METRO PUSAT")
    judul: str = "SERTIFIKAT"
    pembuka: str = "diberikan kepada"
    isi: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ISI))
    jpl_teks: str = "sebanyak {jpl} JPL"
    peran_teks: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PERAN_TEKS))
    qr_keterangan: str = "Pindai untuk memeriksa keaslian"
    background: bytes | None = None  # PNG/JPEG, full bleed; replaces the built-in border
    logo: bytes | None = None  # left
    logo_kanan: bytes | None = None  # right
    materi: tuple[MateriRow, ...] = ()  # non-empty: every certificate gets a back page
    materi_judul: str = "MATERI"


@dataclass(frozen=True)
class Sertifikat:
    """One person's certificate as printed. ``nip_nik_line`` is already masked ("NIK. 1872…0001") or empty."""

    nomor: str
    nama: str
    nip_nik_line: str
    jabatan_asal: str
    peran: str
    kegiatan_nama: str
    tanggal_text: str  # "21–23 Juli 2026" (reports.formatting.rentang_tanggal)
    tempat: str
    jpl: float
    tempat_tanggal: str  # "Metro, 23 Juli 2026"
    signatures: tuple[SignatureBlock, ...]
    qr_text: str = ""  # "SRT1:…"; empty prints no QR

    def __post_init__(self) -> None:
        if self.peran not in PERAN:
            raise ValueError(f"peran harus salah satu dari {', '.join(PERAN)}, bukan {self.peran!r}")
        if not 1 <= len(self.signatures) <= 2:
            raise ValueError("sertifikat memerlukan satu atau dua blok tanda tangan")
        if self.jpl < 0:
            raise ValueError("JPL tidak boleh negatif")


@dataclass(frozen=True)
class RegisterLine:
    nomor: str
    nama: str
    asal: str
    peran: str
    kegiatan: str
    terbit: str  # "23-07-2026"
    status: str  # "Berlaku" / "Dicabut 24-07-2026: salah nama"


@dataclass(frozen=True)
class RegisterSertifikat:
    judul: str  # "BUKU REGISTER SERTIFIKAT"
    subjudul: str  # "Tahun 2026" / a kegiatan name
    lines: tuple[RegisterLine, ...]
    signatures: tuple[SignatureBlock, ...] = ()
