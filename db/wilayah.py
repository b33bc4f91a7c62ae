"""Kemendagri region codes (kode wilayah) from the bundled ``resources/wilayah.tsv.gz``.

91,599 rows ``kode<TAB>nama`` with dotted codes: ``PP`` provinsi, ``PP.KK`` kab/kota,
``PP.KK.CC`` kecamatan, ``PP.KK.CC.XNNN`` desa/kelurahan (source and MIT notice in
``resources/wilayah.NOTICE.md``). Nothing is read at import time: the list is loaded and indexed
on first use (about 0.1 s) because the CLI and most screens never need it.

The file is sorted by code and a code's length tells its level (2, 5, 8, 13 characters), so the
index is just one sorted code list per level plus a code → name dict; children of a code are a
``bisect`` range in the next level's list. Names are matched after :func:`normalise_name`, which
makes "Kel. Tejoagung" and "Tejo Agung" equal; anything less than an exact normalised match is
returned as uncertain so the user is asked.
"""

from __future__ import annotations

import difflib
import gzip
import re
import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from resources import resource_path

PROVINSI, KABKOTA, KECAMATAN, DESA = 1, 2, 3, 4
_CODE_LENGTHS = {2: PROVINSI, 5: KABKOTA, 8: KECAMATAN, 13: DESA}
_DESA_KINDS = {"1": "Kelurahan", "2": "Desa", "3": "Desa Adat"}
_PREFIXES = (
    "kelurahan", "kel", "desa adat", "desa", "ds", "kecamatan", "kec",
    "kabupaten", "kab", "kota", "provinsi", "prov",
)  # fmt: skip
_PREFIX_RE = re.compile(r"^(?:" + "|".join(_PREFIXES) + r")\b[\s.]*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SIMILARITY = 0.75  # difflib ratio below which a name is not offered as a candidate
_MAX_CANDIDATES = 5


@dataclass(frozen=True)
class Wilayah:
    """One region: its dotted code and its official name as in the Kemendagri list."""

    kode: str
    nama: str

    @property
    def tingkat(self) -> int:
        """1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan."""
        return _CODE_LENGTHS[len(self.kode)]

    @property
    def jenis(self) -> str:
        level = self.tingkat
        if level == PROVINSI:
            return "Provinsi"
        if level == KECAMATAN:
            return "Kecamatan"
        if level == DESA:
            return _DESA_KINDS.get(self.kode[9], "Desa")
        if self.nama.startswith("Kota "):
            return "Kota"
        if self.nama.startswith("Kabupaten "):
            return "Kabupaten"
        return "Kota" if int(self.kode[3:5]) >= 71 else "Kabupaten"

    @property
    def nama_pendek(self) -> str:
        """The name without its kind: "Kota Metro" → "Metro" (for the place on signature lines)."""
        kind = self.jenis
        return self.nama[len(kind) + 1 :] if self.nama.startswith(kind + " ") else self.nama

    @property
    def label(self) -> str:
        """"Kelurahan Tejo Agung", "Kecamatan Metro Timur", "Kota Metro", "Provinsi Lampung"."""
        return f"{self.jenis} {self.nama_pendek}"


@dataclass(frozen=True)
class Match:
    """Result of :func:`match`: ``certain`` only for an exact normalised match."""

    best: Wilayah | None
    candidates: list[Wilayah]
    certain: bool


class _Index:
    """Names by code, and the codes of each level in sorted order."""

    def __init__(self, text: str) -> None:
        fields = text.replace("\n", "\t").split("\t")
        codes, names = fields[0::2], fields[1::2]
        if len(codes) > len(names):  # trailing newline leaves one empty code
            codes.pop()
        self.names: dict[str, str] = dict(zip(codes, names, strict=True))
        by_length: dict[int, list[str]] = {length: [] for length in _CODE_LENGTHS}
        for code in codes:
            by_length[len(code)].append(code)
        self.levels = {_CODE_LENGTHS[length]: sorted(found) for length, found in by_length.items()}
        self._keys: dict[str, tuple[str, str]] = {}

    def under(self, prefix: str, level: int) -> list[str]:
        """Codes of ``level`` that start with ``prefix`` (a dotted code, or "" for all)."""
        codes = self.levels[level]
        if not prefix:
            return codes
        start = prefix + "."
        low = bisect_left(codes, start)
        high = bisect_left(codes, prefix + "/")  # "/" sorts right after "."
        return codes[low:high]

    def keys(self, code: str) -> tuple[str, str]:
        """(normalised, compact) forms of a region's name, cached: matching reuses them."""
        found = self._keys.get(code)
        if found is None:
            name = self.names[code]
            found = self._keys[code] = (normalise_name(name), _compact(name))
        return found


_index: _Index | None = None
_lock = threading.Lock()


def _load() -> _Index:
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                data = gzip.decompress(resource_path("wilayah.tsv.gz").read_bytes())
                _index = _Index(data.decode("utf-8"))
    return _index


def to_dotted(kode: str) -> str:
    """``"1872041005"`` or ``"18.72.04.1005"`` → ``"18.72.04.1005"``; "" when not code-shaped."""
    digits = re.sub(r"[\s.]", "", kode or "")
    if not digits.isdigit() or len(digits) not in (2, 4, 6, 10):
        return ""
    parts = [digits[0:2], digits[2:4], digits[4:6], digits[6:10]]
    return ".".join(p for p in parts if p)


def get(kode: str) -> Wilayah | None:
    """The region with this code (dotted or not), or ``None``."""
    dotted = to_dotted(kode)
    name = _load().names.get(dotted) if dotted else None
    return Wilayah(dotted, name) if name is not None else None


def children(kode: str = "") -> list[Wilayah]:
    """Regions one level below ``kode`` (``""`` → the 38 provinsi), sorted by name."""
    index = _load()
    dotted = to_dotted(kode) if kode else ""
    if kode and (not dotted or dotted not in index.names):
        return []
    level = len(dotted.split(".")) + 1 if dotted else PROVINSI
    if level > DESA:
        return []
    found = [Wilayah(code, index.names[code]) for code in index.under(dotted, level)]
    return sorted(found, key=lambda w: (w.nama.casefold(), w.kode))


def ancestors(kode: str) -> list[Wilayah]:
    """Provinsi first, down to the parent of ``kode`` (the code itself excluded)."""
    dotted = to_dotted(kode)
    parts = dotted.split(".") if dotted else []
    result = []
    for depth in range(1, len(parts)):
        found = get(".".join(parts[:depth]))
        if found is not None:
            result.append(found)
    return result


def count(tingkat: int) -> int:
    """Number of regions of a level in the bundled list."""
    return len(_load().levels[tingkat])


def normalise_name(text: str) -> str:
    """Comparable form of a region name: lower-case ASCII letters and digits only.

    Drops accents, punctuation, spacing and leading kind words (Kel./Kelurahan/Desa/Ds./Kec./
    Kecamatan/Kab./Kabupaten/Kota), so "KELURAHAN  YOSO DADI" and "Yosodadi" compare equal.
    A kind word alone ("Kota") is kept. Never raises; idempotent.
    """
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    words = _NON_ALNUM.sub(" ", ascii_text.replace("'", "")).strip()
    while True:
        stripped = _PREFIX_RE.sub("", words, count=1).strip()
        if not stripped or stripped == words:
            break
        words = stripped
    return words.replace(" ", "")


def _compact(text: str) -> str:
    """Like :func:`normalise_name` but keeping kind words ("Kota Bogor" ≠ "Kabupaten Bogor")."""
    decomposed = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("", decomposed.lower())


def match(name: str, within: str = "", tingkat: int = DESA) -> Match:
    """Find the region of level ``tingkat`` named ``name`` under the code prefix ``within``.

    Exactly one normalised match → ``certain``. Several (e.g. Kota and Kabupaten Bogor) are
    narrowed by the kind word the user typed; if that still leaves more than one, or the name
    only resembles some, ``best`` is the closest and ``certain`` is False so the UI can ask.
    """
    index = _load()
    key, typed = normalise_name(name), _compact(name)
    prefix = to_dotted(within) if within else ""
    codes = index.under(prefix, tingkat) if (prefix or not within) and tingkat in index.levels else []
    if not key or not codes:
        return Match(None, [], False)
    exact = [code for code in codes if key in index.keys(code) or typed in index.keys(code)]
    if len(exact) > 1:
        narrowed = [c for c in exact if _compact(Wilayah(c, index.names[c]).label) == typed]
        narrowed = narrowed or [c for c in exact if index.keys(c)[1] == typed]
        exact = narrowed if len(narrowed) == 1 else exact
    if exact:
        found = [Wilayah(code, index.names[code]) for code in exact]
        return Match(found[0], found, len(found) == 1)
    return _closest(index, key, codes)


def _closest(index: _Index, key: str, codes: list[str]) -> Match:
    by_name: dict[str, list[str]] = {}
    for code in codes:
        by_name.setdefault(index.keys(code)[0], []).append(code)
    close = difflib.get_close_matches(key, list(by_name), n=_MAX_CANDIDATES, cutoff=_SIMILARITY)
    found = [Wilayah(code, index.names[code]) for norm in close for code in by_name[norm]]
    return Match(found[0] if found else None, found[:_MAX_CANDIDATES], False)
