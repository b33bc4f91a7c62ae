"""Verification vectors and fuzzing for the signed certificate QR payload (R21)."""

from __future__ import annotations

import base64
from datetime import date

import pytest
import segno
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import sertifikat_crypto as crypto

CLAIM = crypto.CertificateClaim(
    nomor="007/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026",
    nama="Siti Aminah",
    kegiatan="Bimtek Kader Posyandu ILP",
    tanggal=date(2026, 7, 21),
    office="18.72.01",
)


def _key(seed: int) -> crypto.Ed25519PrivateKey:
    return crypto.Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32)


OFFICE = _key(1)
OTHER = _key(2)


def _trusted(*keys: crypto.Ed25519PrivateKey) -> dict[str, bytes]:
    raws = [crypto.raw_public_key(k.public_key()) for k in keys]
    return {crypto.key_id(raw).hex(): raw for raw in raws}


TRUSTED = _trusted(OFFICE)
VALID = crypto.sign(CLAIM, OFFICE)


def _blob(text: str) -> bytes:
    body = text[len(crypto.PREFIX) :]
    return base64.b32decode(body + "=" * (-len(body) % 8))


def _text(blob: bytes) -> str:
    return crypto.PREFIX + base64.b32encode(blob).decode().rstrip("=")


def test_valid_payload_round_trips_the_signed_fields() -> None:
    verdict = crypto.verify(VALID, TRUSTED)
    assert verdict.status == "valid" and verdict.accepted
    assert (verdict.nomor, verdict.nama, verdict.kegiatan, verdict.tanggal, verdict.office) == (
        CLAIM.nomor,
        CLAIM.nama,
        CLAIM.kegiatan,
        CLAIM.tanggal,
        CLAIM.office,
    )
    assert crypto.verify(f"  {VALID}\r\n", TRUSTED).status == "valid"  # a USB scanner's Enter


def test_name_is_signed_in_nfc() -> None:
    decomposed = crypto.CertificateClaim("1", "Sitti Zu\u0308hra", "K", date(2026, 1, 2), "X")
    assert crypto.verify(crypto.sign(decomposed, OFFICE), TRUSTED).nama == "Sitti Z\u00fchra"


def test_qr_stays_within_version_12_at_level_q_for_long_fields() -> None:
    claim = crypto.CertificateClaim(
        "999/400.7/BIMTEK-POKJANAL/KECAMATAN-METRO-PUSAT/VIII/2026",
        "Dr. Hj. Raden Ayu " + "Sekar Kinasih " * 20,
        "Bimtek " * 40,
        date(2026, 8, 30),
        "18.72.01",
    )
    text = crypto.sign(claim, OFFICE)
    assert segno.make_qr(text, error="q", mask=0, boost_error=False).version <= 12
    verdict = crypto.verify(text, TRUSTED)
    assert verdict.status == "valid" and verdict.nama.endswith("…") and verdict.nama.startswith("Dr. Hj.")
    assert len(_blob(text)) - crypto.SIG_BYTES <= crypto.MAX_PAYLOAD


def test_control_characters_cannot_forge_field_boundaries() -> None:
    sneaky = crypto.CertificateClaim("1", "Ani\x1fpalsu", "K\x00", date(2026, 1, 2), "X")
    verdict = crypto.verify(crypto.sign(sneaky, OFFICE), TRUSTED)
    assert (verdict.status, verdict.nama, verdict.kegiatan) == ("valid", "Anipalsu", "K")


@pytest.mark.parametrize(
    "field, value",
    [
        ("nomor", "008/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026"),
        ("nama", "Siti Aminah S.Pd"),
        ("kegiatan", "Bimtek Kader Posyandu ILQ"),
        ("tanggal", date(2026, 7, 22)),
        ("office", "18.72.02"),
    ],
)
def test_every_field_altered_after_signing_is_tampered(field: str, value: object) -> None:
    forged_claim = crypto.CertificateClaim(**{**CLAIM.__dict__, field: value})
    kid = crypto.key_id(crypto.raw_public_key(OFFICE.public_key()))
    forged = _text(crypto.payload_bytes(forged_claim, kid) + _blob(VALID)[-crypto.SIG_BYTES :])
    assert crypto.verify(forged, TRUSTED).status == "tampered"


def test_every_flipped_byte_is_refused() -> None:
    blob = _blob(VALID)
    for index in range(len(blob)):
        for bit in (0x01, 0x80):
            mutated = bytearray(blob)
            mutated[index] ^= bit
            verdict = crypto.verify(_text(bytes(mutated)), TRUSTED)
            assert verdict.status in {"tampered", "malformed", "unknown_office"}, (index, bit)
            assert verdict.nama == ""


VECTORS = [
    ("truncated", VALID[:-10], "malformed"),
    ("truncated to the prefix", crypto.PREFIX, "malformed"),
    ("one character short", VALID[:-1], {"malformed", "tampered"}),
    ("trailing junk", VALID + "AA", {"malformed", "tampered"}),
    ("trailing junk after space", VALID + " X", "malformed"),
    ("bad prefix", "SRT2:" + VALID[5:], "malformed"),
    ("no prefix", VALID[5:], "malformed"),
    ("lower-case prefix", "srt1:" + VALID[5:], "malformed"),
    ("lower-case body", crypto.PREFIX + VALID[5:].lower(), "malformed"),
    ("bad base32 digit", VALID[:20] + "1" + VALID[21:], "malformed"),
    ("padding", VALID + "=" * (-len(VALID[5:]) % 8 or 8), "malformed"),
    ("empty", "", "malformed"),
    ("10 kB", crypto.PREFIX + "A" * 10_000, "malformed"),
    ("10 kB binary-ish", "\x00\ud800" * 5000, "malformed"),
    ("not a string", b"SRT1:AAAA", "malformed"),
    ("none", None, "malformed"),
    ("wrong version", _text(b"\x02" + _blob(VALID)[1:]), "malformed"),
]


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in VECTORS], ids=[n for n, _, _ in VECTORS])
def test_vectors(text: object, expected: str | set[str]) -> None:
    status = crypto.verify(text, TRUSTED).status
    assert status in ({expected} if isinstance(expected, str) else expected)


def test_unknown_office_then_trusted_after_import() -> None:
    text = crypto.sign(CLAIM, OTHER)
    unknown = crypto.verify(text, TRUSTED)
    assert (unknown.status, unknown.office, unknown.nama) == ("unknown_office", "18.72.01", "")
    assert crypto.verify(text, _trusted(OFFICE, OTHER)).status == "valid"


def test_signature_of_another_key_under_our_kid_is_tampered() -> None:
    kid = crypto.key_id(crypto.raw_public_key(OFFICE.public_key()))
    payload = crypto.payload_bytes(CLAIM, kid)
    assert crypto.verify(_text(payload + OTHER.sign(payload)), TRUSTED).status == "tampered"


def test_revoked_number_keeps_its_signed_fields() -> None:
    verdict = crypto.verify(VALID, TRUSTED, {CLAIM.nomor})
    assert (verdict.status, verdict.nama, verdict.accepted) == ("revoked", "Siti Aminah", False)
    assert crypto.verify(VALID, TRUSTED, {"999/other"}).status == "valid"


def test_stray_bits_in_the_last_character_are_not_a_second_spelling() -> None:
    names = (
        crypto.sign(crypto.CertificateClaim("1", "A" * n, "K", date(2026, 1, 2), "X"), OFFICE)
        for n in range(1, 6)
    )
    text = next(t for t in names if len(t[5:]) % 8 != 0)  # last character carries unused bits
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    others = [text[:-1] + ch for ch in alphabet if ch != text[-1]]
    same_bytes = [t for t in others if _blob(t) == _blob(text)]
    assert same_bytes  # the stdlib decoder alone would accept these
    assert [t for t in others if crypto.verify(t, TRUSTED).accepted] == []


def test_pem_round_trip_and_kid() -> None:
    pem = crypto.generate_private_pem()
    key = crypto.load_private_pem(pem)
    raw = crypto.raw_public_key(key.public_key())
    assert crypto.load_public_pem(crypto.public_pem(raw)) == raw
    assert len(crypto.key_id(raw)) == 8
    with pytest.raises(ValueError, match="kunci publik"):
        crypto.load_public_pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400) | st.text(alphabet="SRT1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567=", max_size=400))
def test_random_strings_are_never_accepted_and_never_crash(text: str) -> None:
    verdict = crypto.verify(text, TRUSTED, {CLAIM.nomor})
    assert verdict.status in crypto.STATUSES and verdict.status not in {"valid", "revoked"}


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=0, max_value=len(VALID) - 1),
    st.characters(codec="utf-8"),
    st.sampled_from(["replace", "insert", "delete"]),
)
def test_single_character_mutations_are_never_accepted(index: int, char: str, how: str) -> None:
    if how == "replace":
        if VALID[index] == char:
            return
        mutated = VALID[:index] + char + VALID[index + 1 :]
    elif how == "insert":
        mutated = VALID[:index] + char + VALID[index:]
    else:
        mutated = VALID[:index] + VALID[index + 1 :]
    if mutated.strip() == VALID:
        return  # whitespace added around the text: the same QR text, rightly still valid
    verdict = crypto.verify(mutated, TRUSTED)
    assert verdict.status in {"tampered", "malformed", "unknown_office"}


def test_longest_allowed_number_still_leaves_room_for_name_and_kegiatan() -> None:
    from db.sertifikat_nomor import MAX_LENGTH

    claim = crypto.CertificateClaim(
        "9" * MAX_LENGTH,
        "Muhammad Abdurrahman Hasyim Asy'ari",
        "Bimtek " * 30,
        date(2026, 12, 31),
        "18.72.04.2001",
    )
    verdict = crypto.verify(crypto.sign(claim, OFFICE), TRUSTED)
    assert verdict.status == "valid" and verdict.nama.startswith("Muhammad Abd") and verdict.kegiatan
