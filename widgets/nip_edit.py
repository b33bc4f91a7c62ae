"""A line edit for an 18-digit NIP that shows it grouped as printed: ``19860926 201505 1 001``.

An input mask would make the user fight fixed underscores and breaks on pasting a NIP copied with
dots or spaces. Instead a validator keeps only the digits (at most 18) and regroups them while
typing, keeping the cursor after the same digit; :meth:`NipEdit.nip` gives the bare digits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

NIP_LENGTH = 18
_GROUP_ENDS = (8, 14, 15)  # a space follows the 8th, 14th and 15th digit


def group_digits(digits: str) -> str:
    """``"1986092620150"`` → ``"19860926 20150"``: the spaces of a full NIP, as far as it goes."""
    out = []
    for position, digit in enumerate(digits, start=1):
        out.append(digit)
        if position in _GROUP_ENDS and position < len(digits):
            out.append(" ")
    return "".join(out)


class NipValidator(QValidator):
    """Accepts digits (separators are dropped) and regroups them in place."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:  # type: ignore[override]
        digits_before_cursor = sum(ch.isdigit() for ch in text[:pos])
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) > NIP_LENGTH:
            return QValidator.State.Invalid, text, pos
        grouped = group_digits(digits)
        cursor = _position_after_digits(grouped, digits_before_cursor)
        complete = len(digits) in (0, NIP_LENGTH)
        state = QValidator.State.Acceptable if complete else QValidator.State.Intermediate
        return state, grouped, cursor


def _position_after_digits(text: str, count: int) -> int:
    if count == 0:
        return 0
    seen = 0
    for position, ch in enumerate(text):
        if ch.isdigit():
            seen += 1
            if seen == count:
                return position + 1
    return len(text)


class NipEdit(QLineEdit):
    """NIP entry; ``nipChanged(digits)`` fires on every edit, ``left`` when focus moves away."""

    nipChanged = Signal(str)
    left = Signal()  # focus moved away; unlike editingFinished it also fires for an incomplete NIP

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(NipValidator(self))
        self.setPlaceholderText(self.tr("18 angka, mis. 19860926 201505 1 001"))
        self.textChanged.connect(lambda _text: self.nipChanged.emit(self.nip()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Backspace/Delete next to a group space removes the digit beyond it, not just the space
        (which the regrouping would put straight back)."""
        pos = self.cursorPosition()
        text = self.text()
        if not self.hasSelectedText():
            if event.key() == Qt.Key.Key_Backspace and pos > 1 and text[pos - 1] == " ":
                self.setCursorPosition(pos - 1)
            elif event.key() == Qt.Key.Key_Delete and pos < len(text) - 1 and text[pos] == " ":
                self.setCursorPosition(pos + 1)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.left.emit()

    def nip(self) -> str:
        """The digits only."""
        return "".join(ch for ch in self.text() if ch.isdigit())

    def set_nip(self, nip: str) -> None:
        digits = "".join(ch for ch in nip if ch.isdigit())[:NIP_LENGTH]
        self.setText(group_digits(digits))

    def digit_count(self) -> int:
        return len(self.nip())
