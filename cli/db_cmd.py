"""``db check``, ``db backup [-o FILE]``, ``db restore FILE``."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from cli.common import EXIT_OK, fail, guarded, open_store, paths_from
from cli.logsetup import setup_logging
from db import backup
from db.database import check_database, db
from db.errors import DatabaseDamaged, DatabaseForeign
from db.session import DataStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="periksa, cadangkan atau pulihkan basis data")
    sub = parser.add_subparsers(dest="db_command", metavar="AKSI", required=True)
    check = sub.add_parser("check", help="periksa keutuhan basis data dan rujukan")
    check.set_defaults(handler=guarded(cmd_check))
    make = sub.add_parser("backup", help="buat cadangan sekarang")
    make.add_argument("-o", "--output", metavar="FILE", help="simpan cadangan ke berkas ini")
    make.set_defaults(handler=guarded(cmd_backup))
    restore = sub.add_parser("restore", help="pulihkan dari berkas cadangan")
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(handler=guarded(cmd_restore))


def cmd_check(args: argparse.Namespace) -> int:
    with open_store(args):
        problems = check_database()
    if problems:
        for line in problems:
            print(line)
        return fail(f"basis data bermasalah ({len(problems)} temuan)")
    print("Basis data sehat: integrity_check ok, tidak ada rujukan rusak.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.output:
            target = Path(args.output).expanduser().resolve()
            if target.exists():
                return fail(f"berkas {target} sudah ada; pilih nama lain")
            conn: sqlite3.Connection = db.connection()
            made = backup.backup_to(conn, target)
        else:
            made = backup.create_backup(store.paths, "manual")
    print(f"Cadangan dibuat: {made}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore FILE over the data folder's database.

    A damaged or foreign live file cannot be backed up as ``pre-restore``, so it is set aside
    (moved to the quarantine folder, never deleted) first; a newer-version file is refused.
    """
    source = Path(args.file).expanduser().resolve()
    if not source.is_file():
        return fail(f"berkas {source} tidak ditemukan")
    paths = paths_from(args)
    setup_logging(paths.logs, debug=getattr(args, "debug", False))
    backup.verify_backup_file(source)
    store = DataStore(paths)
    try:
        store.open()
    except (DatabaseDamaged, DatabaseForeign) as exc:
        aside = backup.set_aside(paths)
        print(f"{exc.message}\nBerkas itu disisihkan ke {aside}.", file=sys.stderr)
        store.open()
    try:
        store.close_database_only()
        saved = backup.restore_backup(paths, source)
        store.reopen()
    finally:
        store.close()
    print(f"Dipulihkan dari {source.name}. Data sebelumnya disimpan sebagai {saved.name}.")
    return EXIT_OK
