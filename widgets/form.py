"""Labelled form rows with a red error line under each field.

Services reject input with ``ValidationError.problems`` (field name → Indonesian reason). Showing
each reason right under its field, instead of in a message box, lets the user fix everything in
one go without losing what was typed. :class:`FieldErrors` keeps the field name → label mapping.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def small_label(text: str, *, object_name: str) -> QLabel:
    """A word-wrapped note under a field; resources/style.qss colours ``fieldError`` red and
    ``muted`` grey."""
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    label = small_label("", object_name="fieldError")
    label.hide()
    return label


def set_error(label: QLabel, text: str) -> None:
    """Show ``text`` in an error label, or hide it when empty (no blank gap in the form)."""
    label.setText(text)
    label.setVisible(bool(text))


class FieldErrors:
    """The error labels of one form, keyed by the service's field names."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}

    def add_row(self, form: QFormLayout, label: str, field: QWidget, name: str, hint: str = "") -> QLabel:
        """Add ``label: field`` to ``form`` with an optional hint and a hidden error line."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if hint:
            column.addWidget(small_label(hint, object_name="muted"))
        column.addWidget(self.register(name, field))
        caption = QLabel(label)
        caption.setBuddy(field)
        form.addRow(caption, box)
        return caption

    def register(self, name: str, field: QWidget, label: QLabel | None = None) -> QLabel:
        """Track ``field`` under ``name``; returns its (new or given) error label."""
        self._fields[name] = field
        self._labels[name] = label if label is not None else error_label()
        return self._labels[name]

    def label(self, name: str) -> QLabel:
        return self._labels[name]

    def show(self, problems: Mapping[str, str]) -> dict[str, str]:
        """Show each problem beside its field; returns those no field of this form owns."""
        self.clear()
        unplaced: dict[str, str] = {}
        for name, message in problems.items():
            text = QCoreApplication.translate("errors", message)
            if name in self._labels:
                set_error(self._labels[name], text)
            else:
                unplaced[name] = text
        first = next((self._fields[n] for n in self._fields if n in problems), None)
        if first is not None:
            first.setFocus()
        return unplaced

    def set(self, name: str, message: str) -> None:
        set_error(self._labels[name], message)

    def clear(self, name: str | None = None) -> None:
        for key, label in self._labels.items():
            if name is None or key == name:
                set_error(label, "")

    def messages(self) -> dict[str, str]:
        """What is shown now (for tests and for the status line)."""
        return {name: label.text() for name, label in self._labels.items() if label.text()}


def save_cancel_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """The "Simpan" (primary) and "Batal" buttons of a form dialog, wired to accept/reject;
    returns the box and its Simpan button (forms disable it while busy)."""
    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(standard.Save | standard.Cancel)  # no parent yet: the style sheet
    # must see the "primary" property when the box is polished as the dialog lays it out
    save = box.button(standard.Save)
    save.setText(QCoreApplication.translate("FormDialog", "Simpan"))
    save.setProperty("primary", True)
    box.button(standard.Cancel).setText(QCoreApplication.translate("FormDialog", "Batal"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, save
