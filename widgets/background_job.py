"""Run one slow, pure function off the GUI thread with a small progress window and a Batal button.

Made for PDF rendering (ReportLab takes a second or more for 230 people over three days): the
caller gathers everything from the database on the GUI thread first, then hands over a function
that only computes. The window keeps repainting and answering clicks meanwhile. "Batal" abandons
the job: the worker cannot be interrupted mid-layout, so it runs to its end and its result is
thrown away — neither callback is called. Domain-agnostic: nothing here knows about documents.

A job made with ``reports_progress=True`` cooperates instead: ``work(progress, cancelled)`` gets a
``progress(done, total, text="")`` callback (safe to call from the worker; the window shows a bar
and "123 dari 188") and a ``cancelled()`` check. Batal then asks the work to stop and the job
finishes only when the worker has really returned, so whatever the work cleans up on the way out
(temporary files) is gone by the time :attr:`BackgroundJob.finished` fires.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 300  # quick jobs finish before the progress window would flash up


class _Relay(QObject):
    """Carries the worker's outcome to the GUI thread (queued: it lives on the GUI thread)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:  # work: already bound
        super().__init__()
        self._work = work
        self._relay = relay  # a Python reference keeps the relay alive until the worker is done

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class BackgroundJob(QObject):
    """``work()`` runs on :class:`QThreadPool`; ``on_done(result)`` or ``on_error(exc)`` runs on
    the GUI thread afterwards, unless the user pressed Batal (then :attr:`cancelled` is True).
    With ``reports_progress`` the work is called as ``work(progress, cancelled)`` (module doc)."""

    finished = Signal()  # done, failed or abandoned: the progress window is gone
    progressed = Signal(int, int)  # (done, total) on the GUI thread, for reports_progress jobs

    def __init__(
        self,
        work: Callable[[], Any],
        parent: QWidget,
        *,
        label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        show_after_ms: int = SHOW_AFTER_MS,
        reports_progress: bool = False,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._label = label or self.tr("Menyiapkan PDF…")
        self._cooperative = reports_progress
        self._stop = threading.Event()
        self._on_done = on_done
        self._on_error = on_error
        self.cancelled = False
        self.running = False
        self._relay = _Relay()
        self._relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(self._label, self.tr("Batal"), 0, 0, parent)
        self.progress.setWindowTitle(self.tr("Mohon tunggu"))
        self.progress.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        self.progress.setMinimumDuration(max(0, show_after_ms))
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumWidth(360)
        self.progress.canceled.connect(self.cancel)

    def start(self) -> BackgroundJob:
        self.running = True
        self.progress.setValue(0)  # arms the "show after minimumDuration" timer
        work = self._cooperative_work() if self._cooperative else self._work
        QThreadPool.globalInstance().start(_Runnable(work, self._relay))
        return self

    def _cooperative_work(self) -> Callable[[], Any]:
        """``work(progress, cancelled)`` bound to this job's relay and stop flag."""
        relay, stop, work = self._relay, self._stop, self._work

        def report(done: int, total: int, text: str = "") -> None:
            relay.progressed.emit(int(done), int(total), str(text))

        return lambda: work(report, stop.is_set)

    @Slot()
    def cancel(self) -> None:
        """Batal. A plain job is abandoned at once (its late result is discarded); a cooperative
        one is asked to stop and finishes when its worker has returned."""
        if not self.running or self.cancelled:
            return
        self.cancelled = True
        self._stop.set()
        if not self._cooperative:
            self._finish()

    def is_cancelled(self) -> bool:
        """Thread-safe: has Batal been pressed (for work functions that hold the job)?"""
        return self._stop.is_set()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if not self.running or self.cancelled:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        count = self.tr("{0} dari {1}").format(done, total)
        self.progress.setLabelText(f"{text or self._label}\n{count}")
        self.progressed.emit(done, total)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        if not self.running:
            return
        self._finish()
        if self.cancelled:
            return
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        if not self.running:
            return
        self._finish()
        if self.cancelled:
            return
        if self._on_error is not None:
            self._on_error(exc)  # type: ignore[arg-type]

    def _finish(self) -> None:
        self.running = False
        self.progress.canceled.disconnect(self.cancel)
        self.progress.close()
        self.progress.deleteLater()
        self.finished.emit()


def run_in_background(work: Callable[[], Any], parent: QWidget, **kwargs: Any) -> BackgroundJob:
    """Shorthand: build and start a :class:`BackgroundJob` (see there for the keyword arguments)."""
    return BackgroundJob(work, parent, **kwargs).start()
