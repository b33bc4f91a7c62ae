"""Office identity (identitas kantor): the kop surat and defaults every printed page uses."""

from __future__ import annotations

import base64
import re
from dataclasses import asdict, dataclass, fields, replace

from db import audit
from db.database import db
from db.errors import ValidationError
from db.services.settings import get_setting, set_setting

PROFILE_KEY = "kantor"
LOGO_KEYS = {"daerah": "logo_daerah", "kedua": "logo_kedua"}
TIME_ZONES = ("WIB", "WITA", "WIT")
PAPERS = ("A4", "F4")
MAX_LOGO_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class OfficeProfile:
    """Everything the kop and the signature lines need. Codes are stored with dots."""

    pemerintah: str = ""  # "PEMERINTAH KOTA METRO"
    unit: str = ""  # "KECAMATAN METRO TIMUR"
    sekretariat: str = ""  # "POKJANAL POSYANDU KECAMATAN METRO TIMUR"
    alamat: str = ""  # "Jl. Brigjend Sutiyoso No. 1"
    kelurahan: str = ""
    kecamatan: str = ""
    kota: str = ""  # "Kota Metro"
    provinsi: str = ""
    kode_pos: str = ""
    telepon: str = ""
    faks: str = ""
    surel: str = ""
    laman: str = ""
    kode_wilayah: str = ""  # kecamatan code, e.g. "18.72.04"
    kota_ttd: str = ""  # place on signature lines: "Metro"
    zona_waktu: str = "WIB"
    kertas: str = "A4"
    margin_atas: float = 20.0  # millimetres
    margin_bawah: float = 20.0
    margin_kiri: float = 25.0
    margin_kanan: float = 20.0
    kode_klasifikasi: str = "445.8"
    operator: str = ""  # name recorded in the audit trail

    @property
    def configured(self) -> bool:
        return bool(self.kode_wilayah and self.unit)

    def address_line(self) -> str:
        """Title-case address line of the kop: street, kelurahan, kecamatan, kota, kode pos."""
        parts = [self.alamat]
        if self.kelurahan:
            parts.append(f"Kel. {self.kelurahan}")
        if self.kecamatan:
            parts.append(f"Kec. {self.kecamatan}")
        if self.kota:
            parts.append(self.kota)
        line = ", ".join(p for p in parts if p)
        if self.kode_pos:
            line = f"{line} {self.kode_pos}".strip()
        return line

    def contact_line(self) -> str:
        parts = []
        if self.telepon:
            parts.append(f"Telepon {self.telepon}")
        if self.faks:
            parts.append(f"Faks. {self.faks}")
        if self.surel:
            parts.append(f"Surel {self.surel}")
        if self.laman:
            parts.append(f"Laman {self.laman}")
        return " · ".join(parts)


def default_secretariat(kecamatan: str) -> str:
    return f"POKJANAL POSYANDU KECAMATAN {kecamatan.upper()}".strip()


def get_profile() -> OfficeProfile:
    stored = get_setting(PROFILE_KEY, {}) or {}
    known = {f.name for f in fields(OfficeProfile)}
    return OfficeProfile(**{k: v for k, v in stored.items() if k in known})


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def validate_profile(profile: OfficeProfile) -> None:
    problems: dict[str, str] = {}
    if not profile.pemerintah.strip():
        problems["pemerintah"] = "Nama pemerintah daerah wajib diisi (mis. PEMERINTAH KOTA METRO)."
    if not profile.unit.strip():
        problems["unit"] = "Nama unit kerja wajib diisi (mis. KECAMATAN METRO TIMUR)."
    if profile.zona_waktu not in TIME_ZONES:
        problems["zona_waktu"] = "Zona waktu harus WIB, WITA atau WIT."
    if profile.kertas not in PAPERS:
        problems["kertas"] = "Ukuran kertas harus A4 atau F4."
    if profile.surel and not _EMAIL.match(profile.surel.strip()):
        problems["surel"] = "Alamat surel tidak sah."
    if profile.kode_pos and not re.fullmatch(r"\d{5}", profile.kode_pos.strip()):
        problems["kode_pos"] = "Kode pos harus 5 angka."
    for name in ("margin_atas", "margin_bawah", "margin_kiri", "margin_kanan"):
        value = getattr(profile, name)
        if not 5 <= float(value) <= 50:
            problems[name] = "Margin harus antara 5 dan 50 mm."
    if problems:
        raise ValidationError(problems)


def save_profile(profile: OfficeProfile) -> OfficeProfile:
    """Validate and store the office profile (one transaction, audited)."""
    cleaned = replace(
        profile,
        pemerintah=profile.pemerintah.strip().upper(),
        unit=profile.unit.strip().upper(),
        sekretariat=(profile.sekretariat.strip() or default_secretariat(profile.kecamatan)).upper(),
    )
    validate_profile(cleaned)
    with db.atomic():
        before = asdict(get_profile())
        after = asdict(cleaned)
        set_setting(PROFILE_KEY, after, audit_changes=False)
        changes = audit.diff(before, after)
        if changes:
            audit.record("ubah", "kantor", None, changes, "Identitas kantor")
    return cleaned


def get_logo(slot: str) -> bytes | None:
    encoded = get_setting(LOGO_KEYS[slot])
    return base64.b64decode(encoded) if encoded else None


def set_logo(slot: str, data: bytes | None) -> None:
    """Store (or with ``None`` remove) a logo image; PNG or JPEG up to 2 MB."""
    if data is not None:
        if len(data) > MAX_LOGO_BYTES:
            raise ValidationError("Berkas logo terlalu besar (maksimal 2 MB).", "logo")
        if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
            raise ValidationError("Logo harus berupa gambar PNG atau JPG.", "logo")
    with db.atomic():
        encoded = base64.b64encode(data).decode("ascii") if data else None
        set_setting(LOGO_KEYS[slot], encoded, audit_changes=False)
        state = "diganti" if data else "dihapus"
        audit.record("ubah", "kantor", None, {f"logo_{slot}": state}, f"Logo {slot} {state}")
