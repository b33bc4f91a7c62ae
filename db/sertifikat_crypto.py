"""Signed certificate QR payloads (R21): Ed25519 over a compact fixed-order record, base32 behind ``SRT1:``.

Wire format (version 1)::

    "SRT1:" + base32_nopad(payload || signature)          # upper-case A–Z 2–7, QR alphanumeric mode
    payload   = 0x01 || kid (8 bytes) || UTF-8(nomor US nama US kegiatan US YYYYMMDD US office)
    signature = Ed25519(payload), 64 bytes
    kid       = SHA-256(raw 32-byte public key)[:8]

Why not JSON or CBOR: CBOR is not a dependency and JSON keys cost ~30 of the 120 bytes a QR of
version ≤ 12 at level Q leaves room for (117 bytes before the signature, see :data:`MAX_PAYLOAD`;
R21's ceiling of 120 would need version 13). The five text fields are joined by U+001F (unit
separator); every C0/C1 control character, U+001F included, is removed from the fields before
signing, so the separator cannot occur inside a field. Names are NFC-normalised. When the record
would exceed :data:`MAX_PAYLOAD` bytes the kegiatan is shortened first, then the name, each
ending in "…" — the verifier shows exactly what was signed.

:func:`verify` never raises: any input yields a :class:`Verdict`. The text must be canonical —
upper-case, no padding, no stray bits in the last base32 character — so no two different strings
verify as the same certificate. Pure functions; storage of keys is :mod:`db.services.sertifikat_keys`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "SRT1:"
VERSION = 1
SEPARATOR = "\x1f"
KID_BYTES = 8
SIG_BYTES = 64
# + 64-byte signature = 181 bytes = 290 base32 chars, + "SRT1:" = 295 ≤ 296, the version-12-Q limit
MAX_PAYLOAD = 117
MAX_TEXT = 1024  # longer input is malformed without decoding (a 10 kB paste is not a certificate)
ELLIPSIS = "…"
STATUSES = ("valid", "revoked", "unknown_office", "tampered", "malformed")


@dataclass(frozen=True)
class CertificateClaim:
    """What a certificate QR asserts. ``office`` is the office code, e.g. ``"18.72.04"``."""

    nomor: str
    nama: str
    kegiatan: str
    tanggal: date
    office: str


@dataclass(frozen=True)
class Verdict:
    """The verifier's answer. Fields are filled only for ``valid``/``revoked`` (i.e. signed text);
    ``unknown_office`` carries the claimed ``office`` and ``kid`` so the user knows whose key to import."""

    status: str
    nomor: str = ""
    nama: str = ""
    kegiatan: str = ""
    tanggal: date | None = None
    office: str = ""
    kid: str = ""
    reason: str = ""

    @property
    def accepted(self) -> bool:
        return self.status == "valid"


def clean_field(text: str) -> str:
    """NFC text without control characters (so the separator never appears inside a field)."""
    normal = unicodedata.normalize("NFC", str(text))
    return "".join(ch for ch in normal if unicodedata.category(ch) != "Cc").strip()


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(public_raw: bytes) -> bytes:
    """The 8-byte kid: the first 8 bytes of SHA-256 of the raw public key."""
    return hashlib.sha256(public_raw).digest()[:KID_BYTES]


def generate_private_pem() -> str:
    """A new Ed25519 private key as unencrypted PKCS#8 PEM text."""
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def load_private_pem(pem: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("kunci privat bukan Ed25519")
    return key


def public_pem(public_raw: bytes) -> str:
    """SubjectPublicKeyInfo PEM of a raw public key (what another office imports)."""
    key = Ed25519PublicKey.from_public_bytes(public_raw)
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def load_public_pem(pem: str) -> bytes:
    """Raw 32-byte public key from PEM text; ``ValueError`` with an Indonesian message otherwise."""
    try:
        key = serialization.load_pem_public_key(pem.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError, TypeError) as error:
        raise ValueError("teks bukan kunci publik PEM yang sah") from error
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("kunci publik bukan Ed25519")
    return raw_public_key(key)


def _shorten(text: str, over: int, keep: int) -> str:
    """``text`` cut by at least ``over`` UTF-8 bytes (never below ``keep`` characters), ending in "…"."""
    data = text.encode("utf-8")
    target = max(len(data) - over - len(ELLIPSIS.encode("utf-8")), 0)
    cut = data[:target].decode("utf-8", errors="ignore").rstrip()
    if len(cut) < keep:
        cut = text[:keep]
    return cut + ELLIPSIS if cut != text else text


def _record(claim: CertificateClaim) -> list[str]:
    return [
        clean_field(claim.nomor),
        clean_field(claim.nama),
        clean_field(claim.kegiatan),
        claim.tanggal.strftime("%Y%m%d"),
        clean_field(claim.office),
    ]


def payload_bytes(claim: CertificateClaim, kid: bytes) -> bytes:
    """The signed record, shortened (kegiatan first, then name) to at most :data:`MAX_PAYLOAD` bytes."""
    fields = _record(claim)
    head = bytes([VERSION]) + kid

    def encoded() -> bytes:
        return head + SEPARATOR.join(fields).encode("utf-8")

    for index, keep in ((2, 0), (1, 12)):  # the kegiatan may shrink to "…"; the name keeps 12 characters
        over = len(encoded()) - MAX_PAYLOAD
        if over > 0:
            fields[index] = _shorten(fields[index], over, keep)
    data = encoded()
    if len(data) > MAX_PAYLOAD:
        raise ValueError("nomor atau kode kantor terlalu panjang untuk QR sertifikat")
    return data


def sign(claim: CertificateClaim, private_key: Ed25519PrivateKey) -> str:
    """The ``SRT1:…`` text to put in the certificate's QR code."""
    kid = key_id(raw_public_key(private_key.public_key()))
    payload = payload_bytes(claim, kid)
    blob = payload + private_key.sign(payload)
    return PREFIX + base64.b32encode(blob).decode("ascii").rstrip("=")


def _decode(text: str) -> bytes | None:
    """The blob behind the prefix, or None unless ``text`` is canonical unpadded upper-case base32."""
    body = text[len(PREFIX) :]
    if not body or len(body) % 8 not in (0, 2, 4, 5, 7):
        return None
    try:
        blob = base64.b32decode(body + "=" * (-len(body) % 8), casefold=False)
    except (binascii.Error, ValueError):
        return None
    if base64.b32encode(blob).decode("ascii").rstrip("=") != body:
        return None  # stray low bits in the last character: a second spelling of the same bytes
    return blob


def _parse(payload: bytes) -> tuple[list[str], date] | None:
    try:
        fields = payload[1 + KID_BYTES :].decode("utf-8").split(SEPARATOR)
    except UnicodeDecodeError:
        return None
    if len(fields) != 5 or len(fields[3]) != 8 or not fields[3].isascii() or not fields[3].isdigit():
        return None
    try:
        signed_date = date(int(fields[3][:4]), int(fields[3][4:6]), int(fields[3][6:]))
    except ValueError:
        return None
    return fields, signed_date


def verify(text: object, trusted_keys: Mapping[str, bytes], revoked_numbers: Collection[str] = ()) -> Verdict:
    """Check a scanned or pasted QR text. ``trusted_keys`` maps kid hex → raw public key (this office's
    and imported ones); ``revoked_numbers`` are certificate numbers marked revoked. Never raises."""
    try:
        return _verify(text, trusted_keys, revoked_numbers)
    except Exception as error:  # noqa: BLE001 - a verifier must answer, whatever it is fed
        return Verdict("malformed", reason=f"tidak dapat dibaca ({type(error).__name__})")


def _verify(text: object, trusted_keys: Mapping[str, bytes], revoked_numbers: Collection[str]) -> Verdict:
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return Verdict("malformed", reason="bukan teks QR sertifikat")
    text = text.strip()
    if not text.startswith(PREFIX):
        return Verdict("malformed", reason="awalan bukan SRT1:")
    blob = _decode(text)
    if blob is None or len(blob) <= 1 + KID_BYTES + SIG_BYTES:
        return Verdict("malformed", reason="isi QR rusak atau terpotong")
    payload, signature = blob[:-SIG_BYTES], blob[-SIG_BYTES:]
    if payload[0] != VERSION:
        return Verdict("malformed", reason=f"versi {payload[0]} tidak dikenal")
    parsed = _parse(payload)
    if parsed is None:
        return Verdict("malformed", reason="susunan data tidak sah")
    (nomor, nama, kegiatan, _, office), signed_date = parsed
    kid = payload[1 : 1 + KID_BYTES].hex()
    public_raw = trusted_keys.get(kid)
    if public_raw is None:
        return Verdict(
            "unknown_office",
            office=office,
            kid=kid,
            reason="kunci kantor penerbit tidak dikenal (belum diimpor)",
        )
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, payload)
    except InvalidSignature:
        return Verdict("tampered", kid=kid, reason="tanda tangan digital tidak cocok: isi telah diubah")
    status = "revoked" if nomor in revoked_numbers else "valid"
    return Verdict(
        status,
        nomor,
        nama,
        kegiatan,
        signed_date,
        office,
        kid,
        "sertifikat telah dicabut" if status == "revoked" else "sah",
    )
