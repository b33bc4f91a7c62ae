"""Notulen to PDF: gather the notulen, its attendance sheets and materi (GUI thread), render apart.

PUBLIC CONTRACT (the kota package uses it): :func:`notulen_pdf` writes the PDF and returns the page
count; :func:`notulen_job` returns the render step only, in the ``*_job`` pattern of
:mod:`db.services.kegiatan_print`, so the UI runs the ReportLab layout on a worker thread.

With ``lampiran`` the daftar hadir of the meeting day (every held day when the notulen's date is
not one of them) and the materi/JPL table of the agenda (training items only) follow the notulen
in the same PDF; the header then says "(daftar hadir terlampir)".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from db.errors import ValidationError
from db.services.kegiatan import get_kegiatan
from db.services.kegiatan_print import Render, Target, daftar_hadir_sheets
from db.services.notulen import NotulenView, require_notulen
from db.services.print_data import kop_from_profile, page_setup, signing_place, time_zone
from db.validators import format_nip
from reports.data import Signatory
from reports.data_kegiatan import AttendanceSheet
from reports.data_notulen import KeputusanItem, NotulenData, NotulenLampiran, PembahasanItem
from reports.formatting import tanggal, tanggal_panjang, tempat_tanggal


def _jam(value: str) -> str:
    return value.replace(":", ".")


def _waktu(view: NotulenView, zone: str) -> str:
    start, end = _jam(view.jam_mulai), _jam(view.jam_selesai)
    if start and end:
        return f"{start} – {end} {zone}"
    if start:
        return f"{start} {zone} – selesai"
    return ""


def _signer(nama: str, peran: str, jabatan: str, nip: str) -> Signatory:
    """``Pimpinan Rapat,`` / ``Notulis,`` above the name; the person's own jabatan under it."""
    return Signatory(nama=nama.strip() or "(" + "." * 30 + ")", jabatan=peran, pangkat=jabatan.strip(),
                     nip=format_nip(nip.strip()))  # fmt: skip


def notulen_data(view: NotulenView, *, terlampir: bool) -> NotulenData:
    zone = time_zone()
    if view.peserta_hadir:
        peserta = f"{view.peserta_hadir} orang hadir dari {view.peserta_terdaftar} orang diundang"
    elif view.peserta_terdaftar:
        peserta = f"{view.peserta_terdaftar} orang diundang"
    else:
        peserta = "–"
    if terlampir:
        peserta += " (daftar hadir terlampir)"
    signed_on = view.tanggal or date.today()
    return NotulenData(
        judul=view.judul,
        hari_tanggal=tanggal_panjang(view.tanggal) if view.tanggal else "",
        waktu=_waktu(view, zone),
        tempat=view.tempat,
        acara=view.acara,
        peserta=peserta,
        pimpinan=_signer(view.pimpinan_nama, "Pimpinan Rapat", view.pimpinan_jabatan, view.pimpinan_nip),
        notulis=_signer(view.notulis_nama, "Notulis", view.notulis_jabatan, view.notulis_nip),
        tempat_tanggal=tempat_tanggal(signing_place(), signed_on),
        nomor=view.nomor,
        pembukaan=view.pembukaan,
        pembahasan=tuple(PembahasanItem(p.judul, p.pembicara, p.isi) for p in view.pembahasan),
        keputusan=tuple(
            KeputusanItem(
                k.nomor,
                k.isi,
                k.penanggung_jawab,
                tanggal(k.tenggat) if k.tenggat else "",
                len(k.rencana_aksi),
            )  # fmt: skip
            for k in view.keputusan
        ),
        penutupan=view.penutupan,
        jam_tutup=f"{_jam(view.jam_tutup)} {zone}" if view.jam_tutup else "",
        draf=view.status == "draf",
        versi=view.versi,
    )


def _attendance(view: NotulenView) -> tuple[AttendanceSheet, ...]:
    days = get_kegiatan(view.kegiatan_id).hari_aktif
    same_day = next((d.hari_ke for d in days if d.tanggal == view.tanggal), None)
    try:
        return tuple(daftar_hadir_sheets(view.kegiatan_id, same_day))
    except ValidationError:  # a kegiatan without held days has no daftar hadir to attach
        return ()


def notulen_lampiran(view: NotulenView) -> NotulenLampiran:
    from db.services.agenda import materi_rows

    return NotulenLampiran(daftar_hadir=_attendance(view), materi=materi_rows(view.kegiatan_id))


def notulen_job(kegiatan_id: int, *, lampiran: bool = True, kertas: str = "") -> Render:
    """Read everything now (GUI thread); the returned step only lays out (any thread)."""
    from reports.notulen import NotulenDocument

    view = require_notulen(kegiatan_id)
    attached = notulen_lampiran(view) if lampiran else NotulenLampiran()
    data = notulen_data(view, terlampir=bool(attached.daftar_hadir))
    setup = page_setup()
    if kertas:
        setup = replace(setup, paper=kertas.upper())
    return NotulenDocument(data, setup, kop_from_profile(), lampiran=attached).render


def notulen_pdf(kegiatan_id: int, target: Target, *, lampiran: bool = True) -> int:
    """Write the notulen (with its attachments unless ``lampiran`` is False); returns the page count."""
    return notulen_job(kegiatan_id, lampiran=lampiran)(target)
