"""A line edit for a 16-digit NIK: digits only, pasted separators dropped, a live digit count.

NIKs are copied from KTP photos, WhatsApp messages and spreadsheets with spaces, dots or a leading
apostrophe. The validator keeps the digits (at most 16) so a paste just works, while a 15-digit
entry stays possible to type (and is reported by the form, not silently blocked). The checks that
need domain rules (province code, birth date) live in :mod:`db.identity`; the dialog runs them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

NIK_LENGTH = 16


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class NikValidator(QValidator):
    """Accepts digits (separators are removed in place); more than 16 digits is refused."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:  # type: ignore[override]
        digits_before_cursor = len(digits_only(text[:pos]))
        digits = digits_only(text)
        if len(digits) > NIK_LENGTH:
            return QValidator.State.Invalid, text, pos
        state = (
            QValidator.State.Acceptable if len(digits) in (0, NIK_LENGTH) else QValidator.State.Intermediate
        )
        return state, digits, digits_before_cursor

    def fixup(self, text: str) -> str:  # type: ignore[override]
        return digits_only(text)[:NIK_LENGTH]


class NikEdit(QLineEdit):
    """NIK entry; ``nikChanged(digits)`` fires on every edit."""

    nikChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(NikValidator(self))
        self.setPlaceholderText(self.tr("16 angka, mis. 1872014107850004"))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font = QFont(self.font())
        font.setFamilies([fixed.family(), *font.families()])
        self.setFont(font)
        self.textChanged.connect(lambda _text: self.nikChanged.emit(self.nik()))

    def nik(self) -> str:
        return digits_only(self.text())

    def set_nik(self, nik: str) -> None:
        self.setText(digits_only(nik or "")[:NIK_LENGTH])

    def digit_count(self) -> int:
        return len(self.nik())
