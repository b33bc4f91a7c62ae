"""The vocabulary shared by every import layer: a located problem, and the file-level refusal."""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import DomainError


@dataclass(frozen=True)
class Problem:
    """One finding, located the way the user sees the file (sheet name, 1-based row, header)."""

    sheet: str
    row: int  # 0 = the file or sheet as a whole
    column: str  # header text as written in the file, or "" when it concerns the row
    reason: str  # Indonesian, ends with a full stop

    def line(self) -> str:
        where = [f"lembar '{self.sheet}'"] if self.sheet else []
        if self.row:
            where.append(f"baris {self.row}")
        if self.column:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where) or 'berkas'}: {self.reason}"


class ImportRejected(DomainError):
    """The whole file is refused before any row is considered (wrong type, bomb, too many rows)."""

    def __init__(self, message: str, sheet: str = "", row: int = 0, column: str = "") -> None:
        super().__init__(message)
        self.problem = Problem(sheet, row, column, message)
