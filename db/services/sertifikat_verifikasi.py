"""Verifikasi sertifikat: a scanned or pasted ``SRT1:`` text, or a typed certificate number.

A QR text is checked against this office's key and every imported key
(:mod:`db.services.sertifikat_keys`); the answer shows the name *as signed*, never a name looked up
elsewhere. Revocation is known only for this office's own certificates (its register), so another
office's valid certificate is never called revoked because its number looks like one of ours. A
typed number is looked up in the register and its stored QR verified again (a row edited outside
the app shows up as tampered). Never raises, whatever it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db import sertifikat_crypto as crypto
from db.services import sertifikat_keys
from db.services.sertifikat_terbit import SertifikatRow, find_by_nomor
from reports.formatting import tanggal_panjang

STATUSES = ("valid", "dicabut", "kantor_lain", "dipalsukan", "tidak_ditemukan", "tidak_terbaca")
JUDUL = {
    "valid": "SAH",
    "dicabut": "DICABUT",
    "kantor_lain": "BUKAN DARI KANTOR INI",
    "dipalsukan": "DIPALSUKAN",
    "tidak_ditemukan": "TIDAK DITEMUKAN",
    "tidak_terbaca": "TIDAK TERBACA",
}
MAX_INPUT = 2048  # a typed number or a QR text is far shorter


@dataclass(frozen=True)
class VerifikasiResult:
    """The verdict. ``nama``/``nomor``/``kegiatan``/``tanggal``/``kantor`` are the signed values
    (filled for ``valid`` and ``dicabut``); ``kantor``/``kid`` also for ``kantor_lain`` so the user
    knows whose public key to import. ``penerbit`` names the trusted key that signed it."""

    status: str
    keterangan: str
    nomor: str = ""
    nama: str = ""
    kegiatan: str = ""
    tanggal: date | None = None
    kantor: str = ""
    kid: str = ""
    penerbit: str = ""
    alasan_cabut: str = ""
    sertifikat: SertifikatRow | None = None  # the register line when issued by this office

    @property
    def judul(self) -> str:
        return JUDUL[self.status]

    @property
    def sah(self) -> bool:
        return self.status == "valid"


def verifikasi(text: object) -> VerifikasiResult:
    """Verdict for a QR text or a certificate number. Never raises."""
    try:
        return _verifikasi(text)
    except Exception as error:  # noqa: BLE001 - a verifier must answer whatever it is fed
        return VerifikasiResult("tidak_terbaca", f"Teks tidak dapat diperiksa ({type(error).__name__}).")


def _verifikasi(text: object) -> VerifikasiResult:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str) or not text.strip():
        return VerifikasiResult("tidak_terbaca", "Tempel teks QR (SRT1:…) atau ketik nomor sertifikat.")
    if len(text) > MAX_INPUT:
        return VerifikasiResult("tidak_terbaca", "Teks terlalu panjang untuk QR atau nomor sertifikat.")
    stripped = text.strip()
    if stripped.upper().startswith(crypto.PREFIX):
        return _from_qr(stripped)
    return _from_nomor(stripped)


def _from_qr(text: str, row: SertifikatRow | None = None) -> VerifikasiResult:
    keys = sertifikat_keys.list_trusted_keys()
    verdict = crypto.verify(text, {k.kid: crypto.load_public_pem(k.pem) for k in keys})
    if verdict.status == "malformed":
        return VerifikasiResult("tidak_terbaca", f"QR sertifikat tidak terbaca: {verdict.reason}.")
    if verdict.status == "unknown_office":
        return VerifikasiResult(
            "kantor_lain",
            "Sertifikat ditandatangani kunci yang tidak dikenal: bukan dari kantor ini dan kunci publik "
            "penerbitnya belum diimpor.",
            kantor=verdict.office,
            kid=verdict.kid,
        )
    if verdict.status == "tampered":
        return VerifikasiResult(
            "dipalsukan", "Tanda tangan digital tidak cocok: isi sertifikat telah diubah."
        )
    signer = next(k for k in keys if k.kid == verdict.kid)
    signed = {
        "nomor": verdict.nomor,
        "nama": verdict.nama,
        "kegiatan": verdict.kegiatan,
        "tanggal": verdict.tanggal,
        "kantor": verdict.office,
        "kid": verdict.kid,
        "penerbit": signer.kantor,
    }
    if not signer.own:
        return VerifikasiResult("valid", f"Sertifikat sah, diterbitkan oleh {signer.kantor}.", **signed)
    row = row or find_by_nomor(verdict.nomor)
    if row is not None and row.status == "dicabut":
        return VerifikasiResult(
            "dicabut",
            f"Sertifikat ini telah dicabut{_pada(row.dicabut_pada)}: {row.alasan_cabut}",
            alasan_cabut=row.alasan_cabut,
            sertifikat=row,
            **signed,
        )
    note = "" if row is not None else " (tidak ada dalam register basis data ini)"
    return VerifikasiResult(
        "valid", f"Sertifikat sah, diterbitkan oleh kantor ini{note}.", sertifikat=row, **signed
    )


def _pada(stamp: str | None) -> str:
    try:
        return f" pada {tanggal_panjang(date.fromisoformat((stamp or '')[:10]))}"
    except ValueError:
        return ""


def _from_nomor(text: str) -> VerifikasiResult:
    row = find_by_nomor(text)
    if row is None:
        return VerifikasiResult(
            "tidak_ditemukan", f"Nomor {text[:80]} tidak ada dalam register sertifikat kantor ini."
        )
    if not row.qr.startswith(crypto.PREFIX):
        return VerifikasiResult("dipalsukan", "Baris register ini tidak memiliki tanda tangan digital.")
    result = _from_qr(row.qr, row)
    if result.status in ("valid", "dicabut") and result.nomor != row.nomor:
        return VerifikasiResult(
            "dipalsukan", "Nomor di register tidak sama dengan nomor yang ditandatangani."
        )
    return result
