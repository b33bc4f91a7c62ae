"""One kegiatan opened from the list: Ringkasan, Peserta and Kehadiran tabs, with a way back.

Shown inside the Kegiatan page (Alt+← returns to the list). Ctrl+Tab / Ctrl+PgDn move
between tabs; Alt+1…n jump to one. Tabs are built once and reload when the bus says the
kegiatan changed elsewhere.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from db.errors import DomainError
from db.services.kegiatan import get_kegiatan
from db.services.kegiatan_rekap import list_kuota
from db.services.kehadiran import count_hari
from reports.formatting import angka, rentang_tanggal, rupiah, tanggal_panjang
from ui import messages
from ui.context import AppContext
from ui.icons import icon

TABS = ("ringkasan", "peserta", "kehadiran", "agenda", "notulen", "sertifikat")


class KegiatanDetailView(QWidget):
    back = Signal()

    def __init__(self, ctx: AppContext, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kegiatan_id = kegiatan_id
        self._build()
        self.refresh()

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        from ui.pages.kegiatan_kehadiran_tab import KehadiranTab
        from ui.pages.kegiatan_peserta_tab import PesertaTab

        self.back_button = QPushButton(icon("arrow-back-up.svg", "#37474f"), self.tr("Daftar kegiatan"))
        self.back_button.setToolTip(self.tr("Kembali ke daftar kegiatan (Alt+←)"))
        self.back_button.clicked.connect(self.back)
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        self.edit_button = QPushButton(icon("pencil.svg", "#37474f"), self.tr("Ubah data kegiatan…"))
        self.edit_button.setToolTip(self.tr("Ubah data, hari, kuota dan uang (Ctrl+E)"))
        self.edit_button.clicked.connect(self.edit)
        self.print_button = QPushButton(icon("printer.svg", "#37474f"), self.tr("Cetak"))
        self.print_button.setToolTip(
            self.tr("Daftar hadir, rekap, tanda pengenal, daftar peserta, tanda terima (Ctrl+P)")
        )
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.print_button)
        self.kota_button = QPushButton(icon("upload.svg", "#37474f"), self.tr("Kirim ke Kota…"))
        self.kota_button.clicked.connect(self.kirim_kota)
        head.addWidget(self.kota_button)
        head.addWidget(self.edit_button)

        self.summary = QLabel()
        self.summary.setObjectName("kegiatanSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setWordWrap(True)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addWidget(self.summary)
        box.addStretch(1)
        ringkasan = QScrollArea()  # 27 quotas and a long catatan must scroll, not be cut off
        ringkasan.setWidgetResizable(True)
        ringkasan.setFrameShape(QScrollArea.Shape.NoFrame)
        ringkasan.setWidget(inner)
        from ui.pages.kegiatan_print_actions import KegiatanPrintMenu

        self.printing = KegiatanPrintMenu(self.kegiatan_id, self.print_button, self)
        self.peserta_tab = PesertaTab(self._ctx, self.kegiatan_id)
        self.kehadiran_tab = KehadiranTab(self._ctx, self.kegiatan_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(ringkasan, self.tr("Ringkasan"))
        self.tabs.addTab(self.peserta_tab, self.tr("Peserta"))
        self.tabs.addTab(self.kehadiran_tab, self.tr("Kehadiran"))
        from ui.pages.kegiatan_agenda_tab import AgendaTab

        self.agenda_tab = AgendaTab(self._ctx, self.kegiatan_id)
        self.tabs.addTab(self.agenda_tab, self.tr("Susunan Acara"))
        from ui.pages.kegiatan_notulen_tab import NotulenTab

        self.notulen_tab = NotulenTab(self._ctx, self.kegiatan_id)
        self.tabs.addTab(self.notulen_tab, self.tr("Notulen"))
        from ui.pages.kegiatan_sertifikat_tab import SertifikatTab

        self.sertifikat_tab = SertifikatTab(self._ctx, self.kegiatan_id)
        self.tabs.addTab(self.sertifikat_tab, self.tr("Sertifikat"))
        self.tabs.currentChanged.connect(self._on_tab)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        for keys, slot in (
            (QKeySequence("Alt+Left"), self.back),
            (QKeySequence("Ctrl+E"), self.edit),
            (QKeySequence.StandardKey.Print, self.print_button.showMenu),
            *(
                (QKeySequence(f"Alt+{n + 1}"), lambda n=n: self.tabs.setCurrentIndex(n))
                for n in range(self.tabs.count())
            ),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name))

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh) and widget is not self.tabs.widget(0):
            refresh()
        if index == 0:
            self._fill_summary()

    # ------------------------------------------------------------------ data
    @Slot()
    def refresh(self) -> None:
        try:
            detail = get_kegiatan(self.kegiatan_id)
        except DomainError:
            self.back.emit()  # deleted elsewhere
            return
        self.title_label.setText(detail.form.nama)
        self._fill_summary()
        self.peserta_tab.refresh()
        self.kehadiran_tab.refresh()

    def _fill_summary(self) -> None:
        detail = get_kegiatan(self.kegiatan_id)
        f = detail.form
        rows = [
            (self.tr("Jenis"), f.jenis),
            (self.tr("Status"), f.status.capitalize()),
            (self.tr("Tema"), f.tema),
            (self.tr("Tanggal"), rentang_tanggal(f.tanggal_mulai, f.tanggal_selesai)),
            (self.tr("Tempat"), ", ".join(p for p in (f.tempat, f.alamat) if p)),
            (self.tr("Penyelenggara"), f.penyelenggara),
            (self.tr("Dasar"), f.dasar),
            (self.tr("Penanggung jawab"), f.penanggung_jawab),
            (self.tr("Ketua panitia"), f.ketua_panitia),
            (self.tr("Anggaran"), (rupiah(f.anggaran) + (f" ({f.sumber_dana})" if f.sumber_dana else ""))
             if f.anggaran else f.sumber_dana),
            (self.tr("Total JPL"), angka(f.total_jpl) if f.total_jpl else ""),
            (self.tr("Peserta"), self._peserta_text(detail.jumlah_peserta, f.target_peserta)),
            (self.tr("Catatan"), f.catatan),
        ]  # fmt: skip
        info = "".join(
            f"<tr><td style='color:#5f7680; padding:3px 18px 3px 0'>{escape(k)}</td>"
            f"<td style='padding:3px 0'>{escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        self.summary.setText(f"<table>{info}</table>{self._days_html(detail)}{self._quota_html()}")

    def _peserta_text(self, count: int, target: int | None) -> str:
        if target:
            return self.tr("{0} orang (target {1})").format(count, target)
        return self.tr("{0} orang").format(count)

    def _days_html(self, detail) -> str:  # noqa: ANN001 - KegiatanDetail
        lines = []
        for hari in detail.hari:
            when = f"{tanggal_panjang(hari.tanggal)}, {hari.jam_mulai}–{hari.jam_selesai}".rstrip("–, ")
            if hari.dilewati:
                state = self.tr("dilewati")
            else:
                count = count_hari(hari.id)
                state = self.tr("hadir {0}/{1}").format(count.hadir, count.total)
            label = escape(self.tr("Hari ke-{0}").format(hari.hari_ke))
            cell = "<td style='padding:2px 14px 2px 0'>"
            lines.append(f"<tr>{cell}{label}</td>{cell}{escape(when)}</td><td>{escape(state)}</td></tr>")
        title = escape(self.tr("Hari dan kehadiran"))
        return f"<h3 style='margin-top:14px'>{title}</h3><table>{''.join(lines)}</table>"

    def _quota_html(self) -> str:
        """Quotas in three columns of "asal  terisi/kuota" (a bimtek has 27 of them)."""
        quotas = list_kuota(self.kegiatan_id)
        if not quotas:
            return ""
        per_column = -(-len(quotas) // 3)
        columns = [quotas[i : i + per_column] for i in range(0, len(quotas), per_column)]
        rows = []
        for line in range(per_column):
            cells = []
            for column in columns:
                if line < len(column):
                    q = column[line]
                    colour = "#2e7d32" if q.penuh else "#263238"
                    cells.append(
                        f"<td style='padding:2px 8px 2px 0'>{escape(q.asal)}</td>"
                        f"<td style='padding:2px 28px 2px 0; color:{colour}'>{q.terisi}/{q.kuota}</td>"
                    )
            rows.append(f"<tr>{''.join(cells)}</tr>")
        title = escape(self.tr("Kuota per asal (terisi/kuota)"))
        return f"<h3 style='margin-top:14px'>{title}</h3><table>{''.join(rows)}</table>"

    # ------------------------------------------------------------------ actions
    @Slot()
    def kirim_kota(self) -> None:
        from ui.dialogs.kirim_kota_dialog import open_kirim_kota

        self.kota_dialog = open_kirim_kota(self._ctx, [self.kegiatan_id], self)

    @Slot()
    def edit(self) -> None:
        from ui.dialogs.kegiatan_dialog import open_kegiatan_dialog

        try:
            saved = open_kegiatan_dialog(self, self.kegiatan_id)
        except DomainError as exc:
            messages.error(self, self.tr("Kegiatan"), messages.error_text(exc))
            return
        if saved is not None:
            self._ctx.bus.kegiatanChanged.emit(self.kegiatan_id)
            self.refresh()
