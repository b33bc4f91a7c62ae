"""``peserta import`` / ``peserta export`` through ``cli.run``, and the export → import round trip."""

from __future__ import annotations

from openpyxl import load_workbook

from cli import run
from db.database import db
from db.importer.apply import apply_plan
from db.importer.plan import ImportOptions
from db.masking import mask_nik
from db.services.peserta import roster
from db.services.peserta_export import export_peserta
from db.services.peserta_import import PESERTA_COLUMNS, WARN_MASKED_NIK, plan_peserta_file
from db.session import DataStore
from tests.importer.peserta_roster import (
    AMBIGUOUS,
    TOTAL,
    make_bimtek,
    make_registry,
    roster_rows,
    roster_workbook,
)


def _peserta(paths) -> list[tuple]:
    store = DataStore(paths, auto_backup=False)
    store.open()
    try:
        return db.execute_sql("SELECT nama, nik, kader_id FROM peserta ORDER BY no_urut").fetchall()
    finally:
        store.close()


def test_cli_import_then_export(office, paths, tmp_path, capsys):
    people = make_registry(office)
    kegiatan = make_bimtek()
    office["store"].close()
    rows = roster_rows(people)
    ganda = roster_workbook(tmp_path / "ganda.xlsx", [*rows, list(rows[5])])
    base = ["--data-dir", str(paths.root), "peserta"]
    assert run([*base, "import", str(kegiatan), str(ganda), "--terima-peringatan"]) == 1
    err = capsys.readouterr().err
    assert "DITOLAK" in err and f"baris {4 + TOTAL}: Duplikat di dalam berkas: sama dengan baris 9." in err
    assert _peserta(paths) == []

    good = roster_workbook(tmp_path / "baik.xlsx", rows)
    assert run([*base, "import", str(kegiatan), str(good)]) == 1  # warnings not yet accepted
    assert "Peringatan harus diterima" in capsys.readouterr().err
    assert run([*base, "import", str(kegiatan), str(good), "--terima-peringatan", "--dry-run"]) == 0
    assert "tidak ada yang disimpan" in capsys.readouterr().out and _peserta(paths) == []
    report = tmp_path / "laporan.xlsx"
    assert (
        run([*base, "import", str(kegiatan), str(good), "--terima-peringatan", "--laporan", str(report)]) == 0
    )
    assert f"Tersimpan: {TOTAL} peserta baru." in capsys.readouterr().out
    assert len(_peserta(paths)) == TOTAL and report.exists()

    out = tmp_path / "ekspor.xlsx"
    assert run([*base, "export", str(kegiatan), str(out)]) == 0
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]] == [title for title, _ in PESERTA_COLUMNS]
    assert sheet.cell(2, 3).value == mask_nik(people[0].nik) and sheet.cell(2, 3).data_type == "s"
    assert sheet.max_row == TOTAL + 1
    assert run([*base, "import", "999", str(good)]) == 1
    assert "Kegiatan tidak ditemukan" in capsys.readouterr().err


def test_export_import_round_trip(office, tmp_path):
    people = make_registry(office)
    first = make_bimtek()
    path = roster_workbook(tmp_path / "peserta.xlsx", roster_rows(people))
    apply_plan(plan_peserta_file(first, path, ImportOptions(accept_warnings=True)))
    before = roster(first)
    exported = tmp_path / "ekspor.xlsx"
    assert export_peserta(first, exported, full_nik=True) == TOTAL
    second = make_bimtek()
    plan = plan_peserta_file(second, exported)
    # only the two namesakes still ask (the NIK column is text now: no numeric-cell warnings)
    assert plan.counts() == {"baru": TOTAL - AMBIGUOUS, "peringatan": AMBIGUOUS}
    apply_plan(plan_peserta_file(second, exported, ImportOptions(accept_warnings=True)))
    after = roster(second)
    fields = ("nama", "nik", "nip", "jenis_kelamin", "jabatan", "instansi", "kode_wilayah", "asal_opd", "posyandu",
              "hp", "peran")  # fmt: skip
    assert [tuple(getattr(r, f) for f in fields) for r in after] == [
        tuple(getattr(r, f) for f in fields) for r in before
    ]
    # the ambiguous namesakes stay unlinked; everyone else keeps the same kader link
    assert [r.kader_id for r in after] == [r.kader_id for r in before]


def test_export_is_formula_safe(office, tmp_path):
    from db.services.peserta import PesertaForm, save_peserta

    kegiatan = make_bimtek()
    save_peserta(
        PesertaForm(kegiatan_id=kegiatan, nama='=HYPERLINK("http://x","klik")', instansi="+62 Dinas")
    )
    out = tmp_path / "aman.xlsx"
    export_peserta(kegiatan, out)
    cell = load_workbook(out).active.cell(2, 2)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK") and cell.quotePrefix


def test_masked_export_relinks_by_name(office, tmp_path):
    people = make_registry(office)
    first = make_bimtek()
    apply_plan(plan_peserta_file(first, roster_workbook(tmp_path / "p.xlsx", roster_rows(people)),
                                 ImportOptions(accept_warnings=True)))  # fmt: skip
    masked = tmp_path / "samar.xlsx"
    export_peserta(first, masked)
    second = make_bimtek()
    plan = plan_peserta_file(second, masked)
    with_nik = [r for r in plan.rows if r.record.nama in {p.nama for p in people[:150]}]
    assert all(r.status == "peringatan" and r.warnings[0].reason == WARN_MASKED_NIK for r in with_nik)
    apply_plan(plan_peserta_file(second, masked, ImportOptions(accept_warnings=True)))
    assert [r.kader_id for r in roster(second)] == [r.kader_id for r in roster(first)]
    # the masked NIK is not read, but a linked kader's NIK comes from the registry again
    assert [r.nik for r in roster(second)] == [r.nik for r in roster(first)]
