"""Rotating log file in the data folder; every record is scrubbed of NIK and phone numbers."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from db.masking import scrub_text

LOG_NAME = "pokjanal.log"


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
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler._pokjanal = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(ScrubFilter())
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    return path
