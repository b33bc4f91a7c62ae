"""``cetak susunan-acara KEGIATAN -o OUT.pdf``, ``cetak materi KEGIATAN -o OUT.pdf`` and
``cetak undangan KEGIATAN -o OUT.pdf``: the agenda documents of a kegiatan, registered in
:data:`cli.cetak_cmd.ACTIONS` by :func:`register_cetak_agenda`.

The undangan prints the letter as saved in the app (or the prefilled defaults when none was saved).
"""

from __future__ import annotations

import argparse

from cli.common import guarded


def _options(parser: argparse.ArgumentParser, *, signer: bool = True) -> None:
    parser.add_argument("kegiatan", metavar="KEGIATAN", type=int, help="id kegiatan (lihat: kegiatan list)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="berkas PDF tujuan")
    parser.add_argument("--kertas", choices=("a4", "f4"), help="ukuran kertas (bawaan: pengaturan kantor)")
    if signer:
        parser.add_argument("--penandatangan", metavar="ID", type=int, help="penandatangan di bawah tabel")


def register_cetak_agenda(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "susunan-acara", help="susunan acara per hari (waktu, acara, narasumber, moderator)"
    )
    _options(parser)
    parser.set_defaults(handler=guarded(cmd_susunan_acara))
    parser = sub.add_parser("materi", help="tabel materi dan JPL (Dasar/Inti/Penunjang) dari susunan acara")
    _options(parser)
    parser.set_defaults(handler=guarded(cmd_materi))
    parser = sub.add_parser("undangan", help="surat undangan kegiatan (Tata Naskah Dinas)")
    _options(parser, signer=False)
    parser.set_defaults(handler=guarded(cmd_undangan))


def cmd_susunan_acara(args: argparse.Namespace) -> int:
    from cli.cetak_cmd import _run
    from db.services.agenda_print import susunan_acara_pdf

    return _run(
        args, lambda target: susunan_acara_pdf(args.kegiatan, target, args.kertas or "", args.penandatangan)
    )


def cmd_materi(args: argparse.Namespace) -> int:
    from cli.cetak_cmd import _run
    from db.services.agenda_print import materi_pdf

    return _run(args, lambda target: materi_pdf(args.kegiatan, target, args.kertas or "", args.penandatangan))


def cmd_undangan(args: argparse.Namespace) -> int:
    from cli.cetak_cmd import _run
    from db.services.agenda_print import undangan_pdf

    return _run(args, lambda target: undangan_pdf(args.kegiatan, target, args.kertas or ""))
