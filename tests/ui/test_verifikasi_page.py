"""The Verifikasi Sertifikat page driven with the keyboard, on certificates issued for the demo
bimtek: a scanned QR text (typed, then Enter) → SAH with the signed name; one character changed →
PALSU; a revoked certificate typed by number → DICABUT with its reason; an unknown number →
TIDAK DITEMUKAN; pasted junk and 10 kB of random bytes → TIDAK TERBACA without an exception; Esc
clears; each check lands in the session's history."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.services.demo import load_demo
from db.services.demo_kegiatan import BIMTEK_NAMA
from db.services.kegiatan import list_kegiatan
from db.services.sertifikat_terbit import SertifikatRow, cabut, terbitkan
from tests.ui.pengaturan_support import activate

TERBIT = date(2026, 7, 23)


@pytest.fixture
def issued(store) -> list[SertifikatRow]:
    load_demo()
    kegiatan = next(k.id for k in list_kegiatan() if k.nama == BIMTEK_NAMA)
    return list(terbitkan(kegiatan, TERBIT).baru)


def make_verifikasi_page(store, qtbot):  # noqa: ANN001, ANN201 - DataStore, QtBot → VerifikasiPage
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.pages import PAGES
    from ui.pages.verifikasi_page import VerifikasiPage

    create_application()
    spec = next(s for s in PAGES if s.key == "verifikasi")
    page = VerifikasiPage(AppContext(store=store, bus=AppBus()), spec)
    qtbot.addWidget(page)
    page.resize(1366 - 210, 740)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    return page


@pytest.fixture
def page(store, qtbot, issued):  # noqa: ANN001, ANN201
    return make_verifikasi_page(store, qtbot)


def scan(qtbot, page, text: str) -> None:  # noqa: ANN001
    """What a USB scanner does: type the text into the focused field, then Enter."""
    assert page.input.hasFocus()
    qtbot.keyClicks(page.input, text)
    qtbot.keyClick(page.input, Qt.Key.Key_Return)


def test_scanned_qr_is_sah_with_the_signed_name_large(qtbot, page, issued) -> None:  # noqa: ANN001
    cert = issued[3]
    scan(qtbot, page, cert.qr)
    assert page.verdict.text() == "SAH"
    assert page.nama.text() == cert.nama
    assert page.nama.font().pointSizeF() >= 24  # very large: compared with the paper at a glance
    assert page.fields["nomor"].text() == cert.nomor
    assert page.fields["tanggal"].text() == "23 Juli 2026"
    assert page.fields["kegiatan"].text() == BIMTEK_NAMA  # signed shortened, full from the register
    assert "Kantor ini" in page.fields["penerbit"].text()
    assert not page.details.isRowVisible(page.fields["alasan"])
    assert page.input.selectedText() == cert.qr  # the next scan replaces it
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "SAH"
    assert page.table.item(0, 2).text() == cert.nama


def test_one_changed_character_is_palsu(qtbot, page, issued) -> None:  # noqa: ANN001
    qr = issued[0].qr
    position = len(qr) - 12  # inside the signature
    flipped = qr[:position] + ("A" if qr[position] != "A" else "B") + qr[position + 1 :]
    scan(qtbot, page, flipped)
    assert page.verdict.text() == "PALSU"
    assert page.nama.text() == ""  # a forged name is never shown


def test_revoked_number_is_dicabut_with_reason_and_unknown_number_not_found(qtbot, page, issued) -> None:  # noqa: ANN001
    cert = issued[1]
    cabut(cert.id, "Nama salah ketik")
    scan(qtbot, page, cert.nomor)
    assert page.verdict.text() == "DICABUT"
    assert page.nama.text() == cert.nama
    assert page.fields["alasan"].text() == "Nama salah ketik"
    assert page.details.isRowVisible(page.fields["alasan"])
    scan(qtbot, page, cert.qr)  # its QR says the same
    assert page.verdict.text() == "DICABUT"
    scan(qtbot, page, "999/445.8/BIMTEK-POKJANAL/KEC-MT/VII/2026")
    assert page.verdict.text() == "TIDAK DITEMUKAN"
    assert not page.details.isRowVisible(page.fields["alasan"])
    assert [page.table.item(r, 1).text() for r in range(3)] == ["TIDAK DITEMUKAN", "DICABUT", "DICABUT"]


def _paste(qtbot, page, text: str) -> None:  # noqa: ANN001
    QApplication.clipboard().setText(text)
    page.input.selectAll()
    qtbot.keyClick(page.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.input, Qt.Key.Key_Return)


def test_junk_and_10kb_of_random_bytes_are_tidak_terbaca_without_exception(qtbot, page, issued) -> None:  # noqa: ANN001
    rng = random.Random(5)
    samples = [
        "SRT1:" + "!@#$%^&*()" * 3,
        "SRT1:" + issued[0].qr[5:60],  # truncated
        bytes(rng.randrange(256) for _ in range(10_240)).decode("latin-1"),
        "SRT1:" + bytes(rng.randrange(32, 127) for _ in range(10_240)).decode("ascii"),
        "\u202e\u0000" + "ꦱꦶꦠꦶ" * 50,
    ]
    for sample in samples:
        _paste(qtbot, page, sample)
        assert page.last is not None
        assert page.last.status in ("tidak_terbaca", "tidak_ditemukan")
        if sample.startswith("SRT1:") or len(sample) > 2048:
            assert page.verdict.text() == "TIDAK TERBACA", sample[:40]
        assert page.nama.text() == ""
    assert page.table.rowCount() == len(samples)
    assert len(page.table.item(0, 2).text()) <= 60  # the history shows a short excerpt
    scan(qtbot, page, issued[2].qr)  # and the page still works
    assert page.verdict.text() == "SAH"


def test_escape_clears_for_the_next_person_and_keeps_history(qtbot, page, issued) -> None:  # noqa: ANN001
    scan(qtbot, page, issued[0].qr)
    qtbot.keyClick(page.input, Qt.Key.Key_Escape)
    assert page.input.text() == "" and page.nama.text() == "" and page.fields["nomor"].text() == ""
    assert page.verdict.text() == "Menunggu pemindaian…"
    assert page.input.hasFocus()
    assert page.table.rowCount() == 1
    qtbot.keyClick(page.input, Qt.Key.Key_Return)  # Enter on an empty field checks nothing
    assert page.table.rowCount() == 1 and page.last is None


def test_page_picture_after_a_sah_and_a_revoked_check(qtbot, page, issued) -> None:  # noqa: ANN001
    """For a person to look at (tests/screenshots/, git-ignored): the page as the desk sees it."""
    from pathlib import Path

    from PySide6.QtGui import QGuiApplication

    out = Path(__file__).resolve().parent.parent / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    cabut(issued[1].id, "Nama salah ketik; diganti sertifikat baru")
    scan(qtbot, page, issued[1].nomor)
    scan(qtbot, page, "SRT1:rusak")
    scan(qtbot, page, issued[0].qr)
    for name in ("sah",):
        assert page.grab().save(str(out / f"{QGuiApplication.platformName()}-verifikasi-{name}.png"))
    scan(qtbot, page, issued[1].nomor)
    assert page.grab().save(str(out / f"{QGuiApplication.platformName()}-verifikasi-dicabut.png"))
    assert page.verdict.isVisible() and page.nama.isVisible()


def test_certificate_of_another_office_says_so_and_names_its_region(qtbot, page) -> None:  # noqa: ANN001
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from db import sertifikat_crypto as crypto

    claim = crypto.CertificateClaim(
        "001/400.7/BIMTEK/KEC-MB/VII/2026", "Siti Aminah", "Bimtek", TERBIT, "18.72.01"
    )
    scan(qtbot, page, crypto.sign(claim, Ed25519PrivateKey.generate()))
    assert page.verdict.text() == "BUKAN DARI KANTOR INI"
    assert page.nama.text() == ""  # an unverifiable name is not shown as if it were signed
    assert (
        "18.72.01" in page.fields["penerbit"].text()
        and "impor kunci publik" in page.fields["penerbit"].text()
    )
