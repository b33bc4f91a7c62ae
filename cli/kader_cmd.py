"""``kader list [--json] [--status S]``, ``kader export FILE [--nik-lengkap] [--timpa]``.

Each action is one sub-parser added by a function taking the ``kader`` sub-parsers; another
action (``kader import``, owned by the importer in its own module) is one more entry in
:data:`ACTIONS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from cli.common import EXIT_OK, fail, guarded, open_store, print_json
from cli.kader_import_cmd import register_import


def _register_list(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("list", help="tampilkan semua kader (NIK disamarkan; --json: NIK lengkap)")
    parser.add_argument("--json", action="store_true", help="satu objek JSON per kader, dengan NIK lengkap")
    parser.add_argument(
        "--status", choices=("aktif", "nonaktif", "pindah", "meninggal"), help="hanya status ini"
    )
    parser.set_defaults(handler=guarded(cmd_list))


def _register_export(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="simpan daftar kader ke berkas .xlsx (kolom sama dengan impor)")
    parser.add_argument("file", metavar="FILE", help="berkas .xlsx tujuan")
    parser.add_argument(
        "--nik-lengkap",
        action="store_true",
        help="tulis NIK lengkap (data pribadi; tanpa ini NIK disamarkan)",
    )
    parser.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")
    parser.set_defaults(handler=guarded(cmd_export))


ACTIONS: tuple[Callable[[argparse._SubParsersAction], object], ...] = (
    _register_list,
    _register_export,
    register_import,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("kader", help="daftar, ekspor dan impor data kader")
    sub = parser.add_subparsers(dest="kader_command", metavar="AKSI", required=True)
    for add_action in ACTIONS:
        add_action(sub)


def cmd_list(args: argparse.Namespace) -> int:
    from db.masking import mask_nik
    from db.services.kader_export import iter_kader
    from db.services.kader_search import KaderFilter

    with open_store(args):
        rows = list(iter_kader(KaderFilter(status=args.status or "")))
    if args.json:
        print_json([asdict(row) for row in rows])
        return EXIT_OK
    for row in rows:
        sys.stdout.write(
            f"{row.id:>6}  {row.nama[:40]:<40}  {mask_nik(row.nik):<16}  {row.posyandu[:24]:<24}  "
            f"{row.kelurahan[:20]:<20}  {row.status}\n"
        )
    sys.stdout.write(f"Jumlah: {len(rows)} kader\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from db.services.kader_export import export_kader

    target = Path(args.file).expanduser().resolve()
    if target.suffix.lower() != ".xlsx":
        return fail("nama berkas ekspor harus berakhiran .xlsx")
    if target.exists() and not args.timpa:
        return fail(f"berkas {target} sudah ada; pakai --timpa untuk menimpanya")
    if not target.parent.is_dir():
        return fail(f"folder {target.parent} tidak ada")
    with open_store(args):
        count = export_kader(target, full_nik=args.nik_lengkap)
    note = "NIK lengkap" if args.nik_lengkap else "NIK disamarkan; pakai --nik-lengkap untuk NIK lengkap"
    print(f"{count} kader diekspor ke {target} ({note}).")
    return EXIT_OK
