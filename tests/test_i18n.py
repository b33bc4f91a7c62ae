"""Indonesian everywhere: Qt's own buttons and menus, the compiled catalogue, and our own literals.

PySide6 ships no qtbase_id.qm, so resources/i18n/qtbase_id.ts is ours; these tests make sure the
app really loads it, that the committed .qm was rebuilt after the last .ts edit, and that no
user-visible string in ui/ or widgets/ bypasses tr() (an untranslated literal is invisible to
lupdate and stays in whatever language it was typed in).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "qtbase_id.ts"
QM = ROOT / "resources" / "i18n" / "qtbase_id.qm"


def _plain(text: str) -> str:
    return text.replace("&", "")


@pytest.fixture
def app(qapp):
    from ui.app import create_application

    return create_application()


def test_standard_buttons_speak_indonesian(app) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok)
    assert _plain(box.button(QDialogButtonBox.StandardButton.Cancel).text()) == "Batal"
    assert _plain(box.button(QDialogButtonBox.StandardButton.Ok).text()) == "OK"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    assert _plain(box.button(QDialogButtonBox.StandardButton.Save).text()) == "Simpan"
    assert _plain(box.button(QDialogButtonBox.StandardButton.Close).text()) == "Tutup"


def test_message_box_yes_no(app) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Hapus", "Hapus data ini?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert _plain(box.button(QMessageBox.StandardButton.Yes).text()) == "Ya"
    assert _plain(box.button(QMessageBox.StandardButton.No).text()) == "Tidak"


def test_context_menus_speak_indonesian(app) -> None:
    for widget in (QLineEdit("teks"), QPlainTextEdit("teks")):
        menu = widget.createStandardContextMenu()
        texts = {_plain(action.text()).split("\t")[0] for action in menu.actions() if action.text()}
        assert {"Urungkan", "Salin", "Tempel", "Potong", "Pilih Semua"} <= texts, texts


def test_compiled_catalogue_matches_source(tmp_path: Path) -> None:
    """`make i18n` was run after the last edit of qtbase_id.ts (lrelease output is deterministic)."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease tidak ada di venv")
    fresh = tmp_path / "qtbase_id.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == QM.read_bytes(), "jalankan `make i18n` lalu commit qtbase_id.qm"


def test_catalogue_has_no_unfinished_entries() -> None:
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert text.count("<message>") >= 100


# ---------------------------------------------------------------- literals that bypass tr()

TEXT_CALLS = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setTitle"}
TEXT_WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton"}
# Text that needs no translation: punctuation, dashes, numbers, bullets.
_NEEDS_NO_TRANSLATION = re.compile(r"^[\W\d_]*$")
_TAG = re.compile(r"<[^>]+>")


def _literal_parts(node: ast.AST) -> list[str]:
    """Literal text in an argument that reaches the screen as typed (not through tr())."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.IfExp):
        return _literal_parts(node.body) + _literal_parts(node.orelse)
    if isinstance(node, ast.BinOp):
        return _literal_parts(node.left) + _literal_parts(node.right)
    return []


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def untranslated_literals(source: str, filename: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _call_name(node)
        if name not in TEXT_CALLS | TEXT_WIDGETS:
            continue
        for text in _literal_parts(node.args[0]):
            if not _NEEDS_NO_TRANSLATION.match(_TAG.sub("", text)):
                problems.append(f"{filename}:{node.lineno}: {name}({text!r})")
    return problems


def test_scanner_catches_a_bare_literal_and_allows_tr() -> None:
    bad = 'label.setText("Simpan")\nQPushButton(f"Hapus {n}")\nw.setToolTip("a" if x else "b")\n'
    good = 'label.setText(self.tr("Simpan"))\nQLabel("–")\nQLabel(f"<h2>{APP_NAME}</h2>")\nw.setText("")\n'
    assert len(untranslated_literals(bad, "bad.py")) == 4
    assert untranslated_literals(good, "good.py") == []


def test_user_visible_literals_go_through_tr() -> None:
    problems = []
    for folder in ("ui", "widgets"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            problems += untranslated_literals(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert problems == [], "\n".join(problems)
