"""``ekspor kota KEGIATAN… -o PAKET.zip [--nik-lengkap]`` and ``impor kota PAKET.zip…``.

The export writes the package for the kota Pokjanal (:mod:`db.services.kota_paket`); ``-o`` may be
a ``.zip`` path or a folder (then the safe default name). The import (mode kota,
:mod:`db.services.kota_import`) reports one line per file; any refused file makes the exit code 1,
the other files are still imported (each file is all-or-nothing on its own).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import EXIT_OK, EXIT_REJECTED, fail, guarded, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    ekspor = subparsers.add_parser("ekspor", help="ekspor paket untuk Pokjanal kabupaten/kota")
    ekspor_sub = ekspor.add_subparsers(dest="ekspor_command", metavar="JENIS", required=True)
    kota = ekspor_sub.add_parser("kota", help="paket .zip (notulen, daftar hadir, rekap, peserta, manifest)")
    kota.add_argument("kegiatan", metavar="KEGIATAN", type=int, nargs="+", help="id kegiatan (kegiatan list)")
    kota.add_argument(
        "-o", "--output", required=True, metavar="PAKET.zip", help="berkas .zip atau folder tujuan"
    )
    kota.add_argument("--nik-lengkap", action="store_true", help="sertakan NIK lengkap (bawaan: disamarkan)")
    kota.add_argument(
        "--tanpa-lampiran", action="store_true", help="notulen tanpa lampiran daftar hadir/materi"
    )
    kota.add_argument("--timpa", action="store_true", help="ganti berkas yang sudah ada")
    kota.set_defaults(handler=guarded(cmd_ekspor))

    impor = subparsers.add_parser("impor", help="impor paket dari kecamatan (mode kota)")
    impor_sub = impor.add_subparsers(dest="impor_command", metavar="JENIS", required=True)
    terima = impor_sub.add_parser("kota", help="impor paket .zip kiriman kecamatan")
    terima.add_argument("paket", metavar="PAKET.zip", nargs="+", help="satu atau beberapa berkas paket")
    terima.add_argument("--aktifkan-mode-kota", action="store_true", help="aktifkan mode kota lebih dulu")
    terima.set_defaults(handler=guarded(cmd_impor))


def cmd_ekspor(args: argparse.Namespace) -> int:
    from db.services.kota_paket import PaketOptions, export_paket

    target = Path(args.output).expanduser().resolve()
    if not target.is_dir() and target.suffix.lower() != ".zip":
        return fail("tujuan harus folder yang ada atau berkas berakhiran .zip")
    options = PaketOptions(full_nik=args.nik_lengkap, lampiran=not args.tanpa_lampiran)
    with open_store(args):
        written = export_paket(args.kegiatan, target, options, overwrite=args.timpa)
    print(f"Paket ditulis: {written}")
    return EXIT_OK


def cmd_impor(args: argparse.Namespace) -> int:
    from db.services.kota_import import import_paket, is_mode_kota, set_mode_kota

    refused = 0
    with open_store(args) as store:
        if args.aktifkan_mode_kota and not is_mode_kota():
            set_mode_kota(True)
        if not is_mode_kota():
            return fail("mode kota belum aktif; jalankan lagi dengan --aktifkan-mode-kota")
        for source in args.paket:
            result = import_paket(source, store.paths.root)
            if result.ok:
                print(f"{result.berkas}: {result.kantor}: {result.pesan}")
            else:
                refused += 1
                print(f"{result.berkas}: ditolak: {result.pesan}", file=sys.stderr)
    return EXIT_REJECTED if refused else EXIT_OK
