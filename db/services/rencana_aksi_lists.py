"""Choice lists of the rencana aksi: status (fixed), bidang, OPD and sumber dana (editable).

The editable lists live in ``pengaturan`` (keys below) and fall back to the defaults, so an office
can rename "Disdik" to its own OPD name in Pengaturan without a code change. Items keep whatever
text they were saved with; the lists only feed the combo boxes and the ordering of the matrix.
"""

from __future__ import annotations

from db.errors import ValidationError
from db.services.registry_fields import BIDANG_SPM, clean_text
from db.services.settings import get_setting, set_setting

STATUS_RENCANA_AKSI = ("Belum mulai", "Berjalan", "Selesai", "Tertunda", "Batal")
STATUS_SELESAI = "Selesai"
STATUS_BATAL = "Batal"
SUMBER_RENCANA = ("manual", "notulen")

# The six SPM areas of 2024 (DOMAIN §1.5), Lintas Sektor, then the older layanan sosial dasar areas
# (Permendagri 19/2011) that some offices still report under.
DEFAULT_BIDANG: tuple[str, ...] = (
    *BIDANG_SPM,
    "Lintas Sektor",
    "Ekonomi",
    "Ketahanan Pangan",
    "Lingkungan Hidup",
    "Keluarga Berencana",
)
DEFAULT_OPD: tuple[str, ...] = (
    "Kecamatan",
    "Kelurahan",
    "Puskesmas",
    "TP-PKK",
    "Disdik",
    "KUA",
    "Babinsa",
    "Bhabinkamtibmas",
    "PKB/PLKB",
    "TKSK/Dinsos",
    "Dinas PUPR",
    "Dinas Perkim",
    "BPBD",
    "Satpol PP",
    "Karang Taruna",
    "LPM",
)
DEFAULT_SUMBER_DANA: tuple[str, ...] = ("APBD", "APBDes", "DD", "BOK", "DAK", "Swadaya", "CSR", "Lainnya")

KEY_BIDANG = "rencana_aksi_bidang"
KEY_OPD = "rencana_aksi_opd"
KEY_SUMBER_DANA = "rencana_aksi_sumber_dana"
_DEFAULTS = {KEY_BIDANG: DEFAULT_BIDANG, KEY_OPD: DEFAULT_OPD, KEY_SUMBER_DANA: DEFAULT_SUMBER_DANA}
_LABELS = {KEY_BIDANG: "Daftar bidang", KEY_OPD: "Daftar OPD", KEY_SUMBER_DANA: "Daftar sumber dana"}


def _get(key: str) -> tuple[str, ...]:
    stored = get_setting(key)
    if isinstance(stored, list) and stored:
        return tuple(str(v) for v in stored)
    return _DEFAULTS[key]


def _set(key: str, values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Store a cleaned list (blanks and case-insensitive repeats dropped); refuse an empty one."""
    clean: list[str] = []
    for value in values:
        text = clean_text(value, limit=100)
        if text and text.casefold() not in {c.casefold() for c in clean}:
            clean.append(text)
    if not clean:
        raise ValidationError(f"{_LABELS[key]} tidak boleh kosong.", key)
    set_setting(key, clean)
    return tuple(clean)


def bidang_list() -> tuple[str, ...]:
    return _get(KEY_BIDANG)


def opd_list() -> tuple[str, ...]:
    return _get(KEY_OPD)


def sumber_dana_list() -> tuple[str, ...]:
    return _get(KEY_SUMBER_DANA)


def set_bidang_list(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return _set(KEY_BIDANG, values)


def set_opd_list(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return _set(KEY_OPD, values)


def set_sumber_dana_list(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return _set(KEY_SUMBER_DANA, values)


def reset_lists() -> None:
    """Back to the defaults (Pengaturan's "Kembalikan bawaan")."""
    for key, values in _DEFAULTS.items():
        set_setting(key, list(values))


def canonical(value: object, choices: tuple[str, ...]) -> str:
    """``value`` spelled as the list spells it when it matches ignoring case/spaces, else cleaned."""
    text = clean_text(value, limit=100)
    key = "".join(text.casefold().split())
    for choice in choices:
        if "".join(choice.casefold().split()) == key:
            return choice
    return text
