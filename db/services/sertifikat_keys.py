"""The office's certificate-signing key and the public keys of other offices it trusts.

The Ed25519 private key is created at first use and kept as PKCS#8 PEM in the ``pengaturan``
table, so every database backup carries it (issue #5 asks for that). R21: the office may protect
it with a passphrase (:func:`set_passphrase`; PKCS#8 with the best encryption ``cryptography``
offers); the key is then unlocked once per session with :func:`unlock` and kept in memory only.
The public key is stored beside it (:data:`PUBLIC_KEY`) so verifying never needs the passphrase.
The audit trail records that a key was created, protected, imported or removed and its kid —
never key material or passphrases, which is why these writes bypass :func:`set_setting`'s audit.

Trusted keys of other kecamatan are stored under :data:`TRUSTED_KEY` as ``{kid: {kantor, pem}}``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from db import audit
from db import sertifikat_crypto as crypto
from db.database import db
from db.errors import DomainError, NotFound, ValidationError
from db.services.settings import get_setting, set_setting

PRIVATE_KEY = "sertifikat_kunci_privat"
PUBLIC_KEY = "sertifikat_kunci_publik"
MIN_PASSPHRASE = 8
KEY_STATES = ("tanpa_sandi", "terkunci", "terbuka")
TRUSTED_KEY = "sertifikat_kunci_tepercaya"
MAX_OFFICE_NAME = 120


@dataclass(frozen=True)
class TrustedKey:
    """A public key that verifies certificates. ``own`` marks this office's key."""

    kid: str
    kantor: str
    pem: str
    own: bool = False


class KeyLocked(DomainError):
    """The private key is protected by a passphrase that has not been entered in this session."""

    def __init__(self) -> None:
        super().__init__(
            "Kunci tanda tangan sertifikat terkunci. Masukkan kata sandi kunci sebelum menerbitkan "
            "sertifikat."
        )


_unlocked: dict[str, Ed25519PrivateKey] = {}  # encrypted PEM → key, for this process only


def _encrypted(pem: str) -> bool:
    return "ENCRYPTED PRIVATE KEY" in pem


def _stored_pem() -> str:
    """The stored private key PEM, created (and audited) in one transaction the first time."""
    with db.atomic():
        pem = get_setting(PRIVATE_KEY)
        if pem is None:
            pem = crypto.generate_private_pem()
            key = crypto.load_private_pem(pem)
            set_setting(PRIVATE_KEY, pem, audit_changes=False)
            raw = crypto.raw_public_key(key.public_key())
            set_setting(PUBLIC_KEY, crypto.public_pem(raw), audit_changes=False)
            kid = crypto.key_id(raw).hex()
            audit.record("tambah", "pengaturan", None, {"kid": kid}, "Kunci tanda tangan sertifikat dibuat")
    return pem


def _private_key() -> Ed25519PrivateKey:
    """This office's key; :class:`KeyLocked` when it has a passphrase not yet entered."""
    pem = _stored_pem()
    if not _encrypted(pem):
        return crypto.load_private_pem(pem)
    key = _unlocked.get(pem)
    if key is None:
        raise KeyLocked()
    return key


def _load_with(pem: str, passphrase: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), password=passphrase.encode("utf-8"))
    except (ValueError, TypeError) as error:
        raise ValidationError("Kata sandi kunci sertifikat salah.", "sandi") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ValidationError("Kunci privat bukan Ed25519.", "sandi")
    return key


def key_state() -> str:
    """``tanpa_sandi`` (no passphrase), ``terkunci`` (passphrase not entered) or ``terbuka``."""
    pem = _stored_pem()
    if not _encrypted(pem):
        return "tanpa_sandi"
    return "terbuka" if pem in _unlocked else "terkunci"


def unlock(passphrase: str) -> None:
    """Enter the passphrase for this session (the key stays in memory only)."""
    pem = _stored_pem()
    if _encrypted(pem):
        _unlocked[pem] = _load_with(pem, str(passphrase))


def lock() -> None:
    """Forget every unlocked key (closing the data folder, or on request)."""
    _unlocked.clear()


def set_passphrase(new: str, old: str = "") -> None:
    """Protect the private key with ``new`` (at least 8 characters), or with ``new`` "" remove the
    protection. A protected key needs its current passphrase ``old``."""
    new = str(new)
    if new and len(new) < MIN_PASSPHRASE:
        raise ValidationError(f"Kata sandi kunci paling sedikit {MIN_PASSPHRASE} karakter.", "sandi_baru")
    with db.atomic():
        pem = _stored_pem()
        key = _load_with(pem, str(old)) if _encrypted(pem) else crypto.load_private_pem(pem)
        encryption = (
            serialization.BestAvailableEncryption(new.encode("utf-8"))
            if new
            else serialization.NoEncryption()
        )
        fresh = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
        fresh_pem = fresh.decode("ascii")
        raw = crypto.raw_public_key(key.public_key())
        set_setting(PRIVATE_KEY, fresh_pem, audit_changes=False)
        set_setting(PUBLIC_KEY, crypto.public_pem(raw), audit_changes=False)
        state = "dilindungi kata sandi" if new else "tanpa kata sandi"
        audit.record(
            "ubah", "pengaturan", None, {"kid": crypto.key_id(raw).hex(), "kunci": state},
            f"Kunci tanda tangan sertifikat {state}",
        )  # fmt: skip
    _unlocked.clear()
    if new:
        _unlocked[fresh_pem] = key


def own_key() -> TrustedKey:
    """This office's public key (creating the key pair if there is none yet); no passphrase needed."""
    pem = _stored_pem()
    public = get_setting(PUBLIC_KEY)
    if public:
        raw = crypto.load_public_pem(public)
    else:  # stored before the public key was kept beside it (always unencrypted then)
        raw = crypto.raw_public_key(crypto.load_private_pem(pem).public_key())
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
