"""Pengaturan → Daftar pilihan as a person uses it: add a bidang (and see the open rencana aksi
panel and filter offer it at once), rename with F2, move with Ctrl+↑, remove a used OPD (it stays
on its items), restore the shipped list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.services import rencana_aksi as ra
from db.services import rencana_aksi_lists as lists
from tests.db.rencana_aksi_samples import make_items
from tests.ui.pengaturan_support import activate, click
from tests.ui.rencana_aksi_support import make_window

pytestmark = pytest.mark.gui


def _daftar_tab(window, qtbot, kind: str):  # noqa: ANN001, ANN202
    page = window.show_page("pengaturan")
    page.tabs.setCurrentWidget(page.daftar)
    tab = page.daftar
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(kind))
    activate(qtbot, tab)
    return tab


def _combo_texts(combo) -> list[str]:  # noqa: ANN001
    return [combo.itemText(i) for i in range(combo.count())]


def _select(qtbot, tab, value: str) -> None:  # noqa: ANN001
    row = tab.values().index(value)
    rect = tab.table.visualItemRect(tab.table.item(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected_value() == value


def test_added_bidang_is_offered_in_the_open_rencana_aksi_panel(store, qtbot, no_dialogs) -> None:
    window = make_window(store, qtbot)
    ra_page = window.page("rencana_aksi")
    click(qtbot, ra_page.add_button)
    panel = ra_page.panel
    panel.bidang_combo.setCurrentText("Pendidikan")
    assert "Kependudukan" not in _combo_texts(panel.bidang_combo)

    tab = _daftar_tab(window, qtbot, "bidang")
    tab.new_edit.setFocus()
    qtbot.keyClicks(tab.new_edit, "Kependudukan")
    qtbot.keyClick(tab.new_edit, Qt.Key.Key_Return)

    assert lists.bidang_list()[-1] == "Kependudukan"
    assert tab.values()[-1] == "Kependudukan" and tab.selected_value() == "Kependudukan"
    assert tab.new_edit.text() == "" and tab.restore_button.isEnabled()
    assert _combo_texts(panel.bidang_combo)[-1] == "Kependudukan", "the open panel offers it at once"
    assert panel.bidang_combo.currentText() == "Pendidikan", "what the form held is kept"
    assert "Kependudukan" in _combo_texts(ra_page.bidang_combo)  # the page's filter too

    qtbot.keyClicks(tab.new_edit, "kependudukan")  # a repeat is refused with a reason
    qtbot.keyClick(tab.new_edit, Qt.Key.Key_Return)
    assert no_dialogs and "sudah ada" in no_dialogs[-1][1]
    assert lists.bidang_list().count("Kependudukan") == 1


def test_rename_with_f2_and_move_with_ctrl_up(store, qtbot, no_dialogs) -> None:
    window = make_window(store, qtbot)
    tab = _daftar_tab(window, qtbot, "sumber_dana")
    _select(qtbot, tab, "DD")
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    editor = tab.table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Dana Desa")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: "DD" not in tab.values())
    assert lists.sumber_dana_list()[2] == "Dana Desa" and "DD" not in lists.sumber_dana_list()
    assert tab.selected_value() == "Dana Desa"

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert lists.sumber_dana_list()[:3] == ("APBD", "Dana Desa", "APBDes")
    assert tab.values()[:3] == ["APBD", "Dana Desa", "APBDes"] and tab.selected_value() == "Dana Desa"
    assert not no_dialogs


def test_removing_a_used_opd_keeps_it_on_its_items(store, qtbot, no_dialogs) -> None:
    ids = make_items()
    window = make_window(store, qtbot)
    tab = _daftar_tab(window, qtbot, "opd")
    used = tab.table.item(tab.values().index("Puskesmas"), 1).text()
    assert used == "2"
    _select(qtbot, tab, "Puskesmas")
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    assert [kind for kind, _ in no_dialogs] == ["confirm"]
    assert "dipakai oleh 2 rencana aksi" in no_dialogs[0][1]
    assert "Puskesmas" not in lists.opd_list() and "Puskesmas" not in tab.values()
    assert ra.get_rencana_aksi(ids["k1"]).opd == "Puskesmas"
    assert tab.unlisted_label.isVisible() and "Puskesmas (2)" in tab.unlisted_label.text()
    assert "Puskesmas" not in _combo_texts(window.page("rencana_aksi").opd_combo)

    click(qtbot, tab.restore_button)  # confirm answers yes
    assert lists.opd_list() == lists.DEFAULT_OPD and "Puskesmas" in tab.values()
    assert not tab.restore_button.isEnabled() and not tab.unlisted_label.isVisible()
