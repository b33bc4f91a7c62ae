"""What to print before the preview opens: which kader (kelurahan, posyandu, status) and who signs.

Used for both printouts of the kader page; the recap needs only the signatory. The choices start
from the page's current filters, so "filter, then print" prints what is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.services.penandatangan import list_signatories
from db.services.posyandu import PosyanduRow
from ui.models.registry_choices import kelurahan_choices, posyandu_choices, refill, select_data


class CetakKaderDialog(QDialog):
    """``recap=True`` asks only for the signatory."""

    def __init__(
        self,
        posyandu: list[PosyanduRow],
        *,
        recap: bool = False,
        kode_wilayah: str = "",
        posyandu_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._posyandu = posyandu
        self.setWindowTitle(self.tr("Cetak rekap kader") if recap else self.tr("Cetak daftar kader"))
        self.kelurahan_combo = QComboBox()
        refill(
            self.kelurahan_combo,
            [(n, k) for k, n in kelurahan_choices(posyandu)],
            first=self.tr("Semua kelurahan/desa"),
        )
        self.posyandu_combo = QComboBox()
        self.aktif_check = QCheckBox(self.tr("Hanya kader berstatus aktif"))
        self.aktif_check.setChecked(True)
        self.signatory_combo = QComboBox()
        self.signatory_combo.addItem(self.tr("– tanpa tanda tangan –"), None)
        for signer in list_signatories(active_only=True):
            self.signatory_combo.addItem(f"{signer.nama} — {signer.jabatan}", signer.id)
        if self.signatory_combo.count() > 1:
            self.signatory_combo.setCurrentIndex(1)
        select_data(self.kelurahan_combo, kode_wilayah)
        self._refill_posyandu()
        select_data(self.posyandu_combo, posyandu_id)
        self.kelurahan_combo.currentIndexChanged.connect(self._refill_posyandu)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        if recap:
            note = QLabel(
                self.tr(
                    "Rekap memuat semua posyandu dan kelurahan: jumlah kader, kader aktif, "
                    "dan kader aktif per tingkatan."
                )
            )
            note.setWordWrap(True)
            note.setObjectName("muted")
            form.addRow(note)
        else:
            form.addRow(self.tr("Kelurahan/desa"), self.kelurahan_combo)
            form.addRow(self.tr("Posyandu"), self.posyandu_combo)
            form.addRow("", self.aktif_check)
        form.addRow(self.tr("Penandatangan"), self.signatory_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Pratinjau"))
        ok.setProperty("primary", True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    @Slot()
    def _refill_posyandu(self) -> None:
        kode = self.kelurahan_combo.currentData() or ""
        rows = posyandu_choices(self._posyandu, kode)
        refill(
            self.posyandu_combo,
            [(r.nama if kode else f"{r.nama} — {r.kelurahan}", r.id) for r in rows],
            first=self.tr("Semua posyandu"),
        )

    def kode_wilayah(self) -> str:
        return self.kelurahan_combo.currentData() or ""

    def posyandu_id(self) -> int | None:
        return self.posyandu_combo.currentData()

    def status(self) -> str:
        return "aktif" if self.aktif_check.isChecked() else ""

    def signatory_id(self) -> int | None:
        return self.signatory_combo.currentData()
