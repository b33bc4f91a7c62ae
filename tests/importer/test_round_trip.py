"""Export → import reads every column back: the demo registry round-trips without a change."""

from __future__ import annotations

from db.database import db
from db.importer.apply import apply_plan
from db.importer.header import field_for
from db.importer.pipeline import plan_file
from db.importer.plan import ImportOptions
from db.services.demo import load_demo
from db.services.kader_columns import KADER_COLUMNS
from db.services.kader_export import export_kader


def test_every_export_header_maps_to_its_field():
    assert {header: field_for(header) for header, _ in KADER_COLUMNS} == {
        header: key or "no" for header, key in KADER_COLUMNS
    }


def test_demo_registry_round_trips_unchanged(store, tmp_path):
    load_demo()
    path = tmp_path / "kader.xlsx"
    count = export_kader(path, full_nik=True)
    before = db.execute_sql("SELECT * FROM kader ORDER BY id").fetchall()
    plan = plan_file(path, ImportOptions(on_duplicate="perbarui", accept_warnings=True))
    statuses = {row.status for row in plan.rows}
    assert len(plan.rows) == count and statuses == {"perbarui"}, [
        r.problems for r in plan.rows if r.problems
    ][:3]
    result = apply_plan(plan)
    assert result.updated == count
    assert db.execute_sql("SELECT * FROM kader ORDER BY id").fetchall() == before
