"""Opening the data folder from the GUI: a damaged file is set aside (never deleted) and the
newest good backup is offered; a file from a newer version is refused and left untouched."""

from __future__ import annotations

import hashlib

from db import backup
from db.paths import DataPaths
from db.services import penandatangan
from db.session import DataStore
from ui import messages
from ui.startup import open_store_interactively


def _fill_and_back_up(paths: DataPaths) -> None:
    store = DataStore(paths)
    store.open()
    penandatangan.save_signatory(penandatangan.SignatoryData(nama="Hj. Siti Aminah", jabatan="Camat"))
    backup.create_backup(paths, "manual")
    store.close()


def test_damaged_file_is_set_aside_and_restored_from_backup(qapp, paths: DataPaths, monkeypatch) -> None:
    _fill_and_back_up(paths)
    paths.database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: asked.append(text) or True)
    store = open_store_interactively(paths)
    assert store is not None
    try:
        names = [s.nama for s in penandatangan.list_signatories()]
    finally:
        store.close()
    assert names == ["Hj. Siti Aminah"]
    assert asked and "disisihkan" in asked[0]
    assert list(paths.quarantine.glob("pokjanal-*.sqlite")), "the damaged file must be kept"


def test_damaged_file_without_restore_starts_empty(qapp, paths: DataPaths, monkeypatch) -> None:
    _fill_and_back_up(paths)
    paths.database.write_bytes(b"this is not a database")
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text: False)
    store = open_store_interactively(paths)
    assert store is not None
    try:
        assert penandatangan.list_signatories() == []
    finally:
        store.close()
    kept = list(paths.quarantine.glob("pokjanal-*.sqlite"))
    assert kept and kept[0].read_bytes() == b"this is not a database"


def test_newer_database_is_refused_and_untouched(qapp, paths: DataPaths, monkeypatch) -> None:
    store = DataStore(paths)
    store.open()
    store.close()
    import sqlite3

    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    shown: list[str] = []
    monkeypatch.setattr(messages, "error", lambda parent, title, text: shown.append(text))
    assert open_store_interactively(paths) is None
    assert shown and "lebih baru" in shown[0]
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before


def test_second_window_is_told_data_is_in_use(qapp, paths: DataPaths, monkeypatch) -> None:
    first = DataStore(paths)
    first.open()
    shown: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: shown.append(text))
    try:
        assert open_store_interactively(paths) is None
    finally:
        first.close()
    assert shown and "sedang dipakai" in shown[0]
