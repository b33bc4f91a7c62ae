"""Rencana aksi .xlsx: formula-safe export, round trip equality, all-or-nothing import with a row report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from db.importer.problems import ImportRejected
from db.models import RencanaAksi
from db.services.profile import get_profile, save_profile
from db.services.rencana_aksi import (
    RencanaAksiForm,
    delete_rencana_aksi,
    get_rencana_aksi,
    list_forms,
    save_rencana_aksi,
)
from db.services.rencana_aksi_xlsx import COLUMNS, export_rencana_aksi, import_rencana_aksi
from tests.db.rencana_aksi_samples import make_items


@pytest.fixture
def items(store):  # noqa: ANN001, ANN201
    save_profile(
        replace(
            get_profile(),
            pemerintah="PEMERINTAH KOTA METRO",
            unit="KECAMATAN METRO TIMUR",
            kode_wilayah="18.72.04",
        )
    )
    ids = make_items()
    tricky = RencanaAksiForm(
        tahun=2025,
        bidang="Sosial",
        aksi='=HYPERLINK("http://x")',
        masalah="+62 warga @RT",
        indikator="-10% KK miskin",
        catatan="baris 1\nbaris 2",
        target_nilai=12.5,
    )
    return {**ids, "tricky": save_rencana_aksi(tricky)}


def forms_without_ids() -> list[RencanaAksiForm]:
    return [replace(form, id=None) for form, _d, _u in list_forms()]


def test_export_is_formula_safe_and_has_the_columns(items, tmp_path) -> None:
    path = tmp_path / "ra.xlsx"
    assert export_rencana_aksi(path) == 6
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == [title for title, _ in COLUMNS]
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert '=HYPERLINK("http://x")' in values and "+62 warga @RT" in values
    tricky = next(row for row in sheet.iter_rows(min_row=2) if row[4].value == '=HYPERLINK("http://x")')
    assert tricky[4].data_type == "s" and tricky[4].quotePrefix
    first = [c.value for c in sheet[2]]
    assert (
        first[5] == "Kel. Yosodadi; Posyandu Mawar" and first[13] == "0812-3456-7890" and first[17] == 1250000
    )
    assert first[20] == 50  # realisasi terakhir, for the reader


def test_round_trip_gives_the_same_items(items, tmp_path) -> None:
    path = tmp_path / "ra.xlsx"
    export_rencana_aksi(path)
    before = forms_without_ids()
    assert (
        import_rencana_aksi(path).report() == "Rencana aksi telah ditambah 0, diperbarui 0, tidak berubah 6."
    )
    for form, _d, _u in list_forms():
        delete_rencana_aksi(int(form.id))
    result = import_rencana_aksi(path)
    assert (result.added, result.updated, result.problems) == (6, 0, ())
    assert forms_without_ids() == before


def test_edited_file_updates_and_dry_run_writes_nothing(items, tmp_path) -> None:
    path = tmp_path / "ra.xlsx"
    export_rencana_aksi(path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet["T2"] = "Selesai"  # status of the first item
    sheet.append(
        [
            None,
            2026,
            "Kesehatan",
            "",
            "Kelas ibu balita",
            "Yosodadi",
            None,
            None,
            None,
            None,
            "Puskesmas",
            None,
            None,
            None,
            "01-02-2026",
            date(2026, 3, 31),
        ]
    )
    book.save(path)
    dry = import_rencana_aksi(path, dry_run=True)
    assert (dry.added, dry.updated, dry.unchanged, dry.dry_run) == (1, 1, 5, True)
    assert RencanaAksi.select().count() == 6 and get_rencana_aksi(items["k1"]).status == "Berjalan"
    done = import_rencana_aksi(path)
    assert (done.added, done.updated) == (1, 1) and get_rencana_aksi(items["k1"]).status == "Selesai"
    new = next(f for f, _d, _u in list_forms() if f.aksi == "Kelas ibu balita")
    assert new.lokus == ("18.72.04.1001",) and (new.mulai, new.jatuh_tempo) == (
        date(2026, 2, 1),
        date(2026, 3, 31),
    )


def test_one_bad_row_rejects_the_whole_file_with_a_row_report(items, tmp_path) -> None:
    path = tmp_path / "ra.xlsx"
    export_rencana_aksi(path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet["T3"] = "Hampir"  # an unknown status
    sheet["F4"] = "Kelurahan Antah Berantah"
    sheet["R5"] = "banyak"
    sheet.append([None, 2026, "Kesehatan", "", "Baris baru yang baik"])
    book.save(path)
    result = import_rencana_aksi(path)
    assert not result.ok and RencanaAksi.select().count() == 6
    lines = result.report().splitlines()
    assert lines[0].startswith("Impor dibatalkan: 3 masalah")
    assert any("baris 3" in line and "kolom 'Status'" in line for line in lines)
    assert any("baris 4" in line and "kolom 'Lokus'" in line for line in lines)
    assert any("baris 5" in line and "kolom 'Anggaran (Rp)'" in line for line in lines)


def test_files_without_the_columns_are_refused(items, tmp_path) -> None:
    path = tmp_path / "lain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Nama", "Alamat"])
    book.save(path)
    with pytest.raises(ImportRejected):
        import_rencana_aksi(path)
    text = tmp_path / "palsu.xlsx"
    text.write_text("bukan excel")
    with pytest.raises(ImportRejected):
        import_rencana_aksi(text)


def test_ids_of_another_database_add_items_instead_of_overwriting(items, tmp_path) -> None:
    path = tmp_path / "ra.xlsx"
    export_rencana_aksi(path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert [c.value for c in sheet[1]][-1] == "Dibuat"
    for row in sheet.iter_rows(min_row=2):
        row[-1].value = "2020-01-01T00:00:00"  # another office's stamps on the same ids
    book.save(path)
    result = import_rencana_aksi(path)
    assert (result.added, result.updated, result.unchanged) == (6, 0, 0)
    assert RencanaAksi.select().count() == 12 and get_rencana_aksi(items["k1"]).status == "Berjalan"
