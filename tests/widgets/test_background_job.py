"""The background job keeps the event loop running while a slow function works, discards the
result after Batal, and hands failures back to the GUI thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from widgets.background_job import BackgroundJob, run_in_background

pytestmark = pytest.mark.gui

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def window(qtbot):  # noqa: ANN001, ANN201
    widget = QWidget()
    widget.resize(640, 400)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def slow(seconds: float, value: object, gate: threading.Event | None = None):  # noqa: ANN201
    def work() -> object:
        if gate is not None:
            gate.wait(5)
        time.sleep(seconds)
        return value

    return work


def test_the_event_loop_runs_while_the_job_works(window, qtbot) -> None:  # noqa: ANN001
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    results: list[object] = []
    worker_threads: list[int] = []

    def work() -> str:
        worker_threads.append(threading.get_ident())
        time.sleep(0.6)
        return "selesai"

    started = time.monotonic()
    job = run_in_background(work, window, on_done=results.append, show_after_ms=0)
    assert job.running and results == []  # start() returned at once
    assert time.monotonic() - started < 0.2
    qtbot.waitUntil(lambda: results == ["selesai"], timeout=5000)
    timer.stop()
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert len(ticks) >= 10  # the timer kept firing during the 0.6 s of work
    assert not job.running and not job.cancelled


def test_batal_discards_the_result(window, qtbot) -> None:  # noqa: ANN001
    gate = threading.Event()
    done: list[object] = []
    errors: list[object] = []
    job = BackgroundJob(slow(0.1, "terlambat", gate), window, on_done=done.append, on_error=errors.append,
                        show_after_ms=0).start()  # fmt: skip
    qtbot.waitUntil(lambda: job.progress.isVisible(), timeout=2000)
    assert job.progress.labelText() == "Menyiapkan PDF…"
    SHOTS.mkdir(parents=True, exist_ok=True)
    job.progress.grab().save(str(SHOTS / "progress_dialog.png"))
    batal = job.progress.findChild(QPushButton)
    assert batal.text() == "Batal"
    qtbot.mouseClick(batal, Qt.MouseButton.LeftButton)
    assert job.cancelled and not job.running
    with qtbot.waitSignal(job._relay.succeeded, timeout=3000):
        gate.set()
    qtbot.wait(50)  # the queued outcome is delivered … and ignored
    assert done == [] and errors == []


def test_a_failure_comes_back_to_the_gui_thread(window, qtbot) -> None:  # noqa: ANN001
    errors: list[BaseException] = []
    threads: list[int] = []

    def broken() -> None:
        raise ValueError("rusak")

    def record(exc: BaseException) -> None:
        threads.append(threading.get_ident())
        errors.append(exc)

    run_in_background(broken, window, on_error=record)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "rusak"
    assert threads == [threading.get_ident()]


def test_a_quick_job_never_shows_the_progress_window(window, qtbot) -> None:  # noqa: ANN001
    done: list[object] = []
    shown: list[bool] = []
    job = run_in_background(lambda: 42, window, on_done=done.append)
    shown.append(job.progress.isVisible())
    qtbot.waitUntil(lambda: done == [42], timeout=3000)
    assert shown == [False]
