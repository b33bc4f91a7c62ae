"""``kader import`` through the real command line entry (``cli.run``), as a user types it."""

from __future__ import annotations

from cli import run
from db.database import db
from db.session import DataStore
from tests.importer.builders import NIK_BUDI, messy_workbook


def _run(paths, *argv: str) -> int:
    return run(["--data-dir", str(paths.root), "kader", "import", *argv])


def _kader(paths) -> list[tuple]:
    store = DataStore(paths, auto_backup=False)
    store.open()
    try:
        return db.execute_sql("SELECT nama, nik, nik_perlu_dicek FROM kader ORDER BY nama").fetchall()
    finally:
        store.close()


def test_cli_rejects_then_imports(office, paths, tmp_path, capsys):
    office["store"].close()
    bad = messy_workbook(tmp_path / "buruk.xlsx")
    assert _run(paths, str(bad), "--terima-peringatan") == 1
    err = capsys.readouterr().err
    assert "DITOLAK" in err and "baris 10, kolom 'No. KTP': NIK harus 16 angka" in err
    assert _kader(paths) == []

    good = messy_workbook(tmp_path / "baik.xlsx", bad_row=False)
    assert _run(paths, str(good)) == 1  # the numeric NIK must be acknowledged
    assert "digit terakhir mungkin hilang" in capsys.readouterr().err
    assert _run(paths, str(good), "--terima-peringatan", "--dry-run") == 0
    assert "tidak ada yang disimpan" in capsys.readouterr().out
    assert _kader(paths) == []

    report = tmp_path / "laporan.xlsx"
    assert _run(paths, str(good), "--terima-peringatan", "--laporan", str(report)) == 0
    assert "3 kader baru" in capsys.readouterr().out
    rows = _kader(paths)
    assert len(rows) == 3 and ("Budi Santoso", NIK_BUDI, 0) in rows
    assert [r for r in rows if r[0] == "Siti Aminah"][0][2] == 1
    assert report.stat().st_size > 0

    assert _run(paths, str(good), "--terima-peringatan") == 0  # duplicates skipped by default
    assert "4 dilewati" in capsys.readouterr().out  # 3 in the registry + 1 in-file twin
    assert len(_kader(paths)) == 3


def test_cli_refuses_hostile_file(office, paths, tmp_path, capsys):
    office["store"].close()
    fake = tmp_path / "data.xlsx"
    fake.write_bytes(b"Nama,NIK\nSiti,1872046107850001\n")
    assert _run(paths, str(fake)) == 1
    assert "CSV" in capsys.readouterr().err
