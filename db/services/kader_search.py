"""Search-as-you-type over the kader registry: one page of rows plus the total count.

The text is split into words. When a word has three or more characters, a kader matches if
every such word occurs in its nama, NIK, posyandu name or kelurahan name (case-insensitive);
shorter words are ignored until they grow (a one-letter "word" narrows nothing useful and would
cost a scan). This is answered by the FTS5 trigram index ``kader_fts`` (schema 2): count + first
page in a few ms at 100,000 kader. A text made only of 1–2 character words matches names that
start with it (digits: NIKs that start with it) through index range scans.

If this SQLite lacks FTS5, :func:`ensure_ready` drops the triggers (writes must not fail) and
the same semantics are answered with LIKE; when FTS5 is back the index is rebuilt. Results are
identical either way (tests compare both with a brute-force filter).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from db.database import db, total_changes
from db.identity import format_phone
from db.masking import mask_nik
from db.migrations import m0002_pencarian_kader as schema2
from db.services.registry_fields import age_on


@dataclass(frozen=True)
class KaderFilter:
    """``kode_wilayah``: a kelurahan code, or a kecamatan/kota code for everything under it."""

    kode_wilayah: str = ""
    posyandu_id: int | None = None
    status: str = ""
    tingkatan: str = ""


@dataclass(frozen=True)
class KaderRow:
    """One table row; NIK masked, phone formatted ``0812-3456-7890``."""

    id: int
    nama: str
    nik_masked: str
    nik_perlu_dicek: bool
    jenis_kelamin: str
    tanggal_lahir: date | None
    umur: int | None
    posyandu_id: int | None
    posyandu: str
    kode_wilayah: str
    kelurahan: str
    jabatan: str
    bidang: str
    tingkatan: str
    status: str
    hp: str


class KaderPage(NamedTuple):
    total: int
    rows: list[KaderRow]


# column key → (SQL expression, reversed); "umur" ascending = youngest first = latest birth date.
SORT_COLUMNS: dict[str, tuple[str, bool]] = {
    "id": ("k.id", False),
    "nama": ("k.nama COLLATE NOCASE", False),
    "nik": ("k.nik", False),
    "jenis_kelamin": ("k.jenis_kelamin", False),
    "tanggal_lahir": ("k.tanggal_lahir", False),
    "umur": ("k.tanggal_lahir", True),
    "posyandu": ("p.nama COLLATE NOCASE", False),
    "kelurahan": ("w.nama COLLATE NOCASE", False),
    "jabatan": ("k.jabatan", False),
    "bidang": ("k.bidang", False),
    "tingkatan": ("k.tingkatan", False),
    "status": ("k.status", False),
    "hp": ("k.hp", False),
}
_SEARCHED = ("k.nama", "k.nik", "p.nama", "w.nama")
_JOINS = " LEFT JOIN posyandu p ON p.id = k.posyandu_id LEFT JOIN wilayah_nama w ON w.kode = k.kode_wilayah"
_COLUMNS = (
    "k.id, k.nama, k.nik, k.nik_perlu_dicek, k.jenis_kelamin, k.tanggal_lahir, k.posyandu_id,"
    " coalesce(p.nama, ''), k.kode_wilayah, coalesce(w.nama, ''), k.jabatan, k.bidang, k.tingkatan,"
    " k.status, k.hp"
)

_ready: dict[str, object] = {"connection": None, "mode": "like", "names_at": -1}


# ------------------------------------------------------------------------------ index upkeep
def ensure_ready() -> str:
    """Make the index fit this connection's SQLite; return ``"fts"`` or ``"like"``.

    Cheap after the first call per connection. Also copies names of newly used region codes
    into ``wilayah_nama`` when anything was written since the last look (rows written by the
    demo loader or the importer without the services still become searchable by kelurahan).
    """
    connection = db.connection()
    if _ready["connection"] is not connection:
        _ready.update(connection=connection, mode=_repair_index(), names_at=-1)
    if _ready["names_at"] != total_changes():
        with db.atomic():
            for code in _unnamed_codes():
                remember_region(code)
        _ready["names_at"] = total_changes()
    return str(_ready["mode"])


def _repair_index() -> str:
    available = schema2.fts5_available(db)
    names = {
        row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    }
    complete = "kader_fts" in names and set(schema2.FTS_TRIGGERS) <= names
    with db.atomic():
        if available and not complete:
            schema2.create_fts(db)
        elif not available:
            for trigger in schema2.FTS_TRIGGERS:
                db.execute_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    return "fts" if available else "like"


def _unnamed_codes() -> list[str]:
    """Region codes in use without a ``wilayah_nama`` row.

    A loose index scan (one index seek per distinct code) instead of reading 100,000 index
    entries: it runs on the first search after any write.
    """
    found: set[str] = set()
    for table in ("kader", "posyandu"):
        sql = f"""
            WITH RECURSIVE used(kode) AS (
                SELECT min(kode_wilayah) FROM {table} WHERE kode_wilayah > ''
                UNION ALL
                SELECT (SELECT min(kode_wilayah) FROM {table} WHERE kode_wilayah > used.kode)
                FROM used WHERE used.kode IS NOT NULL)
            SELECT kode FROM used
            WHERE kode IS NOT NULL AND kode NOT IN (SELECT kode FROM wilayah_nama)"""
        found.update(row[0] for row in db.execute_sql(sql))
    return sorted(found)


def remember_region(kode: str) -> None:
    """Store the name of ``kode`` for search and sorting (call inside the writing transaction)."""
    from db import wilayah

    region = wilayah.get(kode) if kode else None
    if region is not None and region.kode == kode:
        db.execute_sql("INSERT OR IGNORE INTO wilayah_nama (kode, nama) VALUES (?, ?)", (kode, region.nama))


# ----------------------------------------------------------------------------------- search
def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _substring(word: str) -> tuple[str, list[object]]:
    pattern = f"%{_like_escape(word)}%"
    sql = " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in _SEARCHED)
    return f"({sql})", [pattern] * len(_SEARCHED)


def _prefix_condition(prefix: str) -> tuple[list[str], list[object]]:
    """Only 1–2 character words typed: names (digits: NIKs) starting with the text (index range)."""
    if not prefix:
        return [], []
    if prefix.isdigit():
        return ["k.nik <> '' AND k.nik GLOB ?"], [prefix + "*"]
    return ["k.nama LIKE ? ESCAPE '\\'"], [_like_escape(prefix) + "%"]


def _text_conditions(text: str, mode: str) -> tuple[bool, list[str], list[object]]:
    """(uses the FTS table, conditions, parameters) for the typed text."""
    words = text.split()
    long_words = [w for w in words if len(w) >= 3]
    if not long_words:
        return (False, *_prefix_condition(" ".join(words)))
    if mode == "fts":
        return (
            True,
            ["kader_fts MATCH ?"],
            [" AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)],
        )
    where: list[str] = []
    params: list[object] = []
    for word in long_words:
        sql, more = _substring(word)
        where.append(sql)
        params += more
    return False, where, params


def filter_conditions(filters: KaderFilter) -> tuple[list[str], list[object]]:
    """SQL conditions on ``kader k`` for the filters (also used by the export)."""
    where: list[str] = []
    params: list[object] = []
    code = filters.kode_wilayah.strip().rstrip(".")
    if code and len(code.replace(".", "")) >= 10:
        where.append("k.kode_wilayah = ?")
        params.append(code)
    elif code:
        where.append("k.kode_wilayah GLOB ?")
        params.append(code.replace("*", "").replace("?", "").replace("[", "") + ".*")
    for column, value in (
        ("k.posyandu_id", filters.posyandu_id),
        ("k.status", filters.status),
        ("k.tingkatan", filters.tingkatan),
    ):
        if value not in (None, ""):
            where.append(f"{column} = ?")
            params.append(value)
    return where, params


def search_kader(
    text: str = "",
    filters: KaderFilter | None = None,
    *,
    order_by: str = "nama",
    descending: bool = False,
    limit: int | None = 100,
    offset: int = 0,
) -> KaderPage:
    """Count of all matches and the rows ``offset … offset + limit`` in the chosen order.

    Three narrow queries beat one wide one: the count, the ids of the page (only the sort key
    travels through the sorter), then the page's rows by id.
    """
    mode = ensure_ready()
    fts, where, params = _text_conditions(text, mode)
    more_where, more_params = filter_conditions(filters or KaderFilter())
    where += more_where
    params += more_params
    source = " FROM kader_fts f JOIN kader k ON k.id = f.rowid" if fts else " FROM kader k"
    joins = _JOINS if any("p.nama" in w or "w.nama" in w for w in where) else ""
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    if fts and len(where) == 1:  # the index alone counts its hits without touching kader
        total = db.execute_sql("SELECT count(*) FROM kader_fts WHERE kader_fts MATCH ?", params).fetchone()[0]
    else:
        total = db.execute_sql(f"SELECT count(*){source}{joins}{clause}", params).fetchone()[0]
    region_only = not fts and all(w.startswith("k.kode_wilayah ") for w in where)  # no text, no other filter
    if order_by == "kelurahan" and limit is not None and region_only:
        return KaderPage(total, _rows(_by_kelurahan(where, params, descending, int(limit), int(offset))))
    expression, flipped = SORT_COLUMNS.get(order_by, SORT_COLUMNS["nama"])
    direction = "DESC" if descending != flipped else "ASC"
    if "p.nama" in expression or "w.nama" in expression:
        joins = _JOINS
    sql = f"SELECT k.id{source}{joins}{clause} ORDER BY {expression} {direction}, k.id {direction}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    return KaderPage(total, _rows([row[0] for row in db.execute_sql(sql, params)]))


_kelurahan_groups: dict[str, object] = {"key": None, "groups": []}


def _kelurahan_order() -> list[list[str]]:
    """Region codes in use grouped by kelurahan name (case-insensitive), in name order; codes
    without a name first (as NULL sorts first). Cached until the next write on this connection."""
    key = (db.connection(), total_changes())
    if _kelurahan_groups["key"] != key:
        sql = """
            WITH RECURSIVE used(kode) AS (
                SELECT min(kode_wilayah) FROM kader
                UNION ALL
                SELECT (SELECT min(kode_wilayah) FROM kader WHERE kode_wilayah > used.kode)
                FROM used WHERE used.kode IS NOT NULL)
            SELECT dense_rank() OVER (ORDER BY w.nama COLLATE NOCASE), u.kode
            FROM used u LEFT JOIN wilayah_nama w ON w.kode = u.kode
            WHERE u.kode IS NOT NULL"""
        groups: dict[int, list[str]] = {}
        for rank, code in db.execute_sql(sql):
            groups.setdefault(rank, []).append(code)
        _kelurahan_groups.update(key=key, groups=[groups[rank] for rank in sorted(groups)])
    return list(_kelurahan_groups["groups"])  # type: ignore[arg-type]


def _by_kelurahan(
    where: list[str], params: list[object], descending: bool, limit: int, offset: int
) -> list[int]:
    """One page sorted by kelurahan name, then id, without sorting the registry.

    ``ORDER BY w.nama`` over a join sorts every kader (≈200 ms at 100,000); the names are few,
    so walk them in order in Python and read each kelurahan's kader through the
    ``kader_wilayah`` index, which yields them in id order. Pages deep in the list cost one
    index range count per kelurahan skipped. Only for conditions that index serves.
    """
    groups = _kelurahan_order()
    direction = "DESC" if descending else "ASC"
    ids: list[int] = []
    for codes in reversed(groups) if descending else groups:
        marks = ", ".join("?" * len(codes))
        condition = " AND ".join([f"k.kode_wilayah IN ({marks})", *where])
        values = [*codes, *params]
        if offset:
            count = db.execute_sql(f"SELECT count(*) FROM kader k WHERE {condition}", values).fetchone()[0]
            if count <= offset:
                offset -= count
                continue
        sql = f"SELECT k.id FROM kader k WHERE {condition} ORDER BY k.id {direction} LIMIT ? OFFSET ?"
        ids += [row[0] for row in db.execute_sql(sql, [*values, limit - len(ids), offset])]
        offset = 0
        if len(ids) >= limit:
            break
    return ids


def _rows(ids: list[int]) -> list[KaderRow]:
    found: dict[int, KaderRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT {_COLUMNS} FROM kader k{_JOINS} WHERE k.id IN ({', '.join('?' * len(chunk))})"
        found.update((values[0], _row(values)) for values in db.execute_sql(sql, chunk))
    return [found[kader_id] for kader_id in ids]


def _row(values: tuple) -> KaderRow:
    (
        kader_id,
        nama,
        nik,
        perlu_dicek,
        jk,
        lahir,
        posyandu_id,
        posyandu,
        kode,
        kelurahan,
        jabatan,
        bidang,
        tingkatan,
        status,
        hp,
    ) = values
    born = date.fromisoformat(lahir) if lahir else None
    return KaderRow(
        id=kader_id,
        nama=nama,
        nik_masked=mask_nik(nik),
        nik_perlu_dicek=bool(perlu_dicek),
        jenis_kelamin=jk,
        tanggal_lahir=born,
        umur=age_on(born),
        posyandu_id=posyandu_id,
        posyandu=posyandu,
        kode_wilayah=kode,
        kelurahan=kelurahan,
        jabatan=jabatan,
        bidang=bidang,
        tingkatan=tingkatan,
        status=status,
        hp=format_phone(hp),
    )
