"""The eligibility rule, shown as a sentence and edited inline: every held day, at least N days, or
at least X % of the held days. "Terapkan" stores it (audited by the service) and the tab reloads.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services.sertifikat import AturanSertifikat, save_aturan
from ui import messages

MODES = ("semua", "hari", "persen")


class RuleEditor(QWidget):
    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aturan: AturanSertifikat | None = None
        self.sentence = QLabel()
        self.sentence.setObjectName("sertifikatAturan")
        self.sentence.setWordWrap(True)
        self.mode_combo = QComboBox()
        for key, text in zip(MODES, (self.tr("hadir di semua hari yang terlaksana"),
                                     self.tr("hadir paling sedikit … hari"),
                                     self.tr("hadir paling sedikit … % hari")), strict=True):  # fmt: skip
            self.mode_combo.addItem(text, key)
        self.hari_spin = QSpinBox()
        self.hari_spin.setRange(1, 366)
        self.hari_spin.setSuffix(self.tr(" hari"))
        self.persen_spin = QDoubleSpinBox()
        self.persen_spin.setRange(1, 100)
        self.persen_spin.setDecimals(0)
        self.persen_spin.setSuffix(" %")
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())
        self.stack.addWidget(self.hari_spin)
        self.stack.addWidget(self.persen_spin)
        self.stack.setFixedWidth(96)
        self.apply_button = QPushButton(self.tr("Terapkan aturan"))
        self.apply_button.setToolTip(self.tr("Simpan aturan kelayakan dan hitung ulang daftar"))
        caption = QLabel(self.tr("Syarat Peserta:"))
        caption.setBuddy(self.mode_combo)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.mode_combo)
        row.addWidget(self.stack)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.sentence)
        column.addLayout(row)
        self.mode_combo.currentIndexChanged.connect(self._changed)
        self.hari_spin.valueChanged.connect(self._changed)
        self.persen_spin.valueChanged.connect(self._changed)
        self.apply_button.clicked.connect(self.apply)

    def show_aturan(self, aturan: AturanSertifikat, summary: str) -> None:
        """Show the stored rule; Narasumber, Moderator and Panitia always receive theirs."""
        self._aturan = aturan
        tail = self.tr("Narasumber, Moderator dan Panitia selalu menerima sertifikatnya.")
        self.sentence.setText(f"<b>{escape(summary)}.</b> {escape(tail)}")
        mode = (
            "persen" if aturan.min_persen is not None else "hari" if aturan.min_hari is not None else "semua"
        )
        for widget in (self.mode_combo, self.hari_spin, self.persen_spin):
            widget.blockSignals(True)
        self.mode_combo.setCurrentIndex(MODES.index(mode))
        self.hari_spin.setValue(aturan.min_hari or 1)
        self.persen_spin.setValue(aturan.min_persen or 80)
        for widget in (self.mode_combo, self.hari_spin, self.persen_spin):
            widget.blockSignals(False)
        self._changed()

    def chosen(self) -> AturanSertifikat | None:
        if self._aturan is None:
            return None
        mode = self.mode_combo.currentData()
        return replace(
            self._aturan,
            min_hari=self.hari_spin.value() if mode == "hari" else None,
            min_persen=float(self.persen_spin.value()) if mode == "persen" else None,
        )

    @Slot()
    def _changed(self) -> None:
        self.stack.setCurrentIndex(MODES.index(self.mode_combo.currentData()))
        chosen, stored = self.chosen(), self._aturan
        self.apply_button.setEnabled(
            chosen is not None and stored is not None
            and (chosen.min_hari, chosen.min_persen) != (stored.min_hari, stored.min_persen)
        )  # fmt: skip

    @Slot()
    def apply(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        try:
            save_aturan(chosen)
        except DomainError as exc:
            messages.error(self, self.tr("Aturan sertifikat"), messages.error_text(exc))
            return
        self.saved.emit()
