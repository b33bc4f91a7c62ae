"""``cetak notulen KEGIATAN -o OUT.pdf [--tanpa-lampiran] [--kertas a4|f4]``: the notulen of a kegiatan.

Registered in :data:`cli.cetak_cmd.ACTIONS`. A draf prints with the "DRAF" watermark; the daftar
hadir and materi follow in the same PDF unless ``--tanpa-lampiran``.
"""

from __future__ import annotations

import argparse

from cli.common import guarded


def register_cetak_notulen(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("notulen", help="notulen rapat (dengan daftar hadir dan materi terlampir)")
    parser.add_argument("kegiatan", metavar="KEGIATAN", type=int, help="id kegiatan (lihat: kegiatan list)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="berkas PDF tujuan")
    parser.add_argument("--kertas", choices=("a4", "f4"), help="ukuran kertas (bawaan: pengaturan kantor)")
    parser.add_argument(
        "--tanpa-lampiran", action="store_true", help="tanpa daftar hadir dan materi di belakang notulen"
    )
    parser.set_defaults(handler=guarded(cmd_cetak_notulen))


def cmd_cetak_notulen(args: argparse.Namespace) -> int:
    from cli.cetak_cmd import _run
    from db.services.notulen_print import notulen_job

    def write(target) -> int:  # noqa: ANN001 - Path
        return notulen_job(args.kegiatan, lampiran=not args.tanpa_lampiran, kertas=args.kertas or "")(target)

    return _run(args, write)
