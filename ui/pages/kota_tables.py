"""Columns of the Rekap Kota tables: the recap per kecamatan and the received kegiatan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from db.services.kota_rekap import PaketRow, RekapKecamatan
from reports.formatting import angka
from widgets.table_model import Column

RIGHT = Qt.AlignmentFlag.AlignRight
STATUS_SHORT = (("Belum mulai", "Belum"), ("Berjalan", "Jalan"), ("Selesai", "Selesai"),
                ("Tertunda", "Tunda"), ("Batal", "Batal"))  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("KotaPage", text)


def _persen(value: float | None) -> str:
    return "–" if value is None else f"{angka(value, 1)}%"


def _stamp(iso: str) -> str:
    """``2026-11-23T16:51:07`` → ``23-11-2026 16.51``: the same day-first dates as the Tanggal column."""
    day, _, clock = iso.partition("T")
    parts = day.split("-")
    if len(parts) != 3:
        return iso
    return f"{parts[2]}-{parts[1]}-{parts[0]} {clock[:5].replace(':', '.')}".strip()


def _nama(row: RekapKecamatan) -> str:
    return _tr("Jumlah") if not row.kantor_kode else row.kantor_nama.title()


def _number(key: str, title: str, value) -> Column:  # noqa: ANN001 - row → int
    return Column(key, title, lambda r: angka(value(r)), sort_key=value, align=RIGHT)


def rekap_columns() -> list[Column]:
    """Kecamatan, kegiatan, peserta, attendance, decisions, rencana aksi per status, overdue."""
    columns = [
        Column("kantor_nama", _tr("Kecamatan"), _nama, sort_key=lambda r: (not r.kantor_kode, r.kantor_kode),
               tooltip=lambda r: r.kantor_kode),
        _number("kegiatan", _tr("Kegiatan"), lambda r: r.kegiatan),
        _number("peserta", _tr("Peserta"), lambda r: r.peserta),
        Column("hadir", _tr("Kehadiran"), lambda r: _persen(r.hadir_persen), align=RIGHT,
               sort_key=lambda r: r.hadir_persen or 0.0,
               tooltip=lambda r: _tr("{0} hadir dari {1} (hari yang tercatat)").format(r.hadir, r.slot)),
        _number("keputusan", _tr("Keputusan"), lambda r: r.keputusan),
        _number("rencana_aksi", _tr("Rencana aksi"), lambda r: r.rencana_aksi_total),
    ]  # fmt: skip
    for status, short in STATUS_SHORT:
        columns.append(_number(f"ra_{short}", _tr(short), lambda r, s=status: r.rencana_aksi.get(s, 0)))
    columns.append(_number("terlambat", _tr("Terlambat"), lambda r: r.terlambat))
    return columns


def paket_columns() -> list[Column]:
    """Kecamatan, kegiatan, dates, peserta, attendance, decisions, notulen, versi, imported at."""

    def when(row: PaketRow) -> str:
        if row.tanggal_mulai is None:
            return ""
        text = f"{row.tanggal_mulai:%d-%m-%Y}"
        if row.tanggal_selesai and row.tanggal_selesai != row.tanggal_mulai:
            text += f" s.d. {row.tanggal_selesai:%d-%m-%Y}"
        return text

    return [
        Column("kantor", _tr("Kecamatan"), lambda r: r.kantor_nama.title()),
        Column("nama", _tr("Kegiatan"), lambda r: r.nama, tooltip=lambda r: f"{r.jenis} · {r.nama}"),
        Column("tanggal", _tr("Tanggal"), when,
               sort_key=lambda r: r.tanggal_mulai.toordinal() if r.tanggal_mulai else 0),
        _number("peserta", _tr("Peserta"), lambda r: r.peserta),
        Column("hadir", _tr("Kehadiran"), lambda r: _persen(r.hadir_persen), align=RIGHT,
               sort_key=lambda r: r.hadir_persen or 0.0),
        _number("keputusan", _tr("Keputusan"), lambda r: r.keputusan),
        Column("notulen", _tr("Notulen"), lambda r: r.notulen_status.capitalize() or "–"),
        _number("versi", _tr("Versi"), lambda r: r.versi),
        Column("diimpor", _tr("Diimpor"), lambda r: _stamp(r.diimpor), sort_key=lambda r: r.diimpor),
    ]  # fmt: skip
