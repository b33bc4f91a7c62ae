"""Every entity a service records in the audit trail has an Indonesian label in the history view."""

from __future__ import annotations

import re
from pathlib import Path

from db.services.riwayat import ENTITY_LABELS

ROOT = Path(__file__).resolve().parents[2]
_RECORD = re.compile(r"audit\.record\(\s*\"[a-z_]+\",\s*\"([a-z_]+)\"")


def test_every_recorded_entity_has_a_label() -> None:
    recorded = set()
    for path in (ROOT / "db").rglob("*.py"):
        recorded.update(_RECORD.findall(path.read_text(encoding="utf-8")))
    assert recorded, "the scan found no audit.record calls"
    assert sorted(recorded - set(ENTITY_LABELS)) == []
