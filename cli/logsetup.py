"""Log file in the data folder, rotated at start; every record is scrubbed of NIK and phone numbers.

The file is rotated when a session starts rather than while it runs: a plain FileHandler keeps
``logging.handlers`` (socket, pickle, queue: ~20 ms) out of every start-up, and one session of
this app never writes anywhere near :data:`MAX_BYTES`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from db.masking import scrub_text

LOG_NAME = "pokjanal.log"
MAX_BYTES = 1_000_000
KEEP = 5  # pokjanal.log.1 … pokjanal.log.5


class ScrubFilter(logging.Filter):
    """Mask NIKs and mobile numbers in the final message, the traceback and the stack.

    Never raises: a log call with mismatched arguments must not crash the app from inside
    logging (a handler filter runs outside logging's own error handling).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - bad format arguments: keep both parts, scrubbed
            message = f"{record.msg!s} {record.args!r}"
        record.msg = scrub_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub_text(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub_text(record.stack_info)
        return True


def setup_logging(folder: Path, *, debug: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_pokjanal", False):
            root.removeHandler(handler)
            handler.close()
    rotate_if_large(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler._pokjanal = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ScrubFilter())
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    return path


def rotate_if_large(path: Path, *, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> bool:
    """Shift ``path`` to ``path.1`` (``.1`` to ``.2`` …, the oldest dropped) when it has reached
    ``max_bytes``. Never raises: another process holding the file (Windows) only delays rotation."""
    try:
        if path.stat().st_size < max_bytes:
            return False
        for number in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        return False
    return True
