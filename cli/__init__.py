"""The command-line entry shared by the GUI and the subcommands.

``python main.py`` (no command) starts the GUI; ``python main.py COMMAND …`` runs a subcommand.
Exit codes: 0 success, 1 input rejected (reason on stderr, in Indonesian), 2 usage error.
Subcommand modules each expose ``register(subparsers)``; add new ones to :data:`COMMAND_MODULES`.
Nothing here imports Qt unless the GUI is started.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from resources import APP_NAME, VERSION

COMMAND_MODULES = (
    "cli.db_cmd",
    "cli.demo_cmd",
    "cli.kader_cmd",
    "cli.kegiatan_cmd",
    "cli.cetak_cmd",
    "cli.rencana_aksi_cmd",
    "cli.sertifikat_cmd",
    "cli.kota_cmd",
)


_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "expected one argument": "memerlukan satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
}


def _argparse_text(message: str) -> str:
    """argparse looks its texts up through a module-level ``_`` at call time: answer in Indonesian."""
    return _ARGPARSE_ID.get(message, message)


argparse._ = _argparse_text  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian usage errors (exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: kesalahan penggunaan: {message}\n")


_OPTIONS_WITH_VALUE = ("--data-dir",)


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The full parser; ``with_commands=False`` leaves the subcommands out (and so does not
    import their modules and services), which is what a plain GUI start needs."""
    parser = _Parser(prog="pokjanal", description=f"{APP_NAME} — aplikasi sekretariat Pokjanal Posyandu.")
    parser.add_argument(
        "--version", action="version", version=f"{APP_NAME} {VERSION}", help="tampilkan versi program lalu keluar"
    )
    parser.add_argument("--data-dir", metavar="DIR", help="folder data (basis data, cadangan, log)")
    parser.add_argument("--selftest", action="store_true", help="uji mandiri dengan basis data sementara")
    parser.add_argument("--debug", action="store_true", help="catat log terperinci")
    parser.set_defaults(command=None)
    if with_commands:
        subparsers = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(subparsers)
    return parser


def names_a_command(argv: list[str]) -> bool:
    """True when ``argv`` holds a subcommand (or asks for help): any token that is not a global
    option or an option's value."""
    skip_next = False
    for token in argv:
        if skip_next:
            skip_next = False
            continue
        if token in ("-h", "--help"):
            return True
        if token in _OPTIONS_WITH_VALUE:
            skip_next = True
            continue
        if not token.startswith("-"):
            return True
    return False


def run(argv: list[str]) -> int:
    parser = build_parser(with_commands=names_a_command(argv))
    args = parser.parse_args(argv)
    if args.selftest:
        from cli.selftest import run_selftest

        return run_selftest()
    if not args.command:
        from ui.app import run_gui

        return run_gui(args)
    return int(args.handler(args))
