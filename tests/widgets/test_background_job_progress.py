"""A cooperative background job: progress from the worker reaches the window as "n dari m", Batal
asks the work to stop, and the job finishes only after the worker has returned (so its clean-up
is done by then). Plain jobs keep their old behaviour (tests/widgets/test_background_job.py)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from widgets.background_job import BackgroundJob

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot):  # noqa: ANN001, ANN201
    widget = QWidget()
    widget.resize(640, 400)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_progress_reaches_the_gui_thread_and_the_window_counts(window, qtbot) -> None:  # noqa: ANN001
    seen: list[tuple[int, int, int]] = []
    done: list[object] = []
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)

    def work(progress, cancelled) -> str:  # noqa: ANN001
        for n in range(1, 6):
            time.sleep(0.08)
            progress(n, 5)
        return "selesai"

    job = BackgroundJob(work, window, label="Membuat berkas…", on_done=done.append, show_after_ms=0,
                        reports_progress=True)  # fmt: skip
    job.progressed.connect(lambda d, t: seen.append((d, t, threading.get_ident())))
    job.start()
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=3000)
    assert job.progress.maximum() == 5 and job.progress.value() >= 3
    assert "dari 5" in job.progress.labelText() and job.progress.labelText().startswith("Membuat berkas…")
    qtbot.waitUntil(lambda: done == ["selesai"], timeout=3000)
    timer.stop()
    assert [(d, t) for d, t, _ in seen] == [(n, 5) for n in range(1, 6)]
    assert {ident for *_, ident in seen} == {threading.get_ident()}  # delivered on the GUI thread
    assert len(ticks) >= 10  # the event loop turned during the 0.4 s of work


def test_batal_stops_the_work_and_finishes_after_the_worker_returned(window, qtbot) -> None:  # noqa: ANN001
    started = threading.Event()
    cleaned: list[bool] = []
    done: list[object] = []
    errors: list[object] = []

    def work(progress, cancelled) -> str:  # noqa: ANN001
        try:
            for n in range(1, 1000):
                started.set()
                if cancelled():
                    raise RuntimeError("berhenti")
                time.sleep(0.01)
                progress(n, 1000)
            return "tidak sampai"
        finally:
            time.sleep(0.15)  # clean-up that takes a while
            cleaned.append(True)

    job = BackgroundJob(work, window, on_done=done.append, on_error=errors.append, show_after_ms=0,
                        reports_progress=True)  # fmt: skip
    finished: list[bool] = []
    job.finished.connect(lambda: finished.append(bool(cleaned)))
    job.start()
    qtbot.waitUntil(lambda: job.progress.isVisible() and started.is_set(), timeout=3000)
    batal = job.progress.findChild(QPushButton)
    qtbot.mouseClick(batal, Qt.MouseButton.LeftButton)
    assert job.cancelled and job.is_cancelled() and job.running  # still winding down
    qtbot.waitUntil(lambda: bool(finished), timeout=3000)
    assert finished == [True]  # finished only after the worker's clean-up
    assert not job.running and done == [] and errors == []


def test_plain_jobs_ignore_progress_support(window, qtbot) -> None:  # noqa: ANN001
    done: list[object] = []
    job = BackgroundJob(lambda: 7, window, on_done=done.append).start()
    qtbot.waitUntil(lambda: done == [7], timeout=3000)
    assert not job.is_cancelled()
