"""The "Notulen" tab of a kegiatan: a keyboard-first editor a secretary types into during the meeting.

Header, pembukaan, one editor per pembahasan (from the agenda), the numbered decisions, penutupan.
Everything is autosaved about a second after typing stops, when a field loses focus, on Ctrl+S and
when the tab is hidden (:class:`~widgets.autosave.AutosaveController`); the status line says when
("Tersimpan otomatis 10.42") or what the service refused (a half-typed time), without a dialog in
the middle of typing. Ctrl+Enter adds a decision and puts the cursor in it; Tab moves between fields.

State buttons (Finalkan, Buka kembali…), printing and "Jadikan rencana aksi" live in
:mod:`ui.pages.notulen_actions`. A final or sent notulen is shown read-only.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import DomainError
from db.services import notulen as service
from db.services.notulen_isi import save_pembahasan
from db.services.notulen_keputusan import save_keputusan
from ui import messages
from ui.context import AppContext
from ui.icons import icon
from ui.pages.notulen_header import NotulenHeaderForm
from ui.pages.notulen_items import FORMAT_HINT, KeputusanEditor, PembahasanEditor, text_edit
from widgets.autosave import AutosaveController


class NotulenTab(QWidget):
    def __init__(self, ctx: AppContext, kegiatan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notulenTab")
        self._ctx = ctx
        self.kegiatan_id = kegiatan_id
        self.view: service.NotulenView | None = None
        self.autosave = AutosaveController(self._save, self)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(self._save_failed)
        self.pembahasan_editors: list[PembahasanEditor] = []
        self.keputusan_editors: list[KeputusanEditor] = []
        self._build()
        from ui.pages.notulen_actions import NotulenActions

        self.actions = NotulenActions(self, ctx)
        self._connect()
        ctx.bus.rencanaAksiChanged.connect(self._links_changed)

    # ------------------------------------------------------------------ construction
    def _button(self, text: str, icon_name: str, tip: str) -> QPushButton:
        button = QPushButton(icon(icon_name, "#37474f"), text)
        button.setToolTip(tip)
        return button

    def _build(self) -> None:
        self.state_label = QLabel()
        self.state_label.setObjectName("notulenState")
        self.finalize_button = self._button(
            self.tr("Finalkan"), "check.svg", self.tr("Kunci notulen untuk ditandatangani")
        )
        self.reopen_button = self._button(
            self.tr("Buka kembali…"), "pencil.svg", self.tr("Jadikan draf lagi (alasan dicatat di riwayat)")
        )
        self.print_button = self._button(
            self.tr("Cetak notulen"), "printer.svg", self.tr("Pratinjau PDF notulen")
        )
        self.lampiran_check = QCheckBox(self.tr("dengan daftar hadir dan materi"))
        self.lampiran_check.setChecked(True)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("muted")
        bar = QHBoxLayout()
        for widget in (self.state_label, self.finalize_button, self.reopen_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.saved_label, self.print_button, self.lampiran_check):
            bar.addWidget(widget)

        self.header = NotulenHeaderForm(self.autosave)
        self.pembukaan_edit = text_edit(
            96, self.tr("Pembukaan: siapa membuka, pukul berapa, pokok sambutan…")
        )
        self.penutupan_edit = text_edit(64, self.tr("Penutup…"))
        self.jam_tutup_edit = QLineEdit()
        self.jam_tutup_edit.setPlaceholderText(self.tr("11:30"))
        self.jam_tutup_edit.setMaximumWidth(80)
        for key, editor in (
            ("pembukaan", self.pembukaan_edit),
            ("penutupan", self.penutupan_edit),
            ("jam_tutup", self.jam_tutup_edit),
        ):
            editor.setObjectName(f"notulen_{key}")
            self.autosave.watch(("notulen", key), editor)
        self.pembahasan_box = QVBoxLayout()
        self.keputusan_box = QVBoxLayout()
        self.add_pembahasan_button = self._button(
            self.tr("Tambah pembahasan"), "plus.svg", self.tr("Butir pembahasan di luar susunan acara")
        )
        self.sync_button = self._button(
            self.tr("Ambil dari susunan acara"),
            "refresh.svg",
            self.tr("Tambahkan acara yang belum ada di pembahasan"),
        )
        self.add_keputusan_button = self._button(
            self.tr("Tambah keputusan"), "plus.svg", self.tr("Keputusan baru (Ctrl+Enter)")
        )
        body = QWidget()
        body.setObjectName("notulenBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 12, 0)
        column.addWidget(self.header)
        column.addWidget(self._heading(self.tr("I. Pembukaan")))
        column.addWidget(self.pembukaan_edit)
        column.addWidget(self._heading(self.tr("II. Pembahasan")))
        column.addLayout(self.pembahasan_box)
        column.addLayout(self._row(self.add_pembahasan_button, self.sync_button))
        column.addWidget(self._heading(self.tr("III. Kesimpulan/kesepakatan")))
        column.addLayout(self.keputusan_box)
        column.addLayout(self._row(self.add_keputusan_button))
        column.addWidget(self._heading(self.tr("IV. Penutup")))
        column.addWidget(self.penutupan_edit)
        column.addLayout(self._row(QLabel(self.tr("Rapat ditutup pukul")), self.jam_tutup_edit))
        hint = QLabel(self.tr(FORMAT_HINT))
        hint.setObjectName("muted")
        column.addWidget(hint)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def _row(self, *widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _connect(self) -> None:
        a = self.actions
        self.finalize_button.clicked.connect(a.finalize)
        self.reopen_button.clicked.connect(a.reopen)
        self.print_button.clicked.connect(a.print_preview)
        self.add_pembahasan_button.clicked.connect(a.add_pembahasan)
        self.sync_button.clicked.connect(a.sync_agenda)
        self.add_keputusan_button.clicked.connect(a.add_keputusan)
        for keys, slot in (
            (QKeySequence("Ctrl+Return"), a.add_keputusan),
            (QKeySequence("Ctrl+Enter"), a.add_keputusan),
            (QKeySequence(QKeySequence.StandardKey.Save), self.save_now),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ loading
    @Slot()
    def refresh(self) -> None:
        """Load (creating the notulen on first visit) and show everything."""
        self.autosave.flush()
        try:
            view = service.ensure_notulen(self.kegiatan_id)
        except DomainError as exc:
            messages.error(self, self.tr("Notulen"), messages.error_text(exc))
            return
        self.show_view(view)

    def show_view(self, view: service.NotulenView) -> None:
        self.view = view
        self.header.load(view)
        with self.autosave.loading():
            self.pembukaan_edit.setPlainText(view.pembukaan)
            self.penutupan_edit.setPlainText(view.penutupan)
            self.jam_tutup_edit.setText(view.jam_tutup)
        self._fill_items(view)
        self._show_state(view)

    def _fill_items(self, view: service.NotulenView) -> None:
        for editor in (*self.pembahasan_editors, *self.keputusan_editors):
            self.autosave.forget(editor.keys())
            editor.setParent(None)
            editor.deleteLater()
        self.pembahasan_editors = []
        for number, item in enumerate(view.pembahasan, 1):
            editor = PembahasanEditor(item, number, self.autosave)
            editor.remove.connect(self.actions.delete_pembahasan)
            self.pembahasan_box.addWidget(editor)
            editor.show()  # now, not at the next event loop pass: the focus may go there at once
            self.pembahasan_editors.append(editor)
        self.keputusan_editors = []
        for decision in view.keputusan:
            editor = KeputusanEditor(decision, self.autosave)
            editor.remove.connect(self.actions.delete_keputusan)
            editor.to_rencana_aksi.connect(self.actions.to_rencana_aksi)
            self.keputusan_box.addWidget(editor)
            editor.show()
            self.keputusan_editors.append(editor)

    def _show_state(self, view: service.NotulenView) -> None:
        locked = view.locked
        text = self.tr("Status: {0}").format(self.tr(view.status_label))
        if view.versi:
            text += self.tr(" · versi {0}").format(view.versi)
        if view.terkirim_tanggal:
            text += self.tr(" · dikirim {0:%d-%m-%Y}").format(view.terkirim_tanggal)
        self.state_label.setText(text)
        self.finalize_button.setEnabled(not locked)
        self.reopen_button.setEnabled(locked)
        for widget in (self.add_pembahasan_button, self.sync_button, self.add_keputusan_button):
            widget.setEnabled(not locked)
        self.header.set_locked(locked)
        for editor in (self.pembukaan_edit, self.penutupan_edit, self.jam_tutup_edit):
            editor.setReadOnly(locked)
        for editor in (*self.pembahasan_editors, *self.keputusan_editors):
            editor.set_locked(locked)
        if locked:
            self.saved_label.setText(self.tr("Terkunci: buka kembali untuk mengubah"))

    @Slot()
    def _links_changed(self) -> None:
        """A rencana aksi changed (status, deleted): refresh the follow-up lines of the decisions."""
        if self.view is not None and self.isVisible():
            self.autosave.flush()
            view = service.get_notulen(self.kegiatan_id)
            if view is not None:
                self.show_view(view)

    # ------------------------------------------------------------------ autosave
    def _save(self, values: dict[Hashable, Any]) -> None:
        """One autosave: header fields, then each pembahasan/decision with its changed fields."""
        header = {key[1]: value for key, value in values.items() if key[0] == "notulen"}
        items: dict[tuple[str, int], dict[str, Any]] = {}
        for key, value in values.items():
            if key[0] != "notulen":
                items.setdefault((key[0], key[1]), {})[key[2]] = value
        if header:
            service.save_fields(self.kegiatan_id, header)
        for (kind, item_id), fields in items.items():
            (save_pembahasan if kind == "pembahasan" else save_keputusan)(item_id, fields)

    @Slot(object)
    def _saved(self, when: datetime) -> None:
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(self.tr("Tersimpan otomatis {0}").format(when.strftime("%H.%M")))

    @Slot(object)
    def _save_failed(self, exc: BaseException) -> None:
        self.saved_label.setStyleSheet("color: #c62828;")
        self.saved_label.setText(self.tr("Belum tersimpan: {0}").format(messages.error_text(exc)))

    @Slot()
    def save_now(self) -> bool:
        return self.autosave.flush()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.autosave.flush()  # leaving the tab, the kegiatan or the window saves what was typed
        super().hideEvent(event)
