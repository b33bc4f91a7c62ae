"""R12: random small workbooks (cell types, merges, sheet names, header spellings) never raise
anything but a reported rejection, and each ends imported or with a report.

``IMPORT_FUZZ_EXAMPLES`` sets the count (CI 200; nightly e.g. 20000).
"""

from __future__ import annotations

import os
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from db.importer.apply import apply_plan
from db.importer.header import _VARIANTS
from db.importer.pipeline import plan_file
from db.importer.problems import ImportRejected
from db.importer.report import report_lines, save_xlsx
from tests.importer.conftest import dump

EXAMPLES = int(os.environ.get("IMPORT_FUZZ_EXAMPLES", "200"))
HEADER_WORDS = sorted(
    {v for variants in _VARIANTS.values() for v in variants} | {"Nama", "No. KTP", "L/P", "Tgl Lahir"}
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=40)
CELL = st.one_of(
    st.none(),
    TEXT,
    st.sampled_from(["Tejo Agung", "Kel. Iringmulyo", "Melati", "P", "L", "21 Juli 1985", "Jumlah", "#N/A",
                     "#REF!", "'1872046107850001", "1872 0461 0785 0001", "0812-3456-7890", "Mengetahui", "=A1"]),
    st.integers(-(10**17), 10**17),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(HEADER_WORDS),
)  # fmt: skip
SHEET_NAME = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="[]:*?/\\'"),
                     min_size=1, max_size=31).filter(lambda s: s.strip() and s.lower() != "history")  # fmt: skip


@st.composite
def workbooks(draw):
    wb = Workbook()
    if draw(st.booleans()):
        wb.epoch = CALENDAR_MAC_1904
    names = draw(st.lists(SHEET_NAME, min_size=1, max_size=3, unique_by=str.lower))
    for index, name in enumerate(names):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = name
        width = draw(st.integers(1, 8))
        for _ in range(draw(st.integers(0, 12))):
            ws.append(draw(st.lists(CELL, min_size=width, max_size=width)))
        if ws.max_row > 1 and draw(st.booleans()):
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        if index and draw(st.integers(0, 4)) == 0:
            ws.sheet_state = "hidden"
    return wb


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])  # fmt: skip
@given(wb=workbooks())
def test_random_workbooks_end_imported_or_reported(wb, office, tmp_path):
    path = tmp_path / "acak.xlsx"
    try:
        wb.save(path)
    except Exception:  # noqa: BLE001 - openpyxl refuses some values; not the importer's concern
        return
    before = dump()
    try:
        plan = plan_file(path)
    except ImportRejected as exc:
        assert exc.message
        assert dump() == before
        return
    lines = report_lines(plan)
    save_xlsx(plan, tmp_path / "laporan.xlsx")
    if plan.can_apply:
        apply_plan(plan)
    else:
        assert lines and all(line.reason for line in lines)
        assert dump() == before


@settings(max_examples=max(EXAMPLES // 2, 50), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.one_of(st.none(), st.floats(0, 1)))  # fmt: skip
def test_damaged_bytes_are_reported_never_raised(flips, cut, office, tmp_path):
    from tests.importer.builders import messy_workbook

    path = messy_workbook(tmp_path / "rusak.xlsx", bad_row=False)
    data = bytearray(path.read_bytes())
    for where, value in flips:
        data[int(where * len(data))] = value
    if cut is not None:
        data = data[: int(cut * len(data))]
    path.write_bytes(bytes(data))
    before = dump()
    try:
        plan = plan_file(path)
    except ImportRejected as exc:
        assert exc.message and dump() == before
        return
    assert report_lines(plan) or plan.can_apply
