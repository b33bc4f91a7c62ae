"""The layering rules, checked on every import statement (including ones inside functions):

- db/ and reports/ never import Qt (they run in the CLI, tests and worker processes);
- reports/ imports neither peewee nor db (it renders plain values it is given);
- ui/ and widgets/ import no peewee and not db.models / db.database (they call db.services);
- widgets/ imports nothing from db at all (reusable controls).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT = ("PySide6", "shiboken6")

RULES: dict[str, tuple[str, ...]] = {
    "db": QT,
    "reports": (*QT, "peewee", "playhouse", "db"),
    "ui": ("peewee", "playhouse", "db.models", "db.database"),
    "widgets": ("peewee", "playhouse", "db"),
}


def imported_modules(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, dotted name) for every import; ``from a import b`` yields ``a`` and ``a.b``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the file's package
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def forbidden(name: str, banned: tuple[str, ...]) -> str | None:
    for prefix in banned:
        if name == prefix or name.startswith(prefix + "."):
            return prefix
    return None


def violations(folder: str) -> list[str]:
    out = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        relative = path.relative_to(ROOT)
        package = ".".join(relative.with_suffix("").parts[:-1])
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in imported_modules(tree, package):
            rule = forbidden(name, RULES[folder])
            if rule:
                out.append(f"{relative}:{line} imports {name} (forbidden in {folder}/: {rule})")
    return out


@pytest.mark.parametrize("folder", sorted(RULES))
def test_layer_imports(folder: str) -> None:
    assert (ROOT / folder).is_dir()
    assert violations(folder) == []


def test_checker_sees_every_import_form(tmp_path: Path) -> None:
    """The scanner itself: plain, from, relative, aliased and function-local imports."""
    source = (
        "import PySide6.QtCore as qc\n"
        "from db import models\n"
        "from ..db import database\n"
        "def later():\n"
        "    from peewee import fn\n"
    )
    names = {name for _line, name in imported_modules(ast.parse(source), "ui.pages")}
    assert {"PySide6.QtCore", "db.models", "ui.db.database", "peewee.fn"} <= names
    assert forbidden("db.models", RULES["ui"]) == "db.models"
    assert forbidden("db.services.profile", RULES["ui"]) is None
    assert forbidden("dbx", RULES["widgets"]) is None
