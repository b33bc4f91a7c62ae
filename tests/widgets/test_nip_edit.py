"""NipEdit: typed or pasted NIPs are grouped as printed; the digits come back bare."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from widgets.nip_edit import NipEdit, group_digits


@pytest.fixture
def edit(qtbot) -> NipEdit:
    widget = NipEdit()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_group_digits() -> None:
    assert group_digits("") == ""
    assert group_digits("19860926") == "19860926"
    assert group_digits("198609262") == "19860926 2"
    assert group_digits("198609262015051001") == "19860926 201505 1 001"


def test_typing_groups_as_printed(edit, qtbot) -> None:
    qtbot.keyClicks(edit, "198609262015051001")
    assert edit.text() == "19860926 201505 1 001"
    assert edit.nip() == "198609262015051001"
    assert edit.hasAcceptableInput()


def test_typing_stops_at_18_digits_and_ignores_letters(edit, qtbot) -> None:
    qtbot.keyClicks(edit, "1986092620150510019x")
    assert edit.nip() == "198609262015051001"


def test_pasted_separators_are_dropped(edit) -> None:
    edit.insert("1986.0926 2015-05 1 001")
    assert edit.text() == "19860926 201505 1 001"


def test_backspace_after_a_group_space_removes_the_digit(edit, qtbot) -> None:
    edit.set_nip("198609262015051001")
    edit.setCursorPosition(9)  # just after "19860926 "
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.nip() == "19860922015051001"
    assert edit.digit_count() == 17
    assert not edit.hasAcceptableInput()


def test_nip_changed_signal_carries_digits(edit, qtbot) -> None:
    with qtbot.waitSignal(edit.nipChanged) as blocker:
        edit.set_nip("19860926 201505 1 001")
    assert blocker.args == ["198609262015051001"]


def test_left_fires_on_focus_out_even_when_incomplete(edit, qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit

    other = QLineEdit()
    qtbot.addWidget(other)
    edit.window().activateWindow()
    edit.setFocus()
    qtbot.keyClicks(edit, "1986")
    with qtbot.waitSignal(edit.left):
        edit.clearFocus()
