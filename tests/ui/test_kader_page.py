"""The Kader page as a secretary uses it: add by typing (and fix a 15-digit NIK), search, filter,
sort, edit with Enter, delete with Del and undo with Ctrl+Z, deactivate someone with history,
print the list into the preview, export after the personal-data warning."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from db.services.kader import KaderForm, PelatihanForm, add_pelatihan, get_kader, save_kader
from db.services.kader_search import search_kader
from db.services.posyandu import PosyanduForm, save_posyandu
from tests.ui.pengaturan_support import click, with_modal

pytestmark = pytest.mark.gui

YOSODADI, TEJOSARI = "18.72.04.1001", "18.72.04.1002"
NIK_SITI = "1872044107850004"  # P, 01-07-1985
NIK_BUDI = "1872041203800002"  # L, 12-03-1980
NIK_RINA = "1872045511900003"  # P, 15-11-1990


@pytest.fixture
def registry(store):  # noqa: ANN001, ANN201 - DataStore → dict of ids
    melati = save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah=YOSODADI))
    mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah=TEJOSARI))
    budi = save_kader(
        KaderForm(nama="Budi Santoso", nik=NIK_BUDI, posyandu_id=melati, jabatan="Ketua", tingkatan="Madya")
    )
    rina = save_kader(KaderForm(nama="Rina Wulandari", nik=NIK_RINA, posyandu_id=mawar, status="nonaktif"))
    return {"melati": melati, "mawar": mawar, "budi": budi, "rina": rina}


@pytest.fixture
def page(store, registry, qtbot):  # noqa: ANN001, ANN201
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.pages import PAGES
    from ui.pages.kader_page import KaderPage

    create_application()
    ctx = AppContext(store=store, bus=AppBus())
    widget = KaderPage(ctx, next(s for s in PAGES if s.key == "kader"))
    qtbot.addWidget(widget)
    widget.resize(1156, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def names(page) -> list[str]:  # noqa: ANN001
    return [page.model.row(i).nama for i in range(page.model.rowCount())]


def select(page, name: str) -> None:  # noqa: ANN001
    position = names(page).index(name)
    page.table.setFocus()
    page.table.selectRow(position)


def test_add_kader_by_typing_fix_a_short_nik_and_save(page, qtbot, no_dialogs, registry) -> None:
    seen: dict[str, object] = {}

    def drive(dialog) -> None:  # noqa: ANN001
        form = dialog.form
        qtbot.keyClicks(form.nama_edit, "Hj. Siti Aminah, S.Pd.")
        qtbot.keyClicks(form.nik_edit, NIK_SITI[:15])
        form.posyandu_combo.setCurrentIndex(form.posyandu_combo.findData(registry["melati"]))
        qtbot.keyClicks(form.hp_edit, "081234567890")
        click(qtbot, dialog.ok_button)
        assert dialog.isVisible(), "a 15-digit NIK must keep the dialog open"
        error = dialog.errors.label("nik")
        seen["error"] = error.text()
        seen["error_visible"] = error.isVisible()
        assert search_kader("Aminah").total == 0
        qtbot.keyClicks(form.nik_edit, NIK_SITI[15:])
        assert "lahir 01-07-1985, perempuan" in form.nik_info.text()
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: QTest.keyClick(page.table, Qt.Key.Key_Insert), drive)
    assert seen["error"] == "NIK harus 16 angka (tertulis 15 angka)."
    assert seen["error_visible"] is True
    found = search_kader("Aminah").rows
    assert len(found) == 1
    stored = get_kader(found[0].id).form
    assert (stored.nik, stored.jenis_kelamin, stored.tanggal_lahir) == (NIK_SITI, "P", date(1985, 7, 1))
    assert stored.hp == "0812-3456-7890" and stored.posyandu_id == registry["melati"]
    qtbot.waitUntil(lambda: "Hj. Siti Aminah, S.Pd." in names(page))
    assert page.selected_row().nama == "Hj. Siti Aminah, S.Pd."
    assert page.count_label.text() == "3 kader"


def test_nik_mismatch_is_a_warning_the_user_accepts(page, qtbot, no_dialogs) -> None:
    def drive(dialog) -> None:  # noqa: ANN001
        qtbot.keyClicks(dialog.form.nama_edit, "Siti Rahma")
        qtbot.keyClicks(dialog.form.nik_edit, NIK_SITI)
        qtbot.keyClicks(dialog.form.tanggal_lahir_edit, "02-07-1985")
        assert "tidak sama" in dialog.form.nik_info.text()
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: click(qtbot, page.add_button), drive)
    assert any(
        kind == "confirm" and "tidak sama dengan yang tersirat di NIK" in text for kind, text in no_dialogs
    )
    assert get_kader(search_kader("Rahma").rows[0].id).form.tanggal_lahir == date(1985, 7, 2)


def test_duplicate_nik_is_an_error_beside_the_field(page, qtbot, no_dialogs) -> None:
    seen: list[str] = []

    def drive(dialog) -> None:  # noqa: ANN001
        qtbot.keyClicks(dialog.form.nama_edit, "Orang Lain")
        qtbot.keyClicks(dialog.form.nik_edit, NIK_BUDI)
        click(qtbot, dialog.ok_button)
        seen.append(dialog.errors.label("nik").text())
        dialog.reject()

    with_modal(qtbot, lambda: click(qtbot, page.add_button), drive)
    assert "sudah terdaftar atas nama Budi Santoso" in seen[0]
    assert search_kader("Orang Lain").total == 0


def test_search_by_typing_shows_matches_and_counts(page, qtbot) -> None:
    assert names(page) == ["Budi Santoso", "Rina Wulandari"]
    assert page.table.horizontalHeader().resizeContentsPrecision() == 0
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()
    qtbot.keyClicks(page.search_box, "wulan")
    qtbot.waitUntil(lambda: names(page) == ["Rina Wulandari"])
    assert page.count_label.text() == "2 kader · 1 ditampilkan"
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "tejosari")  # kelurahan name
    qtbot.waitUntil(lambda: names(page) == ["Rina Wulandari"])
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, NIK_BUDI[-6:])  # part of the NIK
    qtbot.waitUntil(lambda: names(page) == ["Budi Santoso"])
    row = page.model.row(0)
    assert page.model.data(page.model.index(0, page.model.column_position("nik"))) == "1872••••••••0002"
    assert NIK_BUDI not in {page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())}
    assert row.nama == "Budi Santoso"


def test_filters_by_status_kelurahan_and_posyandu(page, qtbot) -> None:
    filters = page.filters
    filters.status_combo.setCurrentIndex(filters.status_combo.findData("nonaktif"))
    assert names(page) == ["Rina Wulandari"]
    filters.status_combo.setCurrentIndex(0)
    filters.kelurahan_combo.setCurrentIndex(filters.kelurahan_combo.findData(YOSODADI))
    assert names(page) == ["Budi Santoso"]
    assert filters.posyandu_combo.count() == 2  # "Semua posyandu" + Melati only
    filters.tingkatan_combo.setCurrentIndex(filters.tingkatan_combo.findData("Utama"))
    assert names(page) == []
    assert page.count_label.text() == "2 kader · 0 ditampilkan"
    click(qtbot, filters.reset_button)
    assert names(page) == ["Budi Santoso", "Rina Wulandari"]


def test_clicking_a_header_sorts_through_the_service(page, qtbot) -> None:
    header = page.table.horizontalHeader()
    column = page.model.column_position("status")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.order_by == "status"
    first = names(page)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.descending != (header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder)
    assert names(page) == list(reversed(first))


def test_enter_opens_the_selected_kader_and_saves_the_edit(page, qtbot, registry) -> None:
    select(page, "Budi Santoso")

    def drive(dialog) -> None:  # noqa: ANN001
        assert dialog.form.nik_edit.nik() == NIK_BUDI, "the dialog shows the full NIK"
        combo = dialog.form.jabatan_combo
        combo.setCurrentIndex(combo.findData("Sekretaris"))
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: QTest.keyClick(page.table, Qt.Key.Key_Return), drive)
    assert get_kader(registry["budi"]).form.jabatan == "Sekretaris"
    qtbot.waitUntil(lambda: page.model.row(names(page).index("Budi Santoso")).jabatan == "Sekretaris")


def test_delete_then_ctrl_z_puts_the_kader_back(page, qtbot, no_dialogs, registry) -> None:
    select(page, "Budi Santoso")
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert search_kader("Budi").total == 0
    assert names(page) == ["Rina Wulandari"]
    assert "Ctrl+Z" in page.undo_label.text()
    QTest.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in search_kader("Budi").rows] == [registry["budi"]]
    assert names(page) == ["Budi Santoso", "Rina Wulandari"]
    assert page.selected_row().id == registry["budi"]
    assert page.undo_label.text() == ""


def test_delete_of_a_kader_with_training_offers_deactivation(page, qtbot, no_dialogs, registry) -> None:
    add_pelatihan(
        registry["budi"], PelatihanForm(tanggal=date(2024, 5, 2), kegiatan="Pelatihan Kader", jpl=30)
    )
    select(page, "Budi Santoso")
    click(qtbot, page.delete_button)
    assert get_kader(registry["budi"]).form.status == "nonaktif"
    assert any(kind == "confirm" and "riwayat pelatihan" in text for kind, text in no_dialogs)
    assert page.undo_label.text() == ""


def test_print_list_opens_the_preview_with_masked_niks(page, qtbot, registry) -> None:
    import io

    from pypdf import PdfReader

    def drive(dialog) -> None:  # noqa: ANN001
        dialog.aktif_check.setChecked(False)
        dialog.accept()

    with_modal(qtbot, lambda: click(qtbot, page.print_button), drive)
    qtbot.waitUntil(
        lambda: page.actions.last_preview is not None, timeout=10000
    )  # rendered in the background
    preview = page.actions.last_preview
    assert preview is not None and preview.page_count() >= 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf_bytes())).pages)
    assert "Budi Santoso" in text and "Rina Wulandari" in text
    assert NIK_BUDI not in text and "1872" in text
    preview.reject()


def test_export_warns_about_full_niks_then_writes_them(
    page, qtbot, no_dialogs, tmp_path, monkeypatch
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "kader.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, page.export_button)
    assert any(kind == "confirm" and "NIK lengkap" in text for kind, text in no_dialogs)
    cells = {str(c.value) for row in load_workbook(target).active.iter_rows() for c in row}
    assert NIK_BUDI in cells and NIK_RINA in cells


def test_import_button_opens_the_excel_import_dialog(page, qtbot) -> None:
    from ui.dialogs.kader_import_dialog import KaderImportDialog

    opened: list[object] = []

    def drive(dialog) -> None:  # noqa: ANN001
        opened.append(type(dialog))
        dialog.reject()

    with_modal(qtbot, lambda: click(qtbot, page.import_button), drive)
    assert opened == [KaderImportDialog]


def test_training_history_rows_are_added_and_removed_in_the_dialog(page, qtbot, no_dialogs, registry) -> None:
    from db.services.kader import list_pelatihan

    select(page, "Budi Santoso")
    seen: dict[str, object] = {}

    def drive(dialog) -> None:  # noqa: ANN001
        tab = dialog.pelatihan
        dialog.tabs.setCurrentWidget(tab)
        qtbot.keyClicks(tab.tanggal_edit, "12-08-2024")
        qtbot.keyClicks(tab.kegiatan_edit, "Pelatihan Kader Posyandu Tingkat Dasar")
        qtbot.keyClicks(tab.jpl_edit, "32")
        QTest.keyClick(tab.jpl_edit, Qt.Key.Key_Return)
        seen["after_add"] = [(t.tanggal, t.kegiatan, t.jpl) for t in list_pelatihan(registry["budi"])]
        seen["tab"] = dialog.tabs.tabText(1)
        qtbot.keyClicks(tab.tanggal_edit, "31-02-2024")
        qtbot.keyClicks(tab.kegiatan_edit, "Salah tanggal")
        click(qtbot, tab.add_button)
        seen["error"] = tab.error.text()
        tab.table.selectRow(0)
        click(qtbot, tab.remove_button)
        seen["after_remove"] = list_pelatihan(registry["budi"])
        dialog.reject()

    with_modal(qtbot, lambda: QTest.keyClick(page.table, Qt.Key.Key_Return), drive)
    assert seen["after_add"] == [(date(2024, 8, 12), "Pelatihan Kader Posyandu Tingkat Dasar", 32.0)]
    assert seen["tab"] == "Riwayat pelatihan (1)"
    assert "tidak ada di kalender" in str(seen["error"])
    assert seen["after_remove"] == []


def test_preview_saves_the_previewed_bytes_and_prints_every_page(page, qtbot, tmp_path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    with_modal(qtbot, lambda: click(qtbot, page.recap_button), lambda dialog: dialog.accept())
    qtbot.waitUntil(
        lambda: page.actions.last_preview is not None, timeout=10000
    )  # rendered in the background
    preview = page.actions.last_preview
    assert preview.windowTitle() == "Rekap kader"
    saved = tmp_path / "rekap.pdf"
    preview.save_to(saved)
    assert saved.read_bytes() == preview.pdf_bytes()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == preview.page_count()
    preview.reject()


def test_a_slow_search_waits_for_a_typing_pause(page, qtbot) -> None:
    resets: list[str] = []
    page.model.modelReset.connect(lambda: resets.append(page.model.text))
    page.search_box.report_elapsed(80.0)  # as if the last search had taken 80 ms
    qtbot.keyClicks(page.search_box, "budi")
    assert resets == [], "no search while typing on"
    qtbot.waitUntil(lambda: resets == ["budi"], timeout=2000)
    assert names(page) == ["Budi Santoso"]


def test_riwayat_button_shows_the_changes_of_this_kader(page, qtbot, registry) -> None:
    select(page, "Budi Santoso")
    actions: list[str] = []

    def history(dialog) -> None:  # noqa: ANN001
        actions.extend(entry.aksi for entry in dialog.view.entries())
        dialog.reject()

    def drive(dialog) -> None:  # noqa: ANN001
        with_modal(qtbot, lambda: click(qtbot, dialog.history_button), history)
        dialog.reject()

    with_modal(qtbot, lambda: click(qtbot, page.edit_button), drive)
    assert actions == ["tambah"]


def test_digits_search_waits_for_the_fourth_digit(page, qtbot) -> None:
    queried: list[str] = []
    page.model.queried.connect(lambda _ms: queried.append(page.model.text))
    qtbot.keyClicks(page.search_box, "187")
    assert queried == [] and page.count_label.text() == "Ketik sedikitnya 4 angka untuk mencari NIK."
    qtbot.keyClicks(page.search_box, "2")
    qtbot.waitUntil(lambda: queried == ["1872"])
    assert names(page) == ["Budi Santoso", "Rina Wulandari"]


def test_saving_unchanged_keeps_an_inactive_posyandu_and_a_far_address(page, qtbot, registry) -> None:
    from db.services.posyandu import set_posyandu_active

    far = "18.71.01.1003"  # Kedaton, Bandar Lampung: no posyandu of ours lies there
    kader_id = save_kader(KaderForm(nama="Ani Lestari", posyandu_id=registry["mawar"], kode_wilayah=far))
    set_posyandu_active(registry["mawar"], False)
    page.refresh()
    select(page, "Ani Lestari")
    with_modal(
        qtbot, lambda: QTest.keyClick(page.table, Qt.Key.Key_Return), lambda d: click(qtbot, d.ok_button)
    )
    stored = get_kader(kader_id).form
    assert (stored.posyandu_id, stored.kode_wilayah) == (registry["mawar"], far)
