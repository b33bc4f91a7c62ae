"""pytest-qt drives the import dialog as a user: choose the file, fix a column, accept the
warnings, import — and the kader are in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from db.models import Kader
from tests.importer.builders import NIK_SITI, messy_workbook
from ui.dialogs import kader_import_dialog
from ui.dialogs.kader_import_dialog import KaderImportDialog


def _open(qtbot, monkeypatch, path) -> KaderImportDialog:
    dialog = KaderImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(kader_import_dialog.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog._worker is None, timeout=15000)
    return dialog


def _statuses(dialog) -> dict[int, str]:
    model = dialog.preview_model
    return {model.row(i).parsed.row: model.data(model.index(i, 1)) for i in range(model.rowCount())}


def _mapping_combo(dialog, header: str) -> QComboBox:
    table = dialog.mapping_table
    for position in range(table.rowCount()):
        if table.cellWidget(position, 0).text() == header:
            return table.cellWidget(position, 1)
    raise AssertionError(f"no mapping row for {header}")


def test_user_fixes_mapping_accepts_warnings_and_imports(qtbot, monkeypatch, office, no_dialogs, tmp_path):
    path = messy_workbook(tmp_path / "kader.xlsx", bad_row=False, rename={"No HP": "Kontak Aktif"})
    dialog = _open(qtbot, monkeypatch, path)
    assert "baris 4" in dialog.header_label.text()
    assert _statuses(dialog) == {5: "Peringatan", 6: "Baru", 8: "Baru", 9: "Lewati (duplikat)"}
    assert not dialog.import_button.isEnabled()

    combo = _mapping_combo(dialog, "Kontak Aktif")
    assert combo.currentData() is None  # not recognised: ignored until the user says otherwise
    combo.setCurrentIndex(combo.findData("hp"))
    qtbot.waitUntil(lambda: dialog._worker is None and dialog.plan is not None
                    and dialog.plan.mappings[0].column_of("hp") == 8, timeout=15000)  # fmt: skip

    qtbot.mouseClick(dialog.accept_warnings, Qt.MouseButton.LeftButton)
    assert _statuses(dialog)[5] == "Baru"
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.result_summary.created == 3
    siti = Kader.get(Kader.nik == str(NIK_SITI))
    assert siti.hp == "+6281234567890" and siti.nik_perlu_dicek
    assert Kader.select().count() == 3
    assert no_dialogs and no_dialogs[-1][0] == "info"


def test_rejected_file_shows_reason_and_keeps_import_disabled(
    qtbot, monkeypatch, office, no_dialogs, tmp_path
):
    fake = tmp_path / "data.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    dialog = KaderImportDialog()
    qtbot.addWidget(dialog)
    monkeypatch.setattr(kader_import_dialog.QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ".xls" in dialog.summary_label.text(), timeout=15000)
    assert not dialog.import_button.isEnabled() and Kader.select().count() == 0


def test_galat_rows_block_import_and_report_saves(qtbot, monkeypatch, office, no_dialogs, tmp_path):
    dialog = _open(qtbot, monkeypatch, messy_workbook(tmp_path / "kader.xlsx"))
    qtbot.mouseClick(dialog.accept_warnings, Qt.MouseButton.LeftButton)
    assert _statuses(dialog)[10] == "Galat" and not dialog.import_button.isEnabled()
    target = tmp_path / "laporan.xlsx"
    monkeypatch.setattr(kader_import_dialog.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    from openpyxl import load_workbook

    rows = list(load_workbook(target).active.iter_rows(min_row=4, values_only=True))
    assert ("Kader", 10, "No. KTP", "galat", "NIK harus 16 angka (tertulis 15 angka).") in rows


def test_cancel_while_reading(qtbot, monkeypatch, office, no_dialogs, tmp_path):
    from tests.importer.corpus import _many_rows

    dialog = KaderImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(kader_import_dialog.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(_many_rows(tmp_path / "besar.xlsx", 19_000)), ""))  # fmt: skip
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.progress_widget.isVisible() and not dialog.choose_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog._worker is None, timeout=20000)
    assert "dibatalkan" in dialog.summary_label.text()
    assert dialog.plan is None and not dialog.import_button.isEnabled() and dialog.choose_button.isEnabled()


def test_screenshot(qtbot, monkeypatch, office, no_dialogs, tmp_path):
    """Leaves tests/screenshots/kader-import-dialog.png (git-ignored) for a person to look at.

    The app's stylesheet is set on the dialog only: changing the application-wide stylesheet
    back and forth inside one test process crashes Qt in later tests."""
    from pathlib import Path

    from resources import resource_path

    dialog = _open(qtbot, monkeypatch, messy_workbook(tmp_path / "kader.xlsx"))
    dialog.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    dialog.resize(1200, 680)
    dialog.replan()  # column widths under the app's padding
    qtbot.wait(100)  # let the layout settle after the progress row hides
    out = Path(__file__).resolve().parent.parent / "screenshots"
    out.mkdir(exist_ok=True)
    assert dialog.grab().save(str(out / "kader-import-dialog.png"))
