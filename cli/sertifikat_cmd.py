"""Certificates on the command line.

- ``cetak sertifikat KEGIATAN -o OUT.pdf [--per-peserta DIR] [--timpa] [--tanggal YYYY-MM-DD]``:
  issues the missing numbers first (says how many), then writes one PDF and/or one PDF per person;
- ``cetak register-sertifikat [--tahun Y | --kegiatan ID] -o OUT.pdf``: the buku register;
- ``verifikasi TEXT``: exit 0 for a valid certificate, 1 otherwise; prints the verdict and the
  signed name;
- ``sertifikat register KEGIATAN -o R.xlsx``, ``sertifikat cabut NOMOR --alasan …``,
  ``sertifikat periksa KEGIATAN``.

A signing key protected by a passphrase is unlocked from ``POKJANAL_SANDI_SERTIFIKAT`` or, on a
terminal, by asking for it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from cli.common import EXIT_OK, EXIT_REJECTED, fail, guarded, open_store

PASSPHRASE_ENV = "POKJANAL_SANDI_SERTIFIKAT"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError("tanggal harus berbentuk YYYY-MM-DD") from error


def register_cetak_sertifikat(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sertifikat", help="sertifikat bimtek (nomor yang belum ada diterbitkan dulu)")
    parser.add_argument("kegiatan", metavar="KEGIATAN", type=int, help="id kegiatan (lihat: kegiatan list)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", help="satu PDF berisi semua sertifikat")
    parser.add_argument("--per-peserta", metavar="DIR", help="folder untuk satu PDF per orang")
    parser.add_argument("--timpa", action="store_true", help="boleh menimpa berkas yang sudah ada di folder")
    parser.add_argument(
        "--tanggal", metavar="YYYY-MM-DD", type=_date, help="tanggal terbit nomor baru (bawaan: hari ini)"
    )
    parser.set_defaults(handler=guarded(cmd_cetak_sertifikat))


def register_cetak_register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "register-sertifikat", help="buku register sertifikat (semua nomor, juga dicabut)"
    )
    parser.add_argument("--tahun", metavar="Y", type=int, help="tahun seri nomor (bawaan: tahun ini)")
    parser.add_argument("--kegiatan", metavar="ID", type=int, help="hanya sertifikat satu kegiatan")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="berkas PDF tujuan")
    parser.set_defaults(handler=guarded(cmd_cetak_register))


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("verifikasi", help="periksa keaslian sertifikat (teks QR atau nomor)")
    check.add_argument("teks", metavar="TEKS", help="teks QR 'SRT1:…' atau nomor sertifikat")
    check.set_defaults(handler=guarded(cmd_verifikasi))
    parser = subparsers.add_parser("sertifikat", help="register, pencabutan dan pemeriksaan sertifikat")
    sub = parser.add_subparsers(dest="sertifikat_command", metavar="AKSI", required=True)
    reg = sub.add_parser("register", help="register sertifikat satu kegiatan ke .xlsx")
    reg.add_argument("kegiatan", metavar="KEGIATAN", type=int)
    reg.add_argument("-o", "--output", metavar="R.xlsx", required=True)
    reg.set_defaults(handler=guarded(cmd_register_xlsx))
    revoke = sub.add_parser("cabut", help="cabut sertifikat (nomornya tetap tercatat)")
    revoke.add_argument("nomor", metavar="NOMOR")
    revoke.add_argument("--alasan", required=True, help="alasan pencabutan (wajib)")
    revoke.set_defaults(handler=guarded(cmd_cabut))
    check_print = sub.add_parser("periksa", help="daftar hal yang perlu dibetulkan sebelum mencetak")
    check_print.add_argument("kegiatan", metavar="KEGIATAN", type=int)
    check_print.set_defaults(handler=guarded(cmd_periksa))


def _unlock_if_needed() -> None:
    from db.services import sertifikat_keys

    if sertifikat_keys.key_state() != "terkunci":
        return
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None and sys.stdin.isatty():
        passphrase = getpass.getpass("Kata sandi kunci sertifikat: ")
    if passphrase is None:
        raise sertifikat_keys.KeyLocked()
    sertifikat_keys.unlock(passphrase)


def _progress(label: str):  # noqa: ANN202 - a small callback
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{label} {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return report


def cmd_cetak_sertifikat(args: argparse.Namespace) -> int:
    if not args.output and not args.per_peserta:
        return fail("sebutkan -o OUT.pdf dan/atau --per-peserta DIR")
    target = Path(args.output).expanduser().resolve() if args.output else None
    if target is not None and (target.suffix.lower() != ".pdf" or not target.parent.is_dir()):
        return fail("berkas keluaran harus berakhiran .pdf di folder yang sudah ada")
    from db.services.sertifikat_print import sertifikat_batch
    from db.services.sertifikat_terbit import terbitkan

    with open_store(args):
        _unlock_if_needed()
        result = terbitkan(args.kegiatan, args.tanggal or date.today())
        print(f"{len(result.baru)} nomor sertifikat baru diterbitkan ({result.sudah} sudah bernomor).")
        batch = sertifikat_batch(args.kegiatan)
    if target is not None:
        pages = batch.render_pdf(target, _progress("Sertifikat"))
        print(f"{pages} halaman ({len(batch.certificates)} sertifikat) ditulis ke {target}")
    if args.per_peserta:
        folder = Path(args.per_peserta).expanduser().resolve()
        written = batch.render_folder(folder, _progress("Berkas"), overwrite=args.timpa)
        print(f"{len(written)} berkas PDF per orang ditulis ke {folder}")
    return EXIT_OK


def cmd_cetak_register(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser().resolve()
    if target.suffix.lower() != ".pdf" or not target.parent.is_dir():
        return fail("berkas keluaran harus berakhiran .pdf di folder yang sudah ada")
    from db.services.sertifikat_register import register_pdf

    tahun = args.tahun if args.tahun or args.kegiatan else date.today().year
    with open_store(args):
        pages = register_pdf(target, tahun, args.kegiatan)
    print(f"{pages} halaman ditulis ke {target}")
    return EXIT_OK


def cmd_verifikasi(args: argparse.Namespace) -> int:
    from db.services.sertifikat_verifikasi import verifikasi

    with open_store(args):
        result = verifikasi(args.teks)
    print(f"{result.judul}: {result.keterangan}")
    if result.nama:
        print(f"Nama (ditandatangani): {result.nama}")
        print(f"Nomor: {result.nomor}")
        print(f"Kegiatan: {result.kegiatan}")
        if result.tanggal:
            print(f"Tanggal terbit: {result.tanggal:%d-%m-%Y}")
    elif result.kantor or result.kid:
        print(f"Kantor penerbit: {result.kantor or '-'} (kunci {result.kid})")
    return EXIT_OK if result.sah else EXIT_REJECTED


def cmd_register_xlsx(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser().resolve()
    if not target.parent.is_dir():
        return fail(f"folder {target.parent} tidak ada")
    from db.services.sertifikat_register import export_register_xlsx

    with open_store(args):
        count = export_register_xlsx(target, kegiatan_id=args.kegiatan)
    print(f"{count} sertifikat ditulis ke {target}")
    return EXIT_OK


def cmd_cabut(args: argparse.Namespace) -> int:
    from db.services.sertifikat_terbit import cabut_nomor

    with open_store(args):
        row = cabut_nomor(args.nomor, args.alasan)
    print(f"Sertifikat {row.nomor} ({row.nama}) dicabut.")
    return EXIT_OK


def cmd_periksa(args: argparse.Namespace) -> int:
    from db.services.sertifikat_periksa import periksa

    with open_store(args):
        problems = periksa(args.kegiatan)
    for problem in problems:
        print(f"- {problem}")
    if not problems:
        print("Siap dicetak: tidak ada masalah.")
    return EXIT_OK
