"""Streaming read of a workbook's cell values (openpyxl ``read_only`` + ``data_only``).

- Formulas give their cached value (what Excel last showed). A formula saved without one (files
  written by some tools) reads as empty, so when the sheet XML contains formulas at all a second,
  formula-only pass records where they are and the row parser reports them.
- Dimensions in the file are ignored (``reset_dimensions``): a lying ``<dimension>`` must neither
  hide rows nor cut columns.
- Rows are counted while streaming: more than :data:`MAX_ROWS` non-empty rows refuses the file at
  once, and a run of :data:`MAX_EMPTY_RUN` empty rows ends a sheet (a million formatted-but-empty
  rows cost nothing).
- Any exception raised by the XML/zip stack (defused entities, broken XML) becomes
  :class:`ImportRejected`; nothing else escapes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.importer.problems import ImportRejected, Problem
from db.importer.safety import check_file

MAX_ROWS = 20_000
MAX_EMPTY_RUN = 5_000
MAX_COLUMNS = 200
PROGRESS_EVERY = 500
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>]")
_CELL_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)>")

Row = tuple[object, ...]


class ImportCancelled(ImportRejected):
    """The user pressed Batal while the file was being read."""

    def __init__(self) -> None:
        super().__init__("Pembacaan berkas dibatalkan.")


@dataclass
class SheetData:
    """One worksheet's values; ``rows[i]`` is spreadsheet row ``i + 1``."""

    name: str
    rows: list[Row]
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 1-based

    def cell(self, row: int, col: int) -> object:
        values = self.rows[row - 1] if 0 < row <= len(self.rows) else ()
        return values[col - 1] if 0 < col <= len(values) else None


@dataclass
class WorkbookData:
    sheets: list[SheetData]
    epoch_1904: bool = False
    notes: list[Problem] = field(default_factory=list)  # e.g. hidden sheets that were skipped


def _is_empty(values: Row) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


class _Counter:
    """Counts non-empty rows across the whole workbook; reports progress; honours cancel."""

    def __init__(self, progress: Callable[[int], None] | None, cancelled: Callable[[], bool] | None) -> None:
        self.rows = 0
        self._progress = progress
        self._cancelled = cancelled

    def tick(self) -> None:
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise ImportRejected(_too_many_rows_message())
        if self.rows % PROGRESS_EVERY == 0:
            if self._cancelled and self._cancelled():
                raise ImportCancelled()
            if self._progress:
                self._progress(self.rows)


def _stream_sheet(ws, counter: _Counter) -> list[Row]:
    ws.reset_dimensions()
    rows: list[Row] = []
    empty_run = 0
    for values in ws.iter_rows(values_only=True):
        values = tuple(values[:MAX_COLUMNS])
        if _is_empty(values):
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
            rows.append(())
            continue
        empty_run = 0
        counter.tick()
        rows.append(values)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _value_rows(stream) -> int:  # noqa: ANN001 - a binary file object from zipfile
    """Rows of one worksheet XML part that hold at least one value, counted with a byte scan."""
    count, buffer = 0, b""
    while chunk := stream.read(1 << 20):
        buffer += chunk
        starts = [m.start() for m in _ROW_START.finditer(buffer)]
        for begin, end in zip(starts, starts[1:], strict=False):
            if _CELL_VALUE.search(buffer, begin, end):
                count += 1
        if starts:
            buffer = buffer[starts[-1] :]
        if count > MAX_ROWS:
            return count
    if _ROW_START.match(buffer) and _CELL_VALUE.search(buffer):
        count += 1
    return count


def _refuse_if_too_many_rows(path: Path) -> None:
    """Refuse an oversized file in well under a second, before openpyxl parses a single cell
    (reading 20,000 rows with openpyxl alone takes several seconds). Row elements without any
    value (formatted-but-empty rows) are not counted; the streaming counter stays the final word."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name = info.filename
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(info) as stream:
                    if _value_rows(stream) > MAX_ROWS:
                        raise ImportRejected(_too_many_rows_message())


def _too_many_rows_message() -> str:
    return (
        f"Berkas berisi lebih dari {MAX_ROWS:,} baris data".replace(",", ".")
        + "; bagi menjadi beberapa berkas lalu impor satu per satu."
    )


def _has_formulas(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.filename.startswith("xl/worksheets/"):
                continue
            with archive.open(info) as member:
                tail = b""
                while chunk := member.read(1 << 20):
                    if _FORMULA_TAG.search(tail + chunk):
                        return True
                    tail = chunk[-16:]
    return False


def _formula_cells(path: Path, names: list[str]) -> dict[str, set[tuple[int, int]]]:
    """Coordinates of every formula cell, per sheet (a second pass, only when formulas exist)."""
    from openpyxl import load_workbook

    found: dict[str, set[tuple[int, int]]] = {name: set() for name in names}
    with path.open("rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=False, keep_links=False)
        try:
            for name in names:
                ws = book[name]
                ws.reset_dimensions()
                for row_no, values in enumerate(ws.iter_rows(values_only=True), start=1):
                    for col_no, value in enumerate(values[:MAX_COLUMNS], start=1):
                        if (isinstance(value, str) and value.startswith("=")) or type(
                            value
                        ).__name__ == "ArrayFormula":
                            found[name].add((row_no, col_no))
        finally:
            book.close()
    return found


def _read(path: Path, counter: _Counter) -> WorkbookData:
    from openpyxl import load_workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    with path.open("rb") as handle:
        book = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
        try:
            data = WorkbookData([], epoch_1904=book.epoch == CALENDAR_MAC_1904)
            for ws in book.worksheets:
                if ws.sheet_state != "visible":
                    data.notes.append(Problem(ws.title, 0, "", "Lembar tersembunyi dilewati."))
                    continue
                data.sheets.append(SheetData(ws.title, _stream_sheet(ws, counter)))
        finally:
            book.close()
    if data.sheets and _has_formulas(path):
        formulas = _formula_cells(path, [s.name for s in data.sheets])
        for sheet in data.sheets:
            sheet.formulas_without_value = {
                (r, c) for (r, c) in formulas[sheet.name] if sheet.cell(r, c) is None
            }
    return data


def _reason(exc: BaseException) -> str:
    """Indonesian reason for a parse failure; defusedxml's refusals are named as such."""
    from defusedxml.common import DefusedXmlException

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return "Berkas berisi XML berbahaya (entitas/DTD); ditolak demi keamanan."
        seen = seen.__cause__ or seen.__context__
    return f"Berkas .xlsx rusak atau tidak dapat dibaca ({type(exc).__name__})."


def read_workbook(
    path: str | Path,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WorkbookData:
    """Check and read ``path``; raise :class:`ImportRejected` for anything unusable."""
    path = Path(path)
    check_file(path)
    counter = _Counter(progress, cancelled)
    try:
        _refuse_if_too_many_rows(path)
        data = _read(path, counter)
    except ImportRejected:
        raise
    except MemoryError:
        raise ImportRejected("Berkas terlalu besar untuk dibaca.") from None
    except Exception as exc:  # noqa: BLE001 - hostile XML/zip may raise anything; never crash
        raise ImportRejected(_reason(exc)) from None
    if progress:
        progress(counter.rows)
    if not data.sheets:
        raise ImportRejected("Berkas tidak berisi lembar kerja yang terlihat.")
    return data
