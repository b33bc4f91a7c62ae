"""The bridge from a kegiatan's agenda and undangan to their PDFs, and the rakor's status table of
open rencana aksi.

Same pattern as :mod:`db.services.kegiatan_print`: each ``*_job`` reads the database (call it on
the GUI thread) and returns the render step, which only lays out the gathered values and may run
on a worker thread; ``*_pdf`` does both (CLI, tests). ReportLab is imported only when a PDF is made.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from db.errors import NotFound
from db.services.agenda import list_agenda, materi_rows
from db.services.kegiatan import KegiatanDetail, get_kegiatan
from db.services.kegiatan_print import Render, Target
from db.services.print_data import kop_from_profile, page_setup, signatory_for_print, signing_place, time_zone
from db.services.rencana_aksi import RencanaAksiFilter, group_items, list_rencana_aksi
from db.services.rencana_aksi_print import matriks_line
from db.services.undangan import compose_nomor, get_undangan
from reports.data import PageSetup, SignatureBlock
from reports.data_agenda import AcaraLine, AgendaDay, MateriJpl, SusunanAcara, Undangan
from reports.formatting import hari, jam, rentang_tanggal, rupiah, tanggal, tanggal_panjang, tempat_tanggal
from reports.rencana_aksi import MatriksGroup, MatriksRencanaAksi


def _setup(kertas: str = "", orientation: str = "portrait") -> PageSetup:
    setup = page_setup(orientation)
    return replace(setup, paper=kertas.upper()) if kertas else setup


def _subjudul(detail: KegiatanDetail) -> str:
    form = detail.form
    days = detail.hari_aktif
    when = rentang_tanggal(days[0].tanggal, days[-1].tanggal) if days else ""
    return " · ".join(p for p in (when, form.tempat) if p)


def _signatures(signatory_id: int | None, day: date) -> tuple[SignatureBlock, ...]:
    if signatory_id is None:
        return ()
    return (SignatureBlock(signatory_for_print(signatory_id), tempat_tanggal(signing_place(), day)),)


# ------------------------------------------------------------------------------- susunan acara
def susunan_acara_data(kegiatan_id: int, signatory_id: int | None = None) -> SusunanAcara:
    """Every day that has items, in order; a one-day kegiatan's heading is just its date."""
    detail = get_kegiatan(kegiatan_id)
    dates = {h.hari_ke: h.tanggal for h in detail.hari}
    rows = list_agenda(kegiatan_id)
    days = []
    for hari_ke in sorted({r.hari_ke for r in rows}):
        when = tanggal_panjang(dates[hari_ke]) if hari_ke in dates else ""
        judul = (
            when
            if len(detail.hari) == 1 and when
            else " — ".join(p for p in (f"Hari ke-{hari_ke}", when) if p)
        )
        lines = tuple(
            AcaraLine(r.waktu, "\n".join(p for p in (r.acara, r.catatan) if p), r.narasumber, r.moderator)
            for r in rows
            if r.hari_ke == hari_ke
        )
        days.append(AgendaDay(judul, lines))
    last = detail.hari[-1].tanggal if detail.hari else date.today()
    return SusunanAcara(
        detail.form.nama, _subjudul(detail), tuple(days), _signatures(signatory_id, last), time_zone()
    )


def susunan_acara_job(kegiatan_id: int, kertas: str = "", signatory_id: int | None = None) -> Render:
    from reports.susunan_acara import SusunanAcaraDocument

    data = susunan_acara_data(kegiatan_id, signatory_id)
    return SusunanAcaraDocument(data, _setup(kertas), kop_from_profile()).render


def susunan_acara_pdf(
    kegiatan_id: int, target: Target, kertas: str = "", signatory_id: int | None = None
) -> int:
    return susunan_acara_job(kegiatan_id, kertas, signatory_id)(target)


# ------------------------------------------------------------------------------- materi / JPL
def materi_data(kegiatan_id: int, signatory_id: int | None = None) -> MateriJpl:
    detail = get_kegiatan(kegiatan_id)
    last = detail.hari[-1].tanggal if detail.hari else date.today()
    return MateriJpl(
        detail.form.nama, _subjudul(detail), materi_rows(kegiatan_id), _signatures(signatory_id, last)
    )


def materi_job(kegiatan_id: int, kertas: str = "", signatory_id: int | None = None) -> Render:
    from reports.susunan_acara import MateriJplDocument

    data = materi_data(kegiatan_id, signatory_id)
    return MateriJplDocument(data, _setup(kertas), kop_from_profile()).render


def materi_pdf(kegiatan_id: int, target: Target, kertas: str = "", signatory_id: int | None = None) -> int:
    return materi_job(kegiatan_id, kertas, signatory_id)(target)


# ------------------------------------------------------------------------------- undangan
def _hari_tanggal(detail: KegiatanDetail) -> str:
    """``Senin, 23 November 2026`` or ``Senin s.d. Rabu, 23–25 November 2026``."""
    days = detail.hari_aktif or detail.hari
    if not days:
        return ""
    first, last = days[0].tanggal, days[-1].tanggal
    if first == last:
        return tanggal_panjang(first)
    return f"{hari(first)} s.d. {hari(last)}, {rentang_tanggal(first, last)}"


def _pukul(detail: KegiatanDetail) -> str:
    days = detail.hari_aktif or detail.hari
    start = days[0].jam_mulai if days else ""
    if not start:
        return ""
    hours, minutes = (int(x) for x in start.split(":"))
    return f"{jam(time(hours, minutes), time_zone())} s.d. selesai"


def undangan_data(kegiatan_id: int) -> Undangan:
    """The saved letter (else the defaults) with hari/tanggal, pukul and tempat from the kegiatan."""
    detail = get_kegiatan(kegiatan_id)
    form = get_undangan(kegiatan_id)
    surat = form.tanggal or date.today()
    nomor = (
        compose_nomor(form.nomor_pola, form.nomor_urut, form.kode_unit, surat)
        if form.nomor_pola
        else form.nomor
    )
    tempat = "\n".join(p for p in (detail.form.tempat, detail.form.alamat) if p)
    rincian = (
        ("Hari/tanggal", _hari_tanggal(detail)),
        ("Pukul", _pukul(detail)),
        ("Tempat", tempat),
        ("Acara", form.acara or detail.form.nama),
    )
    signature = None
    if form.penandatangan_id is not None:
        try:
            signature = SignatureBlock(signatory_for_print(form.penandatangan_id))
        except NotFound:
            signature = None
    return Undangan(
        nomor=nomor,
        sifat=form.sifat,
        lampiran=form.lampiran or "-",
        hal=form.hal,
        tempat_tanggal=tempat_tanggal(signing_place(), surat),
        kepada=tuple(form.kepada.splitlines()),
        pembuka=form.pembuka,
        rincian=tuple((k, v) for k, v in rincian if v),
        penutup=form.penutup,
        signature=signature,
        tembusan=tuple(line for line in form.tembusan.splitlines() if line.strip()),
    )


def undangan_job(kegiatan_id: int, kertas: str = "") -> Render:
    from reports.undangan import UndanganDocument

    return UndanganDocument(undangan_data(kegiatan_id), _setup(kertas), kop_from_profile()).render


def undangan_pdf(kegiatan_id: int, target: Target, kertas: str = "") -> int:
    return undangan_job(kegiatan_id, kertas)(target)


# ------------------------------------------------------------------------------- rakor: rencana aksi
def evaluasi_rencana_aksi_data(kegiatan_id: int, today: date | None = None) -> MatriksRencanaAksi:
    """Every open rencana aksi item (not Selesai/Batal, any year) as the matriks prints it, for the
    rakor's "Evaluasi rencana aksi" item."""
    today = today or date.today()
    items = list_rencana_aksi(RencanaAksiFilter(terbuka_saja=True), today=today)
    groups = tuple(MatriksGroup(g.nama, tuple(matriks_line(i) for i in g.items)) for g in group_items(items))
    late = sum(i.terlambat for i in items)
    total = sum(i.form.anggaran or 0 for i in items)
    summary = f"Jumlah: {len(items)} rencana aksi belum selesai; anggaran {rupiah(total)}"
    summary += f"; {late} terlambat per {tanggal(today)}." if late else f"; keadaan {tanggal(today)}."
    subtitle = f"Bahan {get_kegiatan(kegiatan_id).form.nama}\nKeadaan per {tanggal(today)}"
    return MatriksRencanaAksi(
        "STATUS RENCANA AKSI YANG BELUM SELESAI", subtitle, groups, summary if items else ""
    )


def evaluasi_rencana_aksi_job(kegiatan_id: int, kertas: str = "", today: date | None = None) -> Render:
    from reports.rencana_aksi import MatriksRencanaAksiDocument

    data = evaluasi_rencana_aksi_data(kegiatan_id, today)
    return MatriksRencanaAksiDocument(data, _setup(kertas, "landscape"), kop_from_profile()).render
