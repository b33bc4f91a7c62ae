"""pytest-qt: the Peserta tab's "Impor Excel…" opens the shared import dialog in peserta mode —
the messy 230-row roster read in the background, statuses previewed, warnings accepted, imported
in one go — and "Ekspor Excel…" writes the roster with the NIK masked when the user says no."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from db.masking import mask_nik
from db.services.peserta import roster
from tests.importer.conftest import office  # noqa: F401 - the fixture: an office in Metro Timur
from tests.importer.peserta_roster import (
    AMBIGUOUS,
    KADER_BY_NAME,
    KADER_WITH_NIK,
    NUMERIC_NIK,
    TOTAL,
    make_bimtek,
    make_registry,
    roster_rows,
    roster_workbook,
)
from tests.ui.kegiatan_support import make_page
from tests.ui.pengaturan_support import click, with_modal
from ui import messages
from ui.dialogs import kader_import_dialog
from ui.pages import kegiatan_peserta_excel

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(office, qtbot):  # noqa: ANN001, ANN201, F811 - the Peserta tab of a bimtek, registry filled
    people = make_registry(office)
    kegiatan_id = make_bimtek()
    page = make_page(office["store"], qtbot)
    page.open_kegiatan(kegiatan_id, "peserta")
    page.detail.peserta_tab.people = people
    yield page.detail.peserta_tab  # the page stays alive (and owns the tab) until the test ends


def test_import_dialog_in_peserta_mode_then_export(tab, qtbot, monkeypatch, no_dialogs, tmp_path) -> None:  # noqa: ANN001
    path = roster_workbook(tmp_path / "peserta.xlsx", roster_rows(tab.people))
    monkeypatch.setattr(kader_import_dialog.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict = {}

    def drive(dialog) -> None:  # noqa: ANN001 - KaderImportDialog
        assert dialog.windowTitle() == "Impor peserta dari Excel"
        assert not dialog.duplicate_combo.isVisible() and not dialog.create_posyandu.isVisible()
        click(qtbot, dialog.choose_button)
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog._worker is None, timeout=4000)
        assert "baris 3" in dialog.header_label.text()
        assert dialog.preview_model.headerData(4, Qt.Orientation.Horizontal) == "Posyandu · Asal"
        model = dialog.preview_model
        statuses = [model.data(model.index(i, 1)) for i in range(model.rowCount())]
        seen["statuses"] = statuses
        dialog.grab().save(str(tmp_path / "dialog.png"))
        seen["fields"] = {
            dialog.mapping_table.cellWidget(i, 1).currentData()
            for i in range(dialog.mapping_table.rowCount())
        }
        assert not dialog.import_button.isEnabled()
        click(qtbot, dialog.accept_warnings)
        click(qtbot, dialog.import_button)

    with_modal(qtbot, lambda: click(qtbot, tab.import_button), drive)
    assert seen["statuses"].count("Peringatan") == NUMERIC_NIK + AMBIGUOUS
    assert seen["statuses"].count("Baru") == TOTAL - NUMERIC_NIK - AMBIGUOUS
    assert seen["fields"] >= {
        "nama",
        "nik",
        "nip",
        "jenis_kelamin",
        "jabatan",
        "instansi",
        "asal",
        "posyandu",
        "hp",
    }
    assert ("info", f"{TOTAL} peserta baru.") in no_dialogs
    rows = roster(tab.kegiatan_id)
    assert len(rows) == TOTAL
    assert sum(r.kader_id is not None for r in rows) == KADER_WITH_NIK + KADER_BY_NAME - AMBIGUOUS
    assert tab.model.rowCount() == TOTAL  # the tab refreshed

    out = tmp_path / "ekspor.xlsx"
    monkeypatch.setattr(kegiatan_peserta_excel.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(messages, "confirm", lambda *a: False)  # "Tidak": the NIK masked
    click(qtbot, tab.export_button)
    sheet = load_workbook(out, read_only=True).active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(values) == TOTAL
    assert values[0][1] == rows[0].nama and values[0][2] == mask_nik(rows[0].nik)


def test_tab_buttons_screenshot(tab, qtbot, tmp_path) -> None:  # noqa: ANN001
    tab.window().resize(1200, 700)
    assert tab.import_button.isVisible() and tab.export_button.isVisible()
    tab.grab().save(str(tmp_path / "peserta_tab.png"))
