"""pytest-qt: "Kirim ke Kota…" from the Kegiatan list writes the package (clicks only), and the
Rekap Kota page switches mode kota on, imports a good and a tampered package and opens a notulen."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db.models import KotaPaket, Notulen
from db.services.demo_kegiatan import RAKOR_NAMA
from tests.db.kota_support import load_sender, opened, rewrite
from tests.ui.kegiatan_support import make_page
from tests.ui.pengaturan_support import activate, click

SHOTS = Path(os.environ.get("KOTA_SHOTS", "")) if os.environ.get("KOTA_SHOTS") else None


def _shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _checked_names(dialog) -> list[str]:  # noqa: ANN001
    items = [dialog.kegiatan_list.item(i) for i in range(dialog.kegiatan_list.count())]
    return [i.text().split(" · ")[0] for i in items if i.checkState() == Qt.CheckState.Checked]


def test_kirim_ke_kota_from_the_list(tmp_path: Path, qtbot, no_dialogs) -> None:  # noqa: ANN001
    usb = tmp_path / "usb"
    usb.mkdir()
    with opened(tmp_path / "data") as store:
        ids = load_sender(tmp_path)
        page = make_page(store, qtbot)
        page.select_kegiatan(ids["Rakor"])
        click(qtbot, page.kota_button)
        dialog = page.kota_dialog
        qtbot.waitExposed(dialog)
        assert _checked_names(dialog) == [RAKOR_NAMA]
        dialog.dari.setDate(dialog.dari.date().addYears(-1))
        dialog.sampai.setDate(dialog.sampai.date().addYears(1))
        click(qtbot, dialog.period_button)
        assert len(_checked_names(dialog)) == 3  # bimtek, both rakor
        dialog.folder_edit.setText(str(usb))
        click(qtbot, dialog.nik_box)  # asks first (no_dialogs answers yes) …
        assert dialog.nik_box.isChecked() and no_dialogs[-1][0] == "confirm"
        click(qtbot, dialog.nik_box)  # … and is switched off again: NIK stays masked
        _shot(dialog, "kirim-kota-dialog")
        click(qtbot, dialog.send_button)
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
        (paket,) = usb.glob("*.zip")
        assert paket == dialog.written and paket.name.startswith("Paket Kota - Kecamatan Metro Timur")
        assert [k for k, _ in no_dialogs][-1] == "info" and str(paket) in no_dialogs[-1][1]
        manifest = json.loads(zipfile.ZipFile(paket).read("manifest.json"))
        assert len(manifest["kegiatan"]) == 3 and not manifest["kegiatan"][0]["nik_lengkap"]
        assert Notulen.get(Notulen.kegiatan == ids["Rakor"]).status == "terkirim"


@pytest.fixture(scope="module")
def paket(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.services.kota_paket import export_paket

    root = tmp_path_factory.mktemp("kecamatan")
    with opened(root / "data"):
        ids = load_sender(root)
        return export_paket([ids["Bimtek/Pelatihan"], ids["Rakor"]], root / "paket.zip")


def _kota_page(store, qtbot):  # noqa: ANN001, ANN202
    from ui.app import create_application
    from ui.bus import AppBus
    from ui.context import AppContext
    from ui.pages import PAGES
    from ui.pages.kota_page import KotaPage

    create_application()
    page = KotaPage(AppContext(store=store, bus=AppBus()), next(s for s in PAGES if s.key == "kota"))
    qtbot.addWidget(page)
    page.resize(1366 - 210, 740)
    page.show()
    qtbot.waitExposed(page)
    activate(qtbot, page)
    page.refresh()
    return page


def test_rekap_kota_page_imports_and_opens(
    paket: Path, tmp_path: Path, qtbot, no_dialogs, monkeypatch
) -> None:  # noqa: ANN001
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    def flip(name: str, data: bytes) -> bytes:
        return data[:900] + bytes([data[900] ^ 1]) + data[901:] if name.endswith("daftar-hadir.pdf") else data

    bad = rewrite(paket, tmp_path / "ubah.zip", flip)
    opened_urls: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(paket), str(bad)], ""))
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened_urls.append(url.toLocalFile()) or True
    )
    with opened(tmp_path / "kota") as store:
        page = _kota_page(store, qtbot)
        assert page.stack.currentIndex() == 0
        _shot(page, "rekap-kota-mati")
        click(qtbot, page.enable_button)  # asks first (no_dialogs answers yes)
        assert no_dialogs[-1][0] == "confirm" and "kabupaten/kota" in no_dialogs[-1][1]
        assert page.stack.currentIndex() == 1
        click(qtbot, page.import_button)
        lines = [page.results.item(i).text() for i in range(page.results.count())]
        assert lines[0].startswith("✔ paket.zip") and "2 kegiatan baru" in lines[0]
        assert lines[1].startswith("✘ ubah.zip: ditolak") and "SHA-256" in lines[1]
        assert KotaPaket.select().count() == 2
        rekap = page.rekap_model.rows()
        assert [r.kantor_nama for r in rekap] == ["KECAMATAN METRO TIMUR", "Jumlah"]
        assert rekap[-1].kegiatan == 2 and rekap[-1].keputusan == 3
        rakor = page.paket_model.position_of(
            next(r.id for r in page.paket_model.rows() if r.jenis == "Rakor")
        )
        page.paket_table.selectRow(rakor)
        click(qtbot, page.open_button)
        assert opened_urls and opened_urls[-1].endswith("/v1/notulen.pdf") and Path(opened_urls[-1]).is_file()
        page.kantor_combo.setCurrentIndex(page.kantor_combo.findData("18.72.04"))
        assert len(page.paket_model.rows()) == 2
        _shot(page, "rekap-kota")
        click(qtbot, page.import_button)  # the same files again: nothing added
        assert "2 kegiatan sudah ada" in page.results.item(0).text() and KotaPaket.select().count() == 2
