"""R2/R4: every connection carries the pragma set; damaged or foreign files are refused at start
with a classified error and set aside (never deleted); the folder then opens fresh."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import threading
from pathlib import Path

import pytest

from db import backup
from db.database import APPLICATION_ID, db
from db.errors import DatabaseDamaged, DatabaseError, DatabaseForeign
from db.migrations import LATEST_VERSION
from db.paths import DataPaths
from db.services import settings
from db.session import DataStore

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "secure_delete": 1,
    "application_id": APPLICATION_ID,
    "user_version": LATEST_VERSION,
}


def live_pragmas() -> dict[str, object]:
    found = {name: db.execute_sql(f"PRAGMA {name}").fetchone()[0] for name in EXPECTED_PRAGMAS}
    found["busy_timeout"] = db.execute_sql("PRAGMA busy_timeout").fetchone()[0]
    return found


def test_live_connection_carries_the_pragma_set(store: DataStore) -> None:
    found = live_pragmas()
    assert found.pop("busy_timeout") >= 5000
    assert found == EXPECTED_PRAGMAS


def test_worker_thread_connection_carries_the_pragma_set(store: DataStore) -> None:
    """peewee opens one connection per thread; each must get the same settings."""
    seen: dict[str, object] = {}
    main_connection = db.connection()

    def work() -> None:
        assert db.connection() is not main_connection
        seen.update(live_pragmas())
        db.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen.pop("busy_timeout") >= 5000
    assert seen == EXPECTED_PRAGMAS


# --- damaged and foreign files ---------------------------------------------------------------


@pytest.fixture
def real_db(paths: DataPaths) -> bytes:
    """A closed database with a few hundred kilobytes of real rows; returns its bytes."""
    store = DataStore(paths, auto_backup=False)
    store.open()
    for i in range(150):
        settings.set_setting(f"kunci.{i}", {"isi": f"nilai {i} " * 40})
    store.close()
    return paths.database.read_bytes()


def _middle_page(data: bytes) -> int:
    return (len(data) // 4096 // 2) * 4096


def _overwrite_middle(data: bytes, rng: random.Random) -> bytes:
    start = _middle_page(data)
    return data[:start] + rng.randbytes(4096) + data[start + 4096 :]


def _truncate_half(data: bytes, rng: random.Random) -> bytes:
    return data[: len(data) // 2]


def _truncate_random(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(100, len(data) - 4096)]


def _header_garbage(data: bytes, rng: random.Random) -> bytes:
    return rng.randbytes(100) + data[100:]


def _page_header_zeroed(data: bytes, rng: random.Random) -> bytes:
    start = _middle_page(data)
    return data[:start] + bytes(12) + data[start + 12 :]


DAMAGE = {
    "overwrite-middle-page": (_overwrite_middle, DatabaseDamaged),
    "truncated-half": (_truncate_half, DatabaseDamaged),
    "truncated-random": (_truncate_random, DatabaseDamaged),
    "page-header-zeroed": (_page_header_zeroed, DatabaseDamaged),
    "header-garbage": (_header_garbage, DatabaseForeign),
}


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_file_is_refused_and_set_aside(
    paths: DataPaths, real_db: bytes, kind: str, seed: int
) -> None:
    damage, expected = DAMAGE[kind]
    broken = damage(real_db, random.Random(seed))
    paths.database.write_bytes(broken)
    digest = hashlib.sha256(broken).hexdigest()

    store = DataStore(paths)
    with pytest.raises(expected) as refused:
        store.open()
    assert refused.value.message and not store.is_open
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == digest  # refused, not written

    aside = backup.set_aside(paths)
    assert hashlib.sha256(aside.read_bytes()).hexdigest() == digest  # kept, never deleted
    assert DataStore(paths).open().new_database  # the lock was released; the folder starts fresh
    db.close()


def _text_file(path: Path) -> None:
    path.write_text("Daftar kader Posyandu Melati\nSiti, Ani, Budi\n", encoding="utf-8")


def _pdf_file(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")


def _other_app_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def _other_app_id(path: Path) -> None:
    _other_app_sqlite(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()


@pytest.mark.parametrize("make", [_text_file, _pdf_file, _other_app_sqlite, _other_app_id])
def test_foreign_file_is_refused_and_set_aside(paths: DataPaths, make) -> None:  # noqa: ANN001
    make(paths.database)
    original = paths.database.read_bytes()
    with pytest.raises(DatabaseForeign, match="bukan basis data Pokjanal|aplikasi lain"):
        DataStore(paths).open()
    assert paths.database.read_bytes() == original
    aside = backup.set_aside(paths)
    assert aside.read_bytes() == original and aside.parent == paths.quarantine


def test_emptied_file_next_to_backups_is_damaged_not_new(paths: DataPaths, real_db: bytes) -> None:
    store = DataStore(paths)
    store.open()
    store.close()
    assert backup.list_backups(paths)
    paths.database.write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match="kosong"):
        DataStore(paths).open()


def test_damage_corpus_never_escapes_as_another_error(paths: DataPaths, real_db: bytes) -> None:
    """Random byte flips (1, 10, 100) anywhere: the start either succeeds with a healthy file or
    raises one of our classified errors; never a raw sqlite3/peewee exception."""
    rng = random.Random(7)
    for case in range(60):
        data = bytearray(real_db)
        for _ in range((1, 10, 100)[case % 3]):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        paths.database.write_bytes(bytes(data))
        store = DataStore(paths, auto_backup=False)
        try:
            store.open()
        except DatabaseError:
            backup.set_aside(paths)
            continue
        problems = [r[0] for r in db.execute_sql("PRAGMA quick_check")]
        store.close()
        assert problems == ["ok"], case
