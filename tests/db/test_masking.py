"""R16: NIK and phone masking for lists, audit and logs; scrub_text finds them in free text,
also written with spaces, dots or dashes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.masking import mask_nik, mask_phone, mask_value, scrub_text

NIK = "1872014107850004"


def test_mask_nik_keeps_region_and_serial() -> None:
    assert mask_nik(NIK) == "1872••••••••0004"
    assert mask_nik(" 1872014107850004 ") == "1872••••••••0004"
    assert mask_nik("1234567") == "•••••••"
    assert mask_nik("") == ""


def test_mask_phone_keeps_last_three_digits_and_punctuation() -> None:
    assert mask_phone("081234567890") == "•••••••••890"
    assert mask_phone("+62 812-3456-7890") == "+•• •••-••••-•890"
    assert mask_phone("") == ""


def test_mask_value_by_field_name() -> None:
    assert mask_value("nik", [None, NIK]) == [None, "1872••••••••0004"]
    assert mask_value("hp", "081234567890") == "•••••••••890"
    assert mask_value("telepon", ("0721-123456", "")) == ["••••-•••456", ""]
    assert mask_value("nama", NIK) == NIK  # only personal-number fields are masked


@pytest.mark.parametrize(
    "text",
    [
        f"NIK {NIK} ditolak",
        "NIK 1872 0141 0785 0004",
        "NIK 1872.0141.0785.0004",
        "NIK 18.72.01.410785.0004",
        "NIK 1872-0141-0785-0004",
        f"nik={NIK},hp=081234567890",
        "HP 0812-3456-7890 atau +62 812 3456 7890 atau 6281234567890",
        "NIK 18720141078500041 (17 angka)",
    ],
)
def test_scrub_text_leaves_no_full_number(text: str) -> None:
    scrubbed = scrub_text(text)
    digits_only = re.sub(r"[ .\-]", "", scrubbed)
    assert "01410785" not in digits_only
    assert "1234567" not in digits_only and "3456789" not in digits_only


def test_scrub_text_keeps_dates_times_and_small_numbers() -> None:
    line = "2024-12-31 23:59:59,123 INFO ekspor 230 baris ke daftar-2024.pdf (versi 1.2.3)"
    assert scrub_text(line) == line


@settings(max_examples=300, deadline=None)
@given(
    nik=st.from_regex(r"[1-9][0-9]{15}", fullmatch=True),
    sep=st.sampled_from(["", " ", ".", "-"]),
    groups=st.sampled_from([(4, 4, 4, 4), (2, 2, 2, 6, 4), (16,)]),
    before=st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=20),
    after=st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=20),
)
def test_scrub_text_hides_any_nik_in_any_grouping(
    nik: str, sep: str, groups: tuple, before: str, after: str
) -> None:
    parts, start = [], 0
    for size in groups:
        parts.append(nik[start : start + size])
        start += size
    text = f"{before} {sep.join(parts)} {after}"
    scrubbed = scrub_text(text)
    assert nik[4:12] not in re.sub(r"[^0-9]", "", scrubbed)  # the surrounding text holds no digits
