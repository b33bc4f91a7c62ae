"""The roster import end to end: a messy 230-row workbook into a 3-day bimtek — preview statuses,
links to the kader registry, the report, all-or-nothing on duplicates — through db.importer."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook

from db.importer.apply import apply_plan
from db.importer.plan import BARU, GALAT, PERINGATAN, ImportOptions
from db.importer.problems import ImportRejected
from db.importer.report import format_text, report_lines, save_xlsx
from db.importer.rows import WARN_NUMERIC_NIK
from db.services.peserta import roster
from db.services.peserta_import import plan_peserta_file
from tests.importer.peserta_roster import (
    AMBIGUOUS,
    KADER_BY_NAME,
    KADER_WITH_NIK,
    NUMERIC_NIK,
    OFFICIALS,
    TOTAL,
    make_bimtek,
    make_registry,
    roster_rows,
    roster_workbook,
)

ACCEPT = ImportOptions(accept_warnings=True)


@pytest.fixture
def bimtek(office) -> dict:
    people = make_registry(office)
    return {"kegiatan": make_bimtek(), "people": people}


def test_messy_roster_preview_statuses_and_report(bimtek, tmp_path):
    path = roster_workbook(tmp_path / "peserta.xlsx", roster_rows(bimtek["people"]))
    plan = plan_peserta_file(bimtek["kegiatan"], path)
    assert [m.header_row for m in plan.mappings] == [3]
    assert len(plan.rows) == TOTAL  # the Jumlah footer and the signature are not rows
    counts = plan.counts()
    assert counts[PERINGATAN] == NUMERIC_NIK + AMBIGUOUS and counts[GALAT] == 0
    assert counts[BARU] == TOTAL - NUMERIC_NIK - AMBIGUOUS
    assert not plan.can_apply
    numeric = plan.rows[0]
    assert numeric.status == PERINGATAN and numeric.warnings[0].reason == WARN_NUMERIC_NIK
    assert numeric.warnings[0].column == "NIK" and numeric.parsed.row == 4
    ambiguous = plan.rows[KADER_WITH_NIK]
    assert ambiguous.status == PERINGATAN and "beberapa kader" in ambiguous.warnings[0].reason
    assert ambiguous.record.kader_id is None
    tejo = plan.rows[1].record  # "Tejoagung", linked by NIK
    assert tejo.kode_wilayah == "18.72.04.1005" and tejo.kader_id is not None
    iring = plan.rows[KADER_WITH_NIK + 2].record  # "Kel. Iringmulyo", no NIK: linked by name
    assert iring.kode_wilayah == "18.72.04.1003" and iring.kader_id is not None and iring.nik == ""
    official = plan.rows[KADER_WITH_NIK + KADER_BY_NAME].record
    assert official.kode_wilayah == "18.72.04" and official.kader_id is None and len(official.nip) == 18
    opd = plan.rows[KADER_WITH_NIK + KADER_BY_NAME + 1].record
    assert opd.asal_opd == "Dinas Kesehatan Kota Metro" and opd.kode_wilayah == ""
    text = format_text(plan)
    assert text.startswith(f"{TOTAL} baris peserta:") and "DITOLAK" in text
    assert "lembar 'Peserta Bimtek', baris 4, kolom 'NIK'" in text
    report = save_xlsx(plan, tmp_path / "laporan.xlsx")
    sheet = load_workbook(report, read_only=True).active
    lines = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(lines) >= TOTAL and {line[3] for line in lines} >= {"baru", "peringatan"}
    assert roster(bimtek["kegiatan"]) == []


def test_messy_roster_imported_and_linked(bimtek, tmp_path):
    path = roster_workbook(tmp_path / "peserta.xlsx", roster_rows(bimtek["people"]))
    plan = plan_peserta_file(bimtek["kegiatan"], path, ACCEPT)
    assert plan.can_apply
    result = apply_plan(plan)
    assert result.created == TOTAL
    rows = roster(bimtek["kegiatan"])  # read through the cache: invalidate() ran
    assert len(rows) == TOTAL
    linked = [r for r in rows if r.kader_id is not None]
    assert len(linked) == KADER_WITH_NIK + KADER_BY_NAME - AMBIGUOUS
    by_name = {r.nama: r for r in rows}
    first = bimtek["people"][0]
    assert by_name[first.nama].nik == first.nik and by_name[first.nama].hp == "+6281200000000"
    assert by_name[first.nama].posyandu == "Mawar" and by_name[first.nama].asal.endswith("Iring Mulyo")
    officials = [r for r in rows if r.nama.startswith("Pejabat")]
    assert len(officials) == OFFICIALS and {r.peran for r in officials} == {
        "Narasumber",
        "Panitia",
        "Moderator",
        "Peserta",
    }
    assert len({r.kode for r in rows}) == TOTAL
    again = plan_peserta_file(bimtek["kegiatan"], path, ACCEPT)  # the same file again: all refused
    assert again.counts()[GALAT] == TOTAL
    assert "Sudah terdaftar di kegiatan ini" in again.rows[0].problems[0].reason


def test_duplicate_in_file_rejects_everything(bimtek, tmp_path):
    rows = roster_rows(bimtek["people"])
    rows.insert(100, list(rows[20]))  # the same kader twice
    path = roster_workbook(tmp_path / "ganda.xlsx", rows)
    plan = plan_peserta_file(bimtek["kegiatan"], path, ACCEPT)
    assert not plan.can_apply and plan.counts()[GALAT] == 1
    bad = next(r for r in plan.rows if r.status == GALAT)
    assert (
        bad.parsed.row == 104 and bad.problems[0].reason == "Duplikat di dalam berkas: sama dengan baris 24."
    )
    assert any(line.row == 104 and line.status == "galat" for line in report_lines(plan))
    with pytest.raises(ImportRejected):
        apply_plan(plan)
    assert roster(bimtek["kegiatan"]) == []


def test_bad_asal_and_nik_are_row_problems(bimtek, tmp_path):
    rows = roster_rows(bimtek["people"])[:3]
    rows[0][7] = "Tejoagungg Raya"  # resembles a kelurahan only: not silently an OPD
    rows[1][2] = "1872041234"  # too short
    plan = plan_peserta_file(bimtek["kegiatan"], roster_workbook(tmp_path / "x.xlsx", rows), ACCEPT)
    assert [r.status for r in plan.rows] == [GALAT, GALAT, BARU]
    assert plan.rows[0].problems[0].column == "Asal" and "tidak pasti" in plan.rows[0].problems[0].reason
    assert plan.rows[1].problems[0].column == "NIK"
    with pytest.raises(ImportRejected):
        apply_plan(replace(plan))
    assert roster(bimtek["kegiatan"]) == []
