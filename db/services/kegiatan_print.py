"""The bridge from a stored kegiatan to its printed documents (reports.data_kegiatan values, PDFs).

Rows come in the print order of :func:`db.services.peserta.roster_order` (the paper back-fill
follows the same order). The NIK never leaves this module: no document value has a NIK field.
Phone numbers are printed masked by default ("samar"), in full ("lengkap") or left blank for the
person to write ("kosong"). ReportLab is imported only when a PDF is made.

Each document has a ``*_job`` function that reads the database (call it on the GUI thread) and
returns the render step (:data:`Render`), which only lays out the gathered values — the UI runs it
on a worker thread so the window stays responsive. ``*_pdf`` does both at once (CLI, tests).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from db.errors import NotFound, ValidationError
from db.identity import format_phone
from db.masking import mask_phone
from db.services.kegiatan import HariRow, KegiatanDetail, get_kegiatan
from db.services.kegiatan_rekap import rekap_peserta
from db.services.peserta import PesertaRow, roster_order
from db.services.print_data import kop_from_profile, page_setup, signatory_for_print, signing_place, time_zone
from reports.data import PageSetup, Signatory, SignatureBlock
from reports.data_kegiatan import (
    AttendanceSheet,
    DaftarPeserta,
    KegiatanInfo,
    NameTag,
    NameTagSet,
    RekapKehadiran,
    RekapLine,
    RosterRow,
    SheetRow,
    TandaTerima,
    TerimaRow,
)  # fmt: skip
from reports.formatting import rentang_tanggal, tanggal_panjang, tempat_tanggal

PESERTA = ("Peserta", "Undangan")
PANITIA = ("Narasumber", "Moderator", "Panitia")
HP_MODES = ("samar", "lengkap", "kosong")
Target = str | os.PathLike[str]
Render = Callable[[Target], int]  # the render step alone: ReportLab only, no DB (safe off the GUI thread)


@dataclass(frozen=True)
class PrintOptions:
    """Choices shared by the kegiatan printouts (CLI flags, print dialog)."""

    kertas: str = ""  # "" = the office profile's paper
    order: str = "asal"  # or "nomor"
    hp: str = "samar"
    blank_rows: int = 0
    signatory_id: int | None = None  # "Mengetahui," (else the Ketua Panitia named on the kegiatan)
    today: date | None = None


DEFAULT = PrintOptions()


# ------------------------------------------------------------------------------- helpers
def kegiatan_info(detail: KegiatanDetail) -> KegiatanInfo:
    form = detail.form
    return KegiatanInfo(
        nama=form.nama,
        jenis=form.jenis,
        tempat=form.tempat,
        alamat=form.alamat,
        hari=tuple(h.tanggal for h in detail.hari_aktif),
        penyelenggara=form.penyelenggara,
    )


def _setup(options: PrintOptions, orientation: str = "portrait") -> PageSetup:
    setup = page_setup(orientation)
    return replace(setup, paper=options.kertas.upper()) if options.kertas else setup


def _phone(row: PesertaRow, mode: str) -> str:
    if mode not in HP_MODES:
        raise ValidationError(f"Pilihan nomor HP harus {', '.join(HP_MODES)}.", "hp")
    if mode == "kosong" or not row.hp:
        return ""
    shown = format_phone(row.hp)
    return shown if mode == "lengkap" else mask_phone(shown)


def _jabatan(row: PesertaRow) -> str:
    """The Jabatan/Unsur cell: the jabatan, else the instansi, else the peran (the Asal column
    already names the kelurahan or OPD, so the instansi is not repeated beside the jabatan)."""
    return row.jabatan or row.instansi or row.peran


def _held_day(detail: KegiatanDetail, hari_ke: int) -> HariRow:
    for day in detail.hari_aktif:
        if day.hari_ke == hari_ke:
            return day
    held = ", ".join(str(d.hari_ke) for d in detail.hari_aktif) or "tidak ada"
    raise NotFound(
        f"Hari ke-{hari_ke} tidak ada atau dilewati pada kegiatan ini (hari yang berjalan: {held})."
    )


def _waktu(day: HariRow) -> str:
    zone = time_zone()
    start, end = day.jam_mulai.replace(":", "."), day.jam_selesai.replace(":", ".")
    if start and end:
        return f"{start} – {end} {zone}"
    return f"{start or end} {zone}".strip() if (start or end) else ""


def _signer(detail: KegiatanDetail, options: PrintOptions) -> Signatory | None:
    if options.signatory_id is not None:
        return signatory_for_print(options.signatory_id)
    if detail.form.ketua_panitia.strip():
        return Signatory(nama=detail.form.ketua_panitia.strip(), jabatan="Ketua Panitia")
    return None


def _block(signer: Signatory | None, day: date, heading: str = "") -> SignatureBlock | None:
    return SignatureBlock(signer, tempat_tanggal(signing_place(), day), heading) if signer else None


# ------------------------------------------------------------------------------- daftar hadir
def daftar_hadir_sheets(
    kegiatan_id: int, hari_ke: int | None = None, options: PrintOptions = DEFAULT
) -> list[AttendanceSheet]:
    """The sheets of one held day (``hari_ke``) or of every held day: peserta, then narasumber and
    panitia when there are any. Blank rows go on the peserta sheet."""
    detail = get_kegiatan(kegiatan_id)
    days = [_held_day(detail, hari_ke)] if hari_ke is not None else list(detail.hari_aktif)
    if not days:
        raise ValidationError("Kegiatan ini belum punya hari pelaksanaan.", "hari")
    info = kegiatan_info(detail)
    signer = _signer(detail, options)
    groups = [("DAFTAR HADIR PESERTA", roster_order(kegiatan_id, options.order, PESERTA), options.blank_rows)]
    staff = roster_order(kegiatan_id, options.order, PANITIA)
    if staff:
        groups.append(("DAFTAR HADIR NARASUMBER DAN PANITIA", staff, 0))
    sheets = []
    for day in days:
        for judul, people, blank in groups:
            rows = tuple(
                SheetRow(
                    no=n,
                    nama=p.nama,
                    jabatan=_jabatan(p),
                    asal=p.asal,
                    hp=_phone(p, options.hp),
                    peran=p.peran,
                )
                for n, p in enumerate(people, start=1)
            )
            sheets.append(
                AttendanceSheet(
                    info,
                    judul,
                    day.hari_ke if len(detail.hari) > 1 else 0,  # a one-day rakor has no "Hari ke-1"
                    tanggal_panjang(day.tanggal),
                    _waktu(day),
                    rows,
                    blank,
                    _block(signer, day.tanggal, "Mengetahui,"),
                )
            )
    return sheets


def daftar_hadir_job(kegiatan_id: int, hari_ke: int | None = None, options: PrintOptions = DEFAULT) -> Render:
    from reports.daftar_hadir import DaftarHadirDocument

    sheets = daftar_hadir_sheets(kegiatan_id, hari_ke, options)
    return DaftarHadirDocument(sheets, _setup(options), kop_from_profile()).render


def daftar_hadir_pdf(
    kegiatan_id: int, target: Target, hari_ke: int | None = None, options: PrintOptions = DEFAULT
) -> int:
    """Write the daftar hadir to ``target``; returns the page count."""
    return daftar_hadir_job(kegiatan_id, hari_ke, options)(target)


# ------------------------------------------------------------------------------- rekap
def rekap_kehadiran_data(kegiatan_id: int, options: PrintOptions = DEFAULT) -> RekapKehadiran:
    detail = get_kegiatan(kegiatan_id)
    rekap = rekap_peserta(kegiatan_id, options.order)
    lines = tuple(
        RekapLine(no=n, nama=item.peserta.nama, asal=item.peserta.asal, statuses=item.status)
        for n, item in enumerate(rekap.peserta, start=1)
    )
    labels = tuple(f"Hari {d.hari_ke}\n{d.tanggal:%d/%m}" for d in rekap.hari)
    info = kegiatan_info(detail)
    subtitle = " · ".join(p for p in (_range(info), info.tempat) if p)
    last = rekap.hari[-1].tanggal if rekap.hari else (options.today or date.today())
    block = _block(_signer(detail, options), options.today or last, "Mengetahui,")
    return RekapKehadiran(info, labels, lines, subtitle, (block,) if block else ())


def rekap_kehadiran_job(kegiatan_id: int, options: PrintOptions = DEFAULT) -> Render:
    from reports.rekap_kehadiran import RekapKehadiranDocument

    data = rekap_kehadiran_data(kegiatan_id, options)
    return RekapKehadiranDocument(data, _setup(options, "landscape"), kop_from_profile()).render


def rekap_kehadiran_pdf(kegiatan_id: int, target: Target, options: PrintOptions = DEFAULT) -> int:
    return rekap_kehadiran_job(kegiatan_id, options)(target)


def _range(info: KegiatanInfo) -> str:
    return rentang_tanggal(info.hari[0], info.hari[-1]) if info.hari else ""


# ------------------------------------------------------------------------------- name tags
def tanda_pengenal_data(kegiatan_id: int, options: PrintOptions = DEFAULT) -> NameTagSet:
    detail = get_kegiatan(kegiatan_id)
    info = kegiatan_info(detail)
    people = roster_order(kegiatan_id, options.order)
    tags = tuple(
        NameTag(nama=p.nama, asal=p.asal, peran=p.peran, kode=p.kode, jabatan=p.jabatan) for p in people
    )
    return NameTagSet(info.nama, " · ".join(x for x in (_range(info), info.tempat) if x), tags)


TAG_MARGIN_MM = 10.0  # tags use the sheet nearly to its edges; the cut marks need no binding margin


def tanda_pengenal_job(kegiatan_id: int, options: PrintOptions = DEFAULT) -> Render:
    from reports.tanda_pengenal import TandaPengenalDocument

    setup = replace(
        _setup(options),
        margin_top=TAG_MARGIN_MM,
        margin_bottom=TAG_MARGIN_MM,
        margin_left=TAG_MARGIN_MM,
        margin_right=TAG_MARGIN_MM,
    )
    return TandaPengenalDocument(tanda_pengenal_data(kegiatan_id, options), setup).render


def tanda_pengenal_pdf(kegiatan_id: int, target: Target, options: PrintOptions = DEFAULT) -> int:
    return tanda_pengenal_job(kegiatan_id, options)(target)


# ------------------------------------------------------------------------------- daftar peserta
def daftar_peserta_data(kegiatan_id: int, options: PrintOptions = DEFAULT) -> DaftarPeserta:
    detail = get_kegiatan(kegiatan_id)
    info = kegiatan_info(detail)
    rows = tuple(
        RosterRow(
            no=n,
            nama=p.nama,
            jenis_kelamin=p.jenis_kelamin or "–",
            jabatan=_jabatan(p),
            asal=p.asal,
            hp=_phone(p, options.hp),
            peran=p.peran,
            kode=p.kode,
        )
        for n, p in enumerate(roster_order(kegiatan_id, options.order), start=1)
    )
    block = _block(_signer(detail, options), options.today or date.today())
    subtitle = " · ".join(x for x in (_range(info), info.tempat) if x)
    return DaftarPeserta(info, subtitle, rows, (block,) if block else ())


def daftar_peserta_job(kegiatan_id: int, options: PrintOptions = DEFAULT) -> Render:
    from reports.daftar_peserta import DaftarPesertaDocument

    return DaftarPesertaDocument(
        daftar_peserta_data(kegiatan_id, options), _setup(options), kop_from_profile()
    ).render


def daftar_peserta_pdf(kegiatan_id: int, target: Target, options: PrintOptions = DEFAULT) -> int:
    return daftar_peserta_job(kegiatan_id, options)(target)


# ------------------------------------------------------------------------------- tanda terima
TERIMA_JENIS = {
    # jenis → (title, the roles paid under it)
    "transport": ("DAFTAR PENERIMAAN UANG TRANSPORT", ("Peserta", "Undangan", "Panitia")),
    "honorarium": ("DAFTAR PENERIMAAN HONORARIUM", ("Narasumber", "Moderator")),
}
BLANK_NAME = "(" + "." * 40 + ")"  # written in by hand when no signatory is chosen


@dataclass(frozen=True)
class TerimaOptions:
    jenis: str = "transport"
    hari_ke: int | None = None  # one day, or the whole kegiatan
    ppk_id: int | None = None  # Pejabat Pembuat Komitmen
    bendahara_id: int | None = None  # Bendahara Pengeluaran


DEFAULT_TERIMA = TerimaOptions()


def _officer(signatory_id: int | None, jabatan: str) -> Signatory:
    return signatory_for_print(signatory_id) if signatory_id is not None else Signatory(BLANK_NAME, jabatan)


def _volume(statuses: tuple[str, ...], satuan: str) -> int:
    present = statuses.count("hadir")
    return present if satuan == "hari" else min(present, 1)


def tanda_terima_data(
    kegiatan_id: int, terima: TerimaOptions = DEFAULT_TERIMA, options: PrintOptions = DEFAULT
) -> TandaTerima:
    """Who is paid (peran with an amount set on the kegiatan, present at least once in the period),
    ``hadir`` days × the amount per day, or once per kegiatan when the kegiatan pays per kegiatan."""
    if terima.jenis not in TERIMA_JENIS:
        raise ValidationError(f"Jenis tanda terima harus {' atau '.join(TERIMA_JENIS)}.", "jenis")
    judul, roles = TERIMA_JENIS[terima.jenis]
    detail = get_kegiatan(kegiatan_id)
    rates, satuan = detail.form.uang_peran, detail.form.uang_satuan
    rekap = rekap_peserta(kegiatan_id, options.order)
    columns = range(len(rekap.hari))
    if terima.hari_ke is not None:
        day = _held_day(detail, terima.hari_ke)
        columns = [i for i, d in enumerate(rekap.hari) if d.id == day.id]
    rows, number = [], 0
    for item in rekap.peserta:
        person = item.peserta
        rate = int(rates.get(person.peran, 0) or 0)
        per = satuan if terima.hari_ke is None else "kegiatan"  # one day pays once
        volume = _volume(tuple(item.status[i] for i in columns), per)
        if person.peran not in roles or rate <= 0 or volume <= 0:
            continue
        number += 1
        rows.append(
            TerimaRow(
                number, person.nama, person.jabatan or person.peran, person.asal, person.peran, volume, rate
            )
        )
    info = kegiatan_info(detail)
    dates = [rekap.hari[i].tanggal for i in columns]
    when = rentang_tanggal(dates[0], dates[-1]) if dates else ""
    period = f"hari ke-{terima.hari_ke}, {when}" if terima.hari_ke is not None else when
    uraian = f"{judul.removeprefix('DAFTAR PENERIMAAN ').capitalize()} {info.nama}"
    uraian += f", {period}" if period else ""
    signed_on = options.today or (dates[-1] if dates else date.today())
    return TandaTerima(
        kegiatan=info,
        judul=judul,
        uraian=uraian,
        satuan="hari" if satuan == "hari" and terima.hari_ke is None else "",
        rows=tuple(rows),
        pembuat=_block(_signer(detail, options) or Signatory(BLANK_NAME, "Ketua Panitia"), signed_on),
        penyetuju=SignatureBlock(
            _officer(terima.ppk_id, "Pejabat Pembuat Komitmen"), heading="Mengetahui/Menyetujui,"
        ),
        bendahara=SignatureBlock(
            _officer(terima.bendahara_id, "Bendahara Pengeluaran"), heading="Lunas dibayar,"
        ),
        sumber_dana=detail.form.sumber_dana,
    )


def tanda_terima_job(
    kegiatan_id: int, terima: TerimaOptions = DEFAULT_TERIMA, options: PrintOptions = DEFAULT
) -> Render:
    from reports.tanda_terima import TandaTerimaDocument

    data = tanda_terima_data(kegiatan_id, terima, options)
    return TandaTerimaDocument(data, _setup(options), kop_from_profile()).render


def tanda_terima_pdf(
    kegiatan_id: int, target: Target, terima: TerimaOptions = DEFAULT_TERIMA, options: PrintOptions = DEFAULT
) -> int:
    return tanda_terima_job(kegiatan_id, terima, options)(target)
