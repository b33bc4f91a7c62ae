"""The attendance grid and the paper back-fill, driven with the keyboard and the mouse: select
cells across people and days, press I / H or Del; tick signatures page by page in the print
order and save them as one batch that names the operator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

from db.services.kegiatan import list_hari
from db.services.kehadiran import mark_present, marks_for_hari, marks_for_kegiatan
from db.services.peserta import roster_order
from tests.ui.kegiatan_support import fill_roster, make_bimtek, make_page
from tests.ui.pengaturan_support import click, with_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def page(store, qtbot):  # noqa: ANN001, ANN201 - 45 people over 3 days, open on Kehadiran
    kegiatan_id = make_bimtek()
    fill_roster(kegiatan_id, 45)
    page = make_page(store, qtbot)
    page.open_kegiatan(kegiatan_id, "kehadiran")
    return page


def select_block(grid, rows: range, columns: range) -> None:  # noqa: ANN001
    selection = QItemSelection(
        grid.model.index(rows.start, columns.start), grid.model.index(rows.stop - 1, columns.stop - 1)
    )
    grid.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_grid_bulk_edit(page, qtbot) -> None:  # noqa: ANN001
    tab = page.detail.kehadiran_tab
    tab.views.setCurrentWidget(tab.grid)
    grid = tab.grid
    days = list_hari(grid.kegiatan_id)
    people = roster_order(grid.kegiatan_id)
    assert grid.model.rowCount() == 45 and grid.model.columnCount() == 3 + 3
    mark_present(people[0].id, days[0].id)
    grid.refresh()
    assert grid.model.index(0, 3).data() == "Hadir"

    grid.table.setFocus()
    select_block(grid, range(0, 4), range(3, 5))  # 4 people × days 1–2
    qtbot.keyClick(grid.table, Qt.Key.Key_I)
    marks = marks_for_kegiatan(grid.kegiatan_id)
    assert {(p.id, d.id): marks[(p.id, d.id)].status for p in people[:4] for d in days[:2]} == {
        (p.id, d.id): "izin" for p in people[:4] for d in days[:2]
    }
    assert grid.model.index(2, 4).data() == "Izin"
    assert "Hari 1: hadir 0/45" in grid.summary.text()

    select_block(grid, range(1, 3), range(3, 4))  # two of them were present after all
    click(qtbot, grid.buttons["hadir"])
    select_block(grid, range(3, 4), range(3, 5))
    qtbot.keyClick(grid.table, Qt.Key.Key_Delete)
    day1 = marks_for_hari(days[0].id)
    assert [day1[p.id].status for p in people[:3]] == ["izin", "hadir", "hadir"]
    assert people[3].id not in day1 and people[3].id not in marks_for_hari(days[1].id)
    assert "Hari 1: hadir 2/45" in grid.summary.text()
    assert marks_for_hari(days[2].id) == {}

    select_block(grid, range(0, 45), range(0, 2))  # No/Nama cells only: nothing to set
    assert grid.apply("sakit") == 0


def test_backfill_page_by_page_as_one_batch(page, qtbot) -> None:  # noqa: ANN001
    tab = page.detail.kehadiran_tab
    tab.views.setCurrentWidget(tab.backfill)
    view = tab.backfill
    days = list_hari(view.kegiatan_id)
    view.day_combo.setCurrentIndex(view.day_combo.findData(days[1].id))
    people = roster_order(view.kegiatan_id, "asal", ("Peserta", "Undangan"))
    mark_present(people[5].id, days[1].id)  # came through the desk already
    view.refresh()
    assert view.pages() == 3 and view.page_label.text() == "Halaman 1 dari 3 (No. 1–20)"
    assert view.table.item(5, 3).checkState() == Qt.CheckState.Checked  # shown as signed
    assert view.table.item(0, 1).text() == people[0].nama  # the print order

    view.table.setFocus()
    view.table.setCurrentCell(0, 1)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # No. 1 signed
    view.tick(3)
    qtbot.keyClick(view.table, Qt.Key.Key_PageDown)
    assert view.page == 1
    view.tick(22)
    view.tick(41)  # page 3
    view.tick(3, signed=False)  # a second look: No. 3 did not sign
    view.operator_edit.setText("Rina (sekretariat)")
    assert view.save_button.text() == "Simpan isian (3 hadir)"
    click(qtbot, view.save_button)

    day2 = marks_for_hari(days[1].id)
    signed = {people[i].id for i in (0, 21, 40)}
    assert set(day2) == signed | {people[5].id}
    batch_ids = {day2[i].batch_id for i in signed}
    assert len(batch_ids) == 1 and None not in batch_ids
    assert {day2[i].dicatat_oleh for i in signed} == {"Rina (sekretariat)"}
    assert day2[people[5].id].batch_id is None  # the desk's mark is kept as it was
    assert marks_for_hari(days[0].id) == {}
    assert view.done_label.text() == "Tersimpan: 3 peserta dicatat hadir."
    assert view.ticked == set() and not view.save_button.isEnabled()


def test_print_menu_previews_the_day_sheet(page, qtbot) -> None:  # noqa: ANN001
    import io

    from pypdf import PdfReader

    menu = page.detail.printing
    labels = [a.text() for a in menu.menu.actions() if a.text()]
    assert labels[:4] == ["Daftar hadir hari ke-1 (23-11-2026)", "Daftar hadir hari ke-2 (24-11-2026)",
                          "Daftar hadir hari ke-3 (25-11-2026)", "Daftar hadir semua hari"]  # fmt: skip
    with_modal(qtbot, menu.menu.actions()[0].trigger, lambda dialog: dialog.accept())  # the options dialog
    qtbot.waitUntil(lambda: menu.last_preview is not None, timeout=15000)  # rendered in the background
    preview = menu.last_preview
    assert preview is not None and preview.isVisible()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview._pdf)).pages)
    people = roster_order(page.detail.kegiatan_id, "asal", ("Peserta", "Undangan"))
    positions = [text.index(p.nama) for p in people]
    assert positions == sorted(positions)  # every name, in the print order the back-fill uses
    preview.close()


def test_models_pass_the_qt_model_tester(page, qtmodeltester) -> None:  # noqa: ANN001
    tab = page.detail.kehadiran_tab
    tab.grid.refresh()
    mark_present(roster_order(tab.kegiatan_id)[0].id, list_hari(tab.kegiatan_id)[0].id)
    tab.checkin.select_day(list_hari(tab.kegiatan_id)[0].id)
    qtmodeltester.check(tab.grid.model)
    qtmodeltester.check(tab.checkin.model)


def test_rekap_per_asal(page) -> None:  # noqa: ANN001
    tab = page.detail.kehadiran_tab
    days = list_hari(tab.kegiatan_id)
    people = roster_order(tab.kegiatan_id)  # fill_roster: asal "Kelurahan 00" … in tens
    for person in people[:12]:
        mark_present(person.id, days[0].id)
    tab.views.setCurrentWidget(tab.rekap)
    table = tab.rekap.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Asal", "Peserta", "Hari 1 (23/11)", "Hari 2 (24/11)", "Hari 3 (25/11)"
    ]  # fmt: skip
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)]
        for r in range(table.rowCount())
    }
    assert rows["Kelurahan 00"] == ["10", "10/10", "0/10", "0/10"]
    assert rows["Kelurahan 01"] == ["10", "2/10", "0/10", "0/10"]
    assert rows["Jumlah"] == ["45", "12/45", "0/45", "0/45"]
