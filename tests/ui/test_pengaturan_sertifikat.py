"""Pengaturan › Sertifikat driven like a person: the example number follows the pattern as it is
typed, a bad pattern shows its reason beside the field and cannot be saved, Simpan stores it; the
passphrase is set (twice, with a strength hint), the key locks, the wrong passphrase is refused
and the right one opens it; the public key exported from one data folder and imported in another
makes the first office's certificate verify there; an imported key can be removed; the buku
register opens in the PDF preview."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from db.paths import DataPaths
from db.services import sertifikat_keys
from db.services.demo import load_demo
from db.services.demo_kegiatan import BIMTEK_NAMA
from db.services.kegiatan import list_kegiatan
from db.services.sertifikat_terbit import get_penomoran, terbitkan
from db.services.sertifikat_verifikasi import verifikasi
from db.session import DataStore
from tests.ui.pengaturan_support import activate, click, make_page, with_modal

SANDI = "Metro-Timur 2026!"


@pytest.fixture(autouse=True)
def _forget_unlocked_keys():
    yield
    sertifikat_keys.lock()  # the unlocked key lives in the process, not the data folder


def open_tab(store, qtbot):  # noqa: ANN001, ANN201
    page = make_page(store, qtbot)
    page.tabs.setCurrentWidget(page.sertifikat)
    return page.sertifikat


def retype(qtbot, edit: QLineEdit, text: str) -> None:  # noqa: ANN001
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_example_follows_the_pattern_and_a_bad_pattern_is_refused(store, qtbot, no_dialogs) -> None:  # noqa: ANN001
    tab = open_tab(store, qtbot)
    assert tab.contoh_label.text().startswith("007/")
    retype(qtbot, tab.pola_edit, "SRT-{tahun}/{urut:04d}/{kode}")
    year = date.today().year
    assert tab.contoh_label.text() == f"SRT-{year}/0007/{tab.kode_edit.text()}"
    retype(qtbot, tab.kode_edit, "400.7")
    assert tab.contoh_label.text() == f"SRT-{year}/0007/400.7"
    retype(qtbot, tab.pola_edit, "SRT/{nama}/{tahun}")
    problem = tab.errors.messages()["pola_nomor"]
    assert "{nama} tidak dikenal" in problem and tab.errors.label("pola_nomor").isVisible()
    assert tab.contoh_label.text() == "—" and not tab.save_button.isEnabled()
    assert tab.kode_edit.hasFocus() is False and tab.pola_edit.hasFocus()  # typing goes on
    retype(qtbot, tab.pola_edit, "{tahun}/{kode}")
    assert "{urut} wajib ada" in tab.errors.messages()["pola_nomor"]
    retype(qtbot, tab.pola_edit, "{urut:03d}/{kode}/SRT/{unit}/{bulan_romawi}/{tahun}")
    assert tab.errors.messages() == {}
    click(qtbot, tab.save_button)
    assert get_penomoran().pola == "{urut:03d}/{kode}/SRT/{unit}/{bulan_romawi}/{tahun}"
    assert get_penomoran().kode == "400.7"


def _fill_passphrase(qtbot, dialog, old: str, new: str, again: str) -> None:  # noqa: ANN001
    if dialog.old_edit.isVisible():
        qtbot.keyClicks(dialog.old_edit, old)
    qtbot.keyClicks(dialog.new_edit, new)
    qtbot.keyClicks(dialog.again_edit, again)


def test_passphrase_set_lock_wrong_then_right_unlock(store, qtbot, no_dialogs) -> None:  # noqa: ANN001
    tab = open_tab(store, qtbot)
    assert tab.key_state == "tanpa_sandi" and tab.passphrase_button.text() == "Atur kata sandi…"
    seen: dict[str, object] = {}

    def set_it(dialog) -> None:  # noqa: ANN001
        qtbot.keyClicks(dialog.new_edit, "pendek")
        seen["short"] = (dialog.strength_label.text(), dialog.ok_button.isEnabled())
        dialog.new_edit.clear()
        _fill_passphrase(qtbot, dialog, "", SANDI, SANDI[:-1] + "?")
        seen["mismatch"] = (dialog.errors.messages().get("ulangi"), dialog.ok_button.isEnabled())
        dialog.again_edit.clear()
        qtbot.keyClicks(dialog.again_edit, SANDI)
        seen["strength"] = dialog.strength_label.text()
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: click(qtbot, tab.passphrase_button), set_it)
    assert seen["short"] == ("Terlalu pendek (paling sedikit 8 karakter)", False)
    assert seen["mismatch"] == ("Kedua kata sandi baru tidak sama.", False)
    assert seen["strength"] == "Kekuatan: kuat"
    assert tab.key_state == "terbuka" and tab.lock_button.isVisible()
    click(qtbot, tab.lock_button)
    assert sertifikat_keys.key_state() == "terkunci" and tab.key_state == "terkunci"
    assert tab.unlock_button.isVisible() and not tab.lock_button.isVisible()

    def wrong(dialog) -> None:  # noqa: ANN001
        qtbot.keyClicks(dialog.old_edit, "salah sekali")
        click(qtbot, dialog.ok_button)
        seen["wrong"] = (dialog.isVisible(), dialog.errors.messages().get("sandi"))
        dialog.old_edit.clear()
        qtbot.keyClicks(dialog.old_edit, SANDI)
        qtbot.keyClick(dialog.old_edit, Qt.Key.Key_Return)

    with_modal(qtbot, lambda: click(qtbot, tab.unlock_button), wrong)
    assert seen["wrong"] == (True, "Kata sandi kunci sertifikat salah.")
    assert sertifikat_keys.key_state() == "terbuka" and tab.key_state == "terbuka"


def _export(qtbot, tab, target: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(tab, "_ask_save_path", lambda: str(target.with_suffix("")))  # ".pem" is added
    click(qtbot, tab.export_button)


def test_public_key_exported_from_one_office_makes_its_certificate_verify_in_another(
    tmp_path: Path,
    qtbot,
    no_dialogs,
    monkeypatch,  # noqa: ANN001
) -> None:
    pem = tmp_path / "kunci-metro-timur.pem"
    office_b = DataStore(DataPaths(tmp_path / "metro_timur").ensure())
    office_b.open()
    try:
        load_demo()
        bimtek = next(k.id for k in list_kegiatan() if k.nama == BIMTEK_NAMA)
        qr = terbitkan(bimtek, date(2026, 7, 23)).baru[0].qr
        _export(qtbot, open_tab(office_b, qtbot), pem, monkeypatch)
        own_kid = sertifikat_keys.own_key().kid
    finally:
        office_b.close()
    assert pem.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    assert no_dialogs[-1][0] == "info" and str(pem) in no_dialogs[-1][1]

    office_a = DataStore(DataPaths(tmp_path / "metro_barat").ensure())
    office_a.open()
    try:
        assert verifikasi(qr).status == "kantor_lain"
        tab = open_tab(office_a, qtbot)
        monkeypatch.setattr(tab, "_ask_open_path", lambda: str(pem))
        monkeypatch.setattr(tab, "_ask_kantor", lambda: "Kecamatan Metro Timur")
        click(qtbot, tab.import_button)
        assert tab.trusted_table.rowCount() == 1
        assert [tab.trusted_table.item(0, c).text() for c in (0, 1)] == ["Kecamatan Metro Timur", own_kid]
        result = verifikasi(qr)
        assert result.status == "valid" and result.penerbit == "Kecamatan Metro Timur"
        tab.trusted_table.selectRow(0)
        click(qtbot, tab.remove_button)  # no_dialogs answers the confirmation with yes
        assert tab.trusted_table.rowCount() == 0 and verifikasi(qr).status == "kantor_lain"
        monkeypatch.setattr(tab, "_ask_open_path", lambda: __file__)  # not a key
        click(qtbot, tab.import_button)
        assert no_dialogs[-1][0] == "warn" and "Kunci publik tidak dapat dibaca" in no_dialogs[-1][1]
    finally:
        office_a.close()


def test_import_asks_the_office_name_in_a_dialog(store, qtbot, no_dialogs, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from db import sertifikat_crypto as crypto

    raw = crypto.raw_public_key(Ed25519PrivateKey.generate().public_key())
    pem = tmp_path / "lain.pem"
    pem.write_text(crypto.public_pem(raw))
    tab = open_tab(store, qtbot)
    monkeypatch.setattr(tab, "_ask_open_path", lambda: str(pem))

    def name_it(dialog) -> None:  # noqa: ANN001
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Kecamatan Metro Selatan")
        dialog.accept()

    with_modal(qtbot, lambda: click(qtbot, tab.import_button), name_it)
    assert tab.trusted_table.item(0, 0).text() == "Kecamatan Metro Selatan"


def test_buku_register_opens_in_the_preview(store, qtbot, no_dialogs) -> None:  # noqa: ANN001
    load_demo()
    bimtek = next(k.id for k in list_kegiatan() if k.nama == BIMTEK_NAMA)
    issued = terbitkan(bimtek, date(2026, 7, 23)).baru
    tab = open_tab(store, qtbot)
    tab.register.tahun_spin.setValue(2026)
    click(qtbot, tab.register.register_button)
    qtbot.waitUntil(lambda: tab.register.last_preview is not None, timeout=20_000)
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(tab.register.last_preview._pdf)).pages
    )
    assert "BUKU REGISTER SERTIFIKAT" in text and issued[-1].nomor in text
    tab.register.last_preview.close()


def test_tab_picture(store, qtbot, no_dialogs) -> None:  # noqa: ANN001
    """For a person to look at (tests/screenshots/, git-ignored)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from PySide6.QtGui import QGuiApplication

    from db import sertifikat_crypto as crypto

    for kantor in ("Kecamatan Metro Barat", "Kecamatan Metro Selatan"):
        raw = crypto.raw_public_key(Ed25519PrivateKey.generate().public_key())
        sertifikat_keys.import_trusted_key(crypto.public_pem(raw), kantor)
    tab = open_tab(store, qtbot)
    window = tab.window()
    window.resize(1366 - 210, 740)
    activate(qtbot, window)
    qtbot.wait(50)  # the layout settles after the tab is shown
    out = Path(__file__).resolve().parent.parent / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(out / f"{QGuiApplication.platformName()}-pengaturan-sertifikat.png"))
    assert QApplication.activeWindow() is window
