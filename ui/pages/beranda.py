"""Beranda: the office at a glance — real counts and what needs attention."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Slot
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from db.services.dashboard import KegiatanMendatang, summary, upcoming_kegiatan
from db.services.profile import get_profile
from ui.context import AppContext
from ui.pages import PageSpec


class StatTile(QFrame):
    """A number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.value_label = QLabel("–")
        self.value_label.setObjectName("tileValue")
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("tileCaption")
        self.caption_label.setWordWrap(True)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int | str) -> None:
        self.value_label.setText(f"{value:,}".replace(",", ".") if isinstance(value, int) else value)


class BerandaPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        self.title_label = QLabel(QCoreApplication.translate("pages", spec.title))
        self.title_label.setObjectName("pageTitle")
        self.office_label = QLabel()
        self.office_label.setObjectName("muted")
        layout.addWidget(self.title_label)
        layout.addWidget(self.office_label)

        grid = QGridLayout()
        grid.setSpacing(14)
        self.tile_posyandu = StatTile(self.tr("Posyandu aktif"))
        self.tile_kelurahan = StatTile(self.tr("Kelurahan/desa dengan posyandu"))
        self.tile_kader = StatTile(self.tr("Kader aktif"))
        self.tile_ilp = StatTile(self.tr("Posyandu sudah ILP"))
        for i, tile in enumerate((self.tile_posyandu, self.tile_kelurahan, self.tile_kader, self.tile_ilp)):
            grid.addWidget(tile, 0, i)
        layout.addLayout(grid)
        from ui.pages.beranda_rencana_aksi import RencanaAksiSummary  # needs StatTile above

        self.today: date | None = None  # None = the real date; tests inject one
        self.rencana_aksi = RencanaAksiSummary()

        self.levels_label = QLabel()
        self.levels_label.setObjectName("muted")
        layout.addWidget(self.levels_label)
        layout.addWidget(self.rencana_aksi)

        upcoming_title = QLabel(self.tr("Yang akan datang"))
        upcoming_title.setObjectName("sectionTitle")
        layout.addWidget(upcoming_title)
        self.upcoming_label = QLabel()
        self.upcoming_label.setWordWrap(True)  # left-aligned; the stretch below keeps it at the top
        layout.addWidget(self.upcoming_label)

        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice")
        self.notice_label.setWordWrap(True)
        layout.addWidget(self.notice_label)
        layout.addStretch(1)
        ctx.bus.registryChanged.connect(self.refresh)
        ctx.bus.signatoriesChanged.connect(self.refresh)
        ctx.bus.profileChanged.connect(self.refresh)
        ctx.bus.kegiatanChanged.connect(self.refresh)
        ctx.bus.rencanaAksiChanged.connect(self.refresh)

    @Slot()
    def refresh(self) -> None:
        data = summary()
        profile = get_profile()
        self.office_label.setText(
            " · ".join(p for p in (profile.sekretariat.title(), profile.unit.title()) if p)
        )
        self.tile_posyandu.set_value(data.posyandu_aktif)
        self.tile_kelurahan.set_value(data.kelurahan_dengan_posyandu)
        self.tile_kader.set_value(data.kader_aktif)
        self.tile_ilp.set_value(data.posyandu_ilp)
        self.rencana_aksi.refresh(self.today)
        if data.kader_per_tingkatan:
            parts = [f"{level}: {count}" for level, count in sorted(data.kader_per_tingkatan.items())]
            self.levels_label.setText(self.tr("Kader per tingkatan — {0}").format(", ".join(parts)))
        else:
            self.levels_label.setText(self.tr("Belum ada kader terdaftar."))
        self.upcoming_label.setText(self._upcoming_text())
        notices = []
        if not profile.configured:
            notices.append(self.tr("Identitas kantor belum diisi: buka Pengaturan → Identitas kantor."))
        if data.penandatangan_aktif == 0:
            notices.append(self.tr("Belum ada penandatangan aktif: isi di Pengaturan → Penandatangan."))
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))

    def _upcoming_text(self) -> str:
        """The next five kegiatan that are not over or cancelled, soonest first."""
        today = date.today()
        coming = upcoming_kegiatan(today, limit=5)
        if not coming:
            return self.tr(
                "Belum ada kegiatan terjadwal. Jadwal bimtek dan rakor tampil di sini setelah dicatat."
            )
        return "\n".join(self._describe(k, today) for k in coming)

    def _describe(self, kegiatan: KegiatanMendatang, today: date) -> str:
        locale = QLocale()

        def day(value: date) -> str:
            return locale.toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")

        when = day(kegiatan.tanggal_mulai)
        if kegiatan.tanggal_selesai != kegiatan.tanggal_mulai:
            when = f"{when} – {day(kegiatan.tanggal_selesai)}"
        if kegiatan.tanggal_mulai <= today:
            state = self.tr("sedang berjalan")
        else:
            state = self.tr("{0} hari lagi").format((kegiatan.tanggal_mulai - today).days)
        return self.tr("• {0} — {1}, {2} ({3}; {4} peserta)").format(
            when, kegiatan.jenis, kegiatan.nama, state, kegiatan.jumlah_peserta
        )
