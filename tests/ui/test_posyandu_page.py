"""The Posyandu page as a user drives it: add by typing (with a bad registration number fixed),
filter, edit with Enter, deactivate and reactivate, and kader counts per posyandu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from db.services.kader import KaderForm, save_kader
from db.services.posyandu import PosyanduFilter, PosyanduForm, get_posyandu, list_posyandu, save_posyandu
from tests.ui.pengaturan_support import click, with_modal

pytestmark = pytest.mark.gui

YOSODADI, TEJOSARI = "18.72.04.1001", "18.72.04.1002"


@pytest.fixture
def registry(store):  # noqa: ANN001, ANN201
    melati = save_posyandu(
        PosyanduForm(
            nama="Posyandu Melati", kode_wilayah=YOSODADI, strata="Madya", tahun_strata=2024, status_ilp=True
        )
    )
    mawar = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah=TEJOSARI, strata="Pratama"))
    save_kader(KaderForm(nama="Budi Santoso", nik="1872041203800002", posyandu_id=melati))
    save_kader(KaderForm(nama="Rina Wulandari", posyandu_id=melati, status="pindah"))
    return {"melati": melati, "mawar": mawar}


@pytest.fixture
def page(store, registry, qtbot):  # noqa: ANN001, ANN201
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.pages import PAGES
    from ui.pages.posyandu_page import PosyanduPage

    create_application()
    widget = PosyanduPage(
        AppContext(store=store, bus=AppBus()), next(s for s in PAGES if s.key == "posyandu")
    )
    qtbot.addWidget(widget)
    widget.resize(1156, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def names(page) -> list[str]:  # noqa: ANN001
    return [page.model.row(i).nama for i in range(page.model.rowCount())]


def cell(page, name: str, key: str) -> str:  # noqa: ANN001
    row = names(page).index(name)
    return page.model.data(page.model.index(row, page.model.column_position(key)))


def test_list_shows_kader_counts_strata_and_ilp(page) -> None:
    assert names(page) == ["Posyandu Mawar", "Posyandu Melati"]  # by kelurahan: Tejosari, Yosodadi
    assert cell(page, "Posyandu Melati", "kader") == "1/2"
    assert cell(page, "Posyandu Melati", "strata") == "Madya (2024)"
    assert cell(page, "Posyandu Melati", "status_ilp") == "Sudah"
    assert cell(page, "Posyandu Mawar", "kader") == "0/0"
    assert page.count_label.text() == "2 posyandu · 1 kader aktif"


def test_filters_by_kelurahan_strata_and_ilp(page) -> None:
    page.kelurahan_combo.setCurrentIndex(page.kelurahan_combo.findData(YOSODADI))
    assert names(page) == ["Posyandu Melati"]
    page.kelurahan_combo.setCurrentIndex(0)
    page.strata_combo.setCurrentIndex(page.strata_combo.findData("Pratama"))
    assert names(page) == ["Posyandu Mawar"]
    page.strata_combo.setCurrentIndex(0)
    page.ilp_combo.setCurrentIndex(page.ilp_combo.findData(True))
    assert names(page) == ["Posyandu Melati"]


def test_add_by_typing_with_a_bad_registration_number_fixed(page, qtbot) -> None:
    seen: list[str] = []

    def drive(dialog) -> None:  # noqa: ANN001
        qtbot.keyClicks(dialog.nama_edit, "Posyandu Anggrek")
        dialog.kelurahan_combo.setCurrentIndex(dialog.kelurahan_combo.findData(YOSODADI))
        qtbot.keyClicks(dialog.nomor_edit, "18.72.04.1001")
        qtbot.keyClicks(dialog.rt_edit, "3")
        click(qtbot, dialog.ok_button)
        seen.append(dialog.errors.label("nomor_registrasi").text())
        dialog.nomor_edit.clear()
        qtbot.keyClicks(dialog.nomor_edit, "187204.1001.007")
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: QTest.keyClick(page.table, Qt.Key.Key_Insert), drive)
    assert "PP.KK.KC.DDDD.NNN" in seen[0]
    added = next(r for r in list_posyandu() if r.nama == "Posyandu Anggrek")
    stored = get_posyandu(added.id)
    assert (stored.nomor_registrasi, stored.rt, stored.kode_wilayah) == ("18.72.04.1001.007", "003", YOSODADI)
    qtbot.waitUntil(lambda: "Posyandu Anggrek" in names(page))
    assert page.selected_row().id == added.id


def test_enter_edits_and_deactivate_then_reactivate(page, qtbot, no_dialogs, registry) -> None:
    page.table.setFocus()
    page.table.selectRow(names(page).index("Posyandu Mawar"))

    def drive(dialog) -> None:  # noqa: ANN001
        dialog.ketua_edit.clear()
        qtbot.keyClicks(dialog.ketua_edit, "Sri Lestari")
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: QTest.keyClick(page.table, Qt.Key.Key_Return), drive)
    assert get_posyandu(registry["mawar"]).ketua == "Sri Lestari"
    assert page.selected_row().id == registry["mawar"]
    click(qtbot, page.active_button)
    assert get_posyandu(registry["mawar"]).aktif is False
    assert names(page) == ["Posyandu Melati"], "the default filter shows active posyandu"
    page.aktif_combo.setCurrentIndex(page.aktif_combo.findData(False))
    page.table.selectRow(0)
    assert page.active_button.text() == "Aktifkan kembali"
    click(qtbot, page.active_button)
    assert get_posyandu(registry["mawar"]).aktif is True
    assert list_posyandu(PosyanduFilter(aktif=False)) == []
