"""The check-in desk's answer to each Enter: a coloured banner and a beep.

Green "Hadir: NAMA", amber "sudah tercatat" / undo, red for a code nobody has, grey when idle.
One beep for a mark, two for anything the operator should look at. The banner has a fixed size
and is restyled only when the tone changes, so a queue of green marks costs no relayout.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

TONES = {  # background, text
    "ok": ("#2e7d32", "#ffffff"),
    "warn": ("#f2b705", "#263238"),
    "bad": ("#c62828", "#ffffff"),
    "idle": ("#eef3f2", "#37474f"),
}
BEEPS = {"ok": 1, "warn": 2, "bad": 2, "idle": 0}


class FeedbackBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinFeedback")
        self.setFixedHeight(52)
        self.setWordWrap(False)

    def say(self, tone: str, text: str, *, sound: bool = True) -> None:
        self.setText(text)
        if sound:
            self.beep(BEEPS[tone])
        if self.property("tone") == tone:
            return  # restyling costs a few ms; a queue of green marks needs none
        background, color = TONES[tone]
        self.setProperty("tone", tone)
        self.setStyleSheet(
            f"background: {background}; color: {color}; font-size: 15pt; font-weight: 600;"
            "border-radius: 6px; padding: 8px 14px;"
        )

    def tone(self) -> str:
        return str(self.property("tone"))

    @staticmethod
    def beep(times: int) -> None:
        if times:
            QApplication.beep()
        for n in range(1, times):
            QTimer.singleShot(180 * n, QApplication.beep)
