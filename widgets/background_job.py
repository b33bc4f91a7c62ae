"""Run one slow, pure function off the GUI thread with a small progress window and a Batal button.

Made for PDF rendering (ReportLab takes a second or more for 230 people over three days): the
caller gathers everything from the database on the GUI thread first, then hands over a function
that only computes. The window keeps repainting and answering clicks meanwhile. "Batal" abandons
the job: the worker cannot be interrupted mid-layout, so it runs to its end and its result is
thrown away — neither callback is called. Domain-agnostic: nothing here knows about documents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 300  # quick jobs finish before the progress window would flash up


class _Relay(QObject):
    """Carries the worker's outcome to the GUI thread (queued: it lives on the GUI thread)."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
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
    the GUI thread afterwards, unless the user pressed Batal (then :attr:`cancelled` is True)."""

    finished = Signal()  # done, failed or abandoned: the progress window is gone

    def __init__(
        self,
        work: Callable[[], Any],
        parent: QWidget,
        *,
        label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        show_after_ms: int = SHOW_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self.cancelled = False
        self.running = False
        self._relay = _Relay()
        self._relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.progress = QProgressDialog(label or self.tr("Menyiapkan PDF…"), self.tr("Batal"), 0, 0, parent)
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
        QThreadPool.globalInstance().start(_Runnable(self._work, self._relay))
        return self

    @Slot()
    def cancel(self) -> None:
        """Abandon the job: the window closes now, the late result is discarded."""
        if not self.running:
            return
        self.cancelled = True
        self._finish()

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        if self.cancelled or not self.running:
            return
        self._finish()
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        if self.cancelled or not self.running:
            return
        self._finish()
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
