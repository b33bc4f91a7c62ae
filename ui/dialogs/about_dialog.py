"""About box: version, libraries and their licences, and the wilayah data notice (MIT)."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from resources import APP_NAME, VERSION, resource_path


def _library_versions() -> list[tuple[str, str, str]]:
    import importlib.metadata as md

    rows = [("Python", platform.python_version(), "PSF"), ("Qt", qVersion(), "LGPLv3")]
    rows.append(("PySide6", pyside_version, "LGPLv3"))
    for dist, licence in (
        ("peewee", "MIT"),
        ("reportlab", "BSD"),
        ("openpyxl", "MIT"),
        ("babel", "BSD"),
        ("python-stdnum", "LGPLv2.1+"),
        ("phonenumbers", "Apache 2.0"),
        ("platformdirs", "MIT"),
    ):
        try:
            rows.append((dist, md.version(dist), licence))
        except md.PackageNotFoundError:
            continue
    return rows


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tentang {0}").format(APP_NAME))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{APP_NAME} {VERSION}</h2>")
        layout.addWidget(title)
        layout.addWidget(
            QLabel(self.tr("Aplikasi sekretariat Pokjanal / Tim Pembina Posyandu tingkat kecamatan."))
        )
        browser = QTextBrowser()
        browser.setOpenExternalLinks(False)
        rows = "".join(
            f"<tr><td>{n}</td><td>{v}</td><td>{lic}</td></tr>" for n, v, lic in _library_versions()
        )
        notice_path = resource_path("wilayah.NOTICE.md")
        notice = notice_path.read_text(encoding="utf-8") if notice_path.exists() else ""
        fonts = self.tr("Huruf Liberation Sans/Serif — SIL Open Font License 1.1.")
        icons = self.tr("Ikon Tabler Icons — MIT License.")
        browser.setHtml(
            f"<h3>{self.tr('Pustaka')}</h3><table cellpadding='3'>"
            f"<tr><th align='left'>{self.tr('Nama')}</th><th align='left'>{self.tr('Versi')}</th>"
            f"<th align='left'>{self.tr('Lisensi')}</th></tr>{rows}</table>"
            f"<p>{fonts}<br>{icons}</p>"
            f"<h3>{self.tr('Data kode wilayah Kemendagri')}</h3><pre style='white-space:pre-wrap'>{notice}</pre>"
        )
        layout.addWidget(browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
