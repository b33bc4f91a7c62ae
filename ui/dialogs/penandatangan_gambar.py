"""One image slot of the penandatangan dialog: the scanned signature or the stamp, with a preview.

The chosen file is checked at once (:func:`db.services.penandatangan.inspect_image`: PNG/JPG, at
most 1 MB and 4000 px a side) and its problem shown under the slot; it is stored only when the
dialog is saved, together with the signatory (so Batal leaves everything as it was).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.errors import DomainError
from db.services.penandatangan import MAX_IMAGE_BYTES, inspect_image
from ui import messages
from widgets.form import error_label, set_error


class GambarSlot(QWidget):
    """``data`` is what the slot holds now; ``changed`` tells whether it differs from the stored one."""

    def __init__(
        self, jenis: str, stored: bytes | None, preview: QSize, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.jenis = jenis
        self.data = stored
        self.changed = False
        self._size = preview
        self.preview = QLabel()
        self.preview.setFixedSize(preview + QSize(8, 8))
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #ffffff;")
        self.choose_button = QPushButton(self.tr("Pilih…"))
        self.choose_button.setToolTip(
            self.tr("Gambar PNG (sebaiknya berlatar transparan) atau JPG, paling besar 1 MB")
        )
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.error = error_label()
        self.error.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        for button in (self.choose_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the dialog's fields means Simpan, never Pilih
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        self._show()

    def _show(self) -> None:
        pixmap = QPixmap()
        if self.data and pixmap.loadFromData(self.data):
            mode = Qt.TransformationMode.SmoothTransformation
            self.preview.setPixmap(pixmap.scaled(self._size, Qt.AspectRatioMode.KeepAspectRatio, mode))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Belum ada gambar") if not self.data else self.tr("Tidak terbaca"))
        self.remove_button.setEnabled(bool(self.data))

    def _ask_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih gambar"), str(Path.home()), self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        return path

    @Slot()
    def choose(self) -> None:
        path = self._ask_file()
        if not path:
            return
        try:
            with open(path, "rb") as handle:  # never more than the limit plus one byte into memory
                data = handle.read(MAX_IMAGE_BYTES + 1)
            inspect_image(self.jenis, data)
        except DomainError as exc:
            set_error(self.error, messages.error_text(exc))
            return
        except OSError as exc:
            set_error(self.error, self.tr("Berkas tidak dapat dibaca: {0}").format(exc.strerror or exc))
            return
        set_error(self.error, "")
        self.data, self.changed = data, True
        self._show()

    @Slot()
    def remove(self) -> None:
        set_error(self.error, "")
        self.data, self.changed = None, True
        self._show()
