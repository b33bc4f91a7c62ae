"""Shared set-up for the Kegiatan UI tests: the real page over a fresh database, and rosters made
through the real services (no fakes of the service layer)."""

from __future__ import annotations

from datetime import date

from db.services.kegiatan import KegiatanForm, save_kegiatan
from db.services.peserta import PesertaForm, save_peserta
from tests.ui.pengaturan_support import activate

FIRST = ("Siti", "Budi", "Rina", "Agus", "Dewi", "Joko", "Ani", "Hadi", "Tuti", "Eko", "Lina", "Rudi", "Yuni",
         "Bayu", "Nur", "Dian", "Wati", "Andi", "Sri", "Tono", "Ratna", "Heri", "Maya")  # fmt: skip
LAST = ("Lestari", "Santoso", "Wulandari", "Pratama", "Rahayu", "Saputra", "Handayani", "Kurniawan", "Susanti",
        "Hidayat")  # fmt: skip
START = date(2026, 11, 23)


def make_page(store, qtbot):  # noqa: ANN001, ANN201 - DataStore, QtBot → KegiatanPage
    """The Kegiatan page as the main window builds it, at 1366×768 minus the sidebar."""
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.pages import PAGES
    from ui.pages.kegiatan_page import KegiatanPage

    create_application()
    ctx = AppContext(store=store, bus=AppBus())
    page = KegiatanPage(ctx, next(s for s in PAGES if s.key == "kegiatan"))
    qtbot.addWidget(page)
    page.resize(1366 - 210, 740)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    page.refresh()
    return page


def make_bimtek(days: int = 3, nama: str = "Bimtek Kader Posyandu ILP") -> int:
    return save_kegiatan(
        KegiatanForm(
            "Bimtek/Pelatihan",
            nama,
            START,
            date(START.year, START.month, START.day + days - 1),
            tempat="Aula Kantor Camat",
        )  # fmt: skip
    )


def person_name(i: int) -> str:
    """230 distinct two-word names (23 first × 10 last)."""
    return f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST) % len(LAST)]}"


def fill_roster(kegiatan_id: int, count: int = 230) -> list[int]:
    return [
        save_peserta(
            PesertaForm(kegiatan_id, person_name(i), kode_wilayah="", asal_opd=f"Kelurahan {i // 10:02d}")
        )
        for i in range(count)
    ]
