"""The Kegiatan list and dialog as a secretary uses them: Ins opens the dialog, a 3-day bimtek is
typed in (one day with its own hours, a skipped day on the rakor), errors show beside fields,
the list puts upcoming kegiatan first and filters, Enter opens the tabs and Alt+← goes back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from db.services.kegiatan import KegiatanForm, get_kegiatan, list_kegiatan, save_kegiatan
from tests.ui.kegiatan_support import make_page
from tests.ui.pengaturan_support import click, with_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def page(store, qtbot):  # noqa: ANN001, ANN201
    return make_page(store, qtbot)


def test_create_three_day_bimtek_through_the_dialog(page, qtbot, no_dialogs) -> None:  # noqa: ANN001
    def drive(dialog) -> None:  # noqa: ANN001
        click(qtbot, dialog.ok_button)  # nothing typed: the name is refused beside its field
        assert dialog.isVisible()
        assert "nama" in dialog.errors.messages()
        qtbot.keyClicks(dialog.nama_edit, "Bimtek Kader Posyandu ILP")
        qtbot.keyClicks(dialog.tema_edit, "Integrasi Layanan Primer")
        qtbot.keyClicks(dialog.tempat_edit, "Aula Kantor Camat")
        dialog.mulai_edit.setDate(QDate(2026, 12, 1))
        dialog.selesai_edit.setDate(QDate(2026, 12, 3))
        assert dialog.days_table.rowCount() == 3
        dialog.tabs.setCurrentIndex(1)
        dialog.days_table.set_times(2, "08:00", "12.30")
        dialog.tabs.setCurrentIndex(2)
        dialog.money_spins["Peserta"].setValue(150_000)
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_Insert), drive)

    [row] = list_kegiatan()
    assert (row.nama, row.jenis, row.jumlah_hari) == ("Bimtek Kader Posyandu ILP", "Bimtek/Pelatihan", 3)
    detail = get_kegiatan(row.id)
    assert detail.form.tema == "Integrasi Layanan Primer"
    assert detail.form.uang_peran == {"Peserta": 150_000}
    assert [(h.tanggal.day, h.jam_mulai, h.jam_selesai) for h in detail.hari] == [
        (1, "08:00", "16:00"), (2, "08:00", "16:00"), (3, "08:00", "12:30")
    ]  # fmt: skip
    assert page.model.rowCount() == 1
    assert page.selected_row().id == row.id


def test_edit_skips_a_day_and_bad_hours_stay_in_the_dialog(page, qtbot, no_dialogs) -> None:  # noqa: ANN001
    kegiatan_id = save_kegiatan(KegiatanForm("Rakor", "Rakor Pokjanal", date(2026, 12, 5), date(2026, 12, 7)))
    page.refresh()
    page.select_kegiatan(kegiatan_id)
    detail = page.open_kegiatan(kegiatan_id)

    def drive(dialog) -> None:  # noqa: ANN001
        dialog.days_table.set_times(0, "25:00", "16:00")
        click(qtbot, dialog.ok_button)
        assert dialog.isVisible() and dialog.tabs.currentIndex() == 1
        assert "Hari ke-1" in dialog.days_error.text()
        dialog.days_table.set_times(0, "09:00", "15:00")
        dialog.days_table.set_skipped(1, True)
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, detail.edit, drive)
    hari = get_kegiatan(kegiatan_id).hari
    assert [(h.jam_mulai, h.dilewati) for h in hari] == [("09:00", False), ("08:00", True), ("08:00", False)]
    assert "dilewati" in detail.summary.text()


def test_list_upcoming_first_filters_and_enter_opens(page, qtbot) -> None:  # noqa: ANN001
    today = date.today()
    past = save_kegiatan(
        KegiatanForm("Rakor", "Rakor lama", date(today.year - 1, 3, 1), date(today.year - 1, 3, 1))
    )
    soon = save_kegiatan(KegiatanForm("Pembinaan", "Pembinaan posyandu", today, today))
    later = save_kegiatan(
        KegiatanForm("Rakor", "Rakor akhir tahun", date(today.year + 1, 1, 5), date(today.year + 1, 1, 5))
    )
    page.refresh()
    assert [page.model.row(i).id for i in range(page.model.rowCount())] == [soon, later, past]

    page.jenis_combo.setCurrentIndex(page.jenis_combo.findData("Rakor"))
    assert [page.model.row(i).id for i in range(page.model.rowCount())] == [later, past]
    page.year_combo.setCurrentIndex(page.year_combo.findData(today.year - 1))
    assert [page.model.row(i).id for i in range(page.model.rowCount())] == [past]
    page.year_combo.setCurrentIndex(0)
    page.jenis_combo.setCurrentIndex(0)

    page.table.setFocus()
    page.select_kegiatan(later)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.detail is not None and page.detail.kegiatan_id == later
    assert page.stack.currentWidget() is page.detail
    assert page.detail.title_label.text() == "Rakor akhir tahun"
    qtbot.keyClick(page.detail.tabs, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.detail is None and page.stack.currentWidget() is page.list_view
    assert page.selected_row().id == later


def test_delete_kegiatan_after_confirm(page, no_dialogs) -> None:  # noqa: ANN001
    kegiatan_id = save_kegiatan(KegiatanForm("Rapat", "Rapat kecil", date(2026, 12, 1), date(2026, 12, 1)))
    page.refresh()
    page.select_kegiatan(kegiatan_id)
    page.delete_selected()
    assert list_kegiatan() == []
    assert no_dialogs[0][0] == "confirm"
    assert page.model.rowCount() == 0


def test_quotas_ten_per_kelurahan_two_per_kecamatan(page, qtbot, no_dialogs) -> None:  # noqa: ANN001
    from dataclasses import replace

    from db.services.kegiatan_rekap import list_kuota
    from db.services.profile import get_profile, save_profile

    save_profile(
        replace(
            get_profile(),
            kode_wilayah="18.72.04",
            unit="KECAMATAN METRO TIMUR",
            pemerintah="PEMERINTAH KOTA METRO",
        )
    )
    kegiatan_id = save_kegiatan(
        KegiatanForm("Bimtek/Pelatihan", "Bimtek ILP", date(2026, 12, 1), date(2026, 12, 3))
    )
    page.refresh()
    detail = page.open_kegiatan(kegiatan_id)

    def drive(dialog) -> None:  # noqa: ANN001
        dialog.tabs.setCurrentWidget(dialog.kuota)
        click(qtbot, dialog.kuota.fill_button)
        row = dialog.kuota.add_row()
        dialog.kuota.table.cellWidget(row, 0).setCurrentIndex(
            dialog.kuota.table.cellWidget(row, 0).findData("__opd__")
        )
        qtbot.keyClicks(dialog.kuota.table.cellWidget(row, 1), "Dinas Kesehatan")
        dialog.kuota.table.cellWidget(row, 2).setValue(3)
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, detail.edit, drive)
    quotas = {q.asal: q.kuota for q in list_kuota(kegiatan_id)}
    assert len(quotas) == 5 + 22 + 1  # Kota Metro: 5 kecamatan, 22 kelurahan, and the office
    assert quotas["Kecamatan Metro Timur"] == 2 and quotas["Kelurahan Yosodadi"] == 10
    assert quotas["Dinas Kesehatan"] == 3
    assert "Kelurahan Yosodadi" in detail.summary.text()

    def reopen(dialog) -> None:  # noqa: ANN001 - the stored quotas come back, one row less is saved
        assert dialog.kuota.table.rowCount() == 28
        dialog.kuota.table.selectRow(27)
        click(qtbot, dialog.kuota.remove_button)
        click(qtbot, dialog.ok_button)

    with_modal(qtbot, detail.edit, reopen)
    assert "Dinas Kesehatan" not in {q.asal for q in list_kuota(kegiatan_id)}
