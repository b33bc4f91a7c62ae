"""Printing from the kegiatan detail: the options dialog driven with keys and clicks, the PDF text
and page size that come out of it, a slow render that leaves the window responsive, Batal that
throws the result away, and the Indonesian error of a failing document."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from db.services.kegiatan_print import PESERTA
from db.services.penandatangan import SignatoryData, save_signatory
from db.services.peserta import roster_order
from tests.ui.kegiatan_support import fill_roster, make_bimtek, make_page
from tests.ui.pengaturan_support import click, with_modal
from ui.dialogs.cetak_kegiatan_dialog import forget
from ui.pages import kegiatan_print_actions as actions

pytestmark = pytest.mark.gui

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
F4_POINTS = (215 / 25.4 * 72, 330 / 25.4 * 72)


@pytest.fixture
def page(store, qtbot):  # noqa: ANN001, ANN201 - 30 people over 3 days, detail open
    kegiatan_id = make_bimtek()
    fill_roster(kegiatan_id, 30)
    save_signatory(SignatoryData(nama="Drs. Ahmad Fauzi, M.Si.", jabatan="Camat Metro Timur", nip=""))
    page = make_page(store, qtbot)
    page.open_kegiatan(kegiatan_id)
    yield page
    forget(kegiatan_id)  # the session memory outlives the test (and the next test's ids are the same)


def menu_action(menu, text: str):  # noqa: ANN001, ANN201
    return next(a for a in menu.menu.actions() if a.text() == text)


def pdf_text(pdf: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(p.extract_text() for p in reader.pages), reader


def wait_preview(qtbot, menu):  # noqa: ANN001, ANN201
    qtbot.waitUntil(lambda: menu.last_preview is not None and menu.last_preview.isVisible(), timeout=15000)
    return menu.last_preview


def test_dialog_choices_reach_the_pdf(page, qtbot) -> None:  # noqa: ANN001
    menu = page.detail.printing
    seen: dict[str, object] = {}

    def drive(dialog) -> None:  # noqa: ANN001
        seen["fields"] = [dialog.layout().itemAt(0).layout().labelForField(w).text()
                          for w in (dialog.hari_combo, dialog.kertas_combo, dialog.urutan_combo, dialog.hp_combo,
                                    dialog.baris_spin, dialog.penandatangan_combo)]  # fmt: skip
        seen["hidden"] = dialog.ppk_combo.parent() is None
        assert dialog.hari_combo.currentText() == "Hari ke-1 — Senin, 23 November 2026"
        dialog.hari_combo.setFocus()
        qtbot.keyClick(dialog.hari_combo, Qt.Key.Key_Down)  # day 2
        dialog.kertas_combo.setFocus()
        qtbot.keyClick(dialog.kertas_combo, Qt.Key.Key_Down)  # F4
        dialog.urutan_combo.setFocus()
        qtbot.keyClick(dialog.urutan_combo, Qt.Key.Key_Down)  # nomor urut
        dialog.baris_spin.setFocus()
        dialog.baris_spin.selectAll()
        qtbot.keyClicks(dialog.baris_spin, "3")
        dialog.penandatangan_combo.setFocus()
        qtbot.keyClick(dialog.penandatangan_combo, Qt.Key.Key_Down)  # the Camat
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / "cetak_kegiatan_dialog.png"))
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    with_modal(qtbot, lambda: menu_action(menu, "Daftar hadir hari ke-1 (23-11-2026)").trigger(), drive)
    assert seen["fields"] == [
        "Hari",
        "Kertas",
        "Urutan",
        "Kolom No. HP",
        "Baris kosong di akhir",
        "Mengetahui",
    ]
    assert seen["hidden"]  # no PPK field on a daftar hadir
    preview = wait_preview(qtbot, menu)
    text, reader = pdf_text(preview.pdf_bytes())
    assert "Selasa, 24 November 2026" in text and "Senin, 23 November 2026" not in text
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == tuple(round(v) for v in F4_POINTS)
    by_number = [p.nama for p in roster_order(menu.kegiatan_id, "nomor", PESERTA)]
    assert by_number != [p.nama for p in roster_order(menu.kegiatan_id, "asal", PESERTA)]
    positions = [text.index(name) for name in by_number]
    assert positions == sorted(positions)
    assert "Drs. Ahmad Fauzi, M.Si." in text
    assert Path(preview._suggested_name).name == "Daftar Hadir - Hari 2 - Bimtek Kader Posyandu ILP.pdf"
    preview.reject()

    remembered: dict[str, str] = {}

    def look(dialog) -> None:  # noqa: ANN001
        remembered.update(kertas=dialog.kertas_combo.currentText(), urutan=dialog.urutan_combo.currentText(),
                          ppk=dialog.ppk_combo.currentText(), bendahara=dialog.bendahara_combo.currentText())  # fmt: skip
        dialog.reject()

    with_modal(qtbot, lambda: menu_action(menu, "Tanda terima honorarium").trigger(), look)
    assert remembered["kertas"] == "F4 (folio)" and remembered["urutan"] == "Nomor urut peserta"
    assert remembered["ppk"] == remembered["bendahara"] == "– dikosongkan, diisi tangan –"


def test_window_stays_responsive_and_batal_discards(page, qtbot, monkeypatch) -> None:  # noqa: ANN001
    menu = page.detail.printing
    real = actions.BUILDERS["daftar_peserta"]
    gate = threading.Event()

    def slow_builder(kegiatan_id, choices):  # noqa: ANN001, ANN202
        render = real(kegiatan_id, choices)  # the data step, on the GUI thread

        def slow(target) -> int:  # noqa: ANN001
            gate.wait(5)
            time.sleep(0.5)
            return render(target)

        return slow

    monkeypatch.setattr(actions, "BUILDERS", {**actions.BUILDERS, "daftar_peserta": slow_builder})
    ticks: list[float] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    with_modal(qtbot, lambda: menu_action(menu, "Daftar peserta").trigger(),
               lambda dialog: click(qtbot, dialog.ok_button))  # fmt: skip
    job = menu.job
    assert job is not None and job.running and menu.last_preview is None
    qtbot.waitUntil(lambda: job.progress.isVisible(), timeout=3000)
    assert job.progress.labelText() == "Menyiapkan PDF…"
    job.progress.grab().save(str(SHOTS / "cetak_progress.png"))
    before = len(ticks)
    gate.set()
    preview = wait_preview(qtbot, menu)
    timer.stop()
    assert len(ticks) - before >= 10  # the timer kept firing through the 0.5 s render
    assert "Daftar Peserta" in preview.windowTitle() and preview.page_count() >= 1
    preview.reject()

    menu.last_preview = None
    gate.clear()
    with_modal(qtbot, lambda: menu_action(menu, "Daftar peserta").trigger(),
               lambda dialog: click(qtbot, dialog.ok_button))  # fmt: skip
    job = menu.job
    qtbot.waitUntil(lambda: job.progress.isVisible(), timeout=3000)
    click(qtbot, job.progress.findChild(QPushButton))  # Batal
    assert job.cancelled and not job.progress.isVisible()
    gate.set()
    qtbot.wait(1200)  # the worker finishes its render …
    assert menu.last_preview is None  # … and the result is discarded


def test_a_failing_document_shows_the_indonesian_error(page, qtbot, no_dialogs, monkeypatch) -> None:  # noqa: ANN001
    from reports.base import RenderError

    menu = page.detail.printing

    def broken(target) -> int:  # noqa: ANN001
        raise RenderError("Sebagian isi dokumen terlalu besar untuk satu halaman dan tidak dapat dicetak.")

    monkeypatch.setattr(actions, "BUILDERS", {**actions.BUILDERS, "rekap": lambda k, c: broken})
    with_modal(qtbot, lambda: menu_action(menu, "Rekap kehadiran").trigger(),
               lambda dialog: click(qtbot, dialog.ok_button))  # fmt: skip
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=5000)
    assert no_dialogs == [
        ("error", "Sebagian isi dokumen terlalu besar untuk satu halaman dan tidak dapat dicetak.")
    ]
    assert menu.last_preview is None

    no_dialogs.clear()
    assert menu.print_document("daftar_hadir", actions.CetakChoices(hari_ke=9)) is None  # the data step fails
    assert len(no_dialogs) == 1 and no_dialogs[0][1].startswith("Hari ke-9 tidak ada")


def test_tanda_terima_dialog_asks_for_the_treasurer(page, qtbot) -> None:  # noqa: ANN001
    save_signatory(SignatoryData(nama="Sri Mulyani", jabatan="Bendahara Pengeluaran", nip=""))
    menu = page.detail.printing
    seen: dict[str, object] = {}

    def drive(dialog) -> None:  # noqa: ANN001
        seen["title"] = dialog.windowTitle()
        seen["jenis"] = dialog.jenis_combo.currentData()
        seen["hari"] = dialog.hari_combo.currentText()
        seen["bendahara"] = dialog.bendahara_combo.currentText()
        seen["blank_rows"] = dialog.baris_spin.parent() is None
        dialog.grab().save(str(SHOTS / "cetak_tanda_terima_dialog.png"))
        dialog.reject()

    with_modal(qtbot, lambda: menu_action(menu, "Tanda terima uang transport").trigger(), drive)
    assert seen == {"title": "Cetak tanda terima", "jenis": "transport", "hari": "Seluruh kegiatan",
                    "bendahara": "Sri Mulyani — Bendahara Pengeluaran", "blank_rows": True}  # fmt: skip
    assert QApplication.activeModalWidget() is None and menu.job is None


def test_tanda_terima_prints_the_chosen_day_and_officers(page, qtbot) -> None:  # noqa: ANN001
    from dataclasses import replace

    from db.services.kegiatan import get_kegiatan, list_hari, save_kegiatan
    from db.services.kehadiran import mark_present

    menu = page.detail.printing
    save_kegiatan(replace(get_kegiatan(menu.kegiatan_id).form, uang_peran={"Peserta": 150000}))
    people = roster_order(menu.kegiatan_id, "asal", PESERTA)
    day3 = list_hari(menu.kegiatan_id)[2]
    for person in people[:4]:
        mark_present(person.id, day3.id)
    save_signatory(SignatoryData(nama="Ir. Bambang Wijaya", jabatan="Pejabat Pembuat Komitmen", nip=""))
    save_signatory(SignatoryData(nama="Sri Mulyani", jabatan="Bendahara Pengeluaran", nip=""))

    def drive(dialog) -> None:  # noqa: ANN001
        assert dialog.ppk_combo.currentText() == "Ir. Bambang Wijaya — Pejabat Pembuat Komitmen"  # guessed
        dialog.hari_combo.setFocus()
        for _ in range(3):
            qtbot.keyClick(dialog.hari_combo, Qt.Key.Key_Down)  # Seluruh kegiatan → hari ke-3
        dialog.ppk_combo.setFocus()
        qtbot.keyClick(dialog.ppk_combo, Qt.Key.Key_Home)  # left blank: written by hand
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: menu_action(menu, "Tanda terima uang transport").trigger(), drive)
    preview = wait_preview(qtbot, menu)
    text, _reader = pdf_text(preview.pdf_bytes())
    assert "DAFTAR PENERIMAAN UANG TRANSPORT" in text and "hari ke-3" in text
    assert all(p.nama in text for p in people[:4]) and people[4].nama not in text
    assert "Sri Mulyani" in text and "Ir. Bambang Wijaya" not in text
    assert (
        Path(preview._suggested_name).name
        == "Tanda Terima Transport - Hari 3 - Bimtek Kader Posyandu ILP.pdf"
    )
    preview.reject()


def test_suggested_file_names_are_safe_on_windows() -> None:
    name = actions.suggested_filename("Daftar Hadir", "Hari 1", "Bimtek: Kader/ILP?")
    assert name == "Daftar Hadir - Hari 1 - Bimtek Kader ILP.pdf"
    long = actions.suggested_filename("Rekap Kehadiran", "", "Pelatihan " * 40)
    assert len(long) <= 150 and long.endswith(".pdf") and long.startswith("Rekap Kehadiran - Pelatihan")
    assert actions.suggested_filename("CON") != "CON.pdf"


def test_belum_hadir_and_rekap_per_asal_from_the_menu(page, qtbot) -> None:  # noqa: ANN001
    from db.services.kegiatan import list_hari
    from db.services.kehadiran import mark_present, set_status

    menu = page.detail.printing
    people = roster_order(menu.kegiatan_id, "asal")
    day2 = list_hari(menu.kegiatan_id)[1]
    for person in people[:4]:
        mark_present(person.id, day2.id)
    set_status(people[4].id, day2.id, "izin")
    seen: dict[str, object] = {}

    def drive(dialog) -> None:  # noqa: ANN001
        seen["title"] = dialog.windowTitle()
        seen["days"] = [dialog.hari_combo.itemText(i) for i in range(dialog.hari_combo.count())]
        seen["hp"] = dialog.hp_combo.parent() is not None and dialog.baris_spin.parent() is None
        dialog.hari_combo.setFocus()
        qtbot.keyClick(dialog.hari_combo, Qt.Key.Key_End)
        qtbot.keyClick(dialog.hari_combo, Qt.Key.Key_Up)  # hari ke-2
        dialog.grab().save(str(SHOTS / "cetak_belum_hadir_dialog.png"))
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: menu_action(menu, "Daftar belum hadir…").trigger(), drive)
    assert seen["title"] == "Cetak daftar belum hadir" and seen["hp"]
    assert seen["days"] == [
        "Hari ke-1 — Senin, 23 November 2026",
        "Hari ke-2 — Selasa, 24 November 2026",
        "Hari ke-3 — Rabu, 25 November 2026",
    ]
    preview = wait_preview(qtbot, menu)
    text, _reader = pdf_text(preview.pdf_bytes())
    assert "DAFTAR PESERTA BELUM HADIR" in text and "Selasa, 24 November 2026" in text
    assert all(p.nama not in text for p in people[:4]) and all(p.nama in text for p in people[4:])
    assert "Belum hadir: 26 dari 30 orang (Izin 1, Belum tercatat 25)" in " ".join(text.split())
    assert Path(preview._suggested_name).name == "Daftar Belum Hadir - Hari 2 - Bimtek Kader Posyandu ILP.pdf"
    preview.reject()

    menu.last_preview = None
    with_modal(qtbot, lambda: menu_action(menu, "Rekap kehadiran per asal").trigger(),
               lambda dialog: click(qtbot, dialog.ok_button))  # fmt: skip
    preview = wait_preview(qtbot, menu)
    text = " ".join(pdf_text(preview.pdf_bytes())[0].split())
    assert "REKAP KEHADIRAN PER ASAL" in text
    assert "Jumlah 0/30 4/30 0/30 4/90 4%" in text
    preview.reject()
