"""R10: every bad workbook is rejected with a located Indonesian reason, or imported correctly;
none crashes or hangs, and a rejection leaves the database exactly as it was."""

from __future__ import annotations

import time

import psutil
import pytest

from db.importer.apply import apply_plan
from db.importer.pipeline import plan_file
from db.importer.plan import ImportOptions
from db.importer.problems import ImportRejected
from db.importer.report import report_lines
from db.importer.safety import require_defusedxml
from db.models import Kader
from tests.importer.conftest import dump
from tests.importer.corpus import CASES

SLOW = {"100 ribu baris": 2.0, "bom zip rasio": 2.0, "bom zip ukuran": 2.0}


def test_defusedxml_is_active():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True
    require_defusedxml()


def test_corpus_has_at_least_25_files():
    assert len(CASES) >= 25


@pytest.mark.parametrize("name", list(CASES))
def test_corpus_file(name, office, tmp_path):
    build, (outcome, expected) = CASES[name]
    path = build(tmp_path / "berkas.xlsx")
    before = dump()
    rss = psutil.Process().memory_info().rss
    started = time.perf_counter()
    try:
        plan = plan_file(path, ImportOptions())
    except ImportRejected as exc:
        elapsed = time.perf_counter() - started
        assert psutil.Process().memory_info().rss - rss < 300 * 1024 * 1024
        assert outcome == "rejected", f"{name}: {exc.message}"
        assert expected in exc.message
        assert elapsed <= SLOW.get(name, 30.0), f"{name} took {elapsed:.1f} s"
        assert dump() == before
        return
    assert psutil.Process().memory_info().rss - rss < 300 * 1024 * 1024
    lines = report_lines(plan)
    if outcome == "rejected":
        assert not plan.can_apply
        assert any(expected in line.reason for line in lines), [line.text() for line in lines]
        rejected_rows = {row.parsed.row for row in plan.rows if row.status in ("galat", "peringatan")}
        located = {line.row for line in lines if line.status in ("galat", "peringatan")}
        assert rejected_rows <= located  # every rejected row has its own report line
        assert all(line.reason and line.sheet for line in lines if line.status == "galat")
        with pytest.raises(ImportRejected):
            apply_plan(plan)
        assert dump() == before
        return
    assert plan.can_apply, [line.text() for line in lines]
    assert apply_plan(plan).created == expected
    assert Kader.select().count() == expected


@pytest.mark.parametrize(
    ("name", "stored"), [("nama non-Latin", "王芳 محمد ꦱꦶꦠꦶ"), ("karakter kendali", "Siti Aminah")]
)
def test_non_latin_and_control_characters_are_stored_clean(name, stored, office, tmp_path):
    apply_plan(plan_file(CASES[name][0](tmp_path / "nama.xlsx")))
    assert [k.nama for k in Kader.select()] == [stored]


def test_epoch_1904_dates(office, tmp_path):
    from datetime import date

    apply_plan(plan_file(CASES["tanggal epoch 1904"][0](tmp_path / "mac.xlsx")))
    born = {k.nama: k.tanggal_lahir for k in Kader.select()}
    assert born == {"Siti Aminah": date(1985, 7, 21), "Budi Santoso": date(1980, 8, 15)}


def test_unknown_posyandu_created_only_when_allowed(office, tmp_path):
    from db.models import Posyandu

    path = CASES["posyandu baru tanpa izin"][0](tmp_path / "baru.xlsx")
    plan = plan_file(path, ImportOptions(create_posyandu=True))
    assert plan.can_apply and plan.new_posyandu() == [("Kenanga", "18.72.04.1005")]
    result = apply_plan(plan)
    assert (result.created, result.posyandu_created) == (1, 1)
    kenanga = Posyandu.get(Posyandu.nama == "Kenanga")
    assert kenanga.kode_wilayah == "18.72.04.1005"
    assert Kader.get().posyandu_id == kenanga.id


def test_uncertain_kelurahan_lists_candidates(office, tmp_path):
    plan = plan_file(CASES["kelurahan tidak pasti"][0](tmp_path / "k.xlsx"))
    (line,) = [l for l in report_lines(plan) if l.column == "Kelurahan"]
    assert line.row == 2 and "mungkin: Tejo Agung (18.72.04.1005)" in line.reason


def test_numeric_nik_cells_are_never_accepted_silently(office, tmp_path):
    """100 NIKs stored as numbers: 100 warnings, 0 rows importable until acknowledged."""
    from tests.importer.corpus import HEAD, book

    rows = [
        [f"Kader {i}", 1872046107850000 + i + 1, "P", "21-07-1985", "Tejo Agung", "Melati"]
        for i in range(100)
    ]
    path = book(tmp_path / "angka.xlsx", rows, HEAD)
    plan = plan_file(path)
    assert [row.status for row in plan.rows] == ["peringatan"] * 100 and not plan.can_apply
    flagged = [l for l in report_lines(plan) if "digit terakhir mungkin hilang" in l.reason]
    assert len(flagged) == 100 and {l.column for l in flagged} == {"NIK"}
    accepted = plan_file(path, ImportOptions(accept_warnings=True))
    assert apply_plan(accepted).created == 100
    assert Kader.select().where(Kader.nik_perlu_dicek == True).count() == 100  # noqa: E712


def test_row_prescan_ignores_formatted_empty_rows_and_counts_value_rows(tmp_path):
    """The byte scan that refuses big files early counts only rows holding a value."""
    import zipfile

    from db.importer.reader import MAX_ROWS, _value_rows

    path = tmp_path / "scan.zip"
    empty = b"".join(b'<row r="%d" s="1" customFormat="1"/>' % r for r in range(1, MAX_ROWS + 100))
    full = b"".join(
        b'<x:row r="%d"><x:c r="A%d" t="s"><x:v>0</x:v></x:c></x:row>' % (r, r) for r in range(1, 501)
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("empty.xml", b"<sheetData>" + empty + b"</sheetData>")
        archive.writestr("full.xml", b"<x:sheetData>" + full + b"</x:sheetData>")
    with zipfile.ZipFile(path) as archive:
        assert _value_rows(archive.open("empty.xml")) == 0
        assert _value_rows(archive.open("full.xml")) == 500
