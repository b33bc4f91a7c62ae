"""``kegiatan list|create``, ``peserta list`` and ``hadir``: kegiatan, roster and attendance.

``peserta`` actions are the entries of :data:`PESERTA_ACTIONS` (``peserta import`` is one more
entry, in its own module); ``kegiatan`` actions likewise in :data:`KEGIATAN_ACTIONS`.
KEGIATAN is the number shown by ``kegiatan list``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date

from cli.common import EXIT_OK, fail, guarded, open_store, print_json
from cli.peserta_import_cmd import register_export as register_peserta_export
from cli.peserta_import_cmd import register_import as register_peserta_import

Register = Callable[[argparse._SubParsersAction], object]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' harus berbentuk TTTT-BB-HH") from None


def _register_kegiatan_list(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("list", help="tampilkan kegiatan (yang belum lewat lebih dulu)")
    parser.add_argument("--json", action="store_true", help="satu objek JSON per kegiatan")
    parser.set_defaults(handler=guarded(cmd_kegiatan_list))


def _register_kegiatan_create(sub: argparse._SubParsersAction) -> None:
    from db.services.kegiatan import JENIS_KEGIATAN

    parser = sub.add_parser("create", help="buat kegiatan baru; mencetak nomornya")
    parser.add_argument("--jenis", required=True, help="salah satu dari: " + ", ".join(JENIS_KEGIATAN))
    parser.add_argument("--nama", required=True, help="nama kegiatan")
    parser.add_argument("--mulai", required=True, type=_date, metavar="TTTT-BB-HH", help="tanggal mulai")
    parser.add_argument("--selesai", required=True, type=_date, metavar="TTTT-BB-HH", help="tanggal selesai")
    parser.add_argument("--tempat", default="", help="tempat kegiatan")
    parser.set_defaults(handler=guarded(cmd_kegiatan_create))


def _register_peserta_list(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("list", help="daftar peserta kegiatan (NIK disamarkan; --json: NIK lengkap)")
    parser.add_argument("kegiatan", type=int, metavar="KEGIATAN", help="nomor kegiatan")
    parser.add_argument("--json", action="store_true", help="satu objek JSON per peserta, dengan NIK lengkap")
    parser.set_defaults(handler=guarded(cmd_peserta_list))


KEGIATAN_ACTIONS: tuple[Register, ...] = (_register_kegiatan_list, _register_kegiatan_create)
PESERTA_ACTIONS: tuple[Register, ...] = (
    _register_peserta_list,
    register_peserta_import,
    register_peserta_export,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    kegiatan = subparsers.add_parser("kegiatan", help="daftar dan pembuatan kegiatan")
    sub = kegiatan.add_subparsers(dest="kegiatan_command", metavar="AKSI", required=True)
    for add_action in KEGIATAN_ACTIONS:
        add_action(sub)
    peserta = subparsers.add_parser("peserta", help="peserta kegiatan")
    sub = peserta.add_subparsers(dest="peserta_command", metavar="AKSI", required=True)
    for add_action in PESERTA_ACTIONS:
        add_action(sub)
    hadir = subparsers.add_parser("hadir", help="catat kehadiran peserta pada satu hari kegiatan")
    hadir.add_argument("kegiatan", type=int, metavar="KEGIATAN", help="nomor kegiatan")
    hadir.add_argument(
        "--hari", type=int, required=True, metavar="N", help="hari ke-N kegiatan (1 = hari pertama)"
    )
    who = hadir.add_mutually_exclusive_group(required=True)
    who.add_argument("--kode", nargs="+", metavar="KODE", help="kode peserta (seperti pada tanda pengenal)")
    who.add_argument("--semua", action="store_true", help="semua peserta kegiatan")
    hadir.add_argument("--status", default="hadir", choices=("hadir", "izin", "sakit", "alpa"))
    hadir.set_defaults(handler=guarded(cmd_hadir))


def cmd_kegiatan_list(args: argparse.Namespace) -> int:
    from db.services.kegiatan import list_kegiatan

    with open_store(args):
        rows = list_kegiatan()
    if args.json:
        print_json([asdict(row) for row in rows])
        return EXIT_OK
    for row in rows:
        sys.stdout.write(
            f"{row.id:>5}  {row.tanggal_mulai:%d-%m-%Y} s.d. {row.tanggal_selesai:%d-%m-%Y}  {row.jenis:<16}  "
            f"{row.nama[:50]:<50}  {row.jumlah_peserta:>4} peserta  {row.status}\n"
        )
    sys.stdout.write(f"Jumlah: {len(rows)} kegiatan\n")
    return EXIT_OK


def cmd_kegiatan_create(args: argparse.Namespace) -> int:
    from db.services.kegiatan import KegiatanForm, save_kegiatan

    form = KegiatanForm(jenis=args.jenis, nama=args.nama, tanggal_mulai=args.mulai, tanggal_selesai=args.selesai,
                        tempat=args.tempat)  # fmt: skip
    with open_store(args):
        kegiatan_id = save_kegiatan(form)
    print(kegiatan_id)
    return EXIT_OK


def cmd_peserta_list(args: argparse.Namespace) -> int:
    from db.identity import format_phone
    from db.masking import mask_nik
    from db.services.kegiatan import get_kegiatan
    from db.services.peserta_search import list_peserta

    with open_store(args):
        get_kegiatan(args.kegiatan)
        rows = list_peserta(args.kegiatan)
    if args.json:
        print_json([asdict(row) for row in rows])
        return EXIT_OK
    for row in rows:
        sys.stdout.write(
            f"{row.no_urut:>4}  {row.kode}  {row.nama[:40]:<40}  {mask_nik(row.nik):<16}  {row.asal[:30]:<30}  "
            f"{format_phone(row.hp):<15}  {row.peran}\n"
        )
    sys.stdout.write(f"Jumlah: {len(rows)} peserta\n")
    return EXIT_OK


def cmd_hadir(args: argparse.Namespace) -> int:
    from db.services.kegiatan import hari_by_number
    from db.services.kehadiran import STATUS_LABEL, set_status_bulk
    from db.services.peserta import roster

    with open_store(args):
        hari = hari_by_number(args.kegiatan, args.hari)
        if hari.dilewati:
            return fail(f"hari ke-{hari.hari_ke} ({hari.tanggal:%d-%m-%Y}) dilewati; tidak ada kehadiran")
        people = roster(args.kegiatan)
        if args.semua:
            chosen = [p.id for p in people]
        else:
            by_code = {p.kode: p.id for p in people}
            wanted = [code.strip().upper() for code in args.kode]
            unknown = [code for code in wanted if code not in by_code]
            if unknown:
                return fail(
                    "kode tidak dikenal di kegiatan ini: " + ", ".join(unknown) + "; tidak ada yang dicatat"
                )
            chosen = list(dict.fromkeys(by_code[code] for code in wanted))
        changed = set_status_bulk([(pid, hari.id, args.status) for pid in chosen])
    print(
        f"{len(chosen)} peserta {STATUS_LABEL[args.status].lower()} pada hari ke-{hari.hari_ke} "
        f"({hari.tanggal:%d-%m-%Y}); {changed} catatan berubah."
    )
    return EXIT_OK
