"""The Susunan Acara tab driven like a user: six items added through the dialog with keys and
clicks (one linked narasumber, materi with JPL), Ctrl+↓ to reorder, Del to delete, a manual time
edit that turns a row red, the susunan acara printed into the preview, "Tambah Evaluasi Rencana
Aksi" twice, and the undangan dialog composing the number."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from db.database import db
from db.services.agenda import get_agenda, list_agenda, save_agenda
from db.services.peserta import PesertaForm, save_peserta
from db.services.undangan import get_undangan
from tests.ui.kegiatan_support import make_bimtek, make_page
from tests.ui.pengaturan_support import activate, click, with_modal
from ui.pages.kegiatan_agenda_tab import BENTROK

pytestmark = pytest.mark.gui

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
NARASUMBER = "dr. Hendra Wijaya, M.Kes."
# acara, minutes, narasumber ("" none; NARASUMBER picks the participant), kelompok steps down, T
ITEMS = (("Registrasi peserta", 30, "", 0, 0), ("Pembukaan", 30, "Camat Metro Timur", 0, 0),
         ("Kebijakan Posyandu ILP", 90, NARASUMBER, 1, 2), ("ISHOMA", 60, "", 0, 0),
         ("Pemantauan pertumbuhan balita", 120, NARASUMBER, 2, 1),
         ("Penutupan", 15, "Panitia", 0, 0))  # fmt: skip


@pytest.fixture
def tab(store, qtbot, no_dialogs):  # noqa: ANN001, ANN201
    kegiatan_id = make_bimtek()
    save_peserta(PesertaForm(kegiatan_id, NARASUMBER, asal_opd="Dinas Kesehatan", peran="Narasumber"))
    page = make_page(store, qtbot)
    page.open_kegiatan(kegiatan_id)
    page.detail.show_tab("agenda")
    yield page.detail.agenda_tab  # (yield keeps the page alive for the test)


def type_into(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    widget.selectAll() if hasattr(widget, "selectAll") else None
    qtbot.keyClicks(widget, text)


def fill(qtbot, acara: str, minutes: int, narasumber: str, kelompok: int, t: int):  # noqa: ANN001, ANN201
    def drive(dialog) -> None:  # noqa: ANN001
        type_into(qtbot, dialog.acara_edit, acara)
        dialog.durasi_spin.setFocus()
        dialog.durasi_spin.selectAll()
        qtbot.keyClicks(dialog.durasi_spin, str(minutes))
        if narasumber:
            dialog.narasumber_combo.setFocus()
            dialog.narasumber_combo.lineEdit().selectAll()
            qtbot.keyClicks(dialog.narasumber_combo.lineEdit(), narasumber)
        dialog.kelompok_combo.setFocus()
        for _ in range(kelompok):
            qtbot.keyClick(dialog.kelompok_combo, Qt.Key.Key_Down)
        if t:
            type_into(qtbot, dialog.t_spin.lineEdit(), str(t))
        if acara == "Kebijakan Posyandu ILP":
            SHOTS.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(SHOTS / "agenda_dialog.png"))
        click(qtbot, dialog.ok_button)

    return drive


def add_six(tab, qtbot) -> None:  # noqa: ANN001
    for n, item in enumerate(ITEMS):
        activate(qtbot, tab)  # the closed dialog handed activation back; shortcuts need it
        if n % 2:
            tab.table.setFocus()
            trigger = lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Insert)  # noqa: E731
        else:
            trigger = lambda: click(qtbot, tab.add_button)  # noqa: E731
        with_modal(qtbot, trigger, fill(qtbot, *item))


def test_build_reorder_delete_and_print(tab, qtbot, no_dialogs) -> None:  # noqa: ANN001
    add_six(tab, qtbot)
    rows = list_agenda(tab.kegiatan_id, 1)
    assert [(r.acara, r.jam_mulai, r.jam_selesai) for r in rows] == [
        ("Registrasi peserta", "08:00", "08:30"), ("Pembukaan", "08:30", "09:00"),
        ("Kebijakan Posyandu ILP", "09:00", "10:30"), ("ISHOMA", "10:30", "11:30"),
        ("Pemantauan pertumbuhan balita", "11:30", "13:30"), ("Penutupan", "13:30", "13:45"),
    ]  # fmt: skip
    assert rows[2].narasumber_peserta_id is not None and rows[1].narasumber_peserta_id is None
    assert [(r.kelompok, r.jpl_t) for r in rows if r.kelompok] == [("Dasar", 2), ("Inti", 1)]
    assert tab.model.rowCount() == 6 and "6 acara hari ini" in tab.summary_label.text()

    activate(qtbot, tab)
    tab.table.setFocus()
    tab.table.selectRow(2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    rows = list_agenda(tab.kegiatan_id, 1)
    assert [r.acara for r in rows][2:4] == ["ISHOMA", "Kebijakan Posyandu ILP"]
    assert (rows[2].jam_mulai, rows[3].jam_mulai) == ("09:00", "10:00")
    assert tab.selected_row().acara == "Kebijakan Posyandu ILP"
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [r.acara for r in list_agenda(tab.kegiatan_id, 1)][2] == "Kebijakan Posyandu ILP"

    form = get_agenda(rows[1].id)  # Pembukaan runs late by hand: it now overlaps Kebijakan
    save_agenda(type(form)(**{**form.__dict__, "jam_mulai": "08:30", "jam_selesai": "09:30"}))
    tab.refresh()
    assert tab.model.data(tab.model.index(2, 0), Qt.ItemDataRole.BackgroundRole) == BENTROK
    assert "bertumpuk" in tab.summary_label.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.table.selectRow(0)  # the red row shows unselected
    tab.window().grab().save(str(SHOTS / "kegiatan_agenda_tab.png"))

    tab.table.setFocus()
    tab.table.selectRow(3)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert no_dialogs[-1] == ("confirm", 'Hapus acara "ISHOMA"?')
    assert [r.acara for r in list_agenda(tab.kegiatan_id, 1)].count("ISHOMA") == 0

    job = tab.print_document("susunan_acara")
    assert job is not None
    qtbot.waitUntil(lambda: tab.last_preview is not None and tab.last_preview.isVisible(), timeout=15000)
    pages = PdfReader(io.BytesIO(tab.last_preview.pdf_bytes())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    order = [text.index(r.acara) for r in list_agenda(tab.kegiatan_id, 1)]
    assert order == sorted(order) and NARASUMBER in text
    tab.last_preview.reject()


def test_evaluasi_button_once_and_prints_open_items(tab, qtbot, no_dialogs) -> None:  # noqa: ANN001
    click(qtbot, tab.evaluasi_button)
    qtbot.waitUntil(lambda: tab.last_preview is not None and tab.last_preview.isVisible(), timeout=15000)
    text = tab.last_preview.pdf_bytes()
    assert b"%PDF" in text[:8]
    click(qtbot, tab.evaluasi_button)
    acara = [r.acara for r in list_agenda(tab.kegiatan_id)]
    assert acara.count("Evaluasi rencana aksi") == 1
    assert sum(1 for kind, _ in no_dialogs if kind == "confirm") == 2


def test_undangan_dialog_composes_the_number(tab, qtbot) -> None:  # noqa: ANN001
    seen: dict[str, str] = {}

    def drive(dialog) -> None:  # noqa: ANN001
        dialog.urut_spin.setFocus()
        dialog.urut_spin.selectAll()
        qtbot.keyClicks(dialog.urut_spin, "12")
        seen["nomor"] = dialog.nomor_label.text()
        seen["kepada"] = dialog.kepada_edit.toPlainText()
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / "undangan_dialog.png"))
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: click(qtbot, tab.undangan_button), drive)
    saved = get_undangan(tab.kegiatan_id)
    assert saved.id is not None and saved.nomor == seen["nomor"]
    assert saved.nomor.startswith("445.8/12/KEC/")
    assert seen["kepada"].startswith("Lurah se-Kecamatan")
    assert db.execute_sql("SELECT count(*) FROM riwayat WHERE entitas = 'undangan'").fetchone()[0] == 1
