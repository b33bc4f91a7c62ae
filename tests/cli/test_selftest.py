"""``--selftest``: passes on a healthy install, fails loudly with a reason, writes nothing outside temp."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cli.selftest import run_selftest
from reports import pdfcheck

ROOT = Path(__file__).resolve().parents[2]


def test_selftest_passes_and_reports_in_indonesian(capsys) -> None:
    assert run_selftest() == 0
    out = capsys.readouterr().out
    assert "Uji mandiri Pokjanal Desk" in out and ": OK" in out
    assert "PDF uji: 1 halaman" in out
    assert "2 huruf tertanam" in out


def test_selftest_fails_with_the_reason(monkeypatch, capsys) -> None:
    real = pdfcheck.inspect_pdf

    def without_fonts_embedded(data: bytes) -> pdfcheck.PdfSummary:
        summary = real(data)
        return pdfcheck.PdfSummary(summary.pages, summary.text, (pdfcheck.PdfFont("Helvetica", False),))

    monkeypatch.setattr(pdfcheck, "inspect_pdf", without_fonts_embedded)
    assert run_selftest() == 1
    assert "GAGAL: huruf tidak tertanam: Helvetica" in capsys.readouterr().out


def test_selftest_reports_missing_kop_text(monkeypatch, capsys) -> None:
    real = pdfcheck.inspect_pdf
    monkeypatch.setattr(
        pdfcheck,
        "inspect_pdf",
        lambda data: pdfcheck.PdfSummary(1, real(data).text.replace("METRO PUSAT", ""), ()),
    )
    assert run_selftest() == 1
    assert "teks tidak ditemukan di PDF: 'KECAMATAN METRO PUSAT'" in capsys.readouterr().out


def test_main_selftest_writes_nothing_outside_temp(tmp_path: Path) -> None:
    data_dir = tmp_path / "data-pengguna"
    env = {**os.environ, "POKJANAL_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--selftest"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": OK" in result.stdout
    assert list(tmp_path.iterdir()) == []  # neither the user's data folder nor files in the cwd
