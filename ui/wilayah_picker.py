"""Choose a kecamatan through three linked combo boxes: provinsi → kabupaten/kota → kecamatan.

Each box is editable with a "contains" completer, so typing "metro" offers "Kota Metro" and
"Metro Timur"; leaving a box resolves what was typed through :func:`db.wilayah.match`
(spelling variants like "Kec. Metro Timur" are accepted) or restores the last valid choice.
Used by the first-start dialog and the Pengaturan page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLabel, QWidget

from db import wilayah
from db.wilayah import KECAMATAN, PROVINSI, Wilayah


class WilayahPicker(QWidget):
    """Three linked boxes; :meth:`code` is the chosen kecamatan code ("" until one is chosen)."""

    changed = Signal(str)  # kecamatan code, or "" when the choice was cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self.provinsi_box = self._make_box(self.tr("Ketik atau pilih provinsi"))
        self.kabkota_box = self._make_box(self.tr("Ketik atau pilih kabupaten/kota"))
        self.kecamatan_box = self._make_box(self.tr("Ketik atau pilih kecamatan"))
        self._boxes = (self.provinsi_box, self.kabkota_box, self.kecamatan_box)
        self.form = QFormLayout(self)  # hosts may add rows below, aligned with these three
        self.form.setContentsMargins(0, 0, 0, 0)
        for caption, box in zip(
            (self.tr("Provinsi"), self.tr("Kabupaten/Kota"), self.tr("Kecamatan")), self._boxes, strict=True
        ):
            label = QLabel(caption)
            label.setBuddy(box)
            self.form.addRow(label, box)
        for level, box in enumerate(self._boxes, start=PROVINSI):
            box.currentIndexChanged.connect(lambda _i, lv=level: self._on_index(lv))
            box.lineEdit().editingFinished.connect(lambda lv=level: self._resolve_typed(lv))
        self._fill(self.provinsi_box, wilayah.children(""))
        self._update_enabled()

    # ------------------------------------------------------------------ public API
    def code(self) -> str:
        """The chosen kecamatan code (dotted, e.g. "18.72.04"), or ""."""
        return self._code

    def kecamatan(self) -> Wilayah | None:
        return wilayah.get(self._code) if self._code else None

    def set_code(self, kode: str) -> None:
        """Select the region of ``kode`` (any level; deeper codes are cut to the kecamatan)."""
        chain = self._chain(kode)
        for box in self._boxes:
            box.blockSignals(True)
        try:
            for level, box in enumerate(self._boxes, start=PROVINSI):
                if level > PROVINSI:
                    parent = chain[level - 2] if len(chain) >= level - 1 else None
                    self._fill(box, wilayah.children(parent.kode) if parent else [])
                target = chain[level - 1].kode if len(chain) >= level else ""
                box.setCurrentIndex(box.findData(target) if target else -1)
        finally:
            for box in self._boxes:
                box.blockSignals(False)
        self._update_enabled()
        self._set_code(chain[2].kode if len(chain) == 3 else "")

    # ------------------------------------------------------------------ internals
    def _make_box(self, placeholder: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setMaxVisibleItems(15)
        box.setMinimumContentsLength(16)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.lineEdit().setPlaceholderText(placeholder)
        completer = QCompleter(box.model(), box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
        return box

    @staticmethod
    def _chain(kode: str) -> list[Wilayah]:
        """Provinsi, kab/kota, kecamatan of ``kode`` as far as it reaches (cut to 3 levels)."""
        found = wilayah.get(kode) if kode else None
        if found is None:
            return []
        chain = [*wilayah.ancestors(found.kode), found]
        return chain[:3]

    @staticmethod
    def _fill(box: QComboBox, regions: list[Wilayah]) -> None:
        blocked = box.blockSignals(True)
        box.clear()
        for region in regions:
            box.addItem(region.nama, region.kode)
        box.setCurrentIndex(-1)
        box.blockSignals(blocked)

    def _update_enabled(self) -> None:
        self.kabkota_box.setEnabled(self.provinsi_box.currentIndex() >= 0)
        self.kecamatan_box.setEnabled(self.kabkota_box.currentIndex() >= 0)

    @Slot()
    def _on_index(self, level: int) -> None:
        """A box changed: refill the boxes below it and publish the kecamatan choice."""
        box = self._boxes[level - 1]
        kode = box.currentData() or ""
        if level < KECAMATAN:
            self._fill(self._boxes[level], wilayah.children(kode) if kode else [])
            for lower in self._boxes[level + 1 :]:
                self._fill(lower, [])
        self._update_enabled()
        self._set_code(self.kecamatan_box.currentData() or "")

    @Slot()
    def _resolve_typed(self, level: int) -> None:
        """Typed text that is not exactly an item: accept a certain match, else restore."""
        box = self._boxes[level - 1]
        text = box.currentText().strip()
        current = box.itemText(box.currentIndex()) if box.currentIndex() >= 0 else ""
        if text == current:
            return
        index = self._index_for_text(box, level, text) if text else -1
        if index >= 0:
            box.setCurrentIndex(index)
        else:
            box.setEditText(current)

    def _index_for_text(self, box: QComboBox, level: int, text: str) -> int:
        index = box.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return index
        parent = self._boxes[level - 2].currentData() if level > PROVINSI else ""
        found = wilayah.match(text, within=parent or "", tingkat=level)
        if found.certain and found.best is not None:
            return box.findData(found.best.kode)
        containing = [i for i in range(box.count()) if text.casefold() in box.itemText(i).casefold()]
        return containing[0] if len(containing) == 1 else -1

    def _set_code(self, kode: str) -> None:
        if kode != self._code:
            self._code = kode
            self.changed.emit(kode)
