"""Verifikasi Sertifikat: scan a certificate's QR (a USB scanner types the text and presses Enter),
paste it, or type the certificate number — the verdict comes large and coloured, with the name
*as signed* very large so the person at the desk compares it with the paper or the ID card.

Checking is :func:`db.services.sertifikat_verifikasi.verifikasi`, which never raises and answers in
milliseconds, so it runs on the GUI thread. After a check the text stays selected: the next scan
replaces it. Esc clears the page for the next person. The checks of this session are listed on
the right (kept in memory only: a verification is not a change of data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.services.sertifikat_verifikasi import VerifikasiResult, verifikasi
from reports.formatting import tanggal
from ui.context import AppContext
from ui.icons import icon
from ui.pages import PageSpec

MAX_HISTORY = 100
# status → (verdict shown, background, text colour)
VERDICTS = {
    "valid": (QT_TRANSLATE_NOOP("VerifikasiPage", "SAH"), "#2e7d32", "#ffffff"),
    "dicabut": (QT_TRANSLATE_NOOP("VerifikasiPage", "DICABUT"), "#e65100", "#ffffff"),
    "kantor_lain": (QT_TRANSLATE_NOOP("VerifikasiPage", "BUKAN DARI KANTOR INI"), "#f2b705", "#263238"),
    "dipalsukan": (QT_TRANSLATE_NOOP("VerifikasiPage", "PALSU"), "#c62828", "#ffffff"),
    "tidak_ditemukan": (QT_TRANSLATE_NOOP("VerifikasiPage", "TIDAK DITEMUKAN"), "#546e7a", "#ffffff"),
    "tidak_terbaca": (QT_TRANSLATE_NOOP("VerifikasiPage", "TIDAK TERBACA"), "#78909c", "#ffffff"),
}
IDLE = ("#eef3f2", "#37474f")


def verdict_text(status: str) -> str:
    return QCoreApplication.translate("VerifikasiPage", VERDICTS[status][0])


@dataclass(frozen=True)
class Check:
    """One line of the session's history."""

    waktu: datetime
    result: VerifikasiResult
    masukan: str


class VerifikasiPage(QWidget):
    def __init__(self, ctx: AppContext, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.history: list[Check] = []
        self.last: VerifikasiResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 16)
        layout.setSpacing(12)
        title = QLabel(self.tr("Verifikasi Sertifikat"))  # the sidebar says "Verifikasi" (narrow)
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr(
            "Pindai kode QR pada sertifikat dengan pemindai (scanner), tempel teks QR (SRT1:…), atau "
            "ketik nomor sertifikat, lalu tekan Enter. Nama yang tampil adalah nama yang ditandatangani "
            "secara digital: cocokkan dengan nama pada kertas. Esc membersihkan layar."))  # fmt: skip
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(self._input_row())
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self._result_card(), 3)
        body.addWidget(self._history_panel(), 2)
        layout.addLayout(body, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.clear,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.clear()

    # ------------------------------------------------------------------ construction
    def _input_row(self) -> QHBoxLayout:
        self.input = QLineEdit()
        self.input.setObjectName("verifikasiInput")
        self.input.setPlaceholderText(self.tr("Pindai QR atau ketik nomor sertifikat, lalu Enter"))
        self.input.setClearButtonEnabled(True)
        self.input.setStyleSheet("font-size: 16pt; padding: 6px 10px;")  # the app sheet fixes 10pt
        self.input.returnPressed.connect(self.check)
        self.check_button = QPushButton(icon("search.svg", "#ffffff"), self.tr("Periksa"))
        self.check_button.setProperty("primary", True)
        self.check_button.setMinimumHeight(40)
        self.check_button.clicked.connect(self.check)
        self.clear_button = QPushButton(self.tr("Bersihkan (Esc)"))
        self.clear_button.setMinimumHeight(40)
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.clear_button)
        return row

    def _result_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("verifikasiCard")
        card.setStyleSheet("QFrame#verifikasiCard { background: #ffffff; border: 1px solid #dde6e5; "
                           "border-radius: 8px; }")  # fmt: skip
        self.verdict = QLabel()
        self.verdict.setObjectName("verifikasiVerdict")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMinimumHeight(64)
        self.keterangan = QLabel()
        self.keterangan.setWordWrap(True)
        self.keterangan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keterangan.setStyleSheet("font-size: 12pt;")
        self.nama = QLabel()
        self.nama.setObjectName("verifikasiNama")
        self.nama.setWordWrap(True)
        self.nama.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nama.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.nama.setStyleSheet("font-size: 28pt; font-weight: 700; color: #1e4d3a;")
        self.details = QFormLayout()
        self.details.setHorizontalSpacing(16)
        self.details.setVerticalSpacing(6)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("nomor", self.tr("Nomor")),
            ("kegiatan", self.tr("Kegiatan")),
            ("tanggal", self.tr("Tanggal terbit")),
            ("penerbit", self.tr("Penerbit")),
            ("kid", self.tr("ID kunci")),
            ("alasan", self.tr("Alasan dicabut")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setStyleSheet("font-size: 12pt;")
            name = QLabel(caption)
            name.setObjectName("muted")
            self.details.addRow(name, value)
            self.fields[key] = value
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(self.verdict)
        layout.addWidget(self.keterangan)
        layout.addWidget(self.nama)
        layout.addLayout(self.details)
        layout.addStretch(1)
        return card

    def _history_panel(self) -> QWidget:
        panel = QWidget()
        caption = QLabel(self.tr("Pemeriksaan sesi ini"))
        caption.setStyleSheet("font-weight: 600;")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Jam"), self.tr("Hasil"), self.tr("Nama / nomor")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter belongs to the input
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        return panel

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Opening the page puts the cursor in the field, so the first scan lands there."""
        super().showEvent(event)
        self.input.setFocus()

    # ------------------------------------------------------------------ behaviour
    @Slot()
    def check(self) -> VerifikasiResult | None:
        """Verify what the input holds, show it and add it to the history."""
        text = self.input.text()
        if not text.strip():
            self.input.setFocus()
            return None
        result = verifikasi(text)
        self.last = result
        self._show(result)
        self._remember(Check(datetime.now(), result, text))
        self.input.selectAll()  # the next scan replaces it
        self.input.setFocus()
        return result

    @Slot()
    def clear(self) -> None:
        """Empty input and result, ready for the next person (the history stays)."""
        self.last = None
        self.input.clear()
        self._paint(IDLE, self.tr("Menunggu pemindaian…"), size=16)
        self.keterangan.setText("")
        self.nama.setText("")
        for label in self.fields.values():
            label.setText("")
        for key in self.fields:  # no empty captions while waiting
            self._set_row_visible(key, False)
        self.input.setFocus()

    def _paint(self, colours: tuple[str, str], text: str, size: int = 26) -> None:
        background, colour = colours
        self.verdict.setText(text)
        self.verdict.setStyleSheet(
            f"background: {background}; color: {colour}; font-size: {size}pt; font-weight: 700;"
            "border-radius: 6px; padding: 8px 14px; letter-spacing: 2px;"
        )

    def _show(self, result: VerifikasiResult) -> None:
        _text, background, colour = VERDICTS[result.status]
        self._paint((background, colour), verdict_text(result.status))
        self.keterangan.setText(result.keterangan)
        self.nama.setText(result.nama)
        self.fields["nomor"].setText(result.nomor)
        self.fields["kegiatan"].setText(self._kegiatan(result))
        self.fields["tanggal"].setText(tanggal(result.tanggal) if result.tanggal else "")
        self.fields["penerbit"].setText(self._penerbit(result))
        self.fields["kid"].setText(result.kid)
        self.fields["alasan"].setText(result.alasan_cabut)
        for key, label in self.fields.items():
            self._set_row_visible(key, bool(label.text()) and (key != "alasan" or result.status == "dicabut"))

    @staticmethod
    def _kegiatan(result: VerifikasiResult) -> str:
        """The signed kegiatan name, shortened to fit the QR ("…"); in full from this office's
        register when the register line is the same certificate."""
        row = result.sertifikat
        signed = result.kegiatan
        if row is not None and signed.endswith("…") and row.kegiatan_nama.startswith(signed[:-1]):
            return row.kegiatan_nama
        return signed

    def _penerbit(self, result: VerifikasiResult) -> str:
        if not result.kantor:
            return result.penerbit
        if result.penerbit:
            return self.tr("{0} (kode wilayah {1})").format(result.penerbit, result.kantor)
        return self.tr("Kode wilayah {0} — impor kunci publiknya di Pengaturan › Sertifikat").format(
            result.kantor
        )

    def _set_row_visible(self, key: str, visible: bool) -> None:
        label = self.fields[key]
        self.details.setRowVisible(label, visible)

    def _remember(self, check: Check) -> None:
        self.history.insert(0, check)
        del self.history[MAX_HISTORY:]
        self.table.insertRow(0)
        if self.table.rowCount() > MAX_HISTORY:
            self.table.removeRow(MAX_HISTORY)
        result = check.result
        who = result.nama or result.nomor or " ".join(check.masukan.split())[:60]
        status = QTableWidgetItem(verdict_text(result.status))
        _text, background, colour = VERDICTS[result.status]
        status.setForeground(QColor(colour))
        status.setBackground(QColor(background))
        for column, item in enumerate((QTableWidgetItem(check.waktu.strftime("%H.%M.%S")), status,
                                       QTableWidgetItem(who))):  # fmt: skip
            item.setToolTip(result.keterangan)
            self.table.setItem(0, column, item)
