"""Rencana Aksi page: print the matrix and the monev report from the buttons (PDF text read back
with pypdf), Excel export then import through the buttons (round trip), and a screenshot."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from db.services.rencana_aksi import list_rencana_aksi
from db.services.rencana_aksi_monev import MonevForm, add_monev
from tests.ui.pengaturan_support import click, with_modal
from tests.ui.rencana_aksi_support import add_item, make_window

ITEMS = (
    dict(bidang="Kesehatan", aksi="Kelas ibu balita", opd="Puskesmas", due=date(2026, 6, 30),
         anggaran="12500000", status="Berjalan", lokus=1),
    dict(bidang="Kesehatan", aksi="PMT lokal", opd="TP-PKK", due=date(2026, 12, 20)),
    dict(bidang="Pendidikan", aksi="Pendataan ATS", opd="Disdik", due=date(2026, 10, 15),
         status="Berjalan"),
    dict(bidang="Sosial", aksi="Verifikasi DTKS", opd="TKSK/Dinsos", due=date(2026, 8, 30),
         status="Tertunda"),
    dict(bidang="Sosial", aksi="Sosialisasi bansos", opd="Kelurahan", due=date(2026, 3, 1), status="Selesai"),
)  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@pytest.fixture
def page(store, qtbot, no_dialogs):  # noqa: ANN001, ANN201
    window = make_window(store, qtbot)
    page = window.page("rencana_aksi")
    page.ids = [add_item(page, qtbot, **fields) for fields in ITEMS]
    page.close_panel()
    return page


def _pdf_text(qtbot, page, button) -> str:  # noqa: ANN001
    """Click a print button, accept the options dialog, wait for the preview; the PDF's text."""
    page.actions.last_preview = None
    accept = lambda dialog: click(qtbot, dialog.findChild(QDialogButtonBox).buttons()[0])  # noqa: E731
    with_modal(qtbot, lambda: click(qtbot, button), accept)
    qtbot.waitUntil(lambda: page.actions.last_preview is not None, timeout=15000)
    preview = page.actions.last_preview
    preview.close()
    reader = PdfReader(io.BytesIO(preview._pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_matrix_printed_from_the_page_grouped_in_order_with_status(page, qtbot) -> None:
    text = _pdf_text(qtbot, page, page.print_button)
    assert "MATRIKS RENCANA AKSI LINTAS SEKTOR" in text and "Tahun 2026" in text
    order = ["A. KESEHATAN", "Kelas ibu balita", "PMT lokal", "B. PENDIDIKAN", "Pendataan ATS", "C. SOSIAL",
             "Verifikasi DTKS", "Sosialisasi bansos"]  # fmt: skip
    positions = [text.index(marker, text.index("A. KESEHATAN")) for marker in order]
    assert positions == sorted(positions)
    first = text[positions[1] : positions[2]]
    assert "Berjalan" in first and "TERLAMBAT" in first and "Rp12.500.000" in first  # overdue on 10-08-2026
    assert "Belum mulai" in text[positions[2] : positions[3]]
    dtks = text[positions[6] : positions[7]]
    assert "Tertunda" in dtks and "Jatuh tempo ≤ 30 hari" in dtks
    assert "Selesai" in text[positions[7] :] and "TERLAMBAT" not in text[positions[3] :]


def test_monev_report_for_the_period(page, qtbot) -> None:
    add_monev(MonevForm(page.ids[0], date(2026, 7, 15), "Juli", realisasi_persen=40, kendala="Hujan deras"))
    add_monev(MonevForm(page.ids[2], date(2026, 3, 1), "Maret", realisasi_persen=10))  # before the quarter
    text = _pdf_text(qtbot, page, page.monev_button)  # the dialog proposes the quarter of 10-08-2026
    assert "LAPORAN MONITORING DAN EVALUASI RENCANA AKSI" in text
    assert "Kelas ibu balita" in text and "Hujan deras" in text
    assert "Pendataan ATS" not in text


def test_excel_export_then_import_restores_the_items(page, qtbot, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "rencana-aksi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target) + ".xlsx", ""))
    before = [(i.form.bidang, i.form.aksi, i.form.opd, i.form.anggaran, i.form.status, i.form.jatuh_tempo,
               i.form.lokus) for i in list_rencana_aksi()]  # fmt: skip
    click(qtbot, page.export_button)
    assert (tmp_path / "rencana-aksi.xlsx").is_file()
    for item_id in page.ids:
        page.select_item(item_id)
        click(qtbot, page.delete_button)
    assert page.model.rowCount() == 0
    click(qtbot, page.import_button)
    after = [(i.form.bidang, i.form.aksi, i.form.opd, i.form.anggaran, i.form.status, i.form.jatuh_tempo,
              i.form.lokus) for i in list_rencana_aksi()]  # fmt: skip
    assert after == before
    assert page.model.rowCount() == 3  # the page reloaded: three bidang groups again


def test_screenshot_with_data(page, qtbot) -> None:
    add_monev(MonevForm(page.ids[0], date(2026, 7, 15), "Juli", realisasi_persen=40))
    page.refresh()
    page.edit_item(page.ids[0])
    SCREENSHOTS.mkdir(exist_ok=True)
    image = page.window().grab().toImage()
    assert (image.width(), image.height()) == (1366, 768)
    assert image.save(str(SCREENSHOTS / "rencana-aksi-1366x768.png"))
