"""Pengaturan → Identitas kantor, driven as a user: typing, saving, errors, region, logos."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from db import audit
from db.services.profile import get_logo, get_profile
from db.services.riwayat import list_changes
from tests.ui.pengaturan_support import click, make_page

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(store, qtbot):
    page = make_page(store, qtbot)
    page.tabs.setCurrentWidget(page.kantor)
    yield page.kantor
    audit.set_operator("")  # module-level state: do not leak the test's operator


def type_into(qtbot, tab, name: str, text: str) -> None:
    edit = tab.fields[name]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def fill_required(qtbot, tab) -> None:
    type_into(qtbot, tab, "pemerintah", "Pemerintah Kota Metro")
    type_into(qtbot, tab, "unit", "Kecamatan Metro Timur")


def test_bad_entries_are_shown_beside_fields_and_nothing_is_lost(tab, qtbot) -> None:
    fill_required(qtbot, tab)
    type_into(qtbot, tab, "surel", "kec.metrotimur-at-metrokota")
    type_into(qtbot, tab, "kode_pos", "341a")
    assert tab.state_label.text() == "Ada perubahan yang belum disimpan."
    click(qtbot, tab.save_button)

    shown = tab.errors.messages()
    assert shown == {"surel": "Alamat surel tidak sah.", "kode_pos": "Kode pos harus 5 angka."}
    assert tab.errors.label("surel").isVisible()
    assert get_profile().unit == ""  # nothing stored
    assert tab.fields["surel"].text() == "kec.metrotimur-at-metrokota"  # nothing lost
    assert tab.dirty

    type_into(qtbot, tab, "surel", "kec.metrotimur@metrokota.go.id")
    type_into(qtbot, tab, "kode_pos", "34111")
    with qtbot.waitSignal(tab._ctx.bus.profileChanged):
        click(qtbot, tab.save_button)
    stored = get_profile()
    assert (stored.unit, stored.surel, stored.kode_pos) == (
        "KECAMATAN METRO TIMUR",
        "kec.metrotimur@metrokota.go.id",
        "34111",
    )
    assert tab.errors.messages() == {}
    assert not tab.dirty and not tab.save_button.isEnabled()
    assert tab.state_label.text() == "Tersimpan."
    entry = list_changes("kantor")[0]
    assert entry.perubahan["surel"] == ["", "kec.metrotimur@metrokota.go.id"]


def test_required_names_are_checked(tab, qtbot) -> None:
    type_into(qtbot, tab, "alamat", "Jl. Yos Sudarso No. 23")
    click(qtbot, tab.save_button)
    assert set(tab.errors.messages()) == {"pemerintah", "unit"}
    assert tab.fields["pemerintah"].hasFocus()  # first bad field gets the cursor


def test_ctrl_s_saves_and_operator_goes_to_the_audit_trail(tab, qtbot) -> None:
    fill_required(qtbot, tab)
    type_into(qtbot, tab, "operator", "Rina Operator")
    qtbot.keyClick(tab.fields["operator"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_profile().operator == "Rina Operator"
    type_into(qtbot, tab, "laman", "metrotimur.metrokota.go.id")
    qtbot.keyClick(tab.fields["laman"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    newest = list_changes("kantor")[0]
    assert newest.operator == "Rina Operator"
    assert newest.perubahan == {"laman": ["", "metrotimur.metrokota.go.id"]}


def test_choosing_the_kecamatan_fills_the_kop_names(tab, qtbot) -> None:
    tab.picker.set_code("18.72.04")
    assert tab.fields["kecamatan"].text() == "Metro Timur"
    assert tab.fields["kota"].text() == "Kota Metro"
    assert tab.fields["provinsi"].text() == "Lampung"
    assert tab.fields["kota_ttd"].text() == "Metro"
    assert tab.fields["unit"].text() == "KECAMATAN METRO TIMUR"
    suggestions = [tab.fields["sekretariat"].itemText(i) for i in range(tab.fields["sekretariat"].count())]
    assert suggestions == [
        "POKJANAL POSYANDU KECAMATAN METRO TIMUR",
        "TIM PEMBINA POSYANDU KECAMATAN METRO TIMUR",
    ]
    tab.fields["sekretariat"].setCurrentIndex(1)
    tab.fields["zona_waktu"].setCurrentIndex(tab.fields["zona_waktu"].findData("WITA"))
    tab.fields["kertas"].setCurrentIndex(tab.fields["kertas"].findData("F4"))
    tab.fields["margin_kiri"].setValue(30)
    click(qtbot, tab.save_button)
    stored = get_profile()
    assert stored.kode_wilayah == "18.72.04" and stored.configured
    assert stored.sekretariat == "TIM PEMBINA POSYANDU KECAMATAN METRO TIMUR"
    assert (stored.zona_waktu, stored.kertas, stored.margin_kiri) == ("WITA", "F4", 30.0)
    assert stored.pemerintah == "PEMERINTAH KOTA METRO"


def test_refresh_keeps_unsaved_edits_and_revert_drops_them(tab, qtbot) -> None:
    type_into(qtbot, tab, "alamat", "Jl. Baru")
    tab.refresh()
    assert tab.fields["alamat"].text() == "Jl. Baru"
    click(qtbot, tab.revert_button)
    assert tab.fields["alamat"].text() == ""
    assert not tab.dirty


def _png(path, color: str = "#00796b") -> str:
    image = QImage(64, 80, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return str(path)


def test_logo_is_stored_previewed_and_removed(tab, qtbot, tmp_path, monkeypatch, no_dialogs) -> None:
    slot = tab.logo_daerah
    monkeypatch.setattr(slot, "_ask_file", lambda: _png(tmp_path / "logo.png"))
    with qtbot.waitSignal(tab._ctx.bus.profileChanged):
        click(qtbot, slot.choose_button)
    assert get_logo("daerah") == (tmp_path / "logo.png").read_bytes()
    assert not slot.preview.pixmap().isNull()
    assert slot.preview.pixmap().height() == 96  # scaled to the preview box, aspect kept
    assert get_logo("kedua") is None
    click(qtbot, slot.remove_button)
    assert no_dialogs[-1][0] == "confirm"
    assert get_logo("daerah") is None
    assert slot.preview.text() == "Belum ada logo"


def test_a_file_that_is_not_an_image_is_refused_beside_the_logo(tab, qtbot, tmp_path, monkeypatch) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("bukan gambar")
    slot = tab.logo_kedua
    monkeypatch.setattr(slot, "_ask_file", lambda: str(fake))
    click(qtbot, slot.choose_button)
    assert slot.error.text() == "Logo harus berupa gambar PNG atau JPG."
    assert slot.error.isVisible()
    assert get_logo("kedua") is None
