"""The realistic office roster: title rows, merged cells, numeric NIK and phone, serial and text
dates, blank rows, a Jumlah footer and a signature block, misspelled kelurahan."""

from __future__ import annotations

from datetime import date

import pytest

from db.importer.apply import apply_plan
from db.importer.pipeline import plan_file
from db.importer.plan import ImportOptions
from db.importer.problems import ImportRejected
from db.importer.report import report_lines
from db.models import Kader, Posyandu
from tests.importer.builders import NIK_BUDI, NIK_SITI, NIK_SRI, messy_workbook
from tests.importer.conftest import IRING_MULYO, TEJO_AGUNG, dump


def _statuses(plan) -> dict[int, str]:
    return {row.parsed.row: row.status for row in plan.rows}


def test_preview_statuses_and_report_lines(office, tmp_path):
    plan = plan_file(messy_workbook(tmp_path / "kader.xlsx"))
    assert plan.mappings[0].header_row == 4
    assert _statuses(plan) == {5: "peringatan", 6: "baru", 8: "baru", 9: "lewati", 10: "galat"}
    lines = {(l.sheet, l.row, l.column, l.status): l.reason for l in report_lines(plan)}
    assert "digit terakhir mungkin hilang" in lines[("Kader", 5, "No. KTP", "peringatan")]
    assert lines[("Kader", 10, "No. KTP", "galat")] == "NIK harus 16 angka (tertulis 15 angka)."
    assert "sama dengan baris 5" in lines[("Kader", 9, "", "lewati (duplikat)")]
    footer = [l for l in report_lines(plan) if l.status == "catatan"]
    assert footer and footer[0].row == 13  # "Metro, 2 Januari 2025": the signature block starts here
    assert not plan.can_apply


def test_rejected_file_changes_nothing(office, tmp_path):
    before = dump()
    plan = plan_file(messy_workbook(tmp_path / "kader.xlsx"), ImportOptions(accept_warnings=True))
    assert _statuses(plan)[10] == "galat" and not plan.can_apply
    with pytest.raises(ImportRejected):
        apply_plan(plan)
    assert dump() == before


def test_fixed_file_imports_with_acknowledged_warning(office, tmp_path):
    path = messy_workbook(tmp_path / "kader.xlsx", bad_row=False)
    assert _statuses(plan_file(path))[5] == "peringatan"
    plan = plan_file(path, ImportOptions(accept_warnings=True))
    assert _statuses(plan) == {5: "baru", 6: "baru", 8: "baru", 9: "lewati"}
    result = apply_plan(plan)
    assert (result.created, result.updated, result.posyandu_created) == (3, 0, 0)
    siti = Kader.get(Kader.nik == str(NIK_SITI))
    assert siti.nik_perlu_dicek and siti.hp == "+6281234567890" and siti.jenis_kelamin == "P"
    assert siti.tanggal_lahir == date(1985, 7, 21) and siti.tempat_lahir == "Metro"
    assert siti.kode_wilayah == TEJO_AGUNG and siti.posyandu_id == office["melati"]
    assert siti.jabatan == "Ketua" and siti.tingkatan == "Madya"
    sri = Kader.get(Kader.nik == NIK_SRI)
    assert not sri.nik_perlu_dicek and sri.tanggal_lahir == date(1990, 3, 12) and sri.tingkatan == "Purwa"
    assert sri.nama == "Hj. Sri Wahyuni, S.Kep." and sri.posyandu_id == office["melati"]
    budi = Kader.get(Kader.nik == NIK_BUDI)
    assert budi.kode_wilayah == IRING_MULYO and budi.posyandu_id == office["mawar"]
    assert budi.hp == "+6281298765432" and budi.jenis_kelamin == "L"
    assert Kader.select().count() == 3 and Posyandu.select().count() == 2


def test_second_import_skips_or_updates_registry_duplicates(office, tmp_path):
    path = messy_workbook(tmp_path / "kader.xlsx", bad_row=False)
    apply_plan(plan_file(path, ImportOptions(accept_warnings=True)))
    again = plan_file(path, ImportOptions(accept_warnings=True))
    assert set(_statuses(again).values()) == {"lewati"}
    before = dump()
    apply_plan(again)
    assert [r for r in dump() if r[0] != "riwayat"] == [r for r in before if r[0] != "riwayat"]
    Kader.update(hp="").where(Kader.nik == NIK_BUDI).execute()
    update = plan_file(path, ImportOptions(accept_warnings=True, on_duplicate="perbarui"))
    assert _statuses(update) == {5: "perbarui", 6: "perbarui", 8: "perbarui", 9: "lewati"}
    assert apply_plan(update).updated == 3
    assert Kader.get(Kader.nik == NIK_BUDI).hp == "+6281298765432"
    assert Kader.select().count() == 3


def test_data_below_a_footer_is_reported_not_dropped(office, tmp_path):
    from tests.importer.corpus import HEAD, ROW_BUDI, ROW_SITI, book

    rows = [ROW_SITI, [None, "Jumlah", 1], [None] * 6, ROW_BUDI, [None, "NIP. 198309222010011003"]]
    plan = plan_file(book(tmp_path / "k.xlsx", rows, HEAD))
    assert _statuses(plan) == {2: "baru", 5: "galat"}
    (line,) = [l for l in report_lines(plan) if l.status == "galat"]
    assert line.row == 5 and "di bawah baris penutup (baris 3)" in line.reason


def test_row_without_name_after_a_blank_row_is_an_error_not_a_footer(office, tmp_path):
    from tests.importer.corpus import HEAD, ROW_BUDI, ROW_SITI, book

    plan = plan_file(book(tmp_path / "k.xlsx", [ROW_SITI, [None] * 6, [None, *ROW_BUDI[1:]]], HEAD))
    assert _statuses(plan) == {2: "baru", 4: "galat"}
    assert any(l.row == 4 and l.column == "Nama" for l in report_lines(plan))


def test_valid_230_row_roster_imports_within_5_seconds(office, tmp_path):
    import time

    from tests.importer.builders import roster_workbook

    posyandu = [("Melati", "Tejo Agung", TEJO_AGUNG), ("Mawar", "Iring Mulyo", IRING_MULYO)]
    path = roster_workbook(tmp_path / "roster.xlsx", 230, posyandu)
    started = time.perf_counter()
    result = apply_plan(plan_file(path))
    elapsed = time.perf_counter() - started
    assert result.created == 230 and Kader.select().count() == 230
    assert elapsed <= 5.0, f"{elapsed:.2f} s"


def test_excel_error_in_posyandu_is_reported_once(office, tmp_path):
    from tests.importer.corpus import HEAD, ROW_SITI, book

    plan = plan_file(book(tmp_path / "k.xlsx", [[*ROW_SITI[:5], "#N/A"]], HEAD))
    lines = [l for l in report_lines(plan) if l.status == "galat"]
    assert [(l.row, l.column, l.reason) for l in lines] == [
        (2, "Posyandu", "Sel berisi galat Excel #N/A; perbaiki rumusnya di Excel.")
    ]


def test_duplicates_by_name_and_birth_date_when_the_registry_has_no_nik(office, tmp_path):
    from tests.importer.corpus import HEAD, ROW_BUDI, ROW_SITI, book

    now = "2025-01-01T00:00:00"
    old = Kader.create(nama="SITI  AMINAH", tanggal_lahir=date(1985, 7, 21), dibuat=now, diubah=now)
    plan = plan_file(book(tmp_path / "k.xlsx", [ROW_SITI, [ROW_BUDI[0], "", *ROW_BUDI[2:]]], HEAD),
                     ImportOptions(on_duplicate="perbarui"))  # fmt: skip
    assert _statuses(plan) == {2: "perbarui", 3: "baru"}
    assert plan.rows[0].existing_id == old.id
    apply_plan(plan)
    assert Kader.get_by_id(old.id).nik == "1872046107850001" and Kader.select().count() == 2


def test_update_takes_every_value_the_file_gives_and_keeps_the_rest(office, tmp_path):
    from tests.importer.corpus import HEAD, ROW_SITI, book

    apply_plan(plan_file(book(tmp_path / "a.xlsx", [[*ROW_SITI, "Ketua", "nonaktif", "0812 3456 7890"]],
                              [*HEAD, "Jabatan", "Status", "No HP"])))  # fmt: skip
    siti = Kader.get()
    assert (siti.jabatan, siti.status, siti.hp) == ("Ketua", "nonaktif", "+6281234567890")
    update = plan_file(book(tmp_path / "b.xlsx", [[*ROW_SITI, "", "aktif"]], [*HEAD, "Jabatan", "Status"]),
                       ImportOptions(on_duplicate="perbarui"))  # fmt: skip
    assert apply_plan(update).updated == 1
    siti = Kader.get()
    assert (siti.jabatan, siti.status, siti.hp) == ("Ketua", "aktif", "+6281234567890")
