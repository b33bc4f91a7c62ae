"""``cetak sertifikat``, ``verifikasi``, ``sertifikat cabut`` and ``sertifikat register`` as a user runs
them (subprocess) on the demo bimtek."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from tests.cli.cli_support import run_app

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app(data_dir, *args)


def test_cetak_issues_numbers_then_verifikasi_and_cabut(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "demo").returncode == 0
    out = tmp_path / "sertifikat.pdf"
    first = run(data, "cetak", "sertifikat", "1", "-o", str(out), "--tanggal", "2026-07-23")
    assert first.returncode == 0, first.stderr
    issued = int(first.stdout.split()[0])
    assert issued > 150 and len(PdfReader(out).pages) == 2 * issued
    again = run(data, "cetak", "sertifikat", "1", "-o", str(out), "--tanggal", "2026-07-23")
    assert again.stdout.startswith("0 nomor sertifikat baru") and f"({issued} sudah bernomor)" in again.stdout
    nomor = "003/445.8/BIMTEK-POKJANAL/KEC-MT/VII/2026"
    ok = run(data, "verifikasi", nomor)
    assert ok.returncode == 0 and ok.stdout.startswith("SAH") and "Nama (ditandatangani):" in ok.stdout
    assert run(data, "sertifikat", "cabut", nomor, "--alasan", "salah nama").returncode == 0
    revoked = run(data, "verifikasi", nomor)
    assert revoked.returncode == 1 and revoked.stdout.startswith("DICABUT")
    assert run(data, "verifikasi", "SRT1:RUSAK").returncode == 1
    assert run(data, "verifikasi", "999/TIDAK/ADA").stdout.startswith("TIDAK DITEMUKAN")
    xlsx = run(data, "sertifikat", "register", "1", "-o", str(tmp_path / "r.xlsx"))
    assert xlsx.returncode == 0 and xlsx.stdout.startswith(f"{issued} sertifikat")
    book = run(data, "cetak", "register-sertifikat", "--tahun", "2026", "-o", str(tmp_path / "b.pdf"))
    assert book.returncode == 0 and "Dicabut" in PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
