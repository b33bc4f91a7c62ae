"""Pengaturan → Riwayat perubahan: newest first, filter per bagian, paging, details."""

from __future__ import annotations

from datetime import datetime

import pytest

from db import audit
from db.services.penandatangan import SignatoryData, save_signatory
from db.services.profile import OfficeProfile, save_profile
from tests.ui.pengaturan_support import click, make_page
from ui.pages import riwayat_view

pytestmark = pytest.mark.gui


@pytest.fixture
def view(store, qtbot):
    audit.set_operator("Rina")
    page = make_page(store, qtbot)
    page.tabs.setCurrentWidget(page.riwayat)
    yield page.riwayat.view
    audit.set_operator("")


def column(view, key: str) -> list[str]:
    position = view.model.column_position(key)
    return [view.model.index(row, position).data() for row in range(view.model.rowCount())]


def test_changes_newest_first_with_filter_and_details(view, qtbot) -> None:
    save_profile(OfficeProfile(pemerintah="PEMERINTAH KOTA METRO", unit="KECAMATAN METRO TIMUR"))
    first = save_signatory(SignatoryData(nama="Bambang", jabatan="Camat"))
    save_signatory(SignatoryData(**{**first.__dict__, "jabatan": "Plt. Camat"}))
    view.refresh()

    assert column(view, "aksi") == ["Ubah", "Tambah", "Ubah"]
    assert column(view, "bagian") == ["Penandatangan", "Penandatangan", "Identitas kantor"]
    assert set(column(view, "operator")) == {"Rina"}
    assert column(view, "rincian")[0] == "jabatan: Camat → Plt. Camat"
    stamp = column(view, "waktu")[0]
    assert datetime.strptime(stamp, "%d-%m-%Y %H.%M")  # dd-mm-yyyy HH.MM
    assert view.count_label.text() == "3 perubahan"

    view.filter_combo.setCurrentIndex(view.filter_combo.findData("kantor"))
    assert column(view, "bagian") == ["Identitas kantor"]
    view.filter_combo.setCurrentIndex(0)
    assert view.model.rowCount() == 3

    view.table.selectRow(0)
    assert "Plt. Camat" in view.detail.toPlainText()
    assert view.detail.toPlainText().startswith(stamp)


def test_more_rows_are_loaded_on_request(view, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(riwayat_view, "PAGE_SIZE", 3)
    for i in range(5):
        save_signatory(SignatoryData(nama=f"Orang {i}", jabatan="Kader"))
    view.refresh()
    assert column(view, "ringkasan") == ["Orang 4", "Orang 3", "Orang 2"]
    assert view.count_label.text() == "3 perubahan terbaru ditampilkan"
    assert view.more_button.isVisible()
    click(qtbot, view.more_button)
    assert column(view, "ringkasan") == ["Orang 4", "Orang 3", "Orang 2", "Orang 1", "Orang 0"]
    assert not view.more_button.isEnabled() and not view.more_button.isVisible()
    assert view.count_label.text() == "5 perubahan"


def test_the_tab_reloads_when_shown(store, qtbot) -> None:
    page = make_page(store, qtbot)
    page.tabs.setCurrentWidget(page.riwayat)
    assert page.riwayat.view.model.rowCount() == 0
    assert page.riwayat.view.count_label.text() == "Belum ada perubahan tercatat."
    page.tabs.setCurrentWidget(page.penandatangan)
    save_signatory(SignatoryData(nama="Baru", jabatan="Camat"))
    page.tabs.setCurrentWidget(page.riwayat)
    assert page.riwayat.view.model.rowCount() == 1
