"""Schema 2: fast kader search (FTS5 trigram) and the names of the kelurahan the registry uses.

- ``wilayah_nama(kode, nama)``: the Kemendagri name of every region code a posyandu or kader refers
  to, copied from the bundled list so SQL can search and sort by kelurahan name.
- ``kader_fts``: FTS5 with ``tokenize='trigram'`` over kader nama, NIK, posyandu name and kelurahan
  name; ``rowid`` = ``kader.id``. Triggers keep it in step with kader, posyandu renames and newly
  named regions, so every writer (services, importer, demo loader) is covered.
- An index on ``kader.nama`` so the unfiltered list sorted by name needs no sort.

The FTS table and its triggers are created only when this SQLite has FTS5 (a frozen app carries
its build host's SQLite); :mod:`db.services.kader_search` re-creates or drops them when the file
later meets a SQLite with or without FTS5, and searches with LIKE meanwhile.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 2

BASE_SQL = (
    "CREATE TABLE wilayah_nama (kode TEXT PRIMARY KEY, nama TEXT NOT NULL)",
    "CREATE INDEX kader_nama ON kader (nama COLLATE NOCASE)",
)

FTS_TABLE_SQL = (
    "CREATE VIRTUAL TABLE kader_fts USING fts5(nama, nik, posyandu, kelurahan, tokenize='trigram')"
)

_NEW_ROW = """
    INSERT INTO kader_fts (rowid, nama, nik, posyandu, kelurahan) VALUES (
        new.id, new.nama, new.nik,
        coalesce((SELECT nama FROM posyandu WHERE id = new.posyandu_id), ''),
        coalesce((SELECT nama FROM wilayah_nama WHERE kode = new.kode_wilayah), ''));
"""

FTS_TRIGGERS = {
    "kader_fts_ai": f"CREATE TRIGGER kader_fts_ai AFTER INSERT ON kader BEGIN {_NEW_ROW} END",
    "kader_fts_ad": "CREATE TRIGGER kader_fts_ad AFTER DELETE ON kader BEGIN "
    "DELETE FROM kader_fts WHERE rowid = old.id; END",
    "kader_fts_au": "CREATE TRIGGER kader_fts_au AFTER UPDATE OF id, nama, nik, posyandu_id, kode_wilayah "
    f"ON kader BEGIN DELETE FROM kader_fts WHERE rowid = old.id; {_NEW_ROW} END",
    "posyandu_fts_au": "CREATE TRIGGER posyandu_fts_au AFTER UPDATE OF nama ON posyandu BEGIN "
    "UPDATE kader_fts SET posyandu = new.nama "
    "WHERE rowid IN (SELECT id FROM kader WHERE posyandu_id = new.id); END",
    "wilayah_nama_fts_ai": "CREATE TRIGGER wilayah_nama_fts_ai AFTER INSERT ON wilayah_nama BEGIN "
    "UPDATE kader_fts SET kelurahan = new.nama "
    "WHERE rowid IN (SELECT id FROM kader WHERE kode_wilayah = new.kode); END",
    "wilayah_nama_fts_au": "CREATE TRIGGER wilayah_nama_fts_au AFTER UPDATE OF nama ON wilayah_nama BEGIN "
    "UPDATE kader_fts SET kelurahan = new.nama "
    "WHERE rowid IN (SELECT id FROM kader WHERE kode_wilayah = new.kode); END",
}

FTS_FILL_SQL = """
INSERT INTO kader_fts (rowid, nama, nik, posyandu, kelurahan)
SELECT k.id, k.nama, k.nik, coalesce(p.nama, ''), coalesce(w.nama, '')
FROM kader k
LEFT JOIN posyandu p ON p.id = k.posyandu_id
LEFT JOIN wilayah_nama w ON w.kode = k.kode_wilayah
"""

CODES_IN_USE_SQL = """
SELECT kode_wilayah FROM posyandu WHERE kode_wilayah <> ''
UNION SELECT kode_wilayah FROM kader WHERE kode_wilayah <> ''
"""


def fts5_available(database: SqliteDatabase) -> bool:
    """True when this SQLite can create an FTS5 table with the trigram tokenizer."""
    try:
        database.execute_sql("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x, tokenize='trigram')")
    except Exception:  # noqa: BLE001 - sqlite3.OperationalError or peewee's wrapper of it
        return False
    database.execute_sql("DROP TABLE temp.fts5_probe")
    return True


def fill_region_names(database: SqliteDatabase) -> int:
    """Copy names of codes in use that ``wilayah_nama`` lacks from the bundled list; return count."""
    from db import wilayah  # the bundled list is data, read only when codes are in use

    missing = database.execute_sql(
        f"SELECT kode_wilayah FROM ({CODES_IN_USE_SQL}) "
        "WHERE kode_wilayah NOT IN (SELECT kode FROM wilayah_nama)"
    ).fetchall()
    added = 0
    for (code,) in missing:
        region = wilayah.get(code)
        if region is not None and region.kode == code:
            database.execute_sql("INSERT INTO wilayah_nama (kode, nama) VALUES (?, ?)", (code, region.nama))
            added += 1
    return added


def create_fts(database: SqliteDatabase) -> None:
    """(Re)build the FTS table and its triggers from the current rows."""
    for name in FTS_TRIGGERS:
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
    exists = database.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'kader_fts'").fetchone()
    if exists:
        database.execute_sql("DELETE FROM kader_fts")
    else:
        database.execute_sql(FTS_TABLE_SQL)
    for statement in FTS_TRIGGERS.values():
        database.execute_sql(statement)
    database.execute_sql(FTS_FILL_SQL)


def up(database: SqliteDatabase) -> None:
    for statement in BASE_SQL:
        database.execute_sql(statement)
    fill_region_names(database)
    if fts5_available(database):
        create_fts(database)
