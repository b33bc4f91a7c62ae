"""``cetak rencana-aksi``, ``cetak monev`` and ``rencana-aksi export/import`` as a user runs them."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from db.paths import DataPaths
from db.session import DataStore
from tests.cli.cli_support import run_app

ROOT = Path(__file__).resolve().parents[2]


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app(data_dir, *args)


def text_of(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


def count_items(folder: Path) -> int:
    store = DataStore(DataPaths(folder).ensure())
    store.open()
    try:
        from db.models import RencanaAksi

        return RencanaAksi.select().count()
    finally:
        store.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from tests.db.rencana_aksi_samples import make_items

    data = tmp_path / "data"
    store = DataStore(DataPaths(data).ensure())
    store.open()
    try:
        make_items()
    finally:
        store.close()
    return data


def test_cetak_matrix_and_monev(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "matriks.pdf"
    done = run(folder, "cetak", "rencana-aksi", "--tahun", "2025", "-o", str(out), "--kertas", "f4")
    assert done.returncode == 0, done.stderr
    assert "1 halaman ditulis" in done.stdout
    text = text_of(out)
    assert text.index("A. KESEHATAN") < text.index("B. PENDIDIKAN") < text.index("C. LINTAS SEKTOR")
    assert "Pemberian makanan tambahan lokal" in text and "Rp1.250.000" in text
    width = float(PdfReader(str(out)).pages[0].mediabox.width)
    assert round(width / 72 * 25.4) == 330  # F4 landscape
    monev = tmp_path / "monev.pdf"
    done = run(folder, "cetak", "monev", "--dari", "01-04-2025", "--sampai", "2025-06-30", "-o", str(monev))
    assert done.returncode == 0, done.stderr
    assert "Triwulan II" in text_of(monev) and "Periode 1 April – 30 Juni 2025" in text_of(monev)
    backwards = run(
        folder, "cetak", "monev", "--dari", "2025-06-30", "--sampai", "2025-01-01", "-o", str(monev)
    )
    assert backwards.returncode == 1 and "Ditolak" in backwards.stderr
    bad_date = run(folder, "cetak", "monev", "--dari", "kemarin", "--sampai", "2025-01-01", "-o", str(monev))
    assert bad_date.returncode == 2


def test_export_then_import_round_trip(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "ra.xlsx"
    done = run(folder, "rencana-aksi", "export", str(path))
    assert done.returncode == 0, done.stderr
    assert "5 rencana aksi ditulis" in done.stdout
    book = openpyxl.load_workbook(path)
    book.active.append([None, 2026, "Sosial", "", "Pendataan disabilitas"])
    book.save(path)
    dry = run(folder, "rencana-aksi", "import", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert (
        "akan ditambah 1, diperbarui 0, tidak berubah 5" in dry.stdout
        and "tidak ada yang disimpan" in dry.stdout
    )
    assert count_items(folder) == 5
    done = run(folder, "rencana-aksi", "import", str(path))
    assert done.returncode == 0 and "telah ditambah 1" in done.stdout
    assert count_items(folder) == 6


def test_import_with_a_bad_row_is_rejected(folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "ra.xlsx"
    run(folder, "rencana-aksi", "export", str(path))
    book = openpyxl.load_workbook(path)
    book.active.append([None, "dua ribu", "Sosial", "", "Pendataan disabilitas"])
    book.active.append([None, 2026, "Sosial", "", "Baris yang baik"])
    book.save(path)
    done = run(folder, "rencana-aksi", "import", str(path))
    assert done.returncode == 1
    assert "baris 7" in done.stderr and "kolom 'Tahun'" in done.stderr and count_items(folder) == 5
    assert run(folder, "rencana-aksi", "import", str(tmp_path / "tidak-ada.xlsx")).returncode == 1
