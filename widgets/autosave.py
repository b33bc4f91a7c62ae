"""Autosave for forms people type into live: save shortly after typing stops, on focus-out and on demand.

Register editors with a key (:meth:`AutosaveController.watch`); a change marks the key dirty and
restarts a single-shot timer (:data:`DELAY_MS`); when it fires, or an editor loses focus, or the
owner calls :meth:`flush` (Ctrl+S, closing, switching records), the dirty values go to the ``save``
callback in one call — the callback writes them in one transaction. A failing save keeps the keys
dirty (the next keystroke or flush retries) and reports through :attr:`failed`; nothing is lost
because of a half-typed value that the service refuses for now (a time like ``"08:"``).

Domain-agnostic: it knows QLineEdit, QPlainTextEdit, QDateEdit and editable QComboBox, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

DELAY_MS = 1000
Getter = Callable[[], Any]


def _reader(editor: QWidget) -> tuple[Any, Getter]:
    """(change signal, value getter) for a supported editor."""
    if isinstance(editor, QPlainTextEdit):
        return editor.textChanged, editor.toPlainText
    if isinstance(editor, QLineEdit):
        return editor.textChanged, editor.text
    if isinstance(editor, QDateEdit):

        def value() -> date | None:
            chosen = editor.date()
            if chosen == editor.minimumDate() and editor.specialValueText():
                return None  # the minimum shown as the special text means "not set"
            return date(chosen.year(), chosen.month(), chosen.day())

        return editor.dateChanged, value
    if isinstance(editor, QComboBox):
        return editor.currentTextChanged, editor.currentText
    raise TypeError(f"editor tidak didukung: {type(editor).__name__}")


class AutosaveController(QObject):
    """``saved(datetime)`` after a successful save; ``failed(exception)`` when the callback raised."""

    saved = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        save: Callable[[dict[Hashable, Any]], None],
        parent: QObject | None = None,
        delay_ms: int = DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._getters: dict[Hashable, Getter] = {}
        self._editors: dict[QWidget, Hashable] = {}
        self._dirty: dict[Hashable, None] = {}  # insertion-ordered set
        self._loading = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        self.last_saved: datetime | None = None

    # ------------------------------------------------------------------ registration
    def watch(self, key: Hashable, editor: QWidget) -> None:
        signal, getter = _reader(editor)
        self._getters[key] = getter
        self._editors[editor] = key
        signal.connect(lambda *_args, k=key: self.mark(k))
        editor.installEventFilter(self)
        editor.destroyed.connect(lambda *_args, e=editor: self._editors.pop(e, None))

    def forget(self, keys: list[Hashable]) -> None:
        """Stop saving these keys (their editors are about to be removed); flush first if needed."""
        for key in keys:
            self._getters.pop(key, None)
            self._dirty.pop(key, None)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Set editor values without marking them dirty."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    # ------------------------------------------------------------------ saving
    def mark(self, key: Hashable) -> None:
        if self._loading or key not in self._getters:
            return
        self._dirty[key] = None
        self.timer.start()

    @property
    def dirty(self) -> bool:
        return bool(self._dirty)

    @Slot()
    def flush(self) -> bool:
        """Save what is dirty now; True when nothing is left unsaved."""
        self.timer.stop()
        if not self._dirty:
            return True
        keys = [k for k in self._dirty if k in self._getters]
        values = {key: self._getters[key]() for key in keys}
        try:
            self._save(values)
        except Exception as exc:  # noqa: BLE001 - reported to the owner, keys stay dirty for a retry
            self.failed.emit(exc)
            return False
        for key in keys:
            self._dirty.pop(key, None)
        self.last_saved = datetime.now()
        self.saved.emit(self.last_saved)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut and watched in self._editors and self._dirty:
            self.flush()
        return super().eventFilter(watched, event)
