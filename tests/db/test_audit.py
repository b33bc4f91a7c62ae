"""R18: every service write adds its audit row in the same transaction, with NIK and phone
masked; a write that fails leaves neither the change nor an audit row."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from db import audit
from db.database import db
from db.errors import ValidationError
from db.models import Penandatangan, Pengaturan, Riwayat
from db.services import penandatangan, profile, riwayat, settings
from db.session import DataStore

NIK = "1872014107850004"
PHONE = "081234567890"


def audit_rows() -> list[Riwayat]:
    return list(Riwayat.select().order_by(Riwayat.id))


def state() -> tuple[list[tuple], list[tuple], int]:
    return (
        list(Penandatangan.select().tuples()),
        list(Pengaturan.select().tuples()),
        Riwayat.select().count(),
    )


OFFICE = profile.OfficeProfile(
    pemerintah="Pemerintah Kota Metro", unit="Kecamatan Metro Timur", telepon=PHONE
)


def test_each_service_write_adds_one_matching_audit_row(store: DataStore) -> None:
    audit.set_operator("Operator Uji")
    try:
        created = penandatangan.save_signatory(penandatangan.SignatoryData(nama="Drs. A", jabatan="Camat"))
        penandatangan.save_signatory(replace(created, jabatan="Sekretaris Camat"))
        penandatangan.set_signatory_active(created.id, False)
        settings.set_setting("tema", "gelap")
        profile.save_profile(OFFICE)
        profile.set_logo("daerah", b"\x89PNG\r\n\x1a\n" + bytes(20))
    finally:
        audit.set_operator("")
    rows = audit_rows()
    assert [(r.aksi, r.entitas, r.entitas_id) for r in rows] == [
        ("tambah", "penandatangan", created.id),
        ("ubah", "penandatangan", created.id),
        ("ubah", "penandatangan", created.id),
        ("ubah", "pengaturan", None),
        ("ubah", "kantor", None),
        ("ubah", "kantor", None),
    ]
    assert {r.operator for r in rows} == {"Operator Uji"}
    assert json.loads(rows[1].perubahan) == {"jabatan": ["Camat", "Sekretaris Camat"]}
    assert json.loads(rows[2].perubahan) == {"aktif": [True, False]}


def test_unchanged_save_adds_no_audit_row(store: DataStore) -> None:
    created = penandatangan.save_signatory(penandatangan.SignatoryData(nama="Drs. A", jabatan="Camat"))
    settings.set_setting("tema", "gelap")
    count = Riwayat.select().count()
    penandatangan.save_signatory(created)
    settings.set_setting("tema", "gelap")
    assert Riwayat.select().count() == count


def test_personal_numbers_are_masked_in_the_trail(store: DataStore) -> None:
    profile.save_profile(OFFICE)
    with db.atomic():
        audit.record(
            "ubah", "kader", 7, {"nik": ["", NIK], "hp": [PHONE, "+6281298765432"], "nama": ["A", "B"]}
        )
    raw = " ".join(r.perubahan for r in audit_rows())
    for secret in (NIK, PHONE, "81234567890", "6281298765432", "01410785"):
        assert secret not in raw
    kader_row = json.loads(audit_rows()[-1].perubahan)
    assert kader_row["nik"] == ["", "1872••••••••0004"]
    assert kader_row["hp"] == ["•••••••••890", "+••••••••••432"]
    assert kader_row["nama"] == ["A", "B"]
    shown = riwayat.list_changes("kader")[0].describe_changes()
    assert NIK not in shown and "0004" in shown


@pytest.mark.parametrize("fail_in", ["audit-insert", "after-audit"])
def test_failing_write_leaves_neither_change_nor_audit_row(
    store: DataStore, monkeypatch: pytest.MonkeyPatch, fail_in: str
) -> None:
    created = penandatangan.save_signatory(penandatangan.SignatoryData(nama="Drs. A", jabatan="Camat"))
    profile.save_profile(OFFICE)
    before = state()

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk penuh")

    real_record = audit.record

    def record_then_fail(*args: object, **kwargs: object) -> None:
        real_record(*args, **kwargs)
        assert Riwayat.select().count() == before[2] + 1  # the row exists inside the transaction
        raise RuntimeError("gagal setelah riwayat ditulis")

    if fail_in == "audit-insert":  # the change is made, then the audit insert fails
        monkeypatch.setattr(Riwayat, "create", boom)
    else:  # change and audit row are both written, then the transaction fails
        monkeypatch.setattr(audit, "record", record_then_fail)

    attempts = [
        lambda: penandatangan.save_signatory(penandatangan.SignatoryData(nama="Baru", jabatan="Lurah")),
        lambda: penandatangan.save_signatory(replace(created, jabatan="Berubah")),
        lambda: settings.set_setting("tema", "terang"),
        lambda: profile.save_profile(replace(OFFICE, alamat="Jl. Baru")),
        lambda: profile.set_logo("kedua", b"\xff\xd8\xff" + bytes(10)),
    ]
    for attempt in attempts:
        with pytest.raises(RuntimeError):
            attempt()
        assert state() == before


def test_rejected_input_writes_nothing(store: DataStore) -> None:
    before = state()
    with pytest.raises(ValidationError) as rejected:
        penandatangan.save_signatory(penandatangan.SignatoryData(nama=" ", jabatan="", nip="1234"))
    assert set(rejected.value.problems) == {"nama", "jabatan", "nip"}
    with pytest.raises(ValidationError):
        profile.save_profile(replace(OFFICE, kode_pos="123"))
    with pytest.raises(ValidationError):
        profile.set_logo("daerah", b"GIF89a")
    assert state() == before
