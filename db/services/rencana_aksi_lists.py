"""Choice lists of the rencana aksi: status (fixed), bidang, OPD and sumber dana (editable).

The editable lists live in ``pengaturan`` (keys below) and fall back to the defaults, so an office
can rename "Disdik" to its own OPD name in Pengaturan without a code change. Items keep whatever
text they were saved with; the lists only feed the combo boxes and the ordering of the matrix.
"""

from __future__ import annotations

from dataclasses import dataclass

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


# ---------------------------------------------------------------- editing one list (Pengaturan)
# Each change stores the whole list through set_setting (one transaction, one audit row). Items
# keep the text they were saved with: a value removed or renamed here stays on the items that
# use it (they group after the listed values) until someone edits those items.

LIST_KINDS = ("bidang", "opd", "sumber_dana")
_KIND_KEYS = {"bidang": KEY_BIDANG, "opd": KEY_OPD, "sumber_dana": KEY_SUMBER_DANA}
_KIND_NAMES = {"bidang": "Bidang", "opd": "OPD/sektor", "sumber_dana": "Sumber dana"}


@dataclass(frozen=True)
class ChoiceList:
    kind: str  # one of LIST_KINDS
    values: tuple[str, ...]
    is_default: bool  # equal to the shipped list


def _key(kind: str) -> str:
    if kind not in _KIND_KEYS:
        raise ValidationError(f"Daftar tidak dikenal: {kind}.", "kind")
    return _KIND_KEYS[kind]


def _same(a: str, b: str) -> bool:
    return "".join(a.casefold().split()) == "".join(b.casefold().split())


def _index(values: tuple[str, ...], value: str, kind: str) -> int:
    for index, existing in enumerate(values):
        if existing == value:
            return index
    raise ValidationError(f"{value!r} tidak ada di daftar {_KIND_NAMES[kind]}.", "nilai")


def _new_text(values: tuple[str, ...], text: object, kind: str, *, skip: int = -1) -> str:
    clean = clean_text(text, limit=100)
    if not clean:
        raise ValidationError("Nama tidak boleh kosong.", "nilai")
    for index, existing in enumerate(values):
        if index != skip and _same(existing, clean):
            raise ValidationError(f"{existing!r} sudah ada di daftar {_KIND_NAMES[kind]}.", "nilai")
    return clean


def choice_list(kind: str) -> ChoiceList:
    key = _key(kind)
    values = _get(key)
    return ChoiceList(kind, values, values == _DEFAULTS[key])


def _store(kind: str, values: list[str]) -> ChoiceList:
    _set(_key(kind), values)
    return choice_list(kind)


def add_choice(kind: str, text: object) -> ChoiceList:
    """Append ``text``; a blank or a repeat (ignoring case and spaces) is refused."""
    values = choice_list(kind).values
    return _store(kind, [*values, _new_text(values, text, kind)])


def rename_choice(kind: str, old: str, new: object) -> ChoiceList:
    """Rename in the list only: items saved with ``old`` keep it."""
    values = choice_list(kind).values
    index = _index(values, old, kind)
    changed = list(values)
    changed[index] = _new_text(values, new, kind, skip=index)
    return _store(kind, changed)


def remove_choice(kind: str, value: str) -> ChoiceList:
    """Drop ``value`` from the list (the last one cannot go); items using it keep it."""
    values = choice_list(kind).values
    index = _index(values, value, kind)
    if len(values) == 1:
        raise ValidationError(
            f"Daftar {_KIND_NAMES[kind]} harus berisi paling sedikit satu pilihan.", "nilai"
        )
    return _store(kind, [v for i, v in enumerate(values) if i != index])


def move_choice(kind: str, value: str, step: int) -> ChoiceList:
    """Move ``value`` ``step`` places (negative: up), stopping at either end."""
    values = list(choice_list(kind).values)
    index = _index(tuple(values), value, kind)
    target = max(0, min(len(values) - 1, index + step))
    if target != index:
        values.insert(target, values.pop(index))
    return _store(kind, values)


def restore_default_list(kind: str) -> ChoiceList:
    return _store(kind, list(_DEFAULTS[_key(kind)]))


def usage_counts(kind: str) -> dict[str, int]:
    """How many rencana aksi items use each value of ``kind`` (also values no longer listed)."""
    from db.models import RencanaAksi  # the lists are read at start-up (Beranda) without models

    _key(kind)
    field = getattr(RencanaAksi, kind)
    counts: dict[str, int] = {}
    for (value,) in RencanaAksi.select(field).tuples():
        if value:
            counts[value] = counts.get(value, 0) + 1
    return counts


def canonical(value: object, choices: tuple[str, ...]) -> str:
    """``value`` spelled as the list spells it when it matches ignoring case/spaces, else cleaned."""
    text = clean_text(value, limit=100)
    key = "".join(text.casefold().split())
    for choice in choices:
        if "".join(choice.casefold().split()) == key:
            return choice
    return text
