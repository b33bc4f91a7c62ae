"""Pengaturan → Cadangan: make a backup, restore it and see the data come back; failures reopen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from db.backup import list_backups
from db.errors import DatabaseError
from db.services.penandatangan import SignatoryData, list_signatories, save_signatory
from tests.ui.pengaturan_support import click, make_page
from ui.pages.pengaturan_cadangan import reason_label, size_label

pytestmark = pytest.mark.gui


@pytest.fixture
def page(store, qtbot):
    page = make_page(store, qtbot)
    page.tabs.setCurrentWidget(page.cadangan)
    return page


@pytest.fixture
def tab(page):
    return page.cadangan


def select_backup(tab, path: Path) -> None:
    position = tab.model.position_of(path)
    assert position >= 0, path
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    tab.table.selectionModel().select(tab.model.index(position, 0), flags)


def names() -> list[str]:
    return [s.nama for s in list_signatories()]


def test_backup_then_restore_brings_the_data_back(page, tab, qtbot, no_dialogs, store) -> None:
    save_signatory(SignatoryData(nama="Sebelum Cadangan", jabatan="Camat"))
    click(qtbot, tab.backup_button)
    [made] = [b for b in list_backups(store.paths) if b.reason == "manual"]
    assert tab.selected() == made
    assert tab.model.index(0, 1).data() == "Dibuat manual"

    save_signatory(SignatoryData(nama="Sesudah Cadangan", jabatan="Sekcam"))
    assert names() == ["Sebelum Cadangan", "Sesudah Cadangan"]
    select_backup(tab, made.path)
    with qtbot.waitSignal(page._ctx.bus.dataReplaced):
        click(qtbot, tab.restore_button)

    assert [kind for kind, _ in no_dialogs] == ["confirm", "info"]
    assert "SEMUA data saat ini akan diganti" in no_dialogs[0][1]
    assert store.is_open
    assert names() == ["Sebelum Cadangan"]
    assert page.penandatangan.model.rowCount() == 1  # the page reloaded every tab
    saved = [b for b in list_backups(store.paths) if b.reason == "pre-restore"]
    assert len(saved) == 1 and saved[0].path.name in no_dialogs[1][1]
    reasons = {tab.model.index(i, 1).data() for i in range(tab.model.rowCount())}
    assert "Sebelum pemulihan" in reasons

    # the restore itself can be undone from the pre-restore copy
    select_backup(tab, saved[0].path)
    click(qtbot, tab.restore_button)
    assert names() == ["Sebelum Cadangan", "Sesudah Cadangan"]


def test_declining_the_confirmation_changes_nothing(tab, qtbot, monkeypatch, store) -> None:
    from ui import messages

    save_signatory(SignatoryData(nama="A", jabatan="Camat"))
    click(qtbot, tab.backup_button)
    save_signatory(SignatoryData(nama="B", jabatan="Sekcam"))
    monkeypatch.setattr(messages, "confirm", lambda *_: False)
    click(qtbot, tab.restore_button)  # the new backup is still selected
    assert names() == ["A", "B"]
    assert not [b for b in list_backups(store.paths) if b.reason == "pre-restore"]


def test_a_failed_restore_reports_and_reopens_the_database(
    tab, qtbot, monkeypatch, no_dialogs, store
) -> None:
    import ui.pages.pengaturan_cadangan as module

    save_signatory(SignatoryData(nama="A", jabatan="Camat"))
    click(qtbot, tab.backup_button)

    def broken(_paths, _path):
        assert not store.is_open  # the app's connection was closed for the copy
        raise DatabaseError("Pemulihan gagal diperiksa (rusak).")

    monkeypatch.setattr(module, "restore_backup", broken)
    replaced = []
    tab._ctx.bus.dataReplaced.connect(lambda: replaced.append(True))
    click(qtbot, tab.restore_button)
    assert no_dialogs[-1] == ("error", "Pemulihan gagal diperiksa (rusak).")
    assert store.is_open
    assert names() == ["A"]  # and it still works
    save_signatory(SignatoryData(nama="B", jabatan="Sekcam"))
    assert replaced == []


def test_restore_needs_a_selection_and_folder_paths_are_shown(tab, qtbot, store, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    tab.refresh()
    assert not tab.restore_button.isEnabled()
    assert str(store.paths.root) in tab.folder_label.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    click(qtbot, tab.open_button)
    assert opened == [str(store.paths.backups)]


def test_reason_and_size_labels(qapp) -> None:
    assert reason_label("mulai") == "Saat aplikasi dibuka"
    assert reason_label("tutup") == "Saat aplikasi ditutup"
    assert reason_label("pre-restore") == "Sebelum pemulihan"
    assert reason_label("pra-migrasi-v3") == "Sebelum pembaruan basis data (versi 3)"
    assert reason_label("lain") == "lain"
    assert size_label(300) == "1 KB"
    assert size_label(586_000) == "572 KB"
    assert size_label(1_258_291) == "1,2 MB"
    from db.backup import BackupInfo
    from ui.pages.pengaturan_cadangan import when_label

    assert (
        when_label(BackupInfo(Path("x"), datetime(2026, 5, 1, 14, 5), "manual", 1))
        == "Jumat, 1 Mei 2026, 14.05"
    )
