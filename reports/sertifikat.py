"""Sertifikat bimtek: A4 landscape certificates, many in one PDF, drawn straight on a canvas.

Everything that is the same on every page — border or background image, logos, kop lines,
"SERTIFIKAT", "diberikan kepada", the QR caption, the signature blocks and the "Materi" back
page — is drawn once into a PDF form XObject and placed on each page by reference, so 230
certificates cost little more than their names, body text and QR codes. The name is set as large
as fits one line (≤ 34 pt); below 14 pt it wraps (at most three lines, then "…"), and
:func:`periksa` lists names that shrink below a readable size before anyone prints. No page
numbers: a certificate is a document of its own.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from reports.data import SignatureBlock
from reports.data_sertifikat import CertificateTemplate, Sertifikat
from reports.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, missing_chars, register_fonts, string_width
from reports.formatting import angka
from reports.qr import draw_qr
from reports.sertifikat_materi import draw_materi_page
from reports.text import escape, fit_font_size

PAGE_W, PAGE_H = 297 * mm, 210 * mm
GREEN = HexColor("#1E4D3A")
GOLD = HexColor("#B08D3C")
INK = HexColor("#1A1A1A")
NAME_MAX, NAME_MIN, NAME_READABLE = 34.0, 14.0, 20.0
NAME_WIDTH = PAGE_W - 140.0  # inside the gold frame with a comfortable margin
NAME_TOP, NAME_BOTTOM = PAGE_H - 202, PAGE_H - 246
NAME_MAX_LINES = 3
BODY_WIDTH = 640.0
QR_SIZE = 35 * mm  # R21: printed at least 35 mm
QR_X, QR_Y = 62.0, 60.0
SIG_SPACE = 52.0  # room for the wet (or scanned) signature and stamp
SIG_NAME_Y = 64 + 3 * 13  # baseline of the signer's name (three lines below it: pangkat, NIP, margin)
STAMP_SIZE = 94.0  # ≈ 33 mm, the usual round office stamp


@dataclass(frozen=True)
class NameLayout:
    """How one name is set: font size and the line(s) drawn; ``truncated`` when "…" was needed."""

    size: float
    lines: tuple[str, ...]
    truncated: bool = False


def layout_name(nama: str) -> NameLayout:
    """The largest one-line size ≥ 14 pt, else 14 pt wrapped to ≤ 3 lines (the last ending in "…")."""
    text = " ".join(nama.split())
    size = fit_font_size(text, SERIF_BOLD, NAME_WIDTH, NAME_MAX, NAME_MIN)
    if string_width(text, SERIF_BOLD, size) <= NAME_WIDTH:
        return NameLayout(size, (text,))
    lines = _split(text, NAME_MIN)
    if len(lines) <= NAME_MAX_LINES:
        return NameLayout(NAME_MIN, tuple(lines))
    last = lines[NAME_MAX_LINES - 1]
    while last and string_width(last + " …", SERIF_BOLD, NAME_MIN) > NAME_WIDTH:
        last = last[:-1]
    return NameLayout(NAME_MIN, (*lines[: NAME_MAX_LINES - 1], last.rstrip() + " …"), truncated=True)


def _split(text: str, size: float) -> list[str]:
    """Lines of ``text`` at ``size`` no wider than the name box; words longer than a line are cut."""
    lines: list[str] = []
    for line in simpleSplit(text, SERIF_BOLD, size, NAME_WIDTH):
        while string_width(line, SERIF_BOLD, size) > NAME_WIDTH:
            cut = len(line)
            while cut > 1 and string_width(line[:cut], SERIF_BOLD, size) > NAME_WIDTH:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def periksa(template: CertificateTemplate, certificates: Sequence[Sertifikat]) -> list[str]:
    """What would look wrong in print, in Indonesian, before printing (empty list: all good)."""
    problems: list[str] = []
    for cert in certificates:
        layout = layout_name(cert.nama)
        if layout.truncated:
            problems.append(f"{cert.nomor}: nama terlalu panjang dan terpotong: {cert.nama[:40]}…")
        elif layout.size < NAME_READABLE:
            problems.append(f"{cert.nomor}: nama {cert.nama!r} harus diperkecil menjadi {layout.size:.0f} pt")
        lost = missing_chars(cert.nama, SERIF_BOLD)
        if lost:
            problems.append(f"{cert.nomor}: huruf {' '.join(lost)} pada nama tidak dapat dicetak")
        if not cert.qr_text:
            problems.append(f"{cert.nomor}: tanpa kode QR verifikasi")
    signers = {block.signatory for cert in certificates for block in cert.signatures}
    for signer in sorted(signers, key=lambda s: s.nama):
        if signer.pangkat.strip() and not signer.nip.strip():
            problems.append(f"Penandatangan {signer.nama} berpangkat {signer.pangkat} tetapi tanpa NIP")
    for label, data in (
        ("latar belakang", template.background),
        ("logo kiri", template.logo),
        ("logo kanan", template.logo_kanan),
    ):
        if data is not None and _image(data) is None:
            problems.append(f"Berkas gambar {label} tidak dapat dibaca (harus PNG atau JPG)")
    return problems


@functools.lru_cache(maxsize=8)
def _image(data: bytes) -> ImageReader | None:
    """A reader per image, kept for the next file: per-person PDFs draw the same background and
    logos hundreds of times, and the reader keeps its decoded pixels (ReportLab digests them)."""
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
        return reader
    except Exception:  # noqa: BLE001 - PIL raises many types for a broken file; periksa() reports it
        return None


class CertificateRenderer:
    """Draws certificates onto one canvas; static parts become forms on first use."""

    def __init__(self, canvas: Canvas, template: CertificateTemplate) -> None:
        self.canvas = canvas
        self.template = template
        self._forms: dict[object, str] = {}
        self._body_style = ParagraphStyle(
            "SertifikatIsi",
            fontName=SANS,
            fontSize=12.5,
            leading=17,
            alignment=TA_CENTER,
            textColor=INK,
            splitLongWords=1,
        )

    def _form(self, key: object, draw) -> str:  # noqa: ANN001 - a drawing callback
        name = self._forms.get(key)
        if name is None:
            name = f"srt{len(self._forms)}"
            # the bounding box reaches below the origin: the body form hangs below y = 0
            self.canvas.beginForm(name, lowerx=0, lowery=-PAGE_H, upperx=PAGE_W, uppery=PAGE_H)
            draw()
            self.canvas.endForm()
            self._forms[key] = name
        return name

    def draw(self, cert: Sertifikat) -> None:
        c = self.canvas
        c.doForm(self._form("front", self._draw_static))
        signed = ("ttd", cert.signatures, cert.tempat_tanggal)
        c.doForm(self._form(signed, lambda: self._draw_signatures(cert)))
        self._draw_signature_images(cert)
        self._draw_person(cert)
        if cert.qr_text:
            draw_qr(
                c,
                cert.qr_text,
                QR_X,
                QR_Y,
                QR_SIZE,
                error="q",
                quiet_zone=self.template.background is not None,
            )
        c.showPage()
        if self.template.materi:
            c.doForm(self._form(("materi", cert.kegiatan_nama), lambda: self._draw_back(cert.kegiatan_nama)))
            c.showPage()

    # -- the parts every page shares -------------------------------------------------------
    def _draw_static(self) -> None:
        c, t = self.canvas, self.template
        background = _image(t.background) if t.background else None
        if background is not None:
            c.drawImage(background, 0, 0, PAGE_W, PAGE_H)
        else:
            _draw_border(c)
            _draw_flourish(c)
        for data, x in ((t.logo, 58.0), (t.logo_kanan, PAGE_W - 58.0 - 62)):
            logo = _image(data) if data else None
            if logo is not None:
                c.drawImage(
                    logo, x, PAGE_H - 58 - 62, 62, 62, preserveAspectRatio=True, anchor="c", mask="auto"
                )
        y = PAGE_H - 66
        for index, line in enumerate(t.kop_lines[:3]):
            font, size = (SANS_BOLD, 13.0) if index < 2 else (SANS_BOLD, 11.0)
            _centred(c, line.upper(), font, size, PAGE_W / 2, y, PAGE_W - 330, GREEN)
            y -= size + 4
        _draw_title(c, t.judul.upper())
        _centred(c, t.pembuka, SERIF, 15, PAGE_W / 2, PAGE_H - 192, BODY_WIDTH, INK)
        if t.qr_keterangan:
            _centred(c, t.qr_keterangan, SANS, 7.5, QR_X + QR_SIZE / 2, QR_Y - 11, QR_SIZE + 40, INK)

    def _draw_back(self, kegiatan: str) -> None:
        if self.template.background is None:
            _draw_border(self.canvas)
        draw_materi_page(self.canvas, self.template, kegiatan)

    def _draw_signatures(self, cert: Sertifikat) -> None:
        blocks = cert.signatures
        centres, width = _signature_columns(len(blocks))
        heads = [
            [b.tempat_tanggal or (cert.tempat_tanggal if i == len(blocks) - 1 else ""), b.heading]
            for i, b in enumerate(blocks)
        ]
        rows = max(
            len([h for h in head if h]) + len(b.signatory.jabatan_lines())
            for head, b in zip(heads, blocks, strict=True)
        )
        for block, head, centre in zip(blocks, heads, centres, strict=True):
            _draw_signature(self.canvas, block, [h for h in head if h], rows, centre, width)

    def _draw_signature_images(self, cert: Sertifikat) -> None:
        """Scanned signatures and stamps, on the page itself rather than in the shared form: the
        multiply blend they need is a page resource (each image is still stored once per file)."""
        centres, width = _signature_columns(len(cert.signatures))
        for block, centre in zip(cert.signatures, centres, strict=True):
            _draw_signature_images(self.canvas, block, centre, width)

    # -- what differs per person ----------------------------------------------------------
    def _draw_person(self, cert: Sertifikat) -> None:
        c = self.canvas
        _centred(c, f"Nomor: {cert.nomor}", SANS, 11, PAGE_W / 2, PAGE_H - 167, BODY_WIDTH, INK)
        layout = layout_name(cert.nama)
        c.setFillColor(GREEN)
        c.setFont(SERIF_BOLD, layout.size)
        leading = layout.size * 1.1
        block = leading * (len(layout.lines) - 1) + layout.size * 0.72
        baseline = (NAME_TOP + NAME_BOTTOM) / 2 + block / 2 - layout.size * 0.72
        for line in layout.lines:
            c.drawCentredString(PAGE_W / 2, baseline, line)
            baseline -= leading
        c.setStrokeColor(GOLD)
        c.setLineWidth(0.9)
        c.line(PAGE_W / 2 - 210, NAME_BOTTOM - 4, PAGE_W / 2 + 210, NAME_BOTTOM - 4)
        y = NAME_BOTTOM - 20
        for line in (cert.nip_nik_line, cert.jabatan_asal):
            if line.strip():
                _centred(c, line, SANS, 11.5, PAGE_W / 2, y, BODY_WIDTH + 80, INK)
                y -= 15
        top = min(y - 2, NAME_BOTTOM - 40)
        role = self.template.peran_teks.get(cert.peran, f"sebagai {cert.peran}")
        markup = self._body_markup(cert)
        c.saveState()
        c.translate(0, top)
        c.doForm(self._form(("isi", markup, role), lambda: self._draw_body(markup, role)))
        c.restoreState()

    def _draw_body(self, markup: str, role: str) -> None:
        """Body sentence and role line hanging below y = 0 (one form per distinct text: most
        certificates of a batch share it, so the Paragraph is laid out a handful of times)."""
        body = Paragraph(markup, self._body_style)
        _, height = body.wrap(BODY_WIDTH, 80)
        body.drawOn(self.canvas, (PAGE_W - BODY_WIDTH) / 2, -height)
        _centred(self.canvas, role, SANS_BOLD, 14, PAGE_W / 2, -height - 20, BODY_WIDTH, GREEN)

    def _body_markup(self, cert: Sertifikat) -> str:
        values = {
            "kegiatan": f"<b>{escape(cert.kegiatan_nama)}</b>",
            "tanggal": escape(cert.tanggal_text).replace(" ", "\u00a0"),  # never "22–24 / November"
            "tempat": escape(cert.tempat),
        }
        isi = self.template.isi.get(cert.peran, "")
        text = escape(isi).format_map(values)
        if cert.jpl > 0 and self.template.jpl_teks:
            text += ", " + escape(self.template.jpl_teks).format_map({"jpl": f"<b>{angka(cert.jpl)}</b>"})
        return text  # no full stop: the role line ("sebagai Peserta") completes the sentence


def _centred(
    c: Canvas, text: str, font: str, size: float, x: float, y: float, width: float, color: Color
) -> None:
    """One centred line, shrunk (to 60 %) so it never runs past ``width``."""
    fitted = fit_font_size(text, font, width, size, size * 0.6)
    c.setFillColor(color)
    c.setFont(font, fitted)
    c.drawCentredString(x, y, text)


def _draw_signature(
    c: Canvas, block: SignatureBlock, head: list[str], rows: int, centre: float, width: float
) -> None:
    """Place/date, heading and jabatan lines (bottom-aligned across blocks), space, name, pangkat, NIP."""
    lines = head + block.signatory.jabatan_lines()
    y = SIG_NAME_Y + SIG_SPACE + rows * 14
    y -= (rows - len(lines)) * 14
    for line in lines:
        _centred(c, line, SANS, 11, centre, y, width, INK)
        y -= 14
    y -= SIG_SPACE  # now SIG_NAME_Y, whatever the number of lines
    signer = block.signatory
    size = fit_font_size(signer.nama, SANS_BOLD, width, 11.5, 8)
    _centred(c, signer.nama, SANS_BOLD, size, centre, y, width, INK)
    half = string_width(signer.nama, SANS_BOLD, size) / 2
    c.setStrokeColor(INK)
    c.setLineWidth(0.6)
    c.line(centre - half, y - 2, centre + half, y - 2)
    for line in (signer.pangkat, signer.nip_line):
        if line.strip():
            y -= 13
            _centred(c, line, SANS, 10.5, centre, y, width, INK)


def _signature_columns(count: int) -> tuple[list[float], float]:
    """Centre x of each signature block and their width (one block right, two side by side)."""
    if count == 1:
        return [PAGE_W - 200.0], 250.0
    return [PAGE_W / 2 + 20, PAGE_W - 175.0], 220.0


def _draw_signature_images(c: Canvas, block: SignatureBlock, centre: float, width: float) -> None:
    """The scanned signature over the name line and the stamp overlapping its left part, as offices
    sign and stamp. Multiplied onto the page, so a JPG's white paper does not hide the jabatan
    text under it (a transparent PNG looks the same either way)."""
    ttd = _image(block.ttd) if block.ttd else None
    stempel = _image(block.stempel) if block.stempel else None
    if ttd is None and stempel is None:
        return
    name_y = SIG_NAME_Y
    c.saveState()
    c.setBlendMode("Multiply")
    if ttd is not None:  # bottom a little below the name's baseline, top into the last jabatan line
        box_w, box_h = min(width * 0.72, 170.0), SIG_SPACE + 8
        c.drawImage(ttd, centre - box_w / 2, name_y - 6, box_w, box_h,
                    preserveAspectRatio=True, anchor="c", mask="auto")  # fmt: skip
    if stempel is not None:  # ≈ 33 mm, centred on the signature space's left third
        side = STAMP_SIZE
        mid = name_y + (SIG_SPACE + 8) / 2 - 2
        c.drawImage(stempel, centre - width * 0.26 - side / 2, mid - side / 2, side, side,
                    preserveAspectRatio=True, anchor="c", mask="auto")  # fmt: skip
    c.restoreState()


def _draw_border(c: Canvas) -> None:
    """Built-in frame: a deep green rule, two fine gold rules inside it, and gold corner ornaments."""
    c.saveState()
    c.setStrokeColor(GREEN)
    c.setLineWidth(5)
    c.rect(20, 20, PAGE_W - 40, PAGE_H - 40, stroke=1, fill=0)
    c.setStrokeColor(GOLD)
    c.setLineWidth(1.2)
    c.rect(29, 29, PAGE_W - 58, PAGE_H - 58, stroke=1, fill=0)
    c.setLineWidth(0.5)
    c.rect(33, 33, PAGE_W - 66, PAGE_H - 66, stroke=1, fill=0)
    c.setFillColor(GOLD)
    for x, y in ((33, 33), (PAGE_W - 33, 33), (33, PAGE_H - 33), (PAGE_W - 33, PAGE_H - 33)):
        path = c.beginPath()
        path.moveTo(x, y - 9)
        path.lineTo(x + 9, y)
        path.lineTo(x, y + 9)
        path.lineTo(x - 9, y)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def _draw_title(c: Canvas, title: str) -> None:
    """The title in letter-spaced serif capitals (the spacing is reset for what follows)."""
    spacing = 8.0
    width = c.stringWidth(title, SERIF_BOLD, 40) + spacing * max(len(title) - 1, 0)
    size = 40.0 * min(1.0, (PAGE_W - 330) / width) if width else 40.0
    c.saveState()
    c.setFillColor(GREEN)
    text = c.beginText(PAGE_W / 2 - width * size / 80, PAGE_H - 140)
    text.setFont(SERIF_BOLD, size)
    text.setCharSpace(spacing * size / 40)
    text.textOut(title)
    text.setCharSpace(0)
    c.drawText(text)
    c.restoreState()


def _draw_flourish(c: Canvas) -> None:
    """Two gold rules and a green dot under the title."""
    c.saveState()
    c.setStrokeColor(GOLD)
    c.setLineWidth(0.8)
    y = PAGE_H - 151
    c.line(PAGE_W / 2 - 150, y, PAGE_W / 2 - 10, y)
    c.line(PAGE_W / 2 + 10, y, PAGE_W / 2 + 150, y)
    c.setFillColor(GREEN)
    c.circle(PAGE_W / 2, y, 2.6, stroke=0, fill=1)
    c.restoreState()


class RenderCancelled(Exception):
    """The caller's ``cancelled()`` said stop; nothing was written to the target."""


def render_certificates(
    template: CertificateTemplate,
    certificates: Sequence[Sertifikat],
    target: str | os.PathLike[str] | IO[bytes],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write every certificate (in the given order) into one PDF; returns the page count.

    ``progress(done, total)`` is called after each certificate; when ``cancelled()`` turns true
    :class:`RenderCancelled` is raised before the file is written (ReportLab writes on save)."""
    if not certificates:
        raise ValueError("tidak ada sertifikat untuk dicetak")
    register_fonts()
    canvas = Canvas(target, pagesize=(PAGE_W, PAGE_H), initialFontName=SANS, pageCompression=1)
    canvas.setTitle(f"Sertifikat {certificates[0].kegiatan_nama}")
    renderer = CertificateRenderer(canvas, template)
    for done, cert in enumerate(certificates, start=1):
        if cancelled is not None and cancelled():
            raise RenderCancelled
        renderer.draw(cert)
        if progress is not None:
            progress(done, len(certificates))
    canvas.save()
    return len(certificates) * (2 if template.materi else 1)


def render_certificates_bytes(template: CertificateTemplate, certificates: Sequence[Sertifikat]) -> bytes:
    buffer = io.BytesIO()
    render_certificates(template, certificates, buffer)
    return buffer.getvalue()
