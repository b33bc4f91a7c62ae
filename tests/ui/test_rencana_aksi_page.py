"""Rencana Aksi page, driven as a user: items through the side panel, monev, overdue, Beranda."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from db.services.rencana_aksi import RencanaAksiFilter, list_rencana_aksi
from db.services.rencana_aksi_monev import list_monev
from tests.ui.pengaturan_support import click, with_modal
from tests.ui.rencana_aksi_support import TODAY, add_item, fill_item, make_window, type_into
from ui.models.rencana_aksi_model import OVERDUE_TEXT, SOON_TEXT

ITEMS = (
    dict(bidang="Kesehatan", aksi="Kelas ibu balita di posyandu", opd="Puskesmas", due=date(2026, 6, 30),
         anggaran="12500000", status="Berjalan", lokus=2),
    dict(bidang="Kesehatan", aksi="PMT lokal balita gizi kurang", opd="TP-PKK", due=date(2026, 12, 20)),
    dict(bidang="Pendidikan", aksi="Pendataan anak tidak sekolah", opd="Disdik", due=date(2026, 10, 15),
         status="Berjalan"),
    dict(bidang="Sosial", aksi="Verifikasi DTKS keluarga berisiko", opd="TKSK/Dinsos", due=date(2026, 8, 30),
         status="Tertunda"),
    dict(bidang="Sosial", aksi="Sosialisasi bansos lansia", opd="Kelurahan", due=date(2026, 3, 1),
         status="Selesai"),
)  # fmt: skip


@pytest.fixture
def window(store, qtbot, no_dialogs):  # noqa: ANN001, ANN201
    return make_window(store, qtbot)


def _add_five(page, qtbot) -> list[int]:  # noqa: ANN001
    return [add_item(page, qtbot, **fields) for fields in ITEMS]


def _monev(qtbot, panel, persen: str, periode: str, bukti: str = "") -> None:  # noqa: ANN001
    panel.tabs.setCurrentWidget(panel.monev_tab)

    def drive(dialog) -> None:  # noqa: ANN001
        type_into(qtbot, dialog.periode_edit, periode)
        type_into(qtbot, dialog.persen_edit, persen)
        type_into(qtbot, dialog.kendala_edit, "Kader belum dilatih")
        if bukti:
            click(qtbot, dialog.bukti_button)
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    with_modal(qtbot, lambda: click(qtbot, panel.monev_tab.add_button), drive)


def test_five_items_across_three_bidang_grouped_in_order(window, qtbot) -> None:
    page = window.page("rencana_aksi")
    ids = _add_five(page, qtbot)
    items = list_rencana_aksi()
    assert [i.form.aksi for i in items] == [f["aksi"] for f in ITEMS]
    first = items[0].form
    assert (first.bidang, first.opd, first.anggaran) == ("Kesehatan", "Puskesmas", 12500000)
    assert first.status == "Berjalan"
    assert len(first.lokus) == 2 and all(k.startswith("posyandu:") for k in first.lokus)
    page.edit_item(ids[0])
    assert page.panel.anggaran_edit.text() == "12.500.000"  # shown grouped when reopened
    model = page.model
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert [g.split(" — ")[0] for g in groups] == ["Kesehatan", "Pendidikan", "Sosial"]
    assert [model.rowCount(model.index(r, 0)) for r in range(3)] == [2, 1, 2]
    assert page.model.index_of(ids[3]).isValid()


def test_errors_appear_beside_fields_and_nothing_is_saved(window, qtbot) -> None:
    page = window.page("rencana_aksi")
    fill_item(page, qtbot, bidang="Kesehatan", aksi="", opd="Puskesmas", due=date(2026, 9, 1))
    type_into(qtbot, page.panel.anggaran_edit, "banyak")
    click(qtbot, page.panel.save_button)
    shown = page.panel.errors.messages()
    assert "aksi" in shown and "anggaran" in shown
    assert page.panel.errors.label("aksi").isVisible()
    assert list_rencana_aksi() == []


def test_overdue_highlight_monev_and_beranda_counts(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    page = window.page("rencana_aksi")
    ids = _add_five(page, qtbot)
    photo = tmp_path / "Foto kelas ibu.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg for the copy")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    page.edit_item(ids[0])
    _monev(qtbot, page.panel, "40", "Triwulan II", bukti=str(photo))
    _monev(qtbot, page.panel, "60", "Juli")
    entries = list_monev(ids[0])
    assert [e.realisasi_persen for e in entries] == [40.0, 60.0]
    assert entries[0].bukti_path.startswith("bukti/")
    assert (window._ctx.paths.root / entries[0].bukti_path).read_bytes() == photo.read_bytes()
    assert page.panel.monev_tab.model.rowCount() == 2
    assert page.panel.monev_tab.model.row(0).realisasi_persen == 60.0  # newest on top = the progress

    model = page.model
    late = model.index_of(ids[0], model.column_position("status"))
    assert "TERLAMBAT" in late.data()
    assert late.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_TEXT
    soon = model.index_of(ids[3], model.column_position("status"))  # due 30-08, today 10-08
    assert "≤30 hari" in soon.data() and soon.data(Qt.ItemDataRole.ForegroundRole) == SOON_TEXT
    done = model.index_of(ids[4], model.column_position("status"))  # past due but Selesai
    assert "TERLAMBAT" not in done.data()
    assert model.index_of(ids[0], model.column_position("realisasi")).data() == "60%"
    assert "1 terlambat · 1 jatuh tempo" in page.count_label.text()

    page.late_check.setChecked(True)
    assert [i.id for i in page.items] == [ids[0]]
    page.late_check.setChecked(False)

    beranda = window.page("beranda")
    beranda.refresh()
    summary = beranda.rencana_aksi
    assert summary.tile_status.value_label.text() == "5"
    assert "Berjalan 2" in summary.tile_status.caption_label.text()
    assert summary.tile_late.value_label.text() == "1"
    assert summary.tile_soon.value_label.text() == "1"
    bars = {b.label: b.value for b in summary.chart.bars()}
    assert bars == {"Kesehatan": 30.0, "Pendidikan": 0.0, "Sosial": 0.0}  # (60 + 0) / 2

    # a later "today": the Pendidikan (due 15-10) and DTKS (due 30-08) items are overdue too
    page.today = beranda.today = date(2026, 10, 20)
    window._ctx.bus.rencanaAksiChanged.emit()
    assert summary.tile_late.value_label.text() == "3"
    assert "TERLAMBAT" in model.index_of(ids[2], model.column_position("status")).data()


def test_quick_status_change_from_the_combo(window, qtbot) -> None:
    page = window.page("rencana_aksi")
    ids = _add_five(page, qtbot)
    page.close_panel()
    page.select_item(ids[0])
    combo = page.quick_status
    assert combo.isEnabled() and combo.currentData() == "Berjalan"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Berjalan → Selesai; activated like a user's choice
    assert len(list_rencana_aksi(RencanaAksiFilter(status="Selesai"))) == 2
    item = next(i for i in list_rencana_aksi(today=TODAY) if i.id == ids[0])
    assert item.form.status == "Selesai" and not item.terlambat
    status = page.model.index_of(ids[0], page.model.column_position("status")).data()
    assert status == "Selesai"


def test_enter_opens_the_selected_item_and_group_by_opd(window, qtbot) -> None:
    page = window.page("rencana_aksi")
    ids = _add_five(page, qtbot)
    page.close_panel()
    page.select_item(ids[2])
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert page.panel.isVisible() and page.panel.item_id == ids[2]
    assert page.panel.aksi_edit.toPlainText() == "Pendataan anak tidak sekolah"
    page.group_combo.setCurrentIndex(page.group_combo.findData("opd"))
    model = page.model
    names = [model.index(r, 0).data().split(" — ")[0] for r in range(model.rowCount())]
    assert names[:5] == ["Kelurahan", "Puskesmas", "TP-PKK", "Disdik", "TKSK/Dinsos"]  # the OPD list's order
    assert model.headerData(model.column_position("bidang"), Qt.Orientation.Horizontal) == "Bidang"


def test_delete_asks_and_removes(window, qtbot, no_dialogs) -> None:
    page = window.page("rencana_aksi")
    ids = _add_five(page, qtbot)
    page.select_item(ids[1])
    click(qtbot, page.delete_button)
    assert any(kind == "confirm" for kind, _ in no_dialogs)
    assert ids[1] not in [i.id for i in list_rencana_aksi()]
    assert not page.model.index_of(ids[1]).isValid()


def test_context_menu_sets_the_status(window, qtbot) -> None:
    page = window.page("rencana_aksi")
    ids = _add_five(page, qtbot)
    page.edit_item(ids[1])
    item = next(i for i in page.items if i.id == ids[1])
    menu = page.status_menu(item)
    status_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    checked = [a.text() for a in status_menu.actions() if a.isChecked()]
    assert checked == ["Belum mulai"]
    next(a for a in status_menu.actions() if a.text() == "Batal").trigger()
    assert next(i for i in list_rencana_aksi() if i.id == ids[1]).form.status == "Batal"
    assert page.model.index_of(ids[1], page.model.column_position("status")).data() == "Batal"
    assert page.panel.status_combo.currentData() == "Batal"  # the open panel shows it too
