"""The Peserta tab: add kader from the registry through the picker (search, multi-select, Enter),
add an official by hand, search as you type, filter by peran/asal, counts against quotas, edit
with Enter, and remove — refused while the person has attendance unless the user confirms."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from db.services.demo import load_demo
from db.services.kader import KaderForm, save_kader
from db.services.kegiatan import list_hari
from db.services.kegiatan_rekap import KuotaForm, set_kuota
from db.services.kehadiran import mark_present, marks_for_hari
from db.services.peserta import PesertaForm, get_peserta, roster, save_peserta
from db.services.peserta_status import reference_day
from db.services.posyandu import PosyanduForm, save_posyandu
from tests.ui.kegiatan_support import make_bimtek, make_page
from tests.ui.pengaturan_support import activate, click, with_modal

pytestmark = pytest.mark.gui

YOSODADI = "18.72.04.1001"


@pytest.fixture
def page(store, qtbot):  # noqa: ANN001, ANN201 - the Kegiatan page with a bimtek open on Peserta
    melati = save_posyandu(PosyanduForm(nama="Posyandu Melati", kode_wilayah=YOSODADI))
    for nama, nik in (("Budi Santoso", "1872041203800002"), ("Siti Aminah", "1872044107850004"),
                      ("Rina Wulandari", "1872045511900003")):  # fmt: skip
        save_kader(KaderForm(nama=nama, nik=nik, posyandu_id=melati, jabatan="Anggota"))
    kegiatan_id = make_bimtek()
    page = make_page(store, qtbot)
    page.open_kegiatan(kegiatan_id, "peserta")
    return page


@pytest.fixture
def tab(page):  # noqa: ANN001, ANN201
    return page.detail.peserta_tab


def names(tab) -> list[str]:  # noqa: ANN001
    return [tab.model.row(i).nama for i in range(tab.model.rowCount())]


def test_add_from_registry_and_by_hand(tab, qtbot, no_dialogs) -> None:  # noqa: ANN001
    def pick(dialog) -> None:  # noqa: ANN001
        assert dialog.model.rowCount() == 3
        qtbot.keyClicks(dialog.search_box, "santoso")
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
        dialog.search_box.clear()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
        qtbot.keyClick(dialog.search_box, Qt.Key.Key_Down)  # to the table, first row selected
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
        assert len(dialog.chosen_ids()) == 2
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    tab.table.setFocus()  # shortcuts follow the keyboard focus
    with_modal(qtbot, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Insert), pick)
    people = roster(tab.kegiatan_id)
    assert sorted(p.nama for p in people) == ["Budi Santoso", "Rina Wulandari"]
    assert all(p.kader_id is not None and p.asal == "Kelurahan Yosodadi" for p in people)
    assert sorted(names(tab)) == ["Budi Santoso", "Rina Wulandari"]

    def picked_again(dialog) -> None:  # noqa: ANN001 - kader on the roster are greyed and skipped
        dialog.table.selectAll()
        assert [r.nama for r in dialog.chosen()] == ["Siti Aminah"]
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, tab.add_from_registry, picked_again)
    assert len(roster(tab.kegiatan_id)) == 3

    def manual(dialog) -> None:  # noqa: ANN001
        qtbot.keyClicks(dialog.nama_edit, "dr. Hendra Wijaya, M.Kes.")
        dialog.peran_combo.setCurrentIndex(dialog.peran_combo.findData("Narasumber"))
        qtbot.keyClicks(dialog.nik_edit, "123")  # too short: refused beside the field
        click(qtbot, dialog.ok_button)
        assert dialog.isVisible() and "nik" in dialog.errors.messages()
        dialog.nik_edit.clear()
        dialog.asal_combo.setCurrentIndex(dialog.asal_combo.findData("__opd__"))
        qtbot.keyClicks(dialog.opd_edit, "Dinas Kesehatan Kota Metro")
        qtbot.keyClicks(dialog.jabatan_edit, "Kepala Bidang Kesmas")
        click(qtbot, dialog.ok_button)

    activate(qtbot, tab)  # the closed picker left no window active
    tab.table.setFocus()
    with_modal(
        qtbot, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier), manual
    )
    hendra = next(p for p in roster(tab.kegiatan_id) if p.peran == "Narasumber")
    assert (hendra.nama, hendra.asal, hendra.kader_id) == (
        "dr. Hendra Wijaya, M.Kes.",
        "Dinas Kesehatan Kota Metro",
        None,
    )
    assert tab.selected_row().id == hendra.id


def test_search_filters_counts_and_edit(tab, qtbot, no_dialogs) -> None:  # noqa: ANN001
    k = tab.kegiatan_id
    for nama, opd, peran in (("Ani Lestari", "Puskesmas Yosomulyo", "Peserta"),
                             ("Agus Pratama", "Puskesmas Yosomulyo", "Panitia"),
                             ("Dewi Rahayu", "Kantor Camat", "Peserta")):  # fmt: skip
        save_peserta(PesertaForm(k, nama, asal_opd=opd, peran=peran))
    set_kuota(k, [KuotaForm(1, label="Puskesmas Yosomulyo"), KuotaForm(5, label="Kantor Camat")])
    tab.refresh()
    assert tab.count_label.text() == "3 peserta"
    counts = {
        tab.asal_list.item(r, 0).text(): tab.asal_list.item(r, 1).text()
        for r in range(tab.asal_list.rowCount())
    }
    assert counts == {"Puskesmas Yosomulyo": "1/1", "Kantor Camat": "1/5"}  # panitia take no seat

    qtbot.keyClicks(tab.search_box, "agus")
    qtbot.waitUntil(lambda: names(tab) == ["Agus Pratama"])
    assert tab.count_label.text() == "3 peserta · 1 ditampilkan"
    tab.search_box.clear()
    qtbot.waitUntil(lambda: len(names(tab)) == 3)
    tab.peran_combo.setCurrentIndex(tab.peran_combo.findData("Peserta"))
    assert sorted(names(tab)) == ["Ani Lestari", "Dewi Rahayu"]
    tab.asal_combo.setCurrentIndex(tab.asal_combo.findText("Kantor Camat"))
    assert names(tab) == ["Dewi Rahayu"]

    tab.table.setFocus()
    tab.table.selectRow(0)

    def edit(dialog) -> None:  # noqa: ANN001
        dialog.nama_edit.setText("Dewi Rahayu, S.Sos.")
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Return), edit)
    assert names(tab) == ["Dewi Rahayu, S.Sos."]


def test_remove_refused_with_attendance_unless_confirmed(tab, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from ui import messages

    k = tab.kegiatan_id
    ani = save_peserta(PesertaForm(k, "Ani Lestari"))
    eko = save_peserta(PesertaForm(k, "Eko Saputra"))
    hari = list_hari(k)[0]
    mark_present(ani, hari.id)
    tab.refresh()
    answers: list[bool] = []
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or answers.pop(0))

    answers[:] = [True, False]  # yes, remove … but no, not with her attendance
    tab.select_peserta(ani)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert get_peserta(ani).nama == "Ani Lestari"
    assert "catatan kehadiran" in asked[1]
    assert ani in marks_for_hari(hari.id)

    answers[:] = [True, True]
    tab.select_peserta(ani)
    tab.delete_selected()
    assert [p.id for p in roster(k)] == [eko]

    answers[:] = [True]  # no attendance: one question is enough
    tab.select_peserta(eko)
    tab.delete_selected()
    assert roster(k) == [] and names(tab) == []


def test_status_filter_on_the_demo_bimtek(store, qtbot) -> None:  # noqa: ANN001
    load_demo()
    page = make_page(store, qtbot)
    page.open_kegiatan(1, "peserta")  # the demo bimtek: 235 people, day 2 runs today
    tab = page.detail.peserta_tab
    day = reference_day(1)
    assert day is not None and day.tanggal == date.today()
    assert f"hari ke-{day.hari_ke}" in tab.status_combo.toolTip()
    hadir = {pid for pid, mark in marks_for_hari(day.id).items() if mark.status == "hadir"}
    everyone = {p.id for p in roster(1)}
    assert tab.model.rowCount() == len(everyone) == 235
    tab.status_combo.setFocus()
    qtbot.keyClick(tab.status_combo, Qt.Key.Key_Down)  # Semua status → Hadir hari ini
    assert tab.status_combo.currentData() == "hadir_hari_ini"
    assert {tab.model.row(i).id for i in range(tab.model.rowCount())} == hadir
    qtbot.keyClick(tab.status_combo, Qt.Key.Key_Down)  # → Belum hadir hari ini
    assert tab.status_combo.currentText() == "Belum hadir hari ini"
    assert tab.model.rowCount() == len(everyone - hadir) > 0
    assert tab.count_label.text() == f"235 peserta · {len(everyone - hadir)} ditampilkan"
    qtbot.keyClicks(tab.search_box, "kelurahan")  # the search narrows within the filter
    qtbot.waitUntil(lambda: {tab.model.row(i).id for i in range(tab.model.rowCount())} != everyone - hadir)
    shown = {tab.model.row(i).id for i in range(tab.model.rowCount())}
    assert shown and shown <= everyone - hadir
    tab.search_box.clear()
    qtbot.keyClick(tab.status_combo, Qt.Key.Key_Home)  # back to Semua status
    qtbot.waitUntil(lambda: tab.model.rowCount() == 235)
