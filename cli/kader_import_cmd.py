"""``kader import FILE [--dry-run] [--buat-posyandu] [--duplikat lewati|perbarui] [--terima-peringatan]``.

Same rules as the import dialog: a file with any unresolved problem is rejected (exit 1, the
row-by-row report on stderr, nothing written); unknown posyandu reject the file unless
``--buat-posyandu``; numeric-NIK and other warnings reject it unless ``--terima-peringatan``;
duplicates are skipped by default. :func:`register_import` is attached by ``cli/kader_cmd.py``.
"""

from __future__ import annotations

import argparse
import sys

from cli.common import EXIT_OK, EXIT_REJECTED, fail, guarded, open_store


def register_import(kader_subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = kader_subparsers.add_parser("import", help="impor kader dari berkas Excel (.xlsx)")
    parser.add_argument("file", metavar="FILE", help="berkas .xlsx")
    parser.add_argument("--dry-run", action="store_true", help="periksa dan laporkan saja, tanpa menyimpan")
    parser.add_argument("--buat-posyandu", action="store_true", help="buat posyandu yang belum terdaftar")
    parser.add_argument("--duplikat", choices=("lewati", "perbarui"), default="lewati",
                        help="kader yang sudah terdaftar: lewati (bawaan) atau perbarui")  # fmt: skip
    parser.add_argument("--terima-peringatan", action="store_true",
                        help="terima peringatan (mis. NIK tersimpan sebagai angka; ditandai 'perlu dicek')")  # fmt: skip
    parser.add_argument("--laporan", metavar="XLSX", help="simpan laporan baris demi baris ke berkas .xlsx")
    parser.set_defaults(handler=guarded(cmd_import))
    return parser


def cmd_import(args: argparse.Namespace) -> int:
    from db.importer.apply import apply_plan
    from db.importer.pipeline import plan_file
    from db.importer.plan import ImportOptions
    from db.importer.problems import ImportRejected
    from db.importer.report import format_text, save_xlsx

    options = ImportOptions(on_duplicate=args.duplikat, create_posyandu=args.buat_posyandu,
                            accept_warnings=args.terima_peringatan)  # fmt: skip
    with open_store(args):
        try:
            plan = plan_file(args.file, options)
        except ImportRejected as exc:
            return fail(exc.problem.line())
        if args.laporan:
            save_xlsx(plan, args.laporan)
        if not plan.can_apply:
            print(format_text(plan), file=sys.stderr)
            return EXIT_REJECTED
        print(format_text(plan))
        if args.dry_run:
            print("Uji coba (--dry-run): tidak ada yang disimpan.")
            return EXIT_OK
        try:
            result = apply_plan(plan)
        except ImportRejected as exc:
            return fail(exc.problem.line())
    print(f"Tersimpan: {result.created} kader baru, {result.updated} diperbarui, {result.skipped} dilewati, "
          f"{result.posyandu_created} posyandu baru.")  # fmt: skip
    return EXIT_OK
