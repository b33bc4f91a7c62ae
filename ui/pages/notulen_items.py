"""Editors for one pembahasan item and one decision of the notulen, autosaved by the tab.

Keys: ``("pembahasan", id, field)`` and ``("keputusan", id, field)``. Both use plain text with
the simple formatting of :mod:`reports.notulen_text`; Tab moves to the next field (the text boxes
do not take tabs). A decision shows its rencana aksi items with their current status and offers
"Jadikan rencana aksi…" (the tab opens the prefilled rencana aksi form).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.services.notulen import KeputusanView, PembahasanView
from reports.formatting import tanggal
from ui.icons import icon
from ui.pages.notulen_header import date_edit, to_qdate
from widgets.autosave import AutosaveController

FORMAT_HINT = 'Baris baru = paragraf baru · "- " = butir · "1. " = nomor · **tebal**'


def text_edit(height: int, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)  # the page scrolls; growing boxes would push the buttons away
    edit.setPlaceholderText(placeholder)
    return edit


def _frame(widget: QWidget) -> None:
    widget.setObjectName("notulenItem")
    if isinstance(widget, QFrame):
        widget.setFrameShape(QFrame.Shape.StyledPanel)


class PembahasanEditor(QFrame):
    remove = Signal(int)

    def __init__(self, view: PembahasanView, number: int, autosave: AutosaveController) -> None:
        super().__init__()
        _frame(self)
        self.item_id = view.id
        self.judul_edit = QLineEdit(view.judul)
        self.judul_edit.setPlaceholderText(self.tr("Pokok bahasan / acara"))
        self.pembicara_edit = QLineEdit(view.pembicara)
        self.pembicara_edit.setPlaceholderText(self.tr("Pembicara"))
        self.isi_edit = text_edit(120, self.tr("Isi pembahasan…"))
        self.isi_edit.setPlainText(view.isi)
        self.remove_button = QPushButton(icon("trash.svg", "#37474f"), "")
        self.remove_button.setToolTip(self.tr("Hapus butir pembahasan ini"))
        self.remove_button.clicked.connect(lambda: self.remove.emit(self.item_id))
        head = QHBoxLayout()
        head.addWidget(QLabel(f"{number}."))
        head.addWidget(self.judul_edit, 3)
        head.addWidget(self.pembicara_edit, 2)
        head.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(head)
        layout.addWidget(self.isi_edit)
        for name, editor in (
            ("judul", self.judul_edit),
            ("pembicara", self.pembicara_edit),
            ("isi", self.isi_edit),
        ):
            autosave.watch(("pembahasan", view.id, name), editor)

    def keys(self) -> list[tuple]:
        return [("pembahasan", self.item_id, n) for n in ("judul", "pembicara", "isi")]

    def set_locked(self, locked: bool) -> None:
        for editor in (self.judul_edit, self.pembicara_edit, self.isi_edit):
            editor.setReadOnly(locked)
        self.remove_button.setEnabled(not locked)


class KeputusanEditor(QFrame):
    remove = Signal(int)
    to_rencana_aksi = Signal(int)

    def __init__(self, view: KeputusanView, autosave: AutosaveController) -> None:
        super().__init__()
        _frame(self)
        self.item_id = view.id
        self.isi_edit = text_edit(58, self.tr("Isi keputusan/kesepakatan…"))
        self.isi_edit.setPlainText(view.isi)
        self.pj_edit = QLineEdit(view.penanggung_jawab)
        self.pj_edit.setPlaceholderText(self.tr("Penanggung jawab (OPD atau nama)"))
        self.tenggat_edit = date_edit()
        self.tenggat_edit.setDate(to_qdate(view.tenggat))
        self.tenggat_edit.setToolTip(self.tr("Tenggat"))
        self.link_label = QLabel(self._links_text(view))
        self.link_label.setObjectName("muted")
        self.link_label.setWordWrap(True)
        self.rencana_button = QPushButton(
            icon("clipboard-list.svg", "#37474f"), self.tr("Jadikan rencana aksi…")
        )
        self.rencana_button.setToolTip(
            self.tr("Buat rencana aksi dari keputusan ini (boleh lebih dari satu)")
        )
        self.rencana_button.clicked.connect(lambda: self.to_rencana_aksi.emit(self.item_id))
        self.remove_button = QPushButton(icon("trash.svg", "#37474f"), "")
        self.remove_button.setToolTip(self.tr("Hapus keputusan ini"))
        self.remove_button.clicked.connect(lambda: self.remove.emit(self.item_id))
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(QLabel(f"{view.nomor}."), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.isi_edit, 0, 1, 1, 4)
        grid.addWidget(self.pj_edit, 1, 1)
        grid.addWidget(QLabel(self.tr("Tenggat")), 1, 2)
        grid.addWidget(self.tenggat_edit, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rencana_button)
        buttons.addWidget(self.remove_button)
        grid.addLayout(buttons, 1, 4)
        grid.addWidget(self.link_label, 2, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        for name, editor in (
            ("isi", self.isi_edit),
            ("penanggung_jawab", self.pj_edit),
            ("tenggat", self.tenggat_edit),
        ):
            autosave.watch(("keputusan", view.id, name), editor)

    def _links_text(self, view: KeputusanView) -> str:
        if not view.rencana_aksi:
            return self.tr("Belum ada rencana aksi dari keputusan ini.")
        parts = [
            f"{link.aksi[:60]} — {link.status}"
            + (f" (jatuh tempo {tanggal(link.jatuh_tempo)})" if link.jatuh_tempo else "")
            for link in view.rencana_aksi
        ]
        head = self.tr("Tindak lanjut: {0} rencana aksi").format(len(view.rencana_aksi))
        return head + "\n" + "\n".join(f"• {p}" for p in parts)

    def keys(self) -> list[tuple]:
        return [("keputusan", self.item_id, n) for n in ("isi", "penanggung_jawab", "tenggat")]

    def set_locked(self, locked: bool) -> None:
        self.isi_edit.setReadOnly(locked)
        self.pj_edit.setReadOnly(locked)
        self.tenggat_edit.setEnabled(not locked)
        self.remove_button.setEnabled(not locked)
