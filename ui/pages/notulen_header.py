"""The notulen's header form: judul, nomor, tanggal and hours, tempat, acara, pimpinan and notulis.

Pimpinan rapat and notulis are editable combos: pick a penandatangan (jabatan and NIP follow) or
type any name. Every field is autosaved by the tab's :class:`~widgets.autosave.AutosaveController`
under the key ``("notulen", field)``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from db.services.notulen import NotulenView
from db.services.penandatangan import SignatoryData, list_signatories
from widgets.autosave import AutosaveController

NO_DATE = QDate(2000, 1, 1)
TEXT_FIELDS = (
    "judul",
    "nomor",
    "jam_mulai",
    "jam_selesai",
    "tempat",
    "pimpinan_jabatan",
    "pimpinan_nip",
    "notulis_jabatan",
    "notulis_nip",
)


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("–")
    edit.setDate(NO_DATE)
    return edit


class NotulenHeaderForm(QWidget):
    def __init__(self, autosave: AutosaveController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._autosave = autosave
        self._signers: list[SignatoryData] = []
        self.edits: dict[str, QWidget] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.edits["judul"].setPlaceholderText(self.tr("Judul rapat"))
        self.edits["nomor"].setPlaceholderText(self.tr("boleh kosong"))
        for name in ("jam_mulai", "jam_selesai"):
            self.edits[name].setPlaceholderText(self.tr("08:00"))
            self.edits[name].setMaximumWidth(80)
        for name in ("pimpinan_nip", "notulis_nip"):
            self.edits[name].setPlaceholderText(self.tr("NIP (kosong bila bukan ASN)"))
        for name in ("pimpinan_jabatan", "notulis_jabatan"):
            self.edits[name].setPlaceholderText(self.tr("Jabatan"))
        self.edits["tanggal"] = date_edit()
        acara = QPlainTextEdit()
        acara.setTabChangesFocus(True)
        acara.setFixedHeight(64)
        self.edits["acara"] = acara
        for name in ("pimpinan_nama", "notulis_nama"):
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setMinimumContentsLength(22)
            combo.activated.connect(lambda index, n=name: self._picked(n, index))
            self.edits[name] = combo
        self._layout()
        for name, editor in self.edits.items():
            editor.setObjectName(f"notulen_{name}")
            autosave.watch(("notulen", name), editor)

    def _layout(self) -> None:
        e = self.edits
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        time_row = QWidget()
        times = QGridLayout(time_row)
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(e["tanggal"], 0, 0)
        times.addWidget(e["jam_mulai"], 0, 1)
        times.addWidget(QLabel("–"), 0, 2)
        times.addWidget(e["jam_selesai"], 0, 3)
        times.setColumnStretch(4, 1)
        rows = (
            (self.tr("&Judul rapat"), e["judul"], self.tr("Nomor"), e["nomor"]),
            (self.tr("Hari/tanggal, waktu"), time_row, self.tr("&Tempat"), e["tempat"]),
            (self.tr("Pimpinan rapat"), e["pimpinan_nama"], self.tr("&Notulis"), e["notulis_nama"]),
            # labelled: once filled, the placeholders no longer say which line is which
            (self.tr("Jabatan"), e["pimpinan_jabatan"], self.tr("Jabatan"), e["notulis_jabatan"]),
            (self.tr("NIP"), e["pimpinan_nip"], self.tr("NIP"), e["notulis_nip"]),
        )
        for row, (left, left_edit, right, right_edit) in enumerate(rows):
            for column, (text, editor) in enumerate(((left, left_edit), (right, right_edit))):
                label = QLabel(text)
                label.setBuddy(editor)
                grid.addWidget(label, row, column * 2)
                grid.addWidget(editor, row, column * 2 + 1)
        acara_label = QLabel(self.tr("&Acara"))
        acara_label.setBuddy(e["acara"])
        grid.addWidget(acara_label, len(rows), 0)
        grid.addWidget(e["acara"], len(rows), 1, 1, 3)

    # ------------------------------------------------------------------ data
    def load(self, view: NotulenView) -> None:
        self._signers = list_signatories(active_only=True)
        with self._autosave.loading():
            for name in ("pimpinan_nama", "notulis_nama"):
                combo = self.edits[name]
                combo.clear()
                for signer in self._signers:
                    combo.addItem(signer.nama, signer.id)
                combo.setCurrentIndex(-1)
                combo.setEditText(getattr(view, name))
            for name in TEXT_FIELDS:
                self.edits[name].setText(getattr(view, name))
                self.edits[name].setCursorPosition(0)  # a long judul shows its beginning
            self.edits["acara"].setPlainText(view.acara)
            self.edits["tanggal"].setDate(to_qdate(view.tanggal))

    def set_locked(self, locked: bool) -> None:
        for editor in self.edits.values():
            if isinstance(editor, (QLineEdit, QPlainTextEdit)):
                editor.setReadOnly(locked)
            else:
                editor.setEnabled(not locked)

    @Slot()
    def _picked(self, name: str, index: int) -> None:
        """A penandatangan chosen from the list: its jabatan and NIP fill the lines below."""
        signer_id = self.edits[name].itemData(index)
        signer = next((s for s in self._signers if s.id == signer_id), None)
        if signer is None:
            return
        role = name.removesuffix("_nama")
        self.edits[f"{role}_jabatan"].setText(signer.jabatan)
        self.edits[f"{role}_nip"].setText(signer.nip if signer.jenis_pegawai != "Non-ASN" else "")
