"""R5: automatic verified backups, the retention rule, restore with a pre-restore copy."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from freezegun import freeze_time

from db import backup
from db.backup import BackupInfo, select_to_keep
from db.database import close_database, open_database
from db.errors import DatabaseError
from db.paths import DataPaths
from db.services import penandatangan, settings
from db.session import DataStore


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every user table's rows, in rowid order: 'equal row content'."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = sorted(
            r[1]
            for r in conn.execute("PRAGMA main.table_list")
            if r[2] == "table" and not r[1].startswith("sqlite_")
        )
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()


def add_signatory(name: str) -> None:
    penandatangan.save_signatory(penandatangan.SignatoryData(nama=name, jabatan="Camat Metro Timur"))


def reasons(paths: DataPaths) -> list[str]:
    return [b.reason for b in backup.list_backups(paths)]


# --- retention rule: fixed vectors ------------------------------------------------------------


def _infos(stamps: list[str]) -> list[BackupInfo]:
    return [
        BackupInfo(Path(f"/b/{s}.sqlite"), datetime.strptime(s, "%Y-%m-%d %H:%M"), "tutup", 1) for s in stamps
    ]


def _kept(today: str, stamps: list[str]) -> set[str]:
    keep = select_to_keep(_infos(stamps), date.fromisoformat(today))
    return {p.stem for p in keep}


def _daily(first: str, days: int, hour: str = "16:00") -> list[str]:
    start = date.fromisoformat(first)
    return [f"{start + timedelta(days=i)} {hour}" for i in range(days)]


def test_retention_newest_ten_when_all_on_one_day() -> None:
    stamps = [f"2024-05-10 {h:02d}:00" for h in range(8, 22)]  # 14 backups today
    assert _kept("2024-05-10", stamps) == set(stamps[-10:])


def test_retention_one_per_day_for_thirty_days_across_leap_february() -> None:
    stamps = _daily("2024-01-20", 42)  # 2024-01-20 .. 2024-03-01
    kept = _kept("2024-03-01", stamps)
    assert kept == set(_daily("2024-02-01", 30))  # 30 days ending today: Feb 1 .. Mar 1 (29 Feb incl.)
    assert "2024-02-29 16:00" in kept and "2024-01-31 16:00" not in kept


def test_retention_keeps_newest_of_each_day_across_year_end() -> None:
    stamps = [f"{d} {h}" for d in _daily_days("2024-11-25", 45) for h in ("08:00", "12:00", "17:30")]
    kept = _kept("2025-01-08", stamps)
    window = _daily_days("2024-12-10", 30)  # 2024-12-10 .. 2025-01-08
    expected = {f"{d} 17:30" for d in window} | set(sorted(stamps)[-10:])
    assert kept == expected
    assert "2024-12-31 17:30" in kept and "2024-12-31 08:00" not in kept
    assert "2024-12-09 17:30" not in kept


def _daily_days(first: str, days: int) -> list[date]:
    start = date.fromisoformat(first)
    return [start + timedelta(days=i) for i in range(days)]


def test_retention_old_backups_only_newest_ten_survive() -> None:
    """The office did not use the app for months: the last ten backups are kept however old."""
    stamps = _daily("2023-12-01", 20)
    assert _kept("2024-06-30", stamps) == set(stamps[-10:])


def test_retention_same_second_names_are_ordered_by_write_time() -> None:
    when = datetime(2024, 7, 1, 9, 0, 0)
    infos = [
        BackupInfo(Path(f"/b/{n}.sqlite"), when, "x", 1, written_ns=i) for i, n in enumerate("zyxwvutsrqpo")
    ]
    kept = {p.stem for p in select_to_keep(infos, date(2024, 7, 1))}
    assert kept == set("xwvutsrqpo")  # the ten written last, not the ten with the "largest" names


@pytest.mark.parametrize("today", ["2000-01-01 10:00:00", "2099-12-31 23:00:00"])
def test_prune_with_the_clock_at_the_ends_of_the_range(paths: DataPaths, today: str) -> None:
    source = sqlite3.connect(paths.root / "src.sqlite")
    source.execute("CREATE TABLE t (x)")
    source.commit()
    now = datetime.fromisoformat(today)
    with freeze_time(now):
        for i in range(45):
            target = backup._target_name(paths.backups, "tutup", now - timedelta(days=i))
            backup.backup_to(source, target)
        backup.prune(paths)
    source.close()
    days = sorted({b.created.date() for b in backup.list_backups(paths)})
    assert len(days) == 30 and days[-1] == now.date() and days[0] == now.date() - timedelta(days=29)


# --- automatic backups -------------------------------------------------------------------------


def test_close_backs_up_only_when_something_changed(paths: DataPaths) -> None:
    store = DataStore(paths)
    store.open()
    assert store.close() is None  # nothing written: no backup
    assert reasons(paths) == []

    store.open()  # the schema the first start created is backed up now ("mulai")
    add_signatory("Drs. Budi Santoso")
    made = store.close()
    assert made is not None and reasons(paths) == ["tutup", "mulai"]
    assert rows(made) == rows(paths.database)
    assert not list(paths.backups.glob("*.tmp*")), "temporary file left behind"


def test_start_backs_up_changes_the_newest_backup_lacks(paths: DataPaths) -> None:
    store = DataStore(paths)
    store.open()
    add_signatory("Hj. Siti Aminah")
    store.close()  # "tutup" backup holds everything
    assert store.open().startup_backup is None
    add_signatory("Ahmad")
    close_database()  # the app died: no close backup
    store.release_lock()

    result = DataStore(paths).open()
    assert result.startup_backup is not None and result.startup_backup.exists()
    assert "Ahmad" in {r[1] for r in rows(result.startup_backup)["penandatangan"]}
    close_database()


def test_startup_marker_sees_changes_after_a_restore_reused_audit_ids(paths: DataPaths) -> None:
    """Restoring an old backup makes new audit rows reuse ids that the pre-restore copy holds;
    the start-up check must still see the difference."""
    store = DataStore(paths)
    store.open()
    settings.set_setting("a", 1)
    old = store.close()
    store.open()
    settings.set_setting("b", 2)
    store.close()
    store.open()
    store.close_database_only()
    backup.restore_backup(paths, old)  # newest backup is now the pre-restore copy (a, b)
    open_database(paths.database)
    settings.set_setting("c", 3)  # same audit id as "b" in the pre-restore copy
    close_database()  # and the app dies before its close backup
    store.release_lock()
    assert backup.needs_startup_backup(paths)


def test_every_backup_is_checked_before_it_is_kept(paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DataStore(paths)
    store.open()
    for i in range(300):
        settings.set_setting(f"k{i}", "x" * 200, audit_changes=False)
    store.close()

    renamed: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: os.PathLike, dst: os.PathLike) -> None:
        conn = sqlite3.connect(src)
        renamed.append((Path(src).name, conn.execute("PRAGMA integrity_check").fetchone()[0]))
        conn.close()
        real_replace(src, dst)

    monkeypatch.setattr(backup.os, "replace", spy)
    made = backup.create_backup(paths, "manual")
    assert renamed == [(made.name + ".tmp", "ok")]
    assert not made.with_name(made.name + "-wal").exists()
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()

    # A damaged live file copies page by page into a damaged copy: refused, nothing kept.
    data = bytearray(paths.database.read_bytes())
    page = len(data) // 4096 // 2 * 4096
    data[page : page + 4096] = bytes(range(256)) * 16
    paths.database.write_bytes(data)
    before = sorted(p.name for p in paths.backups.iterdir())
    with pytest.raises(DatabaseError):
        backup.create_backup(paths, "manual")
    assert sorted(p.name for p in paths.backups.iterdir()) == before


def test_failed_copy_leaves_no_temp_and_target(paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DataStore(paths)
    store.open()
    store.close()

    class Full(sqlite3.Connection):
        def backup(self, *args: object, **kwargs: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

    real_connect = sqlite3.connect
    monkeypatch.setattr(backup.sqlite3, "connect", lambda *a, **k: real_connect(*a, **k, factory=Full))
    with pytest.raises(DatabaseError, match="Cadangan gagal"):
        backup.create_backup(paths, "manual")
    assert list(paths.backups.iterdir()) == []


# --- restore -----------------------------------------------------------------------------------


def test_backup_then_restore_gives_equal_rows_and_keeps_pre_restore(paths: DataPaths) -> None:
    store = DataStore(paths)
    store.open()
    add_signatory("Dra. Ni Luh Putu Ayu, M.Kes.")
    settings.set_setting("nama", "سيتي 王")
    snapshot = backup.create_backup(paths, "manual")
    expected = rows(snapshot)
    add_signatory("Setelah cadangan")
    after_changes = rows(paths.database)

    store.close_database_only()
    saved = backup.restore_backup(paths, snapshot)
    store.reopen()
    store.close()

    assert rows(paths.database) == expected
    assert saved.name.endswith("-pre-restore.sqlite")
    assert rows(saved) == after_changes  # the state before the restore is kept


def test_restore_never_prunes_the_backup_it_restores(paths: DataPaths) -> None:
    """The oldest kept backup is restorable even though the pre-restore copy pushes it out of
    the newest ten."""
    store = DataStore(paths)
    store.open()
    add_signatory("Versi lama")
    store.close()
    long_ago = datetime.now() - timedelta(days=90)
    for i in range(10):
        backup.create_backup(paths, "tutup", when=long_ago + timedelta(hours=i))
    oldest = backup.list_backups(paths)[-1]
    expected = rows(oldest.path)

    saved = backup.restore_backup(paths, oldest.path)
    assert rows(paths.database) == expected and saved.exists()
    assert len(backup.list_backups(paths)) == 10  # retention applied after the restore


def test_restore_refuses_a_foreign_file_and_keeps_the_live_one(paths: DataPaths, tmp_path: Path) -> None:
    store = DataStore(paths)
    store.open()
    add_signatory("Tetap ada")
    store.close()
    before = paths.database.read_bytes()
    foreign = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    with pytest.raises(DatabaseError, match="aplikasi lain"):
        backup.restore_backup(paths, foreign)
    assert paths.database.read_bytes() == before


# --- set aside ----------------------------------------------------------------------------------


def test_set_aside_moves_never_deletes_even_twice_in_one_second(paths: DataPaths) -> None:
    when = datetime(2024, 12, 31, 23, 59, 59)
    contents = [b"rusak satu", b"rusak dua"]
    moved = []
    for content in contents:
        paths.database.write_bytes(content)
        paths.database.with_name(paths.database.name + "-wal").write_bytes(content + b"-wal")
        moved.append(backup.set_aside(paths, when=when))
        assert not paths.database.exists()
    assert moved[0] != moved[1]
    assert [m.read_bytes() for m in moved] == contents
    assert [m.with_name(m.name + "-wal").read_bytes() for m in moved] == [c + b"-wal" for c in contents]
    assert all(m.parent == paths.quarantine for m in moved)


def test_failed_startup_backup_is_a_warning_not_a_refusal(
    paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DataStore(paths)
    store.open()
    add_signatory("Sebelum disk penuh")
    close_database()  # crash: the next start wants a backup
    store.release_lock()
    before = paths.database.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "create_backup", disk_full)
    result = store.open()
    assert result.startup_backup is None and "gagal" in result.backup_warning
    close_database()
    store.release_lock()
    assert rows(paths.database) == rows_of_bytes(before, paths.root / "copy.sqlite")


def rows_of_bytes(data: bytes, where: Path) -> dict[str, list[tuple]]:
    where.write_bytes(data)
    return rows(where)
