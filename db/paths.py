"""Where the data lives: one folder per Windows user, never next to the executable.

Order of precedence: ``--data-dir DIR`` (passed to :func:`data_dir`), the ``POKJANAL_DATA_DIR``
environment variable, then the platformdirs user data folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "POKJANAL_DATA_DIR"
DB_NAME = "pokjanal.sqlite"


@dataclass(frozen=True)
class DataPaths:
    """All locations under one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_NAME

    @property
    def backups(self) -> Path:
        return self.root / "cadangan"

    @property
    def logs(self) -> Path:
        return self.root / "log"

    @property
    def outputs(self) -> Path:
        return self.root / "keluaran"

    @property
    def quarantine(self) -> Path:
        return self.root / "disisihkan"

    @property
    def lock_file(self) -> Path:
        return self.root / "pokjanal.lock"

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.backups, self.logs, self.outputs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def data_dir(override: str | os.PathLike[str] | None = None) -> DataPaths:
    """Resolve the data folder (not created; call :meth:`DataPaths.ensure`)."""
    if override:
        return DataPaths(Path(override).expanduser().resolve())
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    import platformdirs

    return DataPaths(Path(platformdirs.user_data_dir("PokjanalDesk", appauthor=False, roaming=False)))
