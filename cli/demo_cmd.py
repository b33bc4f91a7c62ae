"""``demo [--force]``: load the Kota Metro demo data (Kecamatan Metro Timur) into the data folder."""

from __future__ import annotations

import argparse

from cli.common import EXIT_OK, guarded, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="muat data contoh Kota Metro (Kecamatan Metro Timur) untuk mencoba aplikasi"
    )
    parser.add_argument(
        "--force", action="store_true",
        help="ganti posyandu, kader dan penandatangan yang sudah ada dengan data contoh",
    )  # fmt: skip
    parser.set_defaults(handler=guarded(cmd_demo))


def cmd_demo(args: argparse.Namespace) -> int:
    from db.services.demo import load_demo

    with open_store(args):
        summary = load_demo(force=args.force)
    print("Data contoh Kota Metro dimuat" + (" (data lama diganti)." if summary.replaced else "."))
    print("  Kantor       : Kecamatan Metro Timur, Kota Metro")
    print(f"  Wilayah      : {summary.kecamatan} kecamatan, {summary.kelurahan} kelurahan")
    print(f"  Posyandu     : {summary.posyandu}")
    print(f"  Kader        : {summary.kader} ({summary.pelatihan} riwayat pelatihan)")
    print(f"  Penandatangan: {summary.penandatangan}")
    return EXIT_OK
