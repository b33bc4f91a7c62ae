"""Undangan service: defaults from the kegiatan and profile, the number composed from the pattern
(blank urut, Roman month of the letter's date, a refused pattern explained as a letter's), the
one-per-kegiatan save with its audit rows, and validation messages per field."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from db.database import db
from db.errors import ValidationError
from db.services.kegiatan import KegiatanForm, save_kegiatan
from db.services.undangan import BLANK_URUT, compose_nomor, default_undangan, get_undangan, save_undangan


@pytest.fixture
def kegiatan(store) -> int:  # noqa: ANN001
    return save_kegiatan(KegiatanForm("Rakor", "Rakor Pokjanal", date(2026, 3, 10), date(2026, 3, 10)))


def test_number_from_the_pattern() -> None:
    assert compose_nomor("{urut}/{kode}/{unit}/{bulan_romawi}/{tahun}", 45, "KEC-MT", date(2026, 3, 2),
                         "445.8") == "45/445.8/KEC-MT/III/2026"  # fmt: skip
    assert (
        compose_nomor("{urut:03d}/{kode}/{tahun}", None, "", date(2026, 3, 2), "005")
        == f"{BLANK_URUT}/005/2026"
    )
    with pytest.raises(ValidationError, match="Pola nomor surat tidak sah") as error:
        compose_nomor("{nomor}/{tahun}", 1, "", date(2026, 3, 2), "005")
    assert set(error.value.problems) == {"nomor_pola"}


def test_defaults_save_once_and_audit(kegiatan: int) -> None:
    form = get_undangan(kegiatan)
    assert form.id is None and form == default_undangan(kegiatan, form.tanggal)
    assert form.hal == "Undangan Rakor Pokjanal" and form.sifat == "Biasa" and form.lampiran == "-"
    first = save_undangan(
        replace(form, nomor_urut=7, tanggal=date(2026, 3, 2), kepada=" Lurah A \n\n Lurah B ")
    )
    saved = get_undangan(kegiatan)
    assert saved.nomor == "445.8/7/KEC/III/2026" and saved.kepada == "Lurah A\nLurah B"
    assert save_undangan(replace(saved, hal="Undangan rapat")) == first
    assert save_undangan(get_undangan(kegiatan)) == first  # no change, no audit row
    rows = db.execute_sql(
        "SELECT aksi, perubahan FROM riwayat WHERE entitas = 'undangan' ORDER BY id"
    ).fetchall()
    assert [r[0] for r in rows] == ["tambah", "ubah"]
    assert json.loads(rows[1][1]) == {"hal": ["Undangan Rakor Pokjanal", "Undangan rapat"]}


def test_typed_number_and_validation(kegiatan: int) -> None:
    form = replace(get_undangan(kegiatan), nomor_pola="", nomor="005/123/KEC/2026")
    save_undangan(form)
    assert get_undangan(kegiatan).nomor == "005/123/KEC/2026"
    with pytest.raises(ValidationError) as error:
        save_undangan(replace(form, hal=" ", kepada="", sifat="Kilat", tanggal=None, nomor_urut=0))
    assert set(error.value.problems) == {"hal", "kepada", "sifat", "tanggal", "nomor_urut"}


def test_letter_date_never_after_the_kegiatan() -> None:
    from db.services.undangan import default_letter_date

    mulai = date(2026, 3, 10)  # a Tuesday
    assert default_letter_date(mulai, date(2026, 2, 20)) == date(2026, 2, 20)  # planned early: today
    assert default_letter_date(mulai, date(2026, 3, 9)) == date(2026, 3, 6)  # too close: Saturday → Friday
    assert default_letter_date(mulai, date(2026, 4, 1)) == date(2026, 3, 6)  # written afterwards
    assert default_letter_date(date(2026, 3, 12), date(2026, 4, 1)) == date(2026, 3, 9)  # a Monday stays
