"""Background reading of an import file for the import dialog (kader or peserta target).

Only the database-free part runs here (safety checks, streaming read, header detection, row
parsing against a registry snapshot taken on the GUI thread); planning, validation against the
registry and every write happen on the GUI thread. Results come back through queued signals.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from db.errors import DomainError
from db.importer.header import SheetMapping
from db.importer.plan import parse_book
from db.importer.problems import ImportRejected
from db.importer.reader import ImportCancelled, WorkbookData, read_workbook
from db.importer.snapshot import RegistrySnapshot
from db.importer.target import ImportTarget


class ReadSignals(QObject):
    progress = Signal(int)  # rows read so far
    finished = Signal(object, object)  # (WorkbookData, ParsedBook)
    failed = Signal(str)  # Indonesian reason
    cancelled = Signal()


class ReadWorker(QRunnable):
    """Read ``path`` (or re-parse an already read ``book`` under new ``mappings``)."""

    def __init__(
        self,
        snapshot: RegistrySnapshot,
        *,
        path: Path | None = None,
        book: WorkbookData | None = None,
        mappings: list[SheetMapping] | None = None,
        target: ImportTarget | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps it until its signals are delivered
        self.signals = ReadSignals()
        self._snapshot, self._path, self._book, self._mappings = snapshot, path, book, mappings
        self._target = target  # None = the kader import
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            book = self._book
            if book is None:
                book = read_workbook(
                    self._path, progress=self.signals.progress.emit, cancelled=self._cancel.is_set
                )
            parsed = parse_book(
                book, self._snapshot, self._mappings, cancelled=self._cancel.is_set, target=self._target
            )
            if self._cancel.is_set():
                raise ImportCancelled()
        except ImportCancelled:
            self.signals.cancelled.emit()
        except ImportRejected as exc:
            self.signals.failed.emit(exc.problem.line())
        except DomainError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.signals.failed.emit(f"Berkas tidak dapat dibaca: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(book, parsed)
