"""``kader list [--json]`` and ``kader export FILE`` as a user runs them (subprocess)."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from db.paths import DataPaths
from db.services.kader import KaderForm, save_kader
from db.services.posyandu import PosyanduForm, save_posyandu
from db.session import DataStore
from tests.cli.cli_support import run_app

ROOT = Path(__file__).resolve().parents[2]
NIK = "1872044107850004"


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app(data_dir, "kader", *args)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = DataStore(DataPaths(folder).ensure())
    store.open()
    pid = save_posyandu(PosyanduForm(nama="Posyandu Mawar", kode_wilayah="18.72.04.1001"))
    save_kader(
        KaderForm(
            nama="Hj. Siti Aminah",
            nik=NIK,
            hp="081234567890",
            posyandu_id=pid,
            tingkatan="Madya",
            mulai_aktif=date(2015, 1, 1),
        )
    )
    save_kader(KaderForm(nama="Budi Santoso", posyandu_id=pid, status="nonaktif"))
    store.close()
    return folder


def test_list_json_has_every_field_and_the_full_nik(data_dir: Path) -> None:
    result = _run(data_dir, "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["nama"] for row in rows] == ["Budi Santoso", "Hj. Siti Aminah"]
    siti = rows[1]
    assert siti["nik"] == NIK and siti["hp"] == "+6281234567890" and siti["jenis_kelamin"] == "P"
    assert (siti["posyandu"], siti["kelurahan"], siti["kode_wilayah"]) == (
        "Posyandu Mawar",
        "Yosodadi",
        "18.72.04.1001",
    )
    assert (siti["tanggal_lahir"], siti["mulai_aktif"], siti["tingkatan"]) == (
        "1985-07-01",
        "2015-01-01",
        "Madya",
    )
    only_active = json.loads(_run(data_dir, "list", "--json", "--status", "aktif").stdout)
    assert [row["nama"] for row in only_active] == ["Hj. Siti Aminah"]


def test_plain_list_masks_the_nik(data_dir: Path) -> None:
    result = _run(data_dir, "list")
    assert result.returncode == 0, result.stderr
    assert "1872••••••••0004" in result.stdout and "Jumlah: 2 kader" in result.stdout
    assert not re.search(r"\d{16}", result.stdout)


def test_export_masks_unless_confirmed_and_never_overwrites_silently(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "kader.xlsx"
    first = _run(data_dir, "export", str(target))
    assert first.returncode == 0, first.stderr
    assert "2 kader diekspor" in first.stdout and "--nik-lengkap" in first.stdout
    assert openpyxl.load_workbook(target).active["C3"].value == "1872••••••••0004"

    again = _run(data_dir, "export", str(target), "--nik-lengkap")
    assert again.returncode == 1 and "sudah ada" in again.stderr and "--timpa" in again.stderr

    full = _run(data_dir, "export", str(target), "--nik-lengkap", "--timpa")
    assert full.returncode == 0, full.stderr
    sheet = openpyxl.load_workbook(target).active
    assert (
        sheet["B3"].value == "Hj. Siti Aminah" and sheet["C3"].value == NIK and sheet["C3"].data_type == "s"
    )

    wrong = _run(data_dir, "export", str(tmp_path / "kader.csv"))
    assert wrong.returncode == 1 and ".xlsx" in wrong.stderr
    assert _run(data_dir, "export").returncode == 2  # usage error
