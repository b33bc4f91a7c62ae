"""Bridge from a parsed row to the kader service: build the :class:`KaderForm`, check it.

The preview runs :func:`check_record` (the same :func:`check_kader` the edit dialog uses, no
writes), so what the preview accepts is exactly what :func:`db.services.kader.save_kader` will
accept in the apply step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from db.errors import ValidationError
from db.importer.rows import KaderRecord
from db.services.kader import KaderForm, check_kader, get_kader

_FORM_FIELDS = tuple(f.name for f in fields(KaderForm) if f.name != "id")
_FIELD_COLUMNS = {"posyandu_id": "posyandu", "kode_wilayah": "kelurahan"}  # service field → import field


@dataclass(frozen=True)
class RowCheck:
    form: KaderForm | None
    problems: dict[str, str] = field(default_factory=dict)  # import field key → reason
    warnings: list[str] = field(default_factory=list)


def record_form(record: KaderRecord, kader_id: int | None = None) -> KaderForm:
    values = {name: getattr(record, name) for name in _FORM_FIELDS if hasattr(record, name)}
    return KaderForm(id=kader_id, **values)


def merged(existing: KaderForm, incoming: KaderForm) -> KaderForm:
    """Update policy: every value the file gives wins; cells it leaves empty keep the stored
    value. The "perlu dicek" mark stays until someone confirms the NIK in the app."""
    changes = {
        name: getattr(incoming, name)
        for name in _FORM_FIELDS
        if name != "nik_perlu_dicek" and getattr(incoming, name) not in (None, "")
    }
    if incoming.nik:
        same = incoming.nik == existing.nik
        changes["nik_perlu_dicek"] = incoming.nik_perlu_dicek or (same and existing.nik_perlu_dicek)
    return replace(existing, **changes)


def check_record(record: KaderRecord, existing_id: int | None) -> RowCheck:
    """Validate one row as the service would save it (update: merged onto the stored kader)."""
    form = record_form(record, existing_id)
    if existing_id is not None:
        form = merged(get_kader(existing_id).form, form)
    try:
        checked = check_kader(form)
    except ValidationError as exc:
        return RowCheck(None, {_FIELD_COLUMNS.get(k, k): v for k, v in exc.problems.items()})
    return RowCheck(checked.form, {}, list(checked.warnings))
