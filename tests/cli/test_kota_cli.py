"""``ekspor kota`` and ``impor kota`` as a user runs them: exit codes 0/1/2 and one line per file."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from tests.cli.cli_support import run_app
from tests.db.kota_support import load_sender, opened

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app(data_dir, *args)


def test_export_then_import_twice_then_a_damaged_file(tmp_path: Path) -> None:
    sender, kota, usb = tmp_path / "kecamatan", tmp_path / "kota", tmp_path / "usb"
    usb.mkdir()
    with opened(sender):
        ids = load_sender(sender)
    done = run(sender, "ekspor", "kota", str(ids["Bimtek/Pelatihan"]), str(ids["Rakor"]), "-o", str(usb))
    assert done.returncode == 0, done.stderr
    (paket,) = usb.glob("*.zip")
    assert paket.name.startswith("Paket Kota - Kecamatan Metro Timur - 2 kegiatan")
    assert "kegiatan-02/notulen.pdf" in zipfile.ZipFile(paket).namelist()
    assert run(sender, "ekspor", "kota", "999", "-o", str(usb / "x.zip")).returncode == 1
    assert run(sender, "ekspor", "kota", "-o", str(usb / "x.zip")).returncode == 2

    refused = run(kota, "impor", "kota", str(paket))
    assert refused.returncode == 1 and "mode kota belum aktif" in refused.stderr
    first = run(kota, "impor", "kota", "--aktifkan-mode-kota", str(paket))
    assert first.returncode == 0 and "2 kegiatan baru" in first.stdout, first.stderr
    damaged = usb / "rusak.zip"
    data = bytearray(paket.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    again = run(kota, "impor", "kota", str(paket), str(damaged))
    assert again.returncode == 1
    assert "2 kegiatan sudah ada" in again.stdout and "rusak.zip: ditolak:" in again.stderr
    with opened(kota):
        from db.models import KotaPaket

        assert KotaPaket.select().count() == 2
