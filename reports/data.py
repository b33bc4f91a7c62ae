"""Plain values a printed document needs: page setup, kop, signatories.

Frozen dataclasses with no Qt, no peewee and no ReportLab, so services, the GUI and tests can
build them cheaply. :mod:`db.services.print_data` fills them from the stored office profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MM = 72.0 / 25.4  # points per millimetre (same as reportlab.lib.units.mm)

PAPER_SIZES_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "F4": (215.0, 330.0),  # "folio" as Indonesian offices buy it, not the 210×330 of other places
}
ORIENTATIONS = ("portrait", "landscape")


@dataclass(frozen=True)
class PageSetup:
    """Paper, orientation and margins (millimetres). Defaults follow the office-profile defaults."""

    paper: str = "A4"
    orientation: str = "portrait"
    margin_top: float = 20.0
    margin_bottom: float = 20.0
    margin_left: float = 25.0
    margin_right: float = 20.0

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES_MM:
            raise ValueError(f"kertas harus A4 atau F4, bukan {self.paper!r}")
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"orientasi harus portrait atau landscape, bukan {self.orientation!r}")

    @property
    def page_size(self) -> tuple[float, float]:
        """(width, height) in points, already turned for landscape."""
        short, long = (side * MM for side in PAPER_SIZES_MM[self.paper])
        return (long, short) if self.orientation == "landscape" else (short, long)

    @property
    def margins(self) -> tuple[float, float, float, float]:
        """(top, right, bottom, left) in points."""
        return (self.margin_top * MM, self.margin_right * MM, self.margin_bottom * MM, self.margin_left * MM)


@dataclass(frozen=True)
class Kop:
    """The letterhead: centred capital lines, address and contact lines, up to two logos.

    ``alamat`` and ``kontak`` are printed as given (title case, e.g. "Jl. Brigjend Sutiyoso No. 1,
    Kel. Metro, Kec. Metro Pusat, Kota Metro 34111"). Logos are PNG or JPEG bytes.
    """

    pemerintah: str  # "PEMERINTAH KOTA METRO"
    unit: str  # "KECAMATAN METRO PUSAT"
    sekretariat: str = ""  # "POKJANAL POSYANDU KECAMATAN METRO PUSAT"
    alamat: str = ""
    kontak: str = ""
    logo: bytes | None = None  # logo daerah, left
    logo_kanan: bytes | None = None  # e.g. TP-PKK / Posyandu logo, right

    def lines(self) -> list[str]:
        """The non-empty text lines, top to bottom (also what a PDF check looks for)."""
        heads = [self.pemerintah, self.unit]
        if self.sekretariat and self.sekretariat.strip().upper() != self.unit.strip().upper():
            heads.append(self.sekretariat)
        return [line.strip() for line in (*heads, self.alamat, self.kontak) if line and line.strip()]


@dataclass(frozen=True)
class Signatory:
    """A signer as printed. ``nip`` is already in print form ("19860926 201505 1 001") or empty.

    Non-ASN signers (kader, TP-PKK) have an empty ``nip`` and get no NIP line.
    """

    nama: str
    jabatan: str
    pangkat: str = ""
    nip: str = ""
    prefiks: str = ""  # "", "a.n.", "u.b.", "Plt.", "Plh.", "Pj."
    jabatan_atasan: str = ""  # with a.n./u.b.: the office signed for ("CAMAT METRO PUSAT")

    @property
    def nip_line(self) -> str:
        return f"NIP. {self.nip}" if self.nip.strip() else ""

    def jabatan_lines(self) -> list[str]:
        """``a.n. CAMAT METRO PUSAT`` / ``Sekretaris Kecamatan,`` or ``Plt. Camat Metro Pusat,``."""
        prefix = self.prefiks.strip()
        if prefix in ("a.n.", "u.b.") and self.jabatan_atasan.strip():
            return [f"{prefix} {self.jabatan_atasan.strip()}", f"{self.jabatan.strip()},"]
        if prefix:
            return [f"{prefix} {self.jabatan.strip()},"]
        return [f"{self.jabatan.strip()},"]


@dataclass(frozen=True)
class SignatureBlock:
    """One signature column: optional place/date line and heading above the jabatan lines."""

    signatory: Signatory
    tempat_tanggal: str = ""  # "Metro, 21 Juli 2023" (see reports.formatting.tempat_tanggal)
    heading: str = ""  # "Mengetahui," / "Menyetujui,"
    # scanned signature and stamp (PNG/JPG bytes); drawn on certificates, other documents leave
    # the space for a wet signature
    ttd: bytes | None = field(default=None, repr=False)
    stempel: bytes | None = field(default=None, repr=False)
