"""``kegiatan list|create``, ``peserta list`` and ``hadir`` as a user runs them (subprocess), with
the exit codes of the other commands (0 ok, 1 rejected, 2 usage)."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.paths import DataPaths
from db.services.kegiatan import KegiatanForm, save_kegiatan
from db.services.peserta import PesertaForm, save_peserta
from db.services.peserta_search import list_peserta
from db.session import DataStore
from tests.cli.cli_support import run_app

ROOT = Path(__file__).resolve().parents[2]
NIK = "1872044107850004"


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app(data_dir, *args)


def _statuses(data_dir: Path) -> dict[str, str]:
    conn = sqlite3.connect(DataPaths(data_dir).database)
    rows = conn.execute(
        "SELECT p.kode, k.status FROM kehadiran k JOIN peserta p ON p.id = k.peserta_id"
    ).fetchall()
    conn.close()
    return dict(rows)


@pytest.fixture
def data_dir(tmp_path: Path) -> tuple[Path, list[str]]:
    from datetime import date

    folder = tmp_path / "data"
    store = DataStore(DataPaths(folder).ensure())
    store.open()
    kid = save_kegiatan(KegiatanForm(jenis="Rakor", nama="Rakor Pokjanal", tanggal_mulai=date(2026, 5, 4),
                                     tanggal_selesai=date(2026, 5, 5)))  # fmt: skip
    save_peserta(PesertaForm(kegiatan_id=kid, nama="Siti Aminah", nik=NIK, kode_wilayah="18.72.04.1001"))
    save_peserta(PesertaForm(kegiatan_id=kid, nama="Budi", hp="081234567890", peran="Narasumber"))
    save_peserta(PesertaForm(kegiatan_id=kid, nama="Cici"))
    codes = [p.kode for p in list_peserta(kid)]
    store.close()
    return folder, codes


def test_create_then_list(data_dir) -> None:
    folder, _codes = data_dir
    made = _run(folder, "kegiatan", "create", "--jenis", "Bimtek/Pelatihan", "--nama", "Bimtek ILP",
                "--mulai", "2026-06-01", "--selesai", "2026-06-03", "--tempat", "Aula")  # fmt: skip
    assert made.returncode == 0, made.stderr
    new_id = int(made.stdout.strip())
    rows = json.loads(_run(folder, "kegiatan", "list", "--json").stdout)
    created = next(r for r in rows if r["id"] == new_id)
    assert (created["nama"], created["tempat"], created["jumlah_hari"], created["tanggal_mulai"]) == (
        "Bimtek ILP",
        "Aula",
        3,
        "2026-06-01",
    )
    plain = _run(folder, "kegiatan", "list")
    assert "Bimtek ILP" in plain.stdout and "Jumlah: 2 kegiatan" in plain.stdout


def test_create_rejects_bad_input(data_dir) -> None:
    folder, _codes = data_dir
    bad = _run(folder, "kegiatan", "create", "--jenis", "Konser", "--nama", "X", "--mulai", "2026-06-03",
               "--selesai", "2026-06-01")  # fmt: skip
    assert bad.returncode == 1
    assert "Jenis kegiatan" in bad.stderr and "sebelum tanggal mulai" in bad.stderr
    usage = _run(folder, "kegiatan", "create", "--jenis", "Rakor", "--nama", "X", "--mulai", "1-6-2026",
                 "--selesai", "2026-06-01")  # fmt: skip
    assert usage.returncode == 2 and "TTTT-BB-HH" in usage.stderr


def test_peserta_list(data_dir) -> None:
    folder, codes = data_dir
    rows = json.loads(_run(folder, "peserta", "list", "1", "--json").stdout)
    assert [(r["nama"], r["kode"], r["peran"]) for r in rows] == [
        ("Siti Aminah", codes[0], "Peserta"),
        ("Budi", codes[1], "Narasumber"),
        ("Cici", codes[2], "Peserta"),
    ]
    assert rows[0]["nik"] == NIK and rows[0]["asal"] == "Kelurahan Yosodadi"
    plain = _run(folder, "peserta", "list", "1")
    assert "1872••••••••0004" in plain.stdout and "0812-3456-7890" in plain.stdout
    assert not re.search(r"\d{16}", plain.stdout) and "Jumlah: 3 peserta" in plain.stdout
    missing = _run(folder, "peserta", "list", "99")
    assert missing.returncode == 1 and "tidak ditemukan" in missing.stderr


def test_hadir_by_code_and_all(data_dir) -> None:
    folder, codes = data_dir
    done = _run(folder, "hadir", "1", "--hari", "1", "--kode", codes[0].lower(), codes[2])
    assert done.returncode == 0, done.stderr
    assert "2 peserta hadir pada hari ke-1 (04-05-2026)" in done.stdout
    assert _statuses(folder) == {codes[0]: "hadir", codes[2]: "hadir"}
    unknown = _run(folder, "hadir", "1", "--hari", "2", "--kode", codes[1], "XXXXXX")
    assert unknown.returncode == 1 and "XXXXXX" in unknown.stderr
    assert len(_statuses(folder)) == 2  # nothing written
    everyone = _run(folder, "hadir", "1", "--hari", "1", "--semua", "--status", "izin")
    assert everyone.returncode == 0 and set(_statuses(folder).values()) == {"izin"}
    assert _run(folder, "hadir", "1", "--hari", "3", "--semua").returncode == 1
    assert _run(folder, "hadir", "1", "--hari", "1").returncode == 2  # --kode or --semua needed
    assert _run(folder, "hadir", "1", "--hari", "1", "--semua", "--status", "telat").returncode == 2
