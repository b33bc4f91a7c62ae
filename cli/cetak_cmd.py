"""``cetak DOKUMEN KEGIATAN -o OUT.pdf``: print the kegiatan documents to PDF.

``cetak daftar-hadir KEGIATAN [--hari N] -o OUT.pdf [--kertas a4|f4]``, ``cetak rekap-kehadiran``,
``cetak rekap-asal``, ``cetak belum-hadir KEGIATAN --hari N``, ``cetak tanda-pengenal``,
``cetak tanda-terima`` and ``cetak daftar-peserta``. Each document is one
sub-parser added by one function in :data:`ACTIONS`; a later issue adds its document (sertifikat,
notulen …) as one more function there. The PDF is written atomically; the page count is printed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli.agenda_cmd import register_cetak_agenda
from cli.common import EXIT_OK, fail, guarded, open_store
from cli.notulen_cmd import register_cetak_notulen
from cli.rencana_aksi_cmd import register_cetak_monev, register_cetak_rencana_aksi
from cli.sertifikat_cmd import register_cetak_register, register_cetak_sertifikat


def _common(parser: argparse.ArgumentParser, *, hp: bool = False, signer: bool = True) -> None:
    parser.add_argument("kegiatan", metavar="KEGIATAN", type=int, help="id kegiatan (lihat: kegiatan list)")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="berkas PDF tujuan")
    parser.add_argument("--kertas", choices=("a4", "f4"), help="ukuran kertas (bawaan: pengaturan kantor)")
    parser.add_argument(
        "--urutan",
        choices=("asal", "nomor"),
        default="asal",
        help="urut menurut asal lalu nama (bawaan) atau nomor urut peserta",
    )
    if hp:
        parser.add_argument(
            "--hp",
            choices=("samar", "lengkap", "kosong"),
            default="samar",
            help="nomor HP disamarkan (bawaan), lengkap, atau dikosongkan untuk diisi tangan",
        )
    if signer:
        parser.add_argument(
            "--penandatangan",
            metavar="ID",
            type=int,
            help="penandatangan 'Mengetahui,' (bawaan: ketua panitia kegiatan)",
        )


def _register_daftar_hadir(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("daftar-hadir", help="daftar hadir per hari (tanda tangan zig-zag)")
    _common(parser, hp=True)
    parser.add_argument("--hari", metavar="N", type=int, help="hari ke-N saja (tanpa ini: semua hari)")
    parser.add_argument(
        "--baris-kosong",
        metavar="N",
        type=int,
        default=0,
        help="baris bernomor kosong di akhir untuk peserta yang datang tanpa terdaftar",
    )
    parser.set_defaults(handler=guarded(cmd_daftar_hadir))


def _register_rekap(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rekap-kehadiran", help="rekap kehadiran peserta × hari (lanskap)")
    _common(parser)
    parser.set_defaults(handler=guarded(cmd_rekap))


def _register_rekap_asal(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rekap-asal", help="rekap kehadiran per asal: hadir/diharapkan per hari")
    _common(parser)
    parser.set_defaults(handler=guarded(cmd_rekap_asal))


def _register_belum_hadir(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("belum-hadir", help="daftar peserta yang belum hadir pada satu hari")
    _common(parser, hp=True)
    parser.add_argument("--hari", metavar="N", type=int, required=True, help="hari ke-N")
    parser.set_defaults(handler=guarded(cmd_belum_hadir))


def _register_tanda_pengenal(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("tanda-pengenal", help="tanda pengenal dengan kode QR, 8 per halaman")
    _common(parser, signer=False)
    parser.set_defaults(handler=guarded(cmd_tanda_pengenal))


def _register_daftar_peserta(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("daftar-peserta", help="daftar peserta kegiatan")
    _common(parser, hp=True)
    parser.set_defaults(handler=guarded(cmd_daftar_peserta))


def _register_tanda_terima(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("tanda-terima", help="daftar penerimaan uang transport atau honorarium")
    _common(parser)
    parser.add_argument(
        "--jenis",
        choices=("transport", "honorarium"),
        default="transport",
        help="uang transport (peserta, undangan, panitia) atau honorarium (narasumber, moderator)",
    )
    parser.add_argument("--hari", metavar="N", type=int, help="hari ke-N saja (tanpa ini: seluruh kegiatan)")
    parser.add_argument("--ppk", metavar="ID", type=int, help="penandatangan Pejabat Pembuat Komitmen")
    parser.add_argument("--bendahara", metavar="ID", type=int, help="penandatangan Bendahara Pengeluaran")
    parser.set_defaults(handler=guarded(cmd_tanda_terima))


ACTIONS: tuple[Callable[[argparse._SubParsersAction], object], ...] = (
    _register_daftar_hadir,
    _register_rekap,
    _register_rekap_asal,
    _register_belum_hadir,
    _register_tanda_pengenal,
    _register_daftar_peserta,
    _register_tanda_terima,
    register_cetak_rencana_aksi,
    register_cetak_monev,
    register_cetak_agenda,
    register_cetak_sertifikat,
    register_cetak_register,
    register_cetak_notulen,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("cetak", help="cetak dokumen kegiatan ke PDF")
    sub = parser.add_subparsers(dest="cetak_command", metavar="DOKUMEN", required=True)
    for add_action in ACTIONS:
        add_action(sub)


def _options(args: argparse.Namespace):  # noqa: ANN202 - the type lives in db (imported lazily)
    from db.services.kegiatan_print import PrintOptions

    return PrintOptions(
        kertas=args.kertas or "",
        order=args.urutan,
        hp=getattr(args, "hp", "samar"),
        blank_rows=getattr(args, "baris_kosong", 0) or 0,
        signatory_id=getattr(args, "penandatangan", None),
    )


def _run(args: argparse.Namespace, make: Callable[[Path], int]) -> int:
    """Check the output path, open the data folder, write the PDF, report the page count."""
    target = Path(args.output).expanduser().resolve()
    if target.suffix.lower() != ".pdf":
        return fail("nama berkas keluaran harus berakhiran .pdf")
    if not target.parent.is_dir():
        return fail(f"folder {target.parent} tidak ada")
    if getattr(args, "baris_kosong", 0) < 0:
        return fail("jumlah baris kosong tidak boleh negatif")
    with open_store(args):
        pages = make(target)
    print(f"{pages} halaman ditulis ke {target}")
    return EXIT_OK


def cmd_daftar_hadir(args: argparse.Namespace) -> int:
    from db.services.kegiatan_print import daftar_hadir_pdf

    return _run(args, lambda target: daftar_hadir_pdf(args.kegiatan, target, args.hari, _options(args)))


def cmd_rekap(args: argparse.Namespace) -> int:
    from db.services.kegiatan_print import rekap_kehadiran_pdf

    return _run(args, lambda target: rekap_kehadiran_pdf(args.kegiatan, target, _options(args)))


def cmd_rekap_asal(args: argparse.Namespace) -> int:
    from db.services.kegiatan_print_rekap import rekap_asal_pdf

    return _run(args, lambda target: rekap_asal_pdf(args.kegiatan, target, _options(args)))


def cmd_belum_hadir(args: argparse.Namespace) -> int:
    from db.services.kegiatan_print_rekap import belum_hadir_pdf

    return _run(args, lambda target: belum_hadir_pdf(args.kegiatan, target, args.hari, _options(args)))


def cmd_tanda_pengenal(args: argparse.Namespace) -> int:
    from db.services.kegiatan_print import tanda_pengenal_pdf

    return _run(args, lambda target: tanda_pengenal_pdf(args.kegiatan, target, _options(args)))


def cmd_daftar_peserta(args: argparse.Namespace) -> int:
    from db.services.kegiatan_print import daftar_peserta_pdf

    return _run(args, lambda target: daftar_peserta_pdf(args.kegiatan, target, _options(args)))


def cmd_tanda_terima(args: argparse.Namespace) -> int:
    from db.services.kegiatan_print import TerimaOptions, tanda_terima_pdf

    terima = TerimaOptions(jenis=args.jenis, hari_ke=args.hari, ppk_id=args.ppk, bendahara_id=args.bendahara)
    return _run(args, lambda target: tanda_terima_pdf(args.kegiatan, target, terima, _options(args)))
