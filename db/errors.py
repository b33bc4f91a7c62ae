"""Typed errors raised by the data layer. Each carries an Indonesian message for the user.

The UI shows ``str(error)`` (wrapped in ``tr()`` through :func:`ui.messages.error_text`); the CLI
prints it to stderr. ``ValidationError.problems`` maps a field name to its message so forms can
show them beside the field.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Input rejected; ``problems`` maps field → Indonesian reason."""

    def __init__(self, problems: dict[str, str] | str, field: str = "") -> None:
        if isinstance(problems, str):
            problems = {field: problems}
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class WorkCancelled(DomainError):
    """The user pressed Batal on long work; whatever it was writing is gone (nothing half-written)."""

    def __init__(self, message: str = "Dibatalkan; tidak ada berkas yang ditulis.") -> None:
        super().__init__(message)


class NotFound(DomainError):
    """A record that should exist does not."""


class DatabaseError(DomainError):
    """The database file cannot be used as it is."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer version of the app; we never write to it."""


class DatabaseForeign(DatabaseError):
    """The file is not a Pokjanal Desk database (or not SQLite at all)."""


class DatabaseDamaged(DatabaseError):
    """``quick_check`` failed."""


class DatabaseInUse(DatabaseError):
    """Another instance of the app holds the data folder."""
