"""The certificate template dialog of the demo bimtek: the live preview follows typing (debounced,
rendered off the GUI thread), wrong placeholders are shown under their field, "↺" and "Kembalikan
semua bawaan" restore the defaults, a chosen background is copied on Simpan, and a saved text
appears in the printed PDF."""

from __future__ import annotations

import io
import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QToolButton

from db.services.sertifikat import get_aturan, latar_file
from db.services.sertifikat_print import sertifikat_batch
from db.services.sertifikat_terbit import terbitkan
from tests.ui.pengaturan_support import click, with_modal
from tests.ui.test_screenshots import _not_blank, _save
from tests.ui.test_sertifikat_tab import open_tab, open_window
from ui.pages import sertifikat_preview

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(store, qtbot):  # noqa: ANN001, ANN201
    return open_tab(open_window(store, qtbot), qtbot)


def _wait_preview(dialog, qtbot, before: QImage | None = None) -> QImage:  # noqa: ANN001
    qtbot.waitUntil(
        lambda: dialog.preview_image is not None and dialog.preview_image != before, timeout=15000
    )
    return dialog.preview_image


def _retype(qtbot, editor, text: str) -> None:  # noqa: ANN001
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)


def test_preview_follows_typing_and_the_saved_text_prints(
    tab, qtbot, no_dialogs, monkeypatch, tmp_path
) -> None:  # noqa: ANN001
    threads: list[int] = []
    original = sertifikat_preview.render_page_image

    def recording(*args):  # noqa: ANN002, ANN202
        threads.append(threading.get_ident())
        return original(*args)

    monkeypatch.setattr(sertifikat_preview, "render_page_image", recording)
    renders_after_typing: list[int] = []

    def drive(dialog) -> None:  # noqa: ANN001
        first = _wait_preview(dialog, qtbot)
        assert _not_blank(first)
        assert dialog.fields["judul"].text() == "SERTIFIKAT"  # defaults shown as they stand
        assert dialog.fields["isi_Peserta"].toPlainText().startswith("telah mengikuti {kegiatan}")
        _save(dialog, "1366x768-sertifikat-03-templat")
        count = len(threads)
        _retype(qtbot, dialog.fields["judul"], "PIAGAM PENGHARGAAN")
        renders_after_typing.append(len(threads) - count)  # debounced: nothing yet while typing
        changed = _wait_preview(dialog, qtbot, first)
        assert changed != first
        _retype(qtbot, dialog.fields["jpl_teks"], "selama {jam} jam")
        qtbot.waitUntil(lambda: bool(dialog.errors.messages().get("jpl_teks")), timeout=3000)
        assert "{jam} tidak dikenal" in dialog.errors.messages()["jpl_teks"]
        click(qtbot, dialog.findChild(QToolButton, "reset_jpl_teks"))
        assert dialog.fields["jpl_teks"].text() == "sebanyak {jpl} JPL"
        qtbot.waitUntil(lambda: not dialog.errors.messages(), timeout=3000)
        _save(dialog, "1366x768-sertifikat-04-templat-diubah")
        click(qtbot, dialog.save_button)

    with_modal(qtbot, lambda: click(qtbot, tab.template_button), drive)
    assert renders_after_typing == [0]
    assert threads and threading.get_ident() not in threads  # rendered off the GUI thread
    assert get_aturan(tab.kegiatan_id).teks.judul == "PIAGAM PENGHARGAAN"
    issued = terbitkan(tab.kegiatan_id, date.today()).baru
    pdf = tmp_path / "satu.pdf"
    sertifikat_batch(tab.kegiatan_id, ids=[issued[0].id]).render_pdf(pdf)
    text = " ".join(PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text().split())
    assert "P I A G A M" in text or "PIAGAM PENGHARGAAN" in text
    assert issued[0].nama in text


def test_background_image_and_reset_all(tab, qtbot, no_dialogs, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    picture = QImage(1169, 826, QImage.Format.Format_RGB32)
    picture.fill(QColor("#7b1fa2"))
    source = tmp_path / "latar.png"
    assert picture.save(str(source))
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    def drive(dialog) -> None:  # noqa: ANN001
        first = _wait_preview(dialog, qtbot)
        click(qtbot, dialog.latar_button)
        assert "latar.png" in dialog.latar_label.text()
        purple = _wait_preview(dialog, qtbot, first)
        assert QColor(purple.pixel(5, purple.height() // 2)).name() == "#7b1fa2"
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("Narasumber"))
        _wait_preview(dialog, qtbot, purple)
        dialog.identitas_check.setChecked(False)
        _retype(qtbot, dialog.fields["pembuka"], "dengan bangga diberikan kepada")
        click(qtbot, dialog.save_button)

    with_modal(qtbot, lambda: click(qtbot, tab.template_button), drive)
    aturan = get_aturan(tab.kegiatan_id)
    assert aturan.background_path and latar_file(aturan).is_file()
    assert not aturan.tampilkan_identitas and aturan.teks.pembuka == "dengan bangga diberikan kepada"

    def reset(dialog) -> None:  # noqa: ANN001
        _wait_preview(dialog, qtbot)
        click(qtbot, dialog.reset_all_button)
        assert dialog.fields["pembuka"].text() == "diberikan kepada"
        assert dialog.latar_label.text() == "Bingkai bawaan" and dialog.identitas_check.isChecked()
        click(qtbot, dialog.save_button)

    with_modal(qtbot, lambda: click(qtbot, tab.template_button), reset)
    aturan = get_aturan(tab.kegiatan_id)
    assert aturan.background_path == "" and aturan.teks.pembuka == "diberikan kepada"
    assert aturan.tampilkan_identitas
