"""One logo of the kop surat (logo daerah, or the optional second logo such as TP-PKK).

A chosen image is stored at once through :func:`db.services.profile.set_logo` (which checks it is
a PNG/JPEG under 2 MB): picking a file is already a deliberate act, and the preview then shows
exactly what the printed kop will use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.errors import DomainError
from db.services.profile import get_logo, set_logo
from ui import messages
from ui.context import AppContext
from widgets.form import error_label, set_error

PREVIEW = QSize(96, 96)


class LogoSlot(QWidget):
    def __init__(
        self, slot: str, title: str, ctx: AppContext, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.slot = slot
        self.title = title
        self._ctx = ctx
        self.title_label = QLabel(f"{title} <span style='color:#5f7680'>{hint}</span>" if hint else title)
        self.title_label.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(PREVIEW + QSize(8, 8))
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setMargin(6)
        self.choose_button = QPushButton(self.tr("Pilih…"))
        self.choose_button.setToolTip(self.tr("Gambar PNG atau JPG, paling besar 2 MB"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.error = error_label()
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)

    @Slot()
    def refresh(self) -> None:
        data = get_logo(self.slot)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            scaled = pixmap.scaled(
                PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self.preview.setPixmap(scaled)
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Belum ada logo") if not data else self.tr("Gambar tidak terbaca"))
        self.remove_button.setEnabled(bool(data))

    def has_logo(self) -> bool:
        return get_logo(self.slot) is not None

    def _ask_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo"), str(Path.home()), self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        return path

    @Slot()
    def choose(self) -> None:
        path = self._ask_file()
        if not path:
            return
        try:
            set_logo(self.slot, Path(path).read_bytes())
        except DomainError as exc:
            set_error(self.error, messages.error_text(exc))
            return
        except OSError as exc:
            set_error(self.error, self.tr("Berkas tidak dapat dibaca: {0}").format(exc.strerror or exc))
            return
        self._changed()

    @Slot()
    def remove(self) -> None:
        question = self.tr("Hapus {0} dari kop surat?").format(self.title.lower())
        if not messages.confirm(self, self.tr("Hapus logo"), question):
            return
        set_logo(self.slot, None)
        self._changed()

    def _changed(self) -> None:
        set_error(self.error, "")
        self.refresh()
        self._ctx.bus.profileChanged.emit()
