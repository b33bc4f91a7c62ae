"""All-or-nothing apply when a write fails midway, and a report that never carries a formula."""

from __future__ import annotations

import zipfile

import pytest
from peewee import IntegrityError

from db.errors import ValidationError
from db.importer import apply as apply_module
from db.importer.apply import apply_plan
from db.importer.pipeline import plan_file
from db.importer.plan import ImportOptions
from db.importer.problems import ImportRejected
from db.importer.report import save_xlsx
from db.models import Kader, Posyandu
from tests.importer.conftest import dump
from tests.importer.corpus import HEAD, ROW_BUDI, ROW_SITI, book


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("NIK ini sudah terdaftar atas nama X.", "nik"),
        IntegrityError("UNIQUE constraint failed: kader.nik"),
    ],
)
def test_failure_on_a_later_row_rolls_back_every_earlier_write(error, office, tmp_path, monkeypatch):
    rows = [ROW_SITI, ROW_BUDI, ["Ani", "1872044101900005", "P", "01-01-1990", "Tejo Agung", "Kenanga"]]
    plan = plan_file(book(tmp_path / "k.xlsx", rows, HEAD), ImportOptions(create_posyandu=True))
    assert plan.can_apply and plan.new_posyandu() == [("Kenanga", "18.72.04.1005")]
    before = dump()
    real, calls = apply_module.save_kader, []

    def failing(form, accept_warnings=False):
        calls.append(form.nama)
        if len(calls) == 3:
            raise error
        return real(form, accept_warnings=accept_warnings)

    monkeypatch.setattr(apply_module, "save_kader", failing)

    def batch_fails(forms, accept_warnings=False):
        raise error  # the batch's savepoint rolls back; the row-by-row replay names the row

    monkeypatch.setattr(apply_module, "save_kader_many", batch_fails)
    with pytest.raises(ImportRejected) as caught:
        apply_plan(plan)
    assert caught.value.problem.row == 4 and "tidak ada yang disimpan" in caught.value.message
    assert calls == ["Siti Aminah", "Budi Santoso", "Ani"]
    assert dump() == before
    assert Kader.select().count() == 0 and not Posyandu.select().where(Posyandu.nama == "Kenanga").exists()


def patch_text_cells(path, change):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def test_report_cells_are_text_never_formulas(office, tmp_path):
    payloads = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]
    rows = [[f"Kader {i}", "", "P", "21-07-1985", text, "Melati"] for i, text in enumerate(payloads)]
    path = book(tmp_path / "k.xlsx", rows, HEAD)

    def as_text(wb):  # the office typed them as text (Excel's leading apostrophe)
        for row in wb.active.iter_rows(min_row=2, min_col=5, max_col=5):
            row[0].data_type = "s"

    path = patch_text_cells(path, as_text)
    plan = plan_file(path)  # hostile kelurahan names end up in the reasons
    target = save_xlsx(plan, tmp_path / "laporan.xlsx")
    sheet = zipfile.ZipFile(target).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(target).active.iter_rows() for c in row]
    assert all(c.data_type in ("s", "n") for c in cells if c.value is not None)
    reasons = [c.value for c in cells if c.column == 5 and isinstance(c.value, str)]
    for text in payloads:
        assert any(f"'{text}" in reason for reason in reasons), text
