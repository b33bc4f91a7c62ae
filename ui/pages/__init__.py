"""The sidebar's pages, in order. Each page class takes ``(ctx: AppContext, spec: PageSpec)``.

Pages are imported and built only when first shown, which keeps start-up fast. A feature that is
not built yet points at :class:`ui.pages.placeholder.PlaceholderPage`, which says so plainly.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

PLACEHOLDER = "ui.pages.placeholder:PlaceholderPage"


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # translated at display time (context "pages")
    icon: str  # file name under resources/icons
    target: str  # "module:Class"
    description: str = ""  # for pages not built yet


PAGES: tuple[PageSpec, ...] = (
    PageSpec("beranda", QT_TRANSLATE_NOOP("pages", "Beranda"), "home.svg", "ui.pages.beranda:BerandaPage"),
    PageSpec(
        "kegiatan",
        QT_TRANSLATE_NOOP("pages", "Kegiatan"),
        "calendar-event.svg",
        "ui.pages.kegiatan_page:KegiatanPage",
        QT_TRANSLATE_NOOP(
            "pages",
            "Pendaftaran peserta bimtek dan rakor, daftar hadir harian, sertifikat dan tanda terima "
            "akan tersedia di sini.",
        ),
    ),
    PageSpec(
        "kader",
        QT_TRANSLATE_NOOP("pages", "Kader"),
        "users.svg",
        "ui.pages.kader_page:KaderPage",
        QT_TRANSLATE_NOOP(
            "pages",
            "Daftar kader per posyandu dengan riwayat pelatihan, impor dan ekspor Excel akan tersedia di sini.",
        ),
    ),
    PageSpec(
        "posyandu",
        QT_TRANSLATE_NOOP("pages", "Posyandu"),
        "building-community.svg",
        "ui.pages.posyandu_page:PosyanduPage",
        QT_TRANSLATE_NOOP(
            "pages",
            "Daftar posyandu per kelurahan dengan strata, status ILP dan jumlah kader akan tersedia di sini.",
        ),
    ),
    PageSpec(
        "rencana_aksi",
        QT_TRANSLATE_NOOP("pages", "Rencana Aksi"),
        "checklist.svg",
        "ui.pages.rencana_aksi_page:RencanaAksiPage",
        QT_TRANSLATE_NOOP(
            "pages", "Rencana aksi lintas sektor beserta pemantauan dan evaluasinya akan tersedia di sini."
        ),
    ),
    PageSpec(
        "kota",
        QT_TRANSLATE_NOOP("pages", "Rekap Kota"),
        "clipboard-list.svg",
        "ui.pages.kota_page:KotaPage",
    ),
    PageSpec(
        "verifikasi",
        QT_TRANSLATE_NOOP("pages", "Verifikasi"),  # the page's own title says "Verifikasi Sertifikat"
        "certificate.svg",
        "ui.pages.verifikasi_page:VerifikasiPage",
    ),
    PageSpec(
        "pengaturan",
        QT_TRANSLATE_NOOP("pages", "Pengaturan"),
        "settings.svg",
        "ui.pages.pengaturan:PengaturanPage",
    ),
)
