"""``rencana-aksi export FILE [--tahun Y]`` and ``rencana-aksi import FILE [--dry-run]``;
the two printouts are ``cetak rencana-aksi`` and ``cetak monev`` (:func:`register_cetak`).

The import is all-or-nothing: any problem rejects the file (exit 1, the row report on stderr,
nothing written). ``--dry-run`` checks and reports what would be added/updated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import EXIT_OK, EXIT_REJECTED, fail, guarded, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rencana-aksi", help="rencana aksi lintas sektor: ekspor/impor Excel")
    sub = parser.add_subparsers(dest="rencana_aksi_command", metavar="PERINTAH", required=True)
    export = sub.add_parser("export", help="ekspor rencana aksi ke berkas Excel (.xlsx)")
    export.add_argument("file", metavar="FILE", help="berkas .xlsx yang ditulis")
    export.add_argument("--tahun", type=int, metavar="Y", help="tahun saja (bawaan: semua tahun)")
    export.set_defaults(handler=guarded(cmd_export))
    imp = sub.add_parser(
        "import", help="impor rencana aksi dari berkas Excel (.xlsx), semua atau tidak sama sekali"
    )
    imp.add_argument("file", metavar="FILE", help="berkas .xlsx")
    imp.add_argument("--dry-run", action="store_true", help="periksa dan laporkan saja, tanpa menyimpan")
    imp.set_defaults(handler=guarded(cmd_import))


def cmd_export(args: argparse.Namespace) -> int:
    from db.services.rencana_aksi import RencanaAksiFilter
    from db.services.rencana_aksi_xlsx import export_rencana_aksi

    target = Path(args.file).expanduser().resolve()
    if target.suffix.lower() != ".xlsx":
        return fail("nama berkas keluaran harus berakhiran .xlsx")
    if not target.parent.is_dir():
        return fail(f"folder {target.parent} tidak ada")
    with open_store(args):
        count = export_rencana_aksi(target, RencanaAksiFilter(tahun=args.tahun))
    print(f"{count} rencana aksi ditulis ke {target}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from db.importer.problems import ImportRejected
    from db.services.rencana_aksi_xlsx import import_rencana_aksi

    with open_store(args):
        try:
            result = import_rencana_aksi(args.file, dry_run=args.dry_run)
        except ImportRejected as exc:
            return fail(exc.problem.line())
    if not result.ok:
        print(result.report(), file=sys.stderr)
        return EXIT_REJECTED
    print(result.report())
    if args.dry_run:
        print("Uji coba (--dry-run): tidak ada yang disimpan.")
    return EXIT_OK


# ------------------------------------------------------------------------- cetak sub-parsers
def _date(text: str):  # noqa: ANN202 - argparse type
    from db.errors import ValidationError
    from db.identity import parse_date

    try:
        value = parse_date(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    if value is None:
        raise argparse.ArgumentTypeError("tanggal kosong")
    return value


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="berkas PDF tujuan")
    parser.add_argument("--kertas", choices=("a4", "f4"), help="ukuran kertas (bawaan: pengaturan kantor)")
    parser.add_argument("--penandatangan", metavar="ID", type=int, help="penandatangan di bawah tabel")


def register_cetak_rencana_aksi(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rencana-aksi", help="matriks rencana aksi lintas sektor (lanskap)")
    parser.add_argument("--tahun", type=int, metavar="Y", help="tahun saja (bawaan: semua tahun)")
    _output_options(parser)
    parser.set_defaults(handler=guarded(cmd_cetak_rencana_aksi))


def register_cetak_monev(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("monev", help="laporan monev rencana aksi untuk satu periode (lanskap)")
    parser.add_argument(
        "--dari", type=_date, metavar="D", required=True, help="awal periode (2025-01-01 atau 01-01-2025)"
    )
    parser.add_argument("--sampai", type=_date, metavar="D", required=True, help="akhir periode")
    _output_options(parser)
    parser.set_defaults(handler=guarded(cmd_cetak_monev))


def cmd_cetak_rencana_aksi(args: argparse.Namespace) -> int:
    from cli.cetak_cmd import _run
    from db.services.rencana_aksi_print import matriks_pdf

    return _run(
        args,
        lambda target: matriks_pdf(args.tahun, args.penandatangan, kertas=args.kertas or "", target=target),
    )


def cmd_cetak_monev(args: argparse.Namespace) -> int:
    from cli.cetak_cmd import _run
    from db.services.rencana_aksi_print import monev_pdf

    if args.sampai < args.dari:
        return fail("tanggal --sampai tidak boleh sebelum --dari")
    return _run(
        args,
        lambda target: monev_pdf(
            args.dari, args.sampai, args.penandatangan, kertas=args.kertas or "", target=target
        ),
    )
