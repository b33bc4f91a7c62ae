"""The penandatangan dialog's signature and stamp slots: a picked PNG/JPG shows in the preview and
is stored with the signatory on Simpan (a new signatory too); Batal stores nothing; a broken or
oversized file is refused under its slot; Hapus removes the stored image on Simpan."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.services.penandatangan import SignatoryData, get_images, list_signatories, save_signatory
from tests.db.test_penandatangan_images import signature_png, stamp_jpeg
from tests.ui.pengaturan_support import click


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {"ttd": tmp_path / "ttd.png", "stempel": tmp_path / "stempel.jpg", "rusak": tmp_path / "rusak.png",
           "besar": tmp_path / "besar.jpg"}  # fmt: skip
    out["ttd"].write_bytes(signature_png())
    out["stempel"].write_bytes(stamp_jpeg())
    out["rusak"].write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 300)
    out["besar"].write_bytes(b"\xff\xd8\xff" + b"\0" * (3 * 1024 * 1024))
    return out


def make_dialog(qtbot, data: SignatoryData | None = None):  # noqa: ANN001, ANN201
    from ui.app import create_application
    from ui.dialogs.penandatangan_dialog import PenandatanganDialog

    create_application()
    dialog = PenandatanganDialog(data)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def pick(qtbot, slot, path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(slot, "_ask_file", lambda: str(path))
    click(qtbot, slot.choose_button)


def test_new_signatory_with_signature_and_stamp_is_stored_together(
    store, qtbot, files, monkeypatch, no_dialogs
) -> None:  # noqa: ANN001
    dialog = make_dialog(qtbot)
    qtbot.keyClicks(dialog.nama_edit, "Hj. Ratna Dewi, S.Sos.")
    qtbot.keyClicks(dialog.jabatan_edit, "Ketua TP-PKK Kecamatan")
    dialog.jenis_combo.setCurrentText("Non-ASN")
    assert (
        dialog.ttd_slot.preview.text() == "Belum ada gambar" and not dialog.ttd_slot.remove_button.isEnabled()
    )
    pick(qtbot, dialog.ttd_slot, files["ttd"], monkeypatch)
    pick(qtbot, dialog.stempel_slot, files["stempel"], monkeypatch)
    pixmap = dialog.ttd_slot.preview.pixmap()
    assert not pixmap.isNull() and pixmap.width() == 150 and pixmap.height() == 60
    assert not dialog.stempel_slot.preview.pixmap().isNull()
    click(qtbot, dialog.ok_button)
    assert dialog.saved is not None
    assert get_images(dialog.saved.id) == {
        "ttd": files["ttd"].read_bytes(),
        "stempel": files["stempel"].read_bytes(),
    }


def test_bad_files_are_refused_under_the_slot_and_cancel_stores_nothing(
    store, qtbot, files, monkeypatch, no_dialogs
) -> None:  # noqa: ANN001
    camat = save_signatory(SignatoryData(nama="Bambang Suryanto", jabatan="Camat Metro Timur"))
    dialog = make_dialog(qtbot, camat)
    pick(qtbot, dialog.stempel_slot, files["rusak"], monkeypatch)
    assert (
        "rusak atau tidak terbaca" in dialog.stempel_slot.error.text()
        and dialog.stempel_slot.error.isVisible()
    )
    pick(qtbot, dialog.stempel_slot, files["besar"], monkeypatch)
    assert "paling besar 1 MB" in dialog.stempel_slot.error.text()
    assert dialog.stempel_slot.data is None and not dialog.stempel_slot.changed
    pick(qtbot, dialog.ttd_slot, files["ttd"], monkeypatch)
    dialog.reject()
    assert get_images(camat.id) == {}


def test_existing_images_show_and_hapus_removes_on_save(store, qtbot, files, monkeypatch, no_dialogs) -> None:  # noqa: ANN001
    from db.services.penandatangan import set_image

    camat = save_signatory(SignatoryData(nama="Bambang Suryanto", jabatan="Camat Metro Timur"))
    set_image(camat.id, "ttd", files["ttd"].read_bytes())
    set_image(camat.id, "stempel", files["stempel"].read_bytes())
    dialog = make_dialog(qtbot, list_signatories()[0])
    assert not dialog.ttd_slot.preview.pixmap().isNull() and dialog.ttd_slot.remove_button.isEnabled()
    click(qtbot, dialog.ttd_slot.remove_button)
    assert dialog.ttd_slot.preview.text() == "Belum ada gambar"
    assert dialog.changed_images() == {"ttd": None}
    click(qtbot, dialog.ok_button)
    assert get_images(camat.id) == {"stempel": files["stempel"].read_bytes()}


def test_dialog_picture(store, qtbot, files, monkeypatch, no_dialogs) -> None:  # noqa: ANN001
    """For a person to look at (tests/screenshots/, git-ignored)."""
    from PySide6.QtGui import QGuiApplication

    dialog = make_dialog(qtbot, save_signatory(SignatoryData(nama="Bambang Suryanto, S.STP., M.Si.",
                                                             jabatan="Camat Metro Timur")))  # fmt: skip
    pick(qtbot, dialog.ttd_slot, files["ttd"], monkeypatch)
    pick(qtbot, dialog.stempel_slot, files["stempel"], monkeypatch)
    qtbot.wait(30)
    out = Path(__file__).resolve().parent.parent / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(out / f"{QGuiApplication.platformName()}-penandatangan-gambar.png"))
