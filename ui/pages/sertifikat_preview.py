"""Live preview of a certificate while its texts are edited: a sample person, page 1 as an image.

The sample is the kegiatan's first issued certificate of the chosen role (its real number and QR),
else the first eligible person of that role with an example number, else a long sample name — so
the preview also shows how a long name shrinks. Reading happens on the GUI thread; the ReportLab
layout and the QtPdf rasterising run on a worker, ~300 ms after the last keystroke, and a result
that a newer request has overtaken is dropped.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from db.errors import DomainError
from db.services.kegiatan import get_kegiatan
from db.services.peserta import get_peserta
from db.services.print_data import signatory_from_data, signing_place
from db.services.sertifikat import AturanSertifikat, eligibility
from db.services.sertifikat_print import certificate_values, signatories_for, template_for
from db.services.sertifikat_terbit import contoh_nomor, get_penomoran, identitas_line
from reports.data import Signatory, SignatureBlock
from reports.data_sertifikat import CertificateTemplate, Sertifikat
from reports.formatting import rentang_tanggal, tempat_tanggal

DEBOUNCE_MS = 300
PREVIEW_SIZE = QSize(1188, 840)  # A4 landscape at ~100 dpi: sharp when scaled into the dialog
SAMPLE_NAME = "Dr. Hj. Raden Ajeng Siti Nurhaliza Kusumawardhani Puspitasari, S.K.M., M.Kes."
SAMPLE_SIGNER = "(penandatangan belum diatur)"


def render_page_image(template: CertificateTemplate, cert: Sertifikat, size: QSize = PREVIEW_SIZE) -> QImage:
    """Page 1 of ``cert`` as an image (any thread: ReportLab, then QtPdf; no database)."""
    from reports.sertifikat import render_certificates_bytes

    pdf = render_certificates_bytes(replace(template, materi=()), [cert])
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    image = document.render(0, size)
    document.close()
    return image.copy()  # detached from the document's memory


def _signatures(aturan: AturanSertifikat) -> tuple[SignatureBlock, ...]:
    try:
        signers = signatories_for(aturan)
    except DomainError:
        return (SignatureBlock(Signatory(SAMPLE_SIGNER, "")),)
    return tuple(SignatureBlock(signatory_from_data(s)) for s in reversed(signers))


def sample_certificate(kegiatan_id: int, aturan: AturanSertifikat, peran: str) -> Sertifikat:
    """A certificate of role ``peran`` as it would print under ``aturan`` (GUI thread: reads the DB)."""
    issued = [cert for _, cert in certificate_values(kegiatan_id) if cert.peran == peran]
    if issued:
        return replace(
            issued[0],
            signatures=_signatures(aturan),
            nip_nik_line=issued[0].nip_nik_line if aturan.tampilkan_identitas else "",
        )
    detail = get_kegiatan(kegiatan_id)
    days = detail.hari_aktif
    first, last = (
        (days[0].tanggal, days[-1].tanggal)
        if days
        else (detail.form.tanggal_mulai, detail.form.tanggal_selesai)
    )
    person = next((r for r in eligibility(kegiatan_id) if r.layak and r.peran == peran), None)
    nama, jabatan_asal, identitas = SAMPLE_NAME, "Kader Posyandu, Kelurahan Contoh", "NIK. 1872••••••••0001"
    if person is not None:
        data = get_peserta(person.peserta_id)
        nama, identitas = data.nama, identitas_line(data.nip, data.nik)
        jabatan_asal = ", ".join(p for p in (data.jabatan or data.instansi, data.asal) if p)
    return Sertifikat(
        nomor=contoh_nomor(get_penomoran(), date.today(), 1),
        nama=nama,
        nip_nik_line=identitas if aturan.tampilkan_identitas else "",
        jabatan_asal=jabatan_asal,
        peran=peran,
        kegiatan_nama=detail.form.nama,
        tanggal_text=rentang_tanggal(first, last),
        tempat=detail.form.tempat,
        jpl=detail.form.total_jpl or 0 if peran == "Peserta" else 0,
        tempat_tanggal=tempat_tanggal(signing_place(), date.today()),
        signatures=_signatures(aturan),
        qr_text="SRT1:CONTOH-PRATINJAU",
    )


def preview_template(
    kegiatan_id: int, aturan: AturanSertifikat, latar: bytes | None = None
) -> CertificateTemplate:
    """The template under the edited ``aturan``; ``latar`` = a chosen image not stored yet."""
    template = template_for(kegiatan_id, aturan)
    return replace(template, background=latar) if latar is not None else template


class _Relay(QObject):
    done = Signal(int, QImage)
    failed = Signal(int, str)


class _Render(QRunnable):
    def __init__(self, number: int, template: CertificateTemplate, cert: Sertifikat, relay: _Relay) -> None:
        super().__init__()
        self._args = (number, template, cert)
        self._relay = relay

    def run(self) -> None:
        number, template, cert = self._args
        try:
            image = render_page_image(template, cert)
        except Exception as exc:  # noqa: BLE001 - shown under the preview, never fatal
            self._relay.failed.emit(number, str(exc))
        else:
            self._relay.done.emit(number, image)


class PreviewRenderer(QObject):
    """``schedule()`` after every edit; ``rendered(QImage)`` arrives with the newest page only.
    ``source()`` is called on the GUI thread when the pause is over and returns (template, cert)."""

    rendered = Signal(QImage)
    failed = Signal(str)
    busy = Signal(bool)

    def __init__(self, source, parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._source = source
        self._numbers = itertools.count(1)
        self._latest = 0
        self._relay = _Relay()
        self._relay.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.render_now)

    @Slot()
    def schedule(self) -> None:
        self.timer.start()

    @Slot()
    def render_now(self) -> None:
        self.timer.stop()
        try:
            job = self._source()
        except DomainError as exc:
            self.failed.emit(exc.message)
            return
        if job is None:
            return
        self._latest = next(self._numbers)
        self.busy.emit(True)
        QThreadPool.globalInstance().start(_Render(self._latest, *job, self._relay))

    @Slot(int, QImage)
    def _done(self, number: int, image: QImage) -> None:
        if number == self._latest:
            self.busy.emit(False)
            self.rendered.emit(image)

    @Slot(int, str)
    def _failed(self, number: int, text: str) -> None:
        if number == self._latest:
            self.busy.emit(False)
            self.failed.emit(text)
