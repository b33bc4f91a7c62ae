"""What one kind of import reads and writes: the same pipeline serves kader and peserta.

A target names its columns (:class:`~db.importer.header.Vocabulary`), turns one row into its
record (``parse_row``), decides a row's status against the snapshot (``status``: duplicates,
links), validates the record as its service would save it (``check``, cached per row) and
writes a whole plan in one transaction (``apply``). Header detection, footers, cell faults,
preview statuses, the all-or-nothing rule and the report are the pipeline's, shared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from db.importer.header import Vocabulary


@dataclass(frozen=True)
class ImportTarget:
    noun: str  # "kader" / "peserta": in summaries ("230 baris peserta: …")
    vocabulary: Vocabulary
    load_snapshot: Callable[[], Any]  # → RegistrySnapshot (or a subclass), on the DB thread
    parse_row: Callable[..., Any]  # (RowReader, Resolver) → record; no database access
    status: Callable[..., Any]  # (ParsedRow, snapshot, ImportOptions, seen) → PlanRow
    check: Callable[..., Any]  # (record, existing id) → forms.RowCheck; reads the database
    apply: Callable[..., Any]  # (ImportPlan) → ApplyResult, or raises ImportRejected
    kader_options: bool = False  # the duplicate policy / new posyandu options apply


@cache
def kader_target() -> ImportTarget:
    """The kader registry import (imported lazily: its parts import the pipeline)."""
    from db.importer.apply import apply_kader_plan
    from db.importer.forms import check_record
    from db.importer.header import KADER_VOCABULARY
    from db.importer.plan import kader_status
    from db.importer.rows import parse_kader_row
    from db.importer.snapshot import load_snapshot

    return ImportTarget("kader", KADER_VOCABULARY, load_snapshot, parse_kader_row, kader_status, check_record,
                        apply_kader_plan, kader_options=True)  # fmt: skip
