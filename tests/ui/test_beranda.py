"""Beranda shows real counts and the coming kegiatan — nothing invented."""

from __future__ import annotations

from datetime import date, timedelta

from db.services.kegiatan import KegiatanForm, save_kegiatan
from db.services.posyandu import PosyanduForm, save_posyandu
from ui.bus import AppBus
from ui.context import AppContext
from ui.main_window import MainWindow


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(AppContext(store=store, bus=AppBus()))
    qtbot.addWidget(window)
    window.show()
    return window


def test_empty_office_says_so(qtbot, store) -> None:
    page = _window(qtbot, store).page("beranda")
    assert page.tile_posyandu.value_label.text() == "–"  # filled right after the first paint
    qtbot.waitUntil(lambda: page.tile_posyandu.value_label.text() == "0")
    assert "Belum ada kegiatan terjadwal" in page.upcoming_label.text()
    assert "Identitas kantor belum diisi" in page.notice_label.text()


def test_counts_and_upcoming_follow_the_data(qtbot, store) -> None:
    window = _window(qtbot, store)
    page = window.page("beranda")
    save_posyandu(PosyanduForm(nama="Posyandu Melati 1", kode_wilayah="18.72.04.1005"))
    start = date.today() + timedelta(days=3)
    past = date.today() - timedelta(days=30)
    save_kegiatan(
        KegiatanForm(
            jenis="Rakor", nama="Rakor Pokjanal Triwulan IV", tanggal_mulai=start, tanggal_selesai=start
        )
    )
    save_kegiatan(
        KegiatanForm(jenis="Rapat", nama="Rapat yang sudah lewat", tanggal_mulai=past, tanggal_selesai=past)
    )
    window._ctx.bus.registryChanged.emit()
    window._ctx.bus.kegiatanChanged.emit(0)
    assert page.tile_posyandu.value_label.text() == "1"
    text = page.upcoming_label.text()
    assert "Rakor Pokjanal Triwulan IV" in text and "3 hari lagi" in text
    assert "sudah lewat" not in text
