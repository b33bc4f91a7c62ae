"""Plain data for the matriks rencana aksi and the laporan monev, and the PDFs themselves.

Formats every value as printed (``Rp1.250.000``, ``40 balita``, dates in Indonesian) so the
report modules only lay out. The PIC's phone is left off paper (it stays in the app and the
export): the matrix travels to the kota and is pinned on boards.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

from db import wilayah
from db.errors import ValidationError
from db.services.print_data import kop_from_profile, page_setup, signatory_for_print, signing_place
from db.services.profile import get_profile
from db.services.rencana_aksi import RencanaAksiFilter, RencanaAksiItem, group_items, list_rencana_aksi
from db.services.rencana_aksi_lists import STATUS_SELESAI
from db.services.rencana_aksi_monev import MonevRow, list_monev_period, persen_of
from reports.data import PageSetup, SignatureBlock
from reports.formatting import angka, rentang_tanggal, rupiah, tanggal, tempat_tanggal
from reports.monev import LaporanMonev, MonevEntryLine, MonevGroup, MonevItem, RecapLine
from reports.rencana_aksi import MatriksGroup, MatriksLine, MatriksRencanaAksi

DASH = "–"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return angka(int(value)) if float(value).is_integer() else angka(value)


def _persen(value: float | None) -> str:
    return f"{_number(round(value, 1))}%" if value is not None else ""


def _join(*parts: str) -> str:
    return "\n".join(p for p in parts if p) or DASH


def target_text(item: RencanaAksiItem) -> str:
    form = item.form
    target = f"{_number(form.target_nilai)} {form.target_satuan}".strip()
    return _join(
        form.indikator,
        f"Target: {target}" if target else "",
        f"Baseline: {form.baseline}" if form.baseline else "",
    )


def penanggung_jawab_text(item: RencanaAksiItem) -> str:
    form = item.form
    return _join(
        form.opd,
        f"Mitra: {form.mitra}" if form.mitra else "",
        f"PIC: {form.pic_nama}" if form.pic_nama else "",
    )


def jadwal_text(item: RencanaAksiItem) -> str:
    form = item.form
    if form.mulai and form.jatuh_tempo:
        dates = rentang_tanggal(form.mulai, form.jatuh_tempo)
    elif form.jatuh_tempo:
        dates = f"s.d. {tanggal(form.jatuh_tempo)}"
    else:
        dates = f"mulai {tanggal(form.mulai)}" if form.mulai else ""
    return _join(form.jadwal_teks, dates)


def anggaran_text(item: RencanaAksiItem) -> str:
    form = item.form
    return _join(rupiah(form.anggaran) if form.anggaran is not None else "", form.sumber_dana)


def status_text(item: RencanaAksiItem) -> str:
    realisasi = ""
    if item.progress is not None:
        value = _persen(item.realisasi_persen) or _number(item.progress.realisasi_nilai)
        realisasi = f"Realisasi {value or DASH} ({tanggal(item.progress.tanggal)})"
    flag = "TERLAMBAT" if item.terlambat else ("Jatuh tempo ≤ 30 hari" if item.segera else "")
    return _join(item.form.status, realisasi, flag)


def matriks_line(item: RencanaAksiItem) -> MatriksLine:
    form = item.form
    return MatriksLine(
        masalah=form.masalah or DASH,
        aksi=form.aksi,
        lokus="; ".join(item.lokus_label) or DASH,
        indikator_target=target_text(item),
        penanggung_jawab=penanggung_jawab_text(item),
        jadwal=jadwal_text(item),
        anggaran=anggaran_text(item),
        status_realisasi=status_text(item),
        terlambat=item.terlambat,
    )


def _place() -> str:
    profile = get_profile()
    region = wilayah.get(profile.kode_wilayah) if profile.kode_wilayah else None
    return (
        region.label
        if region is not None
        else (f"Kecamatan {profile.kecamatan}" if profile.kecamatan else "")
    )


def _signatures(signatory_id: int | None, today: date) -> tuple[SignatureBlock, ...]:
    if signatory_id is None:
        return ()
    return (SignatureBlock(signatory_for_print(signatory_id), tempat_tanggal(signing_place(), today)),)


def matriks_data(
    tahun: int | None = None, signatory_id: int | None = None, *, today: date | None = None
) -> MatriksRencanaAksi:
    """The matrix of ``tahun`` (every year when None), grouped by bidang in list order."""
    today = today or date.today()
    items = list_rencana_aksi(RencanaAksiFilter(tahun=tahun), today=today)
    groups = tuple(MatriksGroup(g.nama, tuple(matriks_line(i) for i in g.items)) for g in group_items(items))
    total = sum(i.form.anggaran or 0 for i in items)
    late = sum(i.terlambat for i in items)
    summary = f"Jumlah: {len(items)} rencana aksi; anggaran {rupiah(total)}"
    summary += f"; {late} terlambat per {tanggal(today)}." if late else f"; keadaan {tanggal(today)}."
    subtitle = "\n".join(p for p in (_place(), f"Tahun {tahun}" if tahun else "Semua tahun") if p)
    return MatriksRencanaAksi(
        "MATRIKS RENCANA AKSI LINTAS SEKTOR",
        subtitle,
        groups,
        summary if items else "",
        _signatures(signatory_id, today),
    )


def _setup(kertas: str = "") -> PageSetup:
    """Landscape from the office page setup; ``kertas`` "a4"/"f4" overrides the paper."""
    setup = page_setup("landscape")
    return replace(setup, paper=kertas.upper()) if kertas else setup


def matriks_pdf(
    tahun: int | None = None,
    signatory_id: int | None = None,
    *,
    today: date | None = None,
    kertas: str = "",
    target: str | Path | None = None,
) -> bytes | int:
    """The matrix as PDF bytes, or written atomically to ``target`` (then the page count)."""
    from reports.rencana_aksi import MatriksRencanaAksiDocument

    data = matriks_data(tahun, signatory_id, today=today)
    document = MatriksRencanaAksiDocument(data, _setup(kertas), kop_from_profile())
    return document.render(target) if target is not None else document.render_bytes()


# ------------------------------------------------------------------------------------ monev
def _entry(row: MonevRow, target: float | None) -> MonevEntryLine:
    parts = [_number(row.realisasi_nilai), _persen(row.realisasi_persen)]
    if row.realisasi_persen is None and row.realisasi_nilai is not None and target:
        parts[1] = _persen(min(100.0, 100 * row.realisasi_nilai / target))
    return MonevEntryLine(
        tanggal(row.tanggal),
        row.periode or DASH,
        " / ".join(p for p in parts if p) or DASH,
        row.kendala or DASH,
        row.tindak_lanjut or DASH,
        row.dicatat_oleh or DASH,
    )


def _recap(items: list[tuple[RencanaAksiItem, list[MonevRow]]], key: str) -> tuple[RecapLine, ...]:
    buckets: dict[str, list[tuple[RencanaAksiItem, list[MonevRow]]]] = defaultdict(list)
    for item, rows in items:
        buckets[getattr(item.form, key) or "Belum ditentukan"].append((item, rows))
    order = [g.nama for g in group_items([i for i, _ in items], key)]
    lines = []
    for name in order:
        members = buckets[name]
        values = [i.realisasi_persen or 0.0 for i, _ in members]
        lines.append(
            RecapLine(
                name,
                len(members),
                sum(len(r) for _, r in members),
                _persen(sum(values) / len(values)),
                sum(i.form.status == STATUS_SELESAI for i, _ in members),
            )
        )
    return tuple(lines)


def monev_data(
    dari: date, sampai: date, signatory_id: int | None = None, *, today: date | None = None
) -> LaporanMonev:
    """Entries dated in [dari, sampai] per item (grouped by bidang) with recaps per bidang and OPD.
    The recap's realisation is each item's latest entry up to ``sampai``."""
    today = today or date.today()
    by_item: dict[int, list[MonevRow]] = defaultdict(list)
    for row in list_monev_period(dari, sampai):
        by_item[row.rencana_aksi_id].append(row)
    items = [i for i in list_rencana_aksi(today=today) if i.id in by_item]
    pairs = [(_as_of(i, by_item[i.id]), by_item[i.id]) for i in items]
    groups = []
    for group in group_items([p[0] for p in pairs], "bidang"):
        groups.append(
            MonevGroup(
                group.nama,
                tuple(
                    MonevItem(
                        i.form.aksi,
                        i.form.opd or DASH,
                        tuple(_entry(r, i.form.target_nilai) for r in by_item[i.id]),
                    )
                    for i in group.items
                ),
            )
        )
    subtitle = "\n".join(p for p in (_place(), f"Periode {rentang_tanggal(dari, sampai)}") if p)
    return LaporanMonev(
        "LAPORAN MONITORING DAN EVALUASI RENCANA AKSI",
        subtitle,
        tuple(groups),
        _recap(pairs, "bidang"),
        _recap(pairs, "opd"),
        _signatures(signatory_id, today),
    )


def _as_of(item: RencanaAksiItem, rows: list[MonevRow]) -> RencanaAksiItem:
    """The item with its progress taken from the period's last entry (not a later one)."""
    last = rows[-1]
    return replace(item, progress=last, realisasi_persen=persen_of(last, item.form.target_nilai))


def monev_pdf(
    dari: date,
    sampai: date,
    signatory_id: int | None = None,
    *,
    today: date | None = None,
    kertas: str = "",
    target: str | Path | None = None,
) -> bytes | int:
    """The laporan monev as PDF bytes, or written atomically to ``target`` (then the page count)."""
    from reports.monev import LaporanMonevDocument

    if sampai < dari:
        raise ValidationError("Tanggal akhir periode tidak boleh sebelum tanggal awal.", "sampai")
    data = monev_data(dari, sampai, signatory_id, today=today)
    document = LaporanMonevDocument(data, _setup(kertas), kop_from_profile())
    return document.render(target) if target is not None else document.render_bytes()
