"""Pengaturan → Penandatangan: add/edit through the dialog with the keyboard, (de)activate, history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.errors import ValidationError
from db.services.penandatangan import SignatoryData, get_signatory, list_signatories, save_signatory
from db.services.riwayat import list_changes
from tests.ui.pengaturan_support import click, make_page, with_modal
from widgets.table_model import MUTED_COLOR

pytestmark = pytest.mark.gui

CAMAT = SignatoryData(
    nama="Bambang Suryanto, S.STP., M.Si.", jabatan="Camat Metro Timur", nip="197508121999031004"
)


@pytest.fixture
def page(store, qtbot):
    page = make_page(store, qtbot)
    page.tabs.setCurrentWidget(page.penandatangan)
    return page


@pytest.fixture
def tab(page):
    return page.penandatangan


def type_text(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_add_with_keys_through_the_dialog(tab, qtbot) -> None:
    def drive(dialog) -> None:
        assert dialog.windowTitle() == "Tambah penandatangan"
        assert not dialog.ok_button.isEnabled()
        type_text(qtbot, dialog.nama_edit, "Dra. Sri Handayani, M.M.")
        qtbot.keyClick(dialog.nama_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), "Sekretaris Kecamatan Metro Timur")
        assert dialog.ok_button.isEnabled()  # NIP is optional
        type_text(qtbot, dialog.nip_edit, "19810415200604201")
        assert not dialog.ok_button.isEnabled()  # 17 digits: incomplete
        qtbot.keyClicks(dialog.nip_edit, "2")
        assert dialog.nip_edit.text() == "19810415 200604 2 012"
        dialog.prefiks_combo.setFocus()
        qtbot.keyClick(dialog.prefiks_combo, Qt.Key.Key_Down)  # "a.n."
        assert dialog.prefiks_combo.currentData() == "a.n."
        assert dialog.atasan_edit.isEnabled() and not dialog.ok_button.isEnabled()
        type_text(qtbot, dialog.atasan_edit, "Camat Metro Timur")
        qtbot.keyClick(dialog.atasan_edit, Qt.Key.Key_Return)

    tab.table.setFocus()
    with qtbot.waitSignal(tab._ctx.bus.signatoriesChanged):
        with_modal(qtbot, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Insert), drive)
    [stored] = list_signatories()
    assert (stored.nama, stored.nip, stored.prefiks, stored.jabatan_atasan) == (
        "Dra. Sri Handayani, M.M.",
        "198104152006042012",
        "a.n.",
        "Camat Metro Timur",
    )
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, tab.model.column_position("nip")).data() == "19810415 200604 2 012"
    assert tab.selected() == stored
    assert list_changes("penandatangan", stored.id)[0].aksi == "tambah"


def test_live_validation_of_the_nip_and_non_asn(tab, qtbot) -> None:
    def drive(dialog) -> None:
        type_text(qtbot, dialog.nama_edit, "Ny. Ratna Suryanto")
        type_text(qtbot, dialog.jabatan_edit, "Ketua TP-PKK Kecamatan Metro Timur")
        type_text(qtbot, dialog.nip_edit, "198613262015051001")  # month 13
        assert dialog.errors.messages()["nip"].startswith("8 angka pertama NIP")
        assert not dialog.ok_button.isEnabled()
        dialog.jenis_combo.setCurrentText("PPPK")
        assert dialog.nip_caption.text() == "NI PPPK"
        dialog.jenis_combo.setCurrentText("Non-ASN")
        assert not dialog.nip_edit.isEnabled()
        assert "nip" not in dialog.errors.messages()
        assert dialog.ok_button.isEnabled()
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: click(qtbot, tab.add_button), drive)
    [stored] = list_signatories()
    assert (stored.jenis_pegawai, stored.nip) == ("Non-ASN", "")


def test_incomplete_nip_is_explained_when_leaving_the_field(tab, qtbot) -> None:
    def drive(dialog) -> None:
        type_text(qtbot, dialog.nip_edit, "1986092620")
        qtbot.keyClick(dialog.nip_edit, Qt.Key.Key_Tab)
        assert dialog.errors.messages()["nip"] == "NIP belum lengkap: 10 dari 18 angka."
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    with_modal(qtbot, lambda: click(qtbot, tab.add_button), drive)
    assert list_signatories() == []


def test_service_errors_show_beside_the_field_and_keep_the_dialog(tab, qtbot, monkeypatch) -> None:
    import ui.dialogs.penandatangan_dialog as dialog_module

    def reject(_data):
        raise ValidationError({"jabatan": "Jabatan wajib diisi (mis. Camat Metro Timur)."})

    def drive(dialog) -> None:
        monkeypatch.setattr(dialog_module, "save_signatory", reject)
        type_text(qtbot, dialog.nama_edit, "Agus")
        type_text(qtbot, dialog.jabatan_edit, "x")
        qtbot.keyClick(dialog.jabatan_edit, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.errors.messages() == {"jabatan": "Jabatan wajib diisi (mis. Camat Metro Timur)."}
        assert dialog.nama_edit.text() == "Agus"
        qtbot.keyClicks(dialog.jabatan_edit, "y")  # editing the field clears its error
        assert dialog.errors.messages() == {}
        monkeypatch.setattr(dialog_module, "save_signatory", save_signatory)
        qtbot.keyClick(dialog.jabatan_edit, Qt.Key.Key_Return)

    with_modal(qtbot, lambda: click(qtbot, tab.add_button), drive)
    assert [s.jabatan for s in list_signatories()] == ["xy"]


def test_edit_with_enter_then_deactivate_and_reactivate(tab, qtbot) -> None:
    saved = save_signatory(CAMAT)
    save_signatory(SignatoryData(nama="Agus Setiawan, S.Sos.", jabatan="Ketua Pokjanal"))
    tab.refresh()
    tab.table.setFocus()
    tab.select(saved.id)

    def drive(dialog) -> None:
        assert dialog.windowTitle() == "Ubah penandatangan"
        assert dialog.nip_edit.text() == "19750812 199903 1 004"
        type_text(qtbot, dialog.jabatan_edit, "Plt. Camat Metro Timur")
        qtbot.keyClick(dialog.jabatan_edit, Qt.Key.Key_Return)

    with_modal(qtbot, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_Return), drive)
    assert get_signatory(saved.id).jabatan == "Plt. Camat Metro Timur"
    assert list_changes("penandatangan", saved.id)[0].perubahan == {
        "jabatan": ["Camat Metro Timur", "Plt. Camat Metro Timur"]
    }

    assert tab.toggle_button.text() == "Nonaktifkan"
    click(qtbot, tab.toggle_button)
    assert not get_signatory(saved.id).aktif
    assert tab.toggle_button.text() == "Aktifkan"
    position = tab.model.position_of(saved.id)
    assert tab.model.index(position, 0).data(Qt.ItemDataRole.ForegroundRole) == MUTED_COLOR
    click(qtbot, tab.toggle_button)
    assert get_signatory(saved.id).aktif


def test_double_click_opens_the_editor_and_cancel_changes_nothing(tab, qtbot) -> None:
    saved = save_signatory(CAMAT)
    tab.refresh()
    rect = tab.table.visualRect(tab.model.index(0, 1))

    def drive(dialog) -> None:
        type_text(qtbot, dialog.nama_edit, "Orang Lain")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))

    with_modal(
        qtbot,
        lambda: qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()),
        drive,
    )
    assert get_signatory(saved.id).nama == CAMAT.nama


def test_history_of_the_selected_signatory_only(tab, qtbot) -> None:
    saved = save_signatory(CAMAT)
    other = save_signatory(SignatoryData(nama="Agus", jabatan="Ketua"))
    save_signatory(SignatoryData(**{**saved.__dict__, "pangkat": "Pembina Tk. I / IV.b"}))
    tab.refresh(select_id=saved.id)

    def drive(dialog) -> None:
        entries = dialog.view.entries()
        assert [e.aksi for e in entries] == ["ubah", "tambah"]
        assert {e.entitas_id for e in entries} == {saved.id}
        assert "Bambang" in dialog.windowTitle()
        assert not dialog.view.filter_combo.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    with_modal(qtbot, lambda: click(qtbot, tab.history_button), drive)
    assert other.id != saved.id


def test_buttons_need_a_selection(tab) -> None:
    save_signatory(CAMAT)
    tab.refresh()
    tab.table.clearSelection()
    assert not tab.edit_button.isEnabled()
    assert not tab.toggle_button.isEnabled()
    assert not tab.history_button.isEnabled()
    assert tab.add_button.isEnabled()
