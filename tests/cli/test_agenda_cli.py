"""``cetak susunan-acara``, ``cetak materi`` and ``cetak undangan`` as a user runs them (subprocess)
on the demo data, read back with pypdf; a wrong kegiatan id fails with an Indonesian message."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.paths import DataPaths
from db.session import DataStore

ROOT = Path(__file__).resolve().parents[2]


def cetak(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "cetak", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def text_of(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages).split()
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from db.database import db
    from db.services.agenda import list_agenda
    from db.services.demo import load_demo
    from db.services.demo_kegiatan import BIMTEK_NAMA, RAKOR_NAMA

    data_dir = tmp_path_factory.mktemp("agenda-cli") / "data"
    store = DataStore(DataPaths(data_dir).ensure())
    store.open()
    try:
        load_demo()
        ids = [db.execute_sql("SELECT id FROM kegiatan WHERE nama = ?", (n,)).fetchone()[0]
               for n in (BIMTEK_NAMA, RAKOR_NAMA)]  # fmt: skip
        acara = [r.acara for r in list_agenda(ids[0])]
    finally:
        store.close()
    return {"dir": data_dir, "bimtek": ids[0], "rakor": ids[1], "acara": acara}


def test_susunan_acara_and_materi(demo: dict, tmp_path: Path) -> None:
    out = tmp_path / "susunan.pdf"
    result = cetak(demo["dir"], "susunan-acara", str(demo["bimtek"]), "-o", str(out), "--penandatangan", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"2 halaman ditulis ke {out}"
    text = text_of(out)
    position = 0
    for acara in demo["acara"]:  # every item, in order (ISHOMA thrice: search on from the last hit)
        position = text.index(" ".join(acara.split()[:3]), position)
    assert "Agus Setiawan, S.Sos." in text
    out = tmp_path / "materi.pdf"
    result = cetak(demo["dir"], "materi", str(demo["bimtek"]), "-o", str(out), "--kertas", "f4")
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "A Materi Dasar" in text and "C Materi Penunjang" in text
    assert text.split("JUMLAH")[-1].split()[:4] == ["10", "11", "3", "24"]


def test_undangan(demo: dict, tmp_path: Path) -> None:
    out = tmp_path / "undangan.pdf"
    result = cetak(demo["dir"], "undangan", str(demo["rakor"]), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "Hal : Undangan Rapat Koordinasi" in text and "Yth. 1. Anggota Pokjanal Posyandu" in text
    assert "Bambang Suryanto, S.STP., M.Si." in text and "Tembusan: Wali Kota Metro" in text


def test_unknown_kegiatan(demo: dict, tmp_path: Path) -> None:
    result = cetak(demo["dir"], "undangan", "999", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode != 0 and "Kegiatan tidak ditemukan" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
