"""The office's certificate-signing key and the public keys of other offices it trusts.

The Ed25519 private key is created at first use and kept as PKCS#8 PEM in the ``pengaturan``
table, so every database backup carries it (issue #5 asks for that). It is **not** encrypted with
a passphrase (R21 asks for one; not done yet): whoever holds the database file can sign
certificates. The audit trail records that a key was created, imported or removed and its kid —
never key material, which is why these writes bypass :func:`set_setting`'s own audit.

Trusted keys of other kecamatan are stored under :data:`TRUSTED_KEY` as ``{kid: {kantor, pem}}``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db import audit
from db import sertifikat_crypto as crypto
from db.database import db
from db.errors import NotFound, ValidationError
from db.services.settings import get_setting, set_setting

PRIVATE_KEY = "sertifikat_kunci_privat"
TRUSTED_KEY = "sertifikat_kunci_tepercaya"
MAX_OFFICE_NAME = 120


@dataclass(frozen=True)
class TrustedKey:
    """A public key that verifies certificates. ``own`` marks this office's key."""

    kid: str
    kantor: str
    pem: str
    own: bool = False


def _private_key() -> Ed25519PrivateKey:
    """This office's key, created (and audited) in one transaction the first time it is needed."""
    with db.atomic():
        pem = get_setting(PRIVATE_KEY)
        if pem is None:
            pem = crypto.generate_private_pem()
            set_setting(PRIVATE_KEY, pem, audit_changes=False)
            kid = crypto.key_id(crypto.raw_public_key(crypto.load_private_pem(pem).public_key())).hex()
            audit.record("tambah", "pengaturan", None, {"kid": kid}, "Kunci tanda tangan sertifikat dibuat")
    return crypto.load_private_pem(pem)


def own_key() -> TrustedKey:
    """This office's public key (creating the key pair if there is none yet)."""
    raw = crypto.raw_public_key(_private_key().public_key())
    return TrustedKey(crypto.key_id(raw).hex(), "Kantor ini", crypto.public_pem(raw), own=True)


def export_public_key() -> str:
    """PEM text to send to another office so it can verify this office's certificates."""
    return own_key().pem


def sign_claim(claim: crypto.CertificateClaim) -> str:
    """The ``SRT1:…`` QR text of one certificate, signed with this office's key."""
    return crypto.sign(claim, _private_key())


def _stored_trusted() -> dict[str, dict[str, str]]:
    value = get_setting(TRUSTED_KEY, {})
    return value if isinstance(value, dict) else {}


def list_trusted_keys() -> list[TrustedKey]:
    """This office's key first, then imported keys by office name."""
    imported = [
        TrustedKey(kid, entry.get("kantor", ""), entry.get("pem", ""))
        for kid, entry in _stored_trusted().items()
    ]
    return [own_key(), *sorted(imported, key=lambda k: (k.kantor.casefold(), k.kid))]


def trusted_key_map() -> dict[str, bytes]:
    """kid hex → raw public key, for :func:`db.sertifikat_crypto.verify`."""
    return {key.kid: crypto.load_public_pem(key.pem) for key in list_trusted_keys()}


def import_trusted_key(pem: str, kantor: str) -> TrustedKey:
    """Trust another office's public key (PEM). Importing the same key again renames it."""
    name = " ".join(str(kantor).split())
    if not name:
        raise ValidationError("Nama kantor penerbit wajib diisi.", "kantor")
    if len(name) > MAX_OFFICE_NAME:
        raise ValidationError(f"Nama kantor paling banyak {MAX_OFFICE_NAME} karakter.", "kantor")
    try:
        raw = crypto.load_public_pem(str(pem))
    except ValueError as error:
        raise ValidationError(f"Kunci publik tidak dapat dibaca: {error}.", "pem") from error
    kid = crypto.key_id(raw).hex()
    if kid == own_key().kid:
        raise ValidationError("Ini kunci publik kantor ini sendiri; tidak perlu diimpor.", "pem")
    with db.atomic():
        stored = _stored_trusted()
        action = "ubah" if kid in stored else "tambah"
        stored[kid] = {"kantor": name, "pem": crypto.public_pem(raw)}
        set_setting(TRUSTED_KEY, stored, audit_changes=False)
        audit.record(
            action,
            "pengaturan",
            None,
            {"kid": kid, "kantor": name},
            f"Kunci publik sertifikat {name} diimpor",
        )
    return TrustedKey(kid, name, stored[kid]["pem"])


def remove_trusted_key(kid: str) -> None:
    """Stop trusting an imported key; certificates signed with it then verify as unknown office."""
    with db.atomic():
        stored = _stored_trusted()
        entry = stored.pop(kid, None)
        if entry is None:
            raise NotFound("Kunci publik itu tidak ada dalam daftar.")
        set_setting(TRUSTED_KEY, stored, audit_changes=False)
        audit.record(
            "hapus",
            "pengaturan",
            None,
            {"kid": kid, "kantor": entry.get("kantor", "")},
            f"Kunci publik sertifikat {entry.get('kantor', '')} dihapus",
        )


def verify_text(text: str, revoked_numbers: Collection[str] = ()) -> crypto.Verdict:
    """Verify a scanned or pasted QR text against every trusted key. Never raises on bad input."""
    return crypto.verify(text, trusted_key_map(), revoked_numbers)
