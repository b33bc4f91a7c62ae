"""Find the header row (anywhere in the first 15 rows) and map its columns to a target's fields
(kader by default; the peserta import passes its own :class:`Vocabulary`).

Office rosters carry a title block above the header ("DAFTAR KADER POSYANDU", "KELURAHAN …",
merged across the width), sometimes a second header row under merged cells ("Tempat / Tgl
Lahir" over "Tempat" | "Tanggal"), and headers spelled many ways. Header texts are compared after
:func:`header_key` (lower-case ASCII letters and digits only), so "No. KTP", "NO KTP" and
"no.ktp" are one key. The mapping is plain data the user can correct (:meth:`SheetMapping.assign`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property

from db.importer.problems import Problem
from db.services.kader_columns import KADER_COLUMNS

HEADER_SCAN_ROWS = 15
MIN_SCORE = 2

# Field key → label shown to the user (the export's header where the export has the column).
FIELD_LABELS: dict[str, str] = {
    "no": "No",
    "nama": "Nama",
    "nik": "NIK",
    "jenis_kelamin": "Jenis Kelamin",
    "tempat_lahir": "Tempat Lahir",
    "tanggal_lahir": "Tanggal Lahir",
    "ttl": "Tempat, Tanggal Lahir",
    "agama": "Agama",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
    "alamat": "Alamat",
    "rt": "RT",
    "rw": "RW",
    "rt_rw": "RT/RW",
    "kelurahan": "Kelurahan",
    "posyandu": "Posyandu",
    "hp": "No HP",
    "jabatan": "Jabatan",
    "bidang": "Bidang",
    "tingkatan": "Tingkatan",
    "status": "Status",
    "sk_nomor": "No SK",
    "sk_tanggal": "Tanggal SK",
    "mulai_aktif": "Mulai Aktif",
    "catatan": "Catatan",
}

KADER_VARIANTS: dict[str, tuple[str, ...]] = {
    "no": ("no", "nourut", "nomorurut", "urut"),
    "nama": ("nama", "namalengkap", "namakader", "namalengkapkader", "namakaderposyandu", "namagelar"),
    "nik": (
        "nik", "noktp", "nomorktp", "ktp", "nonik", "nomornik", "niknoktp", "noindukkependudukan",
        "nomorindukkependudukan", "nikktp",
    ),
    "jenis_kelamin": ("lp", "pl", "jk", "jeniskelamin", "jnskelamin", "kelamin", "gender", "sex", "jeniskel"),
    "tempat_lahir": ("tempatlahir", "tmplahir", "tmptlahir", "tempat"),
    "tanggal_lahir": ("tanggallahir", "tgllahir", "tgllhr", "tanggallhr", "tanggal", "tgl"),
    "ttl": (
        "ttl", "tempattanggallahir", "tempattgllahir", "tempatdantanggallahir", "tmptgllahir",
        "tempattgllhr", "tmpttgllahir",
    ),
    "agama": ("agama",),
    "pendidikan": ("pendidikan", "pendidikanterakhir", "pend", "pendidikanformal", "pendterakhir"),
    "pekerjaan": ("pekerjaan", "pekerjaanutama", "pekerjaanpokok"),
    "alamat": ("alamat", "alamatrumah", "alamatlengkap", "alamattinggal"),
    "rt": ("rt",),
    "rw": ("rw",),
    "rt_rw": ("rtrw",),
    "kelurahan": (
        "kelurahan", "desa", "kel", "keldesa", "desakel", "desakelurahan", "kelurahandesa", "kelds",
    ),
    "posyandu": ("posyandu", "namaposyandu", "asalposyandu", "posyanduasal", "unitposyandu"),
    "hp": (
        "hp", "nohp", "nomorhp", "wa", "nowa", "nomorwa", "nohpwa", "hpwa", "telepon", "telp",
        "notelp", "notelepon", "nomortelepon", "nomortelp", "kontak", "nokontak", "whatsapp",
    ),
    "jabatan": ("jabatan", "jabatandiposyandu", "kedudukan", "jabatankader"),
    "bidang": ("bidang", "bidangspm", "bidangtugas"),
    "tingkatan": ("tingkatan", "tingkatankader", "tingkatkader", "tingkat"),
    "status": ("status", "statuskader", "keaktifan", "statusaktif"),
    "sk_nomor": ("nosk", "nomorsk", "sk", "skpenetapan", "nomorskpenetapan", "noskpenetapan"),
    "sk_tanggal": ("tanggalsk", "tglsk", "tanggalskpenetapan", "tglskpenetapan"),
    "mulai_aktif": ("mulaiaktif", "aktifsejak", "tmt", "tmtkader", "tanggalmulaiaktif", "tglmulaiaktif"),
    "catatan": ("catatan", "keterangan", "ket"),
}  # fmt: skip

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Vocabulary:
    """The columns one import target reads: field key → label shown to the user, and every
    header spelling (as :func:`header_key`) → field key."""

    labels: dict[str, str]
    by_key: dict[str, str]


def make_vocabulary(
    labels: dict[str, str],
    variants: dict[str, tuple[str, ...]],
    exported: tuple[tuple[str, str | None], ...] = (),
) -> Vocabulary:
    """Build a vocabulary; ``exported`` (header, field) pairs are the target's own export
    headers, which always read back to their fields (a round trip changes nothing)."""
    by_key = {variant: key for key, found in variants.items() for variant in found}
    by_key.update({_NON_ALNUM.sub("", header.lower()): (key or "no") for header, key in exported})
    return Vocabulary(dict(labels), by_key)


_VARIANTS = KADER_VARIANTS  # the old private name (tests import it)
KADER_VOCABULARY = make_vocabulary(FIELD_LABELS, KADER_VARIANTS, tuple(KADER_COLUMNS))
_BY_KEY = KADER_VOCABULARY.by_key


def header_key(value: object) -> str:
    """Comparable form of a header cell: "No. KTP" → "noktp"."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("", text.lower())


def field_for(value: object, vocabulary: Vocabulary = KADER_VOCABULARY) -> str | None:
    """The field (of ``vocabulary``, kader by default) a header text names, or None."""
    return vocabulary.by_key.get(header_key(value)) if isinstance(value, str) else None


@dataclass(frozen=True)
class SheetMapping:
    """Where a sheet's header is and which column feeds which field (1-based columns)."""

    sheet: str
    header_row: int  # 0 = no header found
    data_start: int
    headers: dict[int, str] = field(default_factory=dict)  # column → header text as written
    columns: dict[int, str] = field(default_factory=dict)  # column → field key

    @cached_property
    def _field_columns(self) -> dict[str, int]:
        return {key: col for col, key in reversed(self.columns.items())}

    def column_of(self, key: str) -> int | None:
        return self._field_columns.get(key)

    def header_of(self, col: int) -> str:
        return self.headers.get(col) or _column_letter(col)

    def assign(self, col: int, key: str | None) -> SheetMapping:
        """The user's correction: column ``col`` now feeds ``key`` (None = ignore the column).
        A field lives in one column only, so it is taken away from any other column."""
        columns = {c: k for c, k in self.columns.items() if c != col and (key is None or k != key)}
        if key:
            columns[col] = key
        return replace(self, columns=dict(sorted(columns.items())))

    def problems(self) -> list[Problem]:
        """Mapping faults that make the sheet unreadable (no name column, no header)."""
        if not self.header_row:
            return [Problem(self.sheet, 0, "", "Baris judul kolom tidak ditemukan di 15 baris pertama.")]
        if "nama" not in self.columns.values():
            return [
                Problem(
                    self.sheet,
                    self.header_row,
                    "",
                    "Kolom Nama tidak ditemukan; tentukan kolomnya di pemetaan.",
                )
            ]
        return []


def _column_letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"Kolom {get_column_letter(max(1, min(col, 16384)))}"


def _match_row(values: tuple[object, ...], vocabulary: Vocabulary) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, value in enumerate(values, start=1):
        key = field_for(value, vocabulary)
        if key and key not in found.values():
            found[col] = key
    return found


def _score(found: dict[int, str]) -> int:
    keys = set(found.values()) - {"no"}
    return len(keys) + (2 if "nama" in keys else 0)


def find_header(
    sheet: str, rows: list[tuple[object, ...]], vocabulary: Vocabulary = KADER_VOCABULARY
) -> SheetMapping:
    """The best header row among the first :data:`HEADER_SCAN_ROWS` rows (or header_row 0)."""
    best_row, best = 0, {}
    for index, values in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        found = _match_row(values, vocabulary)
        if len(set(found.values()) - {"no"}) >= MIN_SCORE and _score(found) > _score(best):
            best_row, best = index, found
    if not best_row:
        return SheetMapping(sheet, 0, 0)
    values = rows[best_row - 1]
    headers = {
        c: " ".join(str(v).split()) for c, v in enumerate(values, start=1) if v is not None and str(v).strip()
    }
    columns, data_start = dict(best), best_row + 1
    sub_row = rows[best_row] if best_row < len(rows) else ()
    sub = _match_row(sub_row, vocabulary)
    filled = [c for c, v in enumerate(sub_row, start=1) if v is not None and str(v).strip()]
    if sub and set(filled) <= set(sub):  # a second header row under merged cells
        for col, key in sub.items():
            if key not in columns.values() and (col not in columns or columns[col] == "ttl"):
                columns[col] = key
                headers[col] = " ".join(str(sub_row[col - 1]).split())
        if "tempat_lahir" in columns.values() and "tanggal_lahir" in columns.values():
            columns = {c: k for c, k in columns.items() if k != "ttl"}
        data_start = best_row + 2
    return SheetMapping(sheet, best_row, data_start, headers, dict(sorted(columns.items())))
