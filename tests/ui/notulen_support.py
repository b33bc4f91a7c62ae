"""Shared set-up for the notulen tests: a rakor with a 6-item agenda, peserta and attendance, and the
Kegiatan page opened on its Notulen tab."""

from __future__ import annotations

from datetime import date

from db.services.agenda import AgendaForm, save_agenda
from db.services.kegiatan import KegiatanForm, hari_by_number, save_kegiatan
from db.services.kehadiran import mark_present
from db.services.penandatangan import SignatoryData, save_signatory
from db.services.peserta import PesertaForm, save_peserta

DAY = date(2026, 5, 14)
AGENDA = (
    ("Pembukaan dan sambutan Camat", "Bambang Suryanto"),
    ("Laporan Ketua Pokjanal", "Agus Setiawan"),
    ("Evaluasi strata posyandu", "dr. Hendra Wijaya"),
    ("Rencana kerja triwulan III", "Dra. Yuli Astuti"),
    ("Tanya jawab", "Moderator"),
    ("Penutup dan doa", "Kasi Kesos"),
)
PIMPINAN = ("Bambang Suryanto, S.STP., M.Si.", "Camat Metro Timur", "197508121999031004")
NOTULIS = "Rina Marlina, S.E."


def make_rakor(peserta: int = 8, hadir: int = 6) -> int:
    """A one-day rakor with the 6-item agenda and ``hadir`` of ``peserta`` people marked present."""
    save_signatory(SignatoryData(nama=PIMPINAN[0], jabatan=PIMPINAN[1], nip=PIMPINAN[2]))
    kid = save_kegiatan(
        KegiatanForm(
            "Rakor",
            "Rapat Koordinasi Pokjanal Posyandu Triwulan II",
            DAY,
            DAY,
            tempat="Aula Kantor Camat",
            penanggung_jawab=PIMPINAN[0],
        )
    )
    for n, (acara, narasumber) in enumerate(AGENDA):
        save_agenda(
            AgendaForm(
                kid, acara, jam_mulai=f"{8 + n:02d}:00", jam_selesai=f"{8 + n:02d}:40", narasumber=narasumber
            )
        )
    hari = hari_by_number(kid, 1)
    people = [
        save_peserta(PesertaForm(kid, f"Peserta Rakor {i + 1}", asal_opd="Kelurahan Yosodadi"))
        for i in range(peserta)
    ]
    for person in people[:hadir]:
        mark_present(person, hari.id)
    return kid


def open_notulen_tab(store, qtbot, kegiatan_id: int):  # noqa: ANN001, ANN201 - → (KegiatanPage, NotulenTab)
    """The page (keep a reference: it owns the tab) and its Notulen tab, loaded."""
    from tests.ui.kegiatan_support import make_page

    page = make_page(store, qtbot)
    page.open_kegiatan(kegiatan_id, "notulen")
    tab = page.detail.notulen_tab
    qtbot.waitUntil(lambda: tab.view is not None, timeout=3000)
    return page, tab
