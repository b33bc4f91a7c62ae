"""``peserta import KEGIATAN FILE [--dry-run] [--terima-peringatan] [--laporan R.xlsx]`` and
``peserta export KEGIATAN FILE [--nik-lengkap]``.

The import follows the kader import's rules (same pipeline): a file with any unresolved problem —
a duplicate in the file or on the roster, an unknown NIK structure, an uncertain asal — is
rejected (exit 1, the row-by-row report on stderr, nothing written); warnings (numeric NIK
cells, a name matching several kader) reject it unless ``--terima-peringatan``. The export
writes the columns the import reads, NIK masked unless ``--nik-lengkap``. Both are entries of
``cli.kegiatan_cmd.PESERTA_ACTIONS``.
"""

from __future__ import annotations

import argparse
import sys

from cli.common import EXIT_OK, EXIT_REJECTED, fail, guarded, open_store


def register_import(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = sub.add_parser("import", help="impor peserta kegiatan dari berkas Excel (.xlsx)")
    parser.add_argument("kegiatan", type=int, metavar="KEGIATAN", help="nomor kegiatan")
    parser.add_argument("file", metavar="FILE", help="berkas .xlsx")
    parser.add_argument("--dry-run", action="store_true", help="periksa dan laporkan saja, tanpa menyimpan")
    parser.add_argument("--terima-peringatan", action="store_true",
                        help="terima peringatan (NIK tersimpan sebagai angka, nama cocok dengan beberapa kader)")  # fmt: skip
    parser.add_argument("--laporan", metavar="XLSX", help="simpan laporan baris demi baris ke berkas .xlsx")
    parser.set_defaults(handler=guarded(cmd_import))
    return parser


def register_export(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = sub.add_parser("export", help="ekspor peserta kegiatan ke berkas Excel (.xlsx)")
    parser.add_argument("kegiatan", type=int, metavar="KEGIATAN", help="nomor kegiatan")
    parser.add_argument("file", metavar="FILE", help="berkas .xlsx yang ditulis")
    parser.add_argument(
        "--nik-lengkap", action="store_true", help="tulis NIK lengkap (data pribadi; bawaan: disamarkan)"
    )
    parser.set_defaults(handler=guarded(cmd_export))
    return parser


def cmd_import(args: argparse.Namespace) -> int:
    from db.importer.apply import apply_plan
    from db.importer.plan import ImportOptions
    from db.importer.problems import ImportRejected
    from db.importer.report import format_text, save_xlsx
    from db.services.peserta_import import plan_peserta_file

    with open_store(args):
        try:
            plan = plan_peserta_file(
                args.kegiatan, args.file, ImportOptions(accept_warnings=args.terima_peringatan)
            )
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
    print(f"Tersimpan: {result.created} peserta baru.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from db.services.kegiatan import get_kegiatan
    from db.services.peserta_export import export_peserta

    with open_store(args):
        get_kegiatan(args.kegiatan)
        count = export_peserta(args.kegiatan, args.file, full_nik=args.nik_lengkap)
    print(f"{count} peserta diekspor ke {args.file}" + ("" if args.nik_lengkap else " (NIK disamarkan)."))
    return EXIT_OK
