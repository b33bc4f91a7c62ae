"""The attendance summaries on paper: rekap kehadiran per asal and the daftar belum hadir of a day.

Same pattern as :mod:`db.services.kegiatan_print` (whose helpers it shares, kept there so the
page setup, phone masking and signer rules stay one): ``*_data`` reads the database, ``*_job``
returns the ReportLab-only render step for a worker thread, ``*_pdf`` does both (CLI, tests). The
numbers are those of :func:`db.services.kegiatan_rekap.rekap_asal` and
:func:`~db.services.kegiatan_rekap.belum_hadir`, so the screen and the paper agree.
"""

from __future__ import annotations

from datetime import date

from db.services.kegiatan import get_kegiatan
from db.services.kegiatan_print import (
    DEFAULT,
    PrintOptions,
    Render,
    Target,
    _block,
    _held_day,
    _phone,
    _range,
    _setup,
    _signer,
    kegiatan_info,
)  # fmt: skip
from db.services.kegiatan_rekap import belum_hadir, rekap_asal
from db.services.kehadiran import STATUS_LABEL, marks_for_hari
from db.services.peserta import roster_order
from db.services.print_data import kop_from_profile
from reports.data_kegiatan import AsalLine, BelumHadirRow, DaftarBelumHadir, RekapAsal
from reports.formatting import tanggal_panjang

NOT_RECORDED = "Belum tercatat"


# ------------------------------------------------------------------------------- per asal
def rekap_asal_data(kegiatan_id: int, options: PrintOptions = DEFAULT) -> RekapAsal:
    detail = get_kegiatan(kegiatan_id)
    info = kegiatan_info(detail)
    lines = tuple(
        AsalLine(no=n, asal=item.asal, jumlah=item.jumlah, hadir=item.hadir)
        for n, item in enumerate(rekap_asal(kegiatan_id), start=1)
    )
    labels = tuple(f"Hari {d.hari_ke}\n{d.tanggal:%d/%m}" for d in detail.hari_aktif)
    subtitle = " · ".join(p for p in (_range(info), info.tempat) if p)
    last = info.hari[-1] if info.hari else date.today()
    block = _block(_signer(detail, options), options.today or last, "Mengetahui,")
    return RekapAsal(info, labels, lines, subtitle, (block,) if block else ())


def rekap_asal_job(kegiatan_id: int, options: PrintOptions = DEFAULT) -> Render:
    from reports.rekap_asal import RekapAsalDocument, orientation_for

    data = rekap_asal_data(kegiatan_id, options)
    setup = _setup(options, orientation_for(len(data.days)))
    return RekapAsalDocument(data, setup, kop_from_profile()).render


def rekap_asal_pdf(kegiatan_id: int, target: Target, options: PrintOptions = DEFAULT) -> int:
    return rekap_asal_job(kegiatan_id, options)(target)


# ------------------------------------------------------------------------------- belum hadir
def belum_hadir_data(kegiatan_id: int, hari_ke: int, options: PrintOptions = DEFAULT) -> DaftarBelumHadir:
    """Everyone on the roster not marked hadir on held day ``hari_ke``, with their recorded status."""
    detail = get_kegiatan(kegiatan_id)
    day = _held_day(detail, hari_ke)
    marks = marks_for_hari(day.id)
    rows = tuple(
        BelumHadirRow(
            no=n,
            nama=p.nama,
            asal=p.asal,
            peran=p.peran,
            hp=_phone(p, options.hp),
            status=STATUS_LABEL[marks[p.id].status] if p.id in marks else NOT_RECORDED,
        )
        for n, p in enumerate(belum_hadir(day.id, options.order), start=1)
    )
    block = _block(_signer(detail, options), options.today or day.tanggal)
    total = len(roster_order(kegiatan_id, options.order))
    return DaftarBelumHadir(
        kegiatan_info(detail),
        day.hari_ke,
        tanggal_panjang(day.tanggal),
        rows,
        total,
        (block,) if block else (),
    )


def belum_hadir_job(kegiatan_id: int, hari_ke: int, options: PrintOptions = DEFAULT) -> Render:
    from reports.belum_hadir import BelumHadirDocument

    data = belum_hadir_data(kegiatan_id, hari_ke, options)
    return BelumHadirDocument(data, _setup(options), kop_from_profile()).render


def belum_hadir_pdf(kegiatan_id: int, target: Target, hari_ke: int, options: PrintOptions = DEFAULT) -> int:
    return belum_hadir_job(kegiatan_id, hari_ke, options)(target)
