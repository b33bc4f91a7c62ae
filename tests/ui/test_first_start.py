"""First-start dialog and the wilayah picker, driven with clicks and typing; the database is checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit

from db.models import Kader, Penandatangan, Posyandu
from db.services.penandatangan import SignatoryData, list_signatories, save_signatory
from db.services.profile import get_profile

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(store, qapp):
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext

    create_application()
    return AppContext(store=store, bus=AppBus())


@pytest.fixture
def dialog(ctx, qtbot):
    from ui.dialogs.first_start import FirstStartDialog

    widget = FirstStartDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def picker(qtbot, qapp):
    from ui.wilayah_picker import WilayahPicker

    widget = WilayahPicker()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(qtbot, box: QComboBox | QLineEdit, text: str) -> None:
    """Select what is there, type ``text`` and press Enter, as a user would."""
    edit = box.lineEdit() if isinstance(box, QComboBox) else box
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _click(qtbot, button) -> None:  # noqa: ANN001 - any QAbstractButton
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose_metro_timur(qtbot, dialog) -> None:
    _click(qtbot, dialog.own_button)
    _type(qtbot, dialog.picker.provinsi_box, "lampung")
    _type(qtbot, dialog.picker.kabkota_box, "metro")
    _type(qtbot, dialog.picker.kecamatan_box, "timur")
    assert dialog.picker.code() == "18.72.04"
    assert dialog.office_errors.messages() == {}  # Enter completed the boxes, it did not submit


def _visible_top_levels() -> list:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


# ---------------------------------------------------------------------- wilayah picker
def test_picker_typing_picks_each_level_and_signals_the_kecamatan(qtbot, picker) -> None:
    assert not picker.kabkota_box.isEnabled()
    _type(qtbot, picker.provinsi_box, "lampung")
    assert picker.provinsi_box.currentData() == "18"
    assert picker.kabkota_box.isEnabled() and not picker.kecamatan_box.isEnabled()
    _type(qtbot, picker.kabkota_box, "metro")
    assert picker.kabkota_box.currentText() == "Kota Metro"
    assert picker.kecamatan_box.count() == 5
    with qtbot.waitSignal(picker.changed, check_params_cb=lambda code: code == "18.72.04"):
        _type(qtbot, picker.kecamatan_box, "Kec. Metro Timur")
    assert picker.code() == "18.72.04"
    assert picker.kecamatan().nama == "Metro Timur"


def test_picker_completer_offers_contains_matches(qtbot, picker) -> None:
    picker.set_code("18")
    edit = picker.kabkota_box.lineEdit()
    edit.setFocus()
    qtbot.keyClicks(edit, "metro")
    completer = picker.kabkota_box.completer()
    offered = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert offered == ["Kota Metro"]


def test_picker_unknown_text_restores_the_last_choice(qtbot, picker) -> None:
    picker.set_code("18.72.04")
    with qtbot.assertNotEmitted(picker.changed):
        _type(qtbot, picker.kecamatan_box, "Tidak Ada")
    assert picker.kecamatan_box.currentText() == "Metro Timur"
    assert picker.code() == "18.72.04"


def test_picker_set_code_and_clearing(qtbot, picker) -> None:
    seen: list[str] = []
    picker.changed.connect(seen.append)
    picker.set_code("1872041005")  # a kelurahan code is cut to its kecamatan
    assert (picker.provinsi_box.currentText(), picker.kabkota_box.currentText()) == ("Lampung", "Kota Metro")
    assert picker.code() == "18.72.04"
    _type(qtbot, picker.provinsi_box, "Jawa Barat")  # another provinsi clears the kecamatan
    assert picker.code() == ""
    assert picker.kabkota_box.count() == 27 and picker.kecamatan_box.count() == 0
    picker.set_code("18.72")
    assert picker.code() == "" and picker.kecamatan_box.isEnabled()
    assert seen == ["18.72.04", ""]


# ---------------------------------------------------------------------- demo path
def test_demo_choice_loads_kota_metro(qtbot, ctx, dialog, no_dialogs) -> None:
    with qtbot.waitSignal(ctx.bus.dataReplaced):
        _click(qtbot, dialog.demo_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert get_profile().unit == "KECAMATAN METRO TIMUR"
    assert Posyandu.select().count() > 80 and Kader.select().count() > 400
    assert no_dialogs == []


def test_demo_choice_asks_before_replacing_existing_data(qtbot, ctx, dialog, no_dialogs) -> None:
    save_signatory(SignatoryData(nama="Budi Santoso", jabatan="Camat"))
    with qtbot.waitSignal(ctx.bus.dataReplaced):
        _click(qtbot, dialog.demo_button)
    assert [kind for kind, _ in no_dialogs] == ["confirm"]
    assert "Budi Santoso" not in [s.nama for s in list_signatories()]


def test_run_returns_true_after_the_demo_and_false_when_postponed(qtbot, ctx, no_dialogs) -> None:
    from ui.dialogs.first_start import FirstStartDialog

    def click_in_open_dialog(button_name: str) -> None:
        dialog = next(w for w in _visible_top_levels() if isinstance(w, FirstStartDialog))
        _click(qtbot, getattr(dialog, button_name))

    QTimer.singleShot(50, lambda: click_in_open_dialog("later_button"))
    assert FirstStartDialog.run(ctx, None) is False
    assert not get_profile().configured
    QTimer.singleShot(50, lambda: click_in_open_dialog("demo_button"))
    assert FirstStartDialog.run(ctx, None) is True
    assert get_profile().configured


# ---------------------------------------------------------------------- own-data path
def test_own_data_path_prefills_from_kecamatan_and_saves(qtbot, ctx, dialog, no_dialogs) -> None:
    _choose_metro_timur(qtbot, dialog)
    assert dialog.pemerintah_edit.text() == "PEMERINTAH KOTA METRO"
    assert dialog.unit_edit.text() == "KECAMATAN METRO TIMUR"
    assert dialog.sekretariat_edit.text() == "POKJANAL POSYANDU KECAMATAN METRO TIMUR"
    assert dialog.kota_ttd_edit.text() == "Metro"
    _type(qtbot, dialog.sekretariat_edit, "Tim Pembina Posyandu Kecamatan Metro Timur")
    _type(qtbot, dialog.kelurahan_box, "Yosodadi")
    _type(qtbot, dialog.alamat_edit, "Jl. Yos Sudarso No. 23")
    _type(qtbot, dialog.kode_pos_edit, "34111")
    _type(qtbot, dialog.telepon_edit, "(0725) 41234")
    _type(qtbot, dialog.surel_edit, "kec.metrotimur@metrokota.go.id")
    _click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == 2
    assert dialog.jabatan_edit.text() == "Camat Metro Timur"
    _type(qtbot, dialog.nama_edit, "Bambang Suryanto, S.STP., M.Si.")
    _type(qtbot, dialog.pangkat_edit, "Pembina Tk. I (IV/b)")
    _type(qtbot, dialog.nip_edit, "19750812 199903 1 004")
    with qtbot.waitSignals([ctx.bus.profileChanged, ctx.bus.signatoriesChanged]):
        _click(qtbot, dialog.next_button)
    assert dialog.result() == QDialog.DialogCode.Accepted

    profile = get_profile()
    assert profile.configured
    assert (profile.kode_wilayah, profile.kecamatan, profile.kota, profile.provinsi) == (
        "18.72.04", "Metro Timur", "Kota Metro", "Lampung",
    )  # fmt: skip
    assert profile.sekretariat == "TIM PEMBINA POSYANDU KECAMATAN METRO TIMUR"
    assert (profile.kelurahan, profile.kode_pos, profile.kota_ttd) == ("Yosodadi", "34111", "Metro")
    assert profile.surel == "kec.metrotimur@metrokota.go.id"
    [signer] = list_signatories()
    assert (signer.nama, signer.jabatan, signer.nip) == (
        "Bambang Suryanto, S.STP., M.Si.", "Camat Metro Timur", "197508121999031004",
    )  # fmt: skip
    assert Posyandu.select().count() == 0  # no demo data on this path
    assert no_dialogs == []


def test_step_one_requires_a_kecamatan_and_shows_errors_beside_fields(qtbot, dialog) -> None:
    _click(qtbot, dialog.own_button)
    _click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == 1
    shown = dialog.office_errors.messages()
    assert shown["kode_wilayah"] == "Pilih kecamatan tempat kantor berada."
    assert {"pemerintah", "unit"} <= set(shown)
    assert dialog.office_errors.label("kode_wilayah").isVisible()

    _type(qtbot, dialog.picker.provinsi_box, "lampung")
    _type(qtbot, dialog.picker.kabkota_box, "metro")
    _type(qtbot, dialog.picker.kecamatan_box, "timur")
    _type(qtbot, dialog.kode_pos_edit, "341")
    _type(qtbot, dialog.surel_edit, "bukan-surel")
    _click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == 1
    assert set(dialog.office_errors.messages()) == {"kode_pos", "surel"}
    assert not get_profile().configured


def test_step_two_rejects_a_bad_nip_and_saves_nothing(qtbot, dialog) -> None:
    _choose_metro_timur(qtbot, dialog)
    _click(qtbot, dialog.next_button)
    _type(qtbot, dialog.nama_edit, "Bambang Suryanto")
    _type(qtbot, dialog.nip_edit, "1975081219990310")
    _click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == 2
    assert "NIP harus 18 angka" in dialog.signer_errors.messages()["nip"]
    assert Penandatangan.select().count() == 0
    assert not get_profile().configured
    _click(qtbot, dialog.back_button)
    assert dialog.stack.currentIndex() == 1
    assert dialog.unit_edit.text() == "KECAMATAN METRO TIMUR"  # nothing typed was lost


def test_user_edits_survive_a_change_of_kecamatan(qtbot, dialog) -> None:
    _choose_metro_timur(qtbot, dialog)
    _type(qtbot, dialog.sekretariat_edit, "TIM PEMBINA POSYANDU KEC. METRO TIMUR")
    _type(qtbot, dialog.picker.kecamatan_box, "Metro Pusat")
    assert dialog.unit_edit.text() == "KECAMATAN METRO PUSAT"
    assert dialog.sekretariat_edit.text() == "TIM PEMBINA POSYANDU KEC. METRO TIMUR"
    assert dialog.kelurahan_box.findText("Imopuro") > 0


def test_kabupaten_prefill_uses_kabupaten_and_the_kecamatan_as_place(qtbot, dialog) -> None:
    _click(qtbot, dialog.own_button)
    dialog.picker.set_code("16.06.01")
    kecamatan = dialog.picker.kecamatan()
    assert dialog.pemerintah_edit.text() == "PEMERINTAH KABUPATEN MUSI BANYUASIN"
    assert dialog.unit_edit.text() == f"KECAMATAN {kecamatan.nama.upper()}"
    assert dialog.kota_ttd_edit.text() == kecamatan.nama


# ---------------------------------------------------------------------- looks
def test_every_page_fits_a_1366x768_screen(qtbot, dialog) -> None:
    """Also leaves the pictures in tests/screenshots/ (git-ignored) for a person to look at."""
    out = Path(__file__).resolve().parent.parent / "screenshots"
    out.mkdir(exist_ok=True)

    def check(name: str) -> None:
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1300 and hint.height() <= 680, (name, hint)
        assert dialog.width() <= 1366 and dialog.height() <= 720
        image = dialog.grab().toImage()
        assert image.save(str(out / f"first-start-{name}.png"))
        step_x, step_y = range(0, image.width(), 23), range(0, image.height(), 19)
        colours = {image.pixel(x, y) for x in step_x for y in step_y}
        assert len(colours) > 8, name

    check("0-welcome")
    _choose_metro_timur(qtbot, dialog)
    _type(qtbot, dialog.kode_pos_edit, "341")
    _type(qtbot, dialog.surel_edit, "bukan-surel")
    _click(qtbot, dialog.next_button)
    check("1-office-errors")  # the tallest state of step 1
    _type(qtbot, dialog.kode_pos_edit, "34111")
    _type(qtbot, dialog.surel_edit, "kec@metrokota.go.id")
    _click(qtbot, dialog.next_button)
    assert dialog.stack.currentIndex() == 2
    _type(qtbot, dialog.nip_edit, "1975")
    _click(qtbot, dialog.next_button)
    check("2-signer-errors")
