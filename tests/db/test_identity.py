"""R11: NIK, phone and date parsers raise only ValidationError; valid NIKs are never rejected,
NIKs of the wrong length never accepted; normalising is idempotent.

Examples per property: ``R11_EXAMPLES`` (default 2,000; the nightly run sets 10,000).
"""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum import numdb

from db import wilayah
from db.errors import ValidationError
from db.identity import format_phone, nik_mismatches, normalise_phone, parse_date, parse_nik

EXAMPLES = int(os.environ.get("R11_EXAMPLES", "2000"))
R11 = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2026, 1, 15)


def _known_kecamatan() -> list[str]:
    """Kecamatan codes (no dots) whose province + kab/kota python-stdnum knows."""
    places = numdb.get("id/loc")
    codes = [
        k.kode.replace(".", "")
        for p in wilayah.children()
        for kab in wilayah.children(p.kode)
        for k in wilayah.children(kab.kode)
    ]
    return [code for code in codes if places.info(code[:4])[0][1]]


KECAMATAN = _known_kecamatan()
anything = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789 .-'+/", max_size=25),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@st.composite
def valid_niks(draw: st.DrawFn) -> tuple[str, date, str]:
    kecamatan = draw(st.sampled_from(KECAMATAN))
    born = draw(st.dates(min_value=date(TODAY.year - 99, 1, 1), max_value=TODAY))
    woman = draw(st.booleans())
    serial = draw(st.integers(min_value=1, max_value=9999))
    day = born.day + 40 if woman else born.day
    return f"{kecamatan}{day:02d}{born:%m%y}{serial:04d}", born, "P" if woman else "L"


def test_known_kecamatan_list_is_large() -> None:
    assert len(KECAMATAN) > 6000
    assert "187204" in KECAMATAN  # Metro Timur


@R11
@given(anything)
def test_parse_nik_raises_only_validation_error(value: object) -> None:
    try:
        info = parse_nik(value, today=TODAY)
    except ValidationError as exc:
        assert exc.problems["nik"]
        return
    assert len(info.nik) == 16 and info.nik.isdigit()


@R11
@given(valid_niks())
def test_valid_nik_is_accepted_with_its_birth_date_and_gender(case: tuple[str, date, str]) -> None:
    nik, born, gender = case
    info = parse_nik(nik, today=TODAY)
    assert (info.nik, info.tanggal_lahir, info.jenis_kelamin) == (nik, born, gender)
    assert nik_mismatches(info, born, gender) == []
    assert parse_nik(f" {nik[:4]}.{nik[4:8]} {nik[8:12]}-{nik[12:]}", today=TODAY).nik == nik
    assert parse_nik("'" + nik, today=TODAY).nik == nik


@R11
@given(valid_niks(), st.integers(min_value=0, max_value=15), st.sampled_from("0123456789"), st.booleans())
def test_nik_of_wrong_length_is_rejected(
    case: tuple[str, date, str], where: int, digit: str, insert: bool
) -> None:
    nik = case[0]
    mutated = nik[:where] + digit + nik[where:] if insert else nik[:where] + nik[where + 1 :]
    with pytest.raises(ValidationError, match="16 angka"):
        parse_nik(mutated, today=TODAY)


def test_nik_rejections_name_the_reason() -> None:
    with pytest.raises(ValidationError, match="0000"):
        parse_nik("1872044107850000", today=TODAY)
    with pytest.raises(ValidationError, match="provinsi"):
        parse_nik("9972044107850004", today=TODAY)
    with pytest.raises(ValidationError, match="Tanggal lahir"):
        parse_nik("1872047307850004", today=TODAY)  # day 33
    with pytest.raises(ValidationError, match="angka"):
        parse_nik("18720441O7850004", today=TODAY)


@R11
@given(anything)
def test_normalise_phone_raises_only_validation_error_and_is_idempotent(value: object) -> None:
    try:
        e164 = normalise_phone(value)
    except ValidationError as exc:
        assert exc.problems["hp"]
        return
    if e164:
        assert e164.startswith("+")
        assert normalise_phone(e164) == e164
        assert normalise_phone(format_phone(e164)) == e164


@R11
@given(
    st.sampled_from(("811", "812", "813", "821", "852", "857", "877", "878", "881", "895", "896")),
    st.integers(min_value=10**6, max_value=10**8 - 1),
)
def test_mobile_numbers_in_every_office_form_give_one_e164(prefix: str, rest: int) -> None:
    national = f"0{prefix}{rest}"
    e164 = normalise_phone(national)
    assert e164 == f"+62{prefix}{rest}"
    for form in (
        national,
        f"+62 {prefix}-{rest}",
        f"62{prefix}{rest}",
        int(national),
        float(national),
        format_phone(e164),
        f"({national[:4]}) {national[4:]}",
    ):
        assert normalise_phone(form) == e164
    assert format_phone(e164).startswith(f"0{prefix}-")


@R11
@given(anything)
def test_parse_date_raises_only_validation_error(value: object) -> None:
    try:
        parsed = parse_date(value)
    except ValidationError:
        return
    assert parsed is None or isinstance(parsed, date)


@R11
@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_in_office_forms_read_back(day: date) -> None:
    months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    excel_serial = (day - date(1899, 12, 30)).days
    for form in (
        day,
        datetime(day.year, day.month, day.day, 8, 30),
        excel_serial,
        f"{day:%d-%m-%Y}",
        f"{day.day}/{day.month}/{day.year}",
        day.isoformat(),
        f"{day.day} {months[day.month - 1]} {day.year}",
    ):
        assert parse_date(form) == day
