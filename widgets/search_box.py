"""A search line edit that reports what to look for after a short pause, and Ctrl+F to reach it.

Searching on every keystroke is fine when the answer comes back in a few milliseconds (SQLite FTS5,
docs/PLATFORM.md) but stutters when it does not. :class:`SearchBox` therefore adapts: the page
tells it how long the last search took (:meth:`SearchBox.report_elapsed`) and the box searches at
once while searches stay fast, or waits ``delay_ms`` after the last keystroke when they are slow.
Enter searches at once, Escape clears, Down moves on to the list (``moveDown``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

DEFAULT_DELAY_MS = 150
FAST_ENOUGH_MS = 15.0  # a search quicker than this runs on every keystroke


class SearchBox(QLineEdit):
    """``searchChanged(text)`` fires once the user paused typing (or at once when searches are fast)."""

    searchChanged = Signal(str)
    moveDown = Signal()

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = DEFAULT_DELAY_MS) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setObjectName("searchBox")
        self._delay_ms = delay_ms
        self._immediate = False
        self._last_emitted: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._on_changed)

    def set_icon(self, icon: QIcon) -> None:
        self.addAction(icon, QLineEdit.ActionPosition.LeadingPosition)

    @property
    def immediate(self) -> bool:
        return self._immediate

    def report_elapsed(self, milliseconds: float) -> None:
        """Tell the box how long the last search took; it decides whether to wait next time."""
        self._immediate = milliseconds < FAST_ENOUGH_MS

    @Slot()
    def flush(self) -> None:
        """Emit the current text now (if it differs from what was last searched)."""
        self._timer.stop()
        text = self.text().strip()
        if text != self._last_emitted:
            self._last_emitted = text
            self.searchChanged.emit(text)

    @Slot()
    def focus_and_select(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def install_shortcut(self, scope: QWidget) -> QShortcut:
        """Ctrl+F anywhere inside ``scope`` focuses the box."""
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), scope)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.focus_and_select)
        return shortcut

    def _on_edited(self, _text: str) -> None:
        if self._immediate:
            self.flush()
        else:
            self._timer.start(self._delay_ms)

    def _on_changed(self, text: str) -> None:
        """Programmatic changes (setText, the clear button) search without waiting."""
        if not text:
            self.flush()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.moveDown.emit()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if key == Qt.Key.Key_Down:
            self.flush()
            self.moveDown.emit()
            return
        super().keyPressEvent(event)
