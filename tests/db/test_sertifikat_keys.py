"""The office signing key in the database, trusted keys of other offices, and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from db import sertifikat_crypto as crypto
from db.errors import NotFound, ValidationError
from db.models import Pengaturan, Riwayat
from db.services import sertifikat_keys as keys

CLAIM = crypto.CertificateClaim(
    "001/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026", "Rahmawati", "Bimtek ILP", date(2026, 7, 21), "18.72.01"
)


def _other_office_pem() -> tuple[str, crypto.Ed25519PrivateKey]:
    key = crypto.load_private_pem(crypto.generate_private_pem())
    return crypto.public_pem(crypto.raw_public_key(key.public_key())), key


def test_key_is_created_once_stored_in_pengaturan_and_audited_without_key_material(store) -> None:
    first = keys.own_key()
    assert keys.own_key() == first and first.own and len(first.kid) == 16
    stored = Pengaturan.get(Pengaturan.kunci == keys.PRIVATE_KEY).nilai
    assert "BEGIN PRIVATE KEY" in stored  # inside the database, so inside every backup
    rows = list(Riwayat.select())
    assert len(rows) == 1 and first.kid in rows[0].perubahan
    assert all("PRIVATE" not in (row.perubahan or "") for row in Riwayat.select())
    assert keys.export_public_key().startswith("-----BEGIN PUBLIC KEY-----")


def test_signed_claim_verifies_and_revoked_number_reports_revoked(store) -> None:
    text = keys.sign_claim(CLAIM)
    assert keys.verify_text(text).status == "valid"
    assert keys.verify_text(text, {CLAIM.nomor}).status == "revoked"
    assert keys.verify_text(text[:-3] + "AAA").status in {"tampered", "malformed"}


def test_import_trusts_another_office_and_removal_untrusts_it(store) -> None:
    pem, other = _other_office_pem()
    foreign = crypto.sign(CLAIM, other)
    assert keys.verify_text(foreign).status == "unknown_office"
    imported = keys.import_trusted_key(pem, "  Kecamatan  Metro Barat ")
    assert imported.kantor == "Kecamatan Metro Barat"
    assert keys.verify_text(foreign).nama == "Rahmawati"
    assert [k.kantor for k in keys.list_trusted_keys()] == ["Kantor ini", "Kecamatan Metro Barat"]
    keys.import_trusted_key(pem, "Kec. Metro Barat")  # same key again: renamed, not duplicated
    assert len(keys.list_trusted_keys()) == 2
    keys.remove_trusted_key(imported.kid)
    assert keys.verify_text(foreign).status == "unknown_office"
    summaries = [row.ringkasan for row in Riwayat.select().order_by(Riwayat.id)]
    assert any("diimpor" in s for s in summaries) and any("dihapus" in s for s in summaries)
    with pytest.raises(NotFound):
        keys.remove_trusted_key(imported.kid)


@pytest.mark.parametrize(
    "pem, kantor, field",
    [
        ("bukan kunci", "Kec. A", "pem"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "Kec. A", "pem"),
        (None, "   ", "kantor"),
    ],
)
def test_import_refuses_bad_input_in_indonesian(store, pem, kantor, field) -> None:
    pem = pem or _other_office_pem()[0]
    with pytest.raises(ValidationError) as error:
        keys.import_trusted_key(pem, kantor)
    assert field in error.value.problems


def test_own_key_cannot_be_imported_as_foreign(store) -> None:
    with pytest.raises(ValidationError, match="kantor ini sendiri"):
        keys.import_trusted_key(keys.export_public_key(), "Kami")


def test_private_key_is_inside_every_backup(store, paths) -> None:
    import json
    import sqlite3

    from db.backup import create_backup

    kid = keys.own_key().kid
    copy = sqlite3.connect(create_backup(paths, "manual"))
    try:
        query = "SELECT nilai FROM pengaturan WHERE kunci = ?"
        (stored,) = copy.execute(query, (keys.PRIVATE_KEY,)).fetchone()
    finally:
        copy.close()
    restored = crypto.load_private_pem(json.loads(stored))
    assert crypto.key_id(crypto.raw_public_key(restored.public_key())).hex() == kid


def test_closing_the_data_folder_forgets_the_unlocked_key(tmp_path) -> None:  # noqa: ANN001
    from db.paths import DataPaths
    from db.services import sertifikat_keys as keys
    from db.session import DataStore

    store = DataStore(DataPaths(tmp_path / "data").ensure(), auto_backup=False)
    store.open()
    keys.set_passphrase("sandi-rahasia-123")
    keys.lock()
    keys.unlock("sandi-rahasia-123")
    assert keys.key_state() == "terbuka"
    store.close()
    store = DataStore(DataPaths(tmp_path / "data").ensure(), auto_backup=False)
    store.open()
    try:
        assert keys.key_state() == "terkunci"
    finally:
        store.close()
