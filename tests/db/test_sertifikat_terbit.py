"""Certificate rules, overrides, issuing, revoking and verification on the demo bimtek."""

from __future__ import annotations

import base64
import random
from dataclasses import replace
from datetime import date

import pytest

from db import sertifikat_crypto as crypto
from db.errors import ValidationError
from db.models import NomorUrut, Riwayat, Sertifikat
from db.services import sertifikat_keys
from db.services.demo import load_demo
from db.services.demo_kegiatan import BIMTEK_NAMA
from db.services.kegiatan import list_kegiatan
from db.services.peserta import roster_order
from db.services.sertifikat import eligibility, get_aturan, hapus_pengecualian, save_aturan, set_pengecualian
from db.services.sertifikat_terbit import cabut, cabut_nomor, list_sertifikat, terbitkan
from db.services.sertifikat_verifikasi import verifikasi

TERBIT = date(2026, 7, 23)


@pytest.fixture
def bimtek(store) -> int:
    load_demo()
    yield next(k.id for k in list_kegiatan() if k.nama == BIMTEK_NAMA)
    sertifikat_keys.lock()


def test_default_rule_every_held_day_and_roles_always(bimtek: int) -> None:
    rows = eligibility(bimtek)
    assert [r.peserta_id for r in rows] == [p.id for p in roster_order(bimtek)]
    peserta = [r for r in rows if r.peran == "Peserta"]
    assert all(r.hari == 2 for r in rows)  # day 3 is tomorrow: not held yet
    assert all(r.layak == (r.hadir == 2) for r in peserta)
    partial = next(r for r in peserta if r.hadir == 1)
    assert not partial.layak and partial.alasan == "hadir 1 dari 2 hari; syarat 2"
    assert all(r.layak and "selalu" in r.alasan for r in rows if r.peran in ("Narasumber", "Panitia"))
    assert 150 < sum(r.layak for r in rows) < 235


def test_percent_rule_and_override_with_required_note(bimtek: int) -> None:
    save_aturan(replace(get_aturan(bimtek), min_persen=50))
    rows = {r.peserta_id: r for r in eligibility(bimtek)}
    half = next(r for r in rows.values() if r.peran == "Peserta" and r.hadir == 1)
    assert half.layak and half.alasan == "hadir 1 dari 2 hari (50 %); syarat 50 %"
    with pytest.raises(ValidationError):
        save_aturan(replace(get_aturan(bimtek), min_hari=2))  # both rules at once
    with pytest.raises(ValidationError, match="Catatan"):
        set_pengecualian(half.peserta_id, False, "  ")
    set_pengecualian(half.peserta_id, False, "hanya hadir pembukaan")
    row = next(r for r in eligibility(bimtek) if r.peserta_id == half.peserta_id)
    assert not row.layak and row.layak_aturan and row.pengecualian is False
    assert "hanya hadir pembukaan" in row.alasan
    assert Riwayat.select().where(Riwayat.entitas == "sertifikat_pengecualian").count() == 1
    hapus_pengecualian(half.peserta_id)
    assert next(r for r in eligibility(bimtek) if r.peserta_id == half.peserta_id).layak


def test_numbers_in_roster_order_in_sequence_and_issuing_is_idempotent(bimtek: int) -> None:
    eligible = [r for r in eligibility(bimtek) if r.layak]
    first = terbitkan(bimtek, TERBIT)
    assert [c.peserta_id for c in first.baru] == [r.peserta_id for r in eligible]
    assert [c.urut for c in first.baru] == list(range(1, len(eligible) + 1))
    assert first.baru[6].nomor == "007/445.8/BIMTEK-POKJANAL/KEC-MT/VII/2026"
    assert len({c.nomor for c in first.baru}) == len(eligible)
    again = terbitkan(bimtek, TERBIT)
    assert again.baru == () and again.sudah == len(eligible)
    assert [c.nomor for c in list_sertifikat(bimtek)] == [c.nomor for c in first.baru]
    audit = Riwayat.select().where((Riwayat.entitas == "sertifikat") & (Riwayat.aksi == "terbit")).count()
    assert audit == len(eligible)


def test_revoked_keeps_its_number_and_the_person_gets_a_new_one(bimtek: int) -> None:
    issued = terbitkan(bimtek, TERBIT).baru
    total = len(issued)
    with pytest.raises(ValidationError, match="Alasan"):
        cabut(issued[1].id, "")
    revoked = cabut(issued[1].id, "salah tulis nama")
    assert revoked.status == "dicabut" and revoked.nomor == issued[1].nomor
    assert verifikasi(issued[1].qr).status == "dicabut"
    assert verifikasi(issued[1].nomor).status == "dicabut"
    renewed = terbitkan(bimtek, TERBIT).baru
    assert len(renewed) == 1 and renewed[0].peserta_id == issued[1].peserta_id
    assert renewed[0].urut == total + 1 and verifikasi(renewed[0].qr).sah
    Sertifikat.delete().where(Sertifikat.id == renewed[0].id).execute()  # even if a row vanished…
    cabut_nomor(issued[2].nomor, "dobel")
    again = terbitkan(bimtek, TERBIT).baru  # both people again, in roster order
    assert [c.urut for c in again] == [total + 2, total + 3]  # …its number is never handed out again
    assert NomorUrut.get_by_id("sertifikat:2026").terakhir == total + 3


def test_verification_verdicts_and_signed_name(bimtek: int) -> None:
    cert = terbitkan(bimtek, TERBIT).baru[0]
    ok = verifikasi(cert.qr)
    assert ok.sah and ok.nama == cert.nama and ok.nomor == cert.nomor and ok.tanggal == TERBIT
    assert verifikasi(f"  {cert.nomor.lower()}  ").nama == cert.nama
    blob = bytearray(base64.b32decode(cert.qr[5:] + "=" * (-len(cert.qr[5:]) % 8)))
    for index in (12, len(blob) - 1):  # a byte of the name, a byte of the signature
        flipped = blob.copy()
        flipped[index] ^= 0x01
        text = crypto.PREFIX + base64.b32encode(bytes(flipped)).decode().rstrip("=")
        assert verifikasi(text).status == "dipalsukan"
    assert verifikasi("999/X/2026").status == "tidak_ditemukan"
    rng = random.Random(5)
    junk = ["A" * 10_000, bytes(rng.randrange(256) for _ in range(300)), None, "SRT1:" + "Z" * 300, "\x00"]
    assert all(verifikasi(item).status in ("tidak_terbaca", "tidak_ditemukan") for item in junk)


def test_another_office_verifies_once_its_key_is_imported(bimtek: int) -> None:
    other = crypto.load_private_pem(crypto.generate_private_pem())
    claim = crypto.CertificateClaim(
        "001/400.7/BIMTEK/KEC-MP/VII/2026", "Ani Lestari", "Bimtek", TERBIT, "18.72.01"
    )
    text = crypto.sign(claim, other)
    unknown = verifikasi(text)
    assert unknown.status == "kantor_lain" and unknown.kantor == "18.72.01" and unknown.nama == ""
    raw = crypto.raw_public_key(other.public_key())
    sertifikat_keys.import_trusted_key(crypto.public_pem(raw), "Kecamatan Metro Pusat")
    known = verifikasi(text)
    assert known.sah and known.nama == "Ani Lestari" and known.penerbit == "Kecamatan Metro Pusat"


def test_passphrase_locks_issuing_but_not_verification(bimtek: int) -> None:
    cert = terbitkan(bimtek, TERBIT).baru[0]
    with pytest.raises(ValidationError):
        sertifikat_keys.set_passphrase("pendek")
    sertifikat_keys.set_passphrase("rahasia kantor 2026")
    pem = sertifikat_keys.get_setting(sertifikat_keys.PRIVATE_KEY)
    assert "ENCRYPTED PRIVATE KEY" in pem and sertifikat_keys.key_state() == "terbuka"
    sertifikat_keys.lock()
    assert sertifikat_keys.key_state() == "terkunci"
    assert verifikasi(cert.qr).sah  # the public key is stored beside the encrypted private key
    set_pengecualian(next(r for r in eligibility(bimtek) if not r.layak).peserta_id, True, "susulan")
    with pytest.raises(sertifikat_keys.KeyLocked):
        terbitkan(bimtek, TERBIT)
    assert len(list_sertifikat(bimtek)) == len([r for r in eligibility(bimtek) if r.status == "valid"])
    with pytest.raises(ValidationError, match="salah"):
        sertifikat_keys.unlock("bukan sandinya")
    sertifikat_keys.unlock("rahasia kantor 2026")
    assert verifikasi(terbitkan(bimtek, TERBIT).baru[0].qr).sah
    assert "rahasia" not in " ".join(r.perubahan + r.ringkasan for r in Riwayat.select())
