"""Kemendagri region codes (kode wilayah) from the bundled ``resources/wilayah.tsv.gz``.

91,599 rows ``kode<TAB>nama`` with dotted codes: ``PP`` provinsi, ``PP.KK`` kab/kota,
``PP.KK.CC`` kecamatan, ``PP.KK.CC.XNNN`` desa/kelurahan (source and MIT notice in
``resources/wilayah.NOTICE.md``). Nothing is read at import time: the list is loaded and indexed
on first use (about 50 ms) because the CLI and most screens never need it.

The file is sorted by code and a code's length tells its level (2, 5, 8, 13 characters), so the
index is just the code list and a parallel name list: a code is found with ``bisect`` and the
children of a code are the codes of the next length inside its prefix range. Names are matched after :func:`normalise_name`, which
makes "Kel. Tejoagung" and "Tejo Agung" equal; anything less than an exact normalised match is
returned as uncertain so the user is asked.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from resources import resource_path

PROVINSI, KABKOTA, KECAMATAN, DESA = 1, 2, 3, 4
_CODE_LENGTHS = {2: PROVINSI, 5: KABKOTA, 8: KECAMATAN, 13: DESA}
_LEVEL_LENGTHS = {level: length for length, level in _CODE_LENGTHS.items()}
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
        """ "Kelurahan Tejo Agung", "Kecamatan Metro Timur", "Kota Metro", "Provinsi Lampung"."""
        return f"{self.jenis} {self.nama_pendek}"


@dataclass(frozen=True)
class Match:
    """Result of :func:`match`: ``certain`` only for an exact normalised match."""

    best: Wilayah | None
    candidates: list[Wilayah]
    certain: bool


class _Index:
    """The codes in file order (sorted, checked by a test) with their names in a parallel list.

    No dict and no per-level lists: a code is found by ``bisect`` and a level's codes are the
    codes of the right length inside a prefix range, which keeps loading at about 50 ms.
    """

    def __init__(self, text: str) -> None:
        fields = text.replace("\n", "\t").split("\t")
        self.codes, self.names = fields[0::2], fields[1::2]
        if len(self.codes) > len(self.names):  # trailing newline leaves one empty code
            self.codes.pop()
        self._keys: dict[str, tuple[str, str]] = {}
        self._cache: dict[tuple[str, int], list[Wilayah]] = {}

    def name(self, code: str) -> str | None:
        position = bisect_left(self.codes, code)
        if position < len(self.codes) and self.codes[position] == code:
            return self.names[position]
        return None

    def under(self, prefix: str, level: int) -> list[Wilayah]:
        """Regions of ``level`` whose code starts with ``prefix`` (a dotted code, or "" for all)."""
        found = self._cache.get((prefix, level))
        if found is None:
            low, high = 0, len(self.codes)
            if prefix:
                low = bisect_left(self.codes, prefix + ".")
                high = bisect_left(self.codes, prefix + "/")  # "/" sorts right after "."
            length = _LEVEL_LENGTHS[level]
            codes, names = self.codes, self.names
            found = [Wilayah(codes[i], names[i]) for i in range(low, high) if len(codes[i]) == length]
            if not prefix or level == DESA:  # the big lists are asked for again and again
                self._cache[(prefix, level)] = found
        return found

    def keys(self, region: Wilayah) -> tuple[str, str]:
        """(normalised, compact) forms of a region's name, cached: matching reuses them."""
        found = self._keys.get(region.kode)
        if found is None:
            found = self._keys[region.kode] = (normalise_name(region.nama), _compact(region.nama))
        return found


_index: _Index | None = None
_lock = threading.Lock()


def _load() -> _Index:
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                import gzip  # loaded on demand, like the data (not at start-up)

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
    name = _load().name(dotted) if dotted else None
    return Wilayah(dotted, name) if name is not None else None


def children(kode: str = "") -> list[Wilayah]:
    """Regions one level below ``kode`` (``""`` → the 38 provinsi), sorted by name."""
    index = _load()
    dotted = to_dotted(kode) if kode else ""
    if kode and (not dotted or index.name(dotted) is None):
        return []
    level = len(dotted.split(".")) + 1 if dotted else PROVINSI
    if level > DESA:
        return []
    return sorted(index.under(dotted, level), key=lambda w: (w.nama.casefold(), w.kode))


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
    return len(_load().under("", tingkat))


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
    searchable = (prefix or not within) and tingkat in _LEVEL_LENGTHS
    regions = index.under(prefix, tingkat) if searchable else []
    if not key or not regions:
        return Match(None, [], False)
    exact = [r for r in regions if key in index.keys(r) or typed in index.keys(r)]
    if len(exact) > 1:
        narrowed = [r for r in exact if _compact(r.label) == typed]
        narrowed = narrowed or [r for r in exact if index.keys(r)[1] == typed]
        exact = narrowed if len(narrowed) == 1 else exact
    if exact:
        return Match(exact[0], exact, len(exact) == 1)
    return _closest(index, key, regions)


def _closest(index: _Index, key: str, regions: list[Wilayah]) -> Match:
    by_name: dict[str, list[Wilayah]] = {}
    for region in regions:
        by_name.setdefault(index.keys(region)[0], []).append(region)
    import difflib  # only for a name without an exact match (not at start-up)

    close = difflib.get_close_matches(key, list(by_name), n=_MAX_CANDIDATES, cutoff=_SIMILARITY)
    found = [region for norm in close for region in by_name[norm]]
    return Match(found[0] if found else None, found[:_MAX_CANDIDATES], False)
