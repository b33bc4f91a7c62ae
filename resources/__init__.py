"""Bundled resources (fonts, wilayah list, icons, translations, stylesheet) and the version.

`resource_path()` works from a source checkout and from a PyInstaller build alike: in a frozen
app the files live under `sys._MEIPASS/resources`, next to the bundled code.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "Pokjanal Desk"
APP_SLUG = "PokjanalDesk"
ORG_NAME = "Pokjanal Desk"
VERSION = "0.1.0"

_ROOT = (
    Path(getattr(sys, "_MEIPASS")) / "resources"  # noqa: B009 - only set in frozen apps
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS")
    else Path(__file__).resolve().parent
)


def resource_path(*parts: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``resource_path("fonts", "LiberationSans-Regular.ttf")``."""
    return _ROOT.joinpath(*parts)
