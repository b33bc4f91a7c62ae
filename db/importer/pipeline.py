"""The import in one call for the CLI and tests: read → parse → plan (→ apply)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from db.importer.header import SheetMapping
from db.importer.plan import ImportOptions, ImportPlan, ParsedBook, build_plan, parse_book
from db.importer.reader import read_workbook
from db.importer.snapshot import RegistrySnapshot, load_snapshot
from db.importer.target import ImportTarget


def read_and_parse(
    path: str | Path,
    snapshot: RegistrySnapshot,
    mappings: list[SheetMapping] | None = None,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    target: ImportTarget | None = None,
) -> ParsedBook:
    """The database-free part (the dialog runs it in a worker thread)."""
    book = read_workbook(path, progress=progress, cancelled=cancelled)
    return parse_book(book, snapshot, mappings, cancelled=cancelled, target=target)


def plan_file(
    path: str | Path, options: ImportOptions | None = None, target: ImportTarget | None = None
) -> ImportPlan:
    """Plan the import of ``path`` for ``target`` (default: the kader registry) against the open
    database; raises ImportRejected for bad files."""
    snapshot = target.load_snapshot() if target is not None else load_snapshot()
    return build_plan(read_and_parse(path, snapshot, target=target), snapshot, options)
