"""The bridge from stored data to print: office profile, logos and signatories → reports.data values.

The only place where :mod:`db` meets :mod:`reports`: documents receive plain frozen dataclasses
and never read the database themselves. Nothing here imports ReportLab (``reports.data`` is
plain Python), so calling these from the GUI costs no ReportLab import.
"""

from __future__ import annotations

from db.services.penandatangan import SignatoryData, get_signatory
from db.services.profile import OfficeProfile, get_logo, get_profile
from db.validators import format_nip
from reports.data import Kop, PageSetup, Signatory

_PLACE_PREFIXES = ("Kota Administratif ", "Kabupaten ", "Kota ", "Kab. ")


def kop_from_profile(profile: OfficeProfile | None = None, *, with_logos: bool = True) -> Kop:
    """The kop surat from the stored profile (and logos unless ``with_logos`` is False)."""
    profile = profile or get_profile()
    return Kop(
        pemerintah=profile.pemerintah,
        unit=profile.unit,
        sekretariat=profile.sekretariat,
        alamat=profile.address_line(),
        kontak=profile.contact_line(),
        logo=get_logo("daerah") if with_logos else None,
        logo_kanan=get_logo("kedua") if with_logos else None,
    )


def signatory_from_data(data: SignatoryData) -> Signatory:
    """A stored signatory as printed: NIP grouped (``19860926 201505 1 001``), none for non-ASN."""
    nip = format_nip(data.nip) if data.nip and data.jenis_pegawai != "Non-ASN" else ""
    return Signatory(
        nama=data.nama,
        jabatan=data.jabatan,
        pangkat=data.pangkat,
        nip=nip,
        prefiks=data.prefiks,
        jabatan_atasan=data.jabatan_atasan,
    )


def signatory_for_print(signatory_id: int) -> Signatory:
    """Raises :class:`db.errors.NotFound` when the signatory does not exist."""
    return signatory_from_data(get_signatory(signatory_id))


def page_setup(orientation: str = "portrait", *, profile: OfficeProfile | None = None) -> PageSetup:
    """Paper and margins from the profile; certificates pass ``orientation="landscape"``."""
    profile = profile or get_profile()
    return PageSetup(
        paper=profile.kertas,
        orientation=orientation,
        margin_top=float(profile.margin_atas),
        margin_bottom=float(profile.margin_bawah),
        margin_left=float(profile.margin_kiri),
        margin_right=float(profile.margin_kanan),
    )


def signing_place(profile: OfficeProfile | None = None) -> str:
    """Place on signature lines: ``kota_ttd``, else the kota without "Kota "/"Kabupaten " ("Metro")."""
    profile = profile or get_profile()
    if profile.kota_ttd.strip():
        return profile.kota_ttd.strip()
    kota = profile.kota.strip()
    for prefix in _PLACE_PREFIXES:
        if kota.startswith(prefix):
            return kota[len(prefix) :].strip()
    return kota


def time_zone(profile: OfficeProfile | None = None) -> str:
    """WIB, WITA or WIT for printed times (``reports.formatting.jam``)."""
    return (profile or get_profile()).zona_waktu
