"""Reading the roster of a kegiatan: filters (peran, asal, attendance status), the search used by
check-in and the Peserta tab (best matches first), and the count per asal."""

from __future__ import annotations

from db.services.peserta import (
    AsalCount,
    PesertaFilter,
    PesertaRow,
    asal_label,
    fold_text,
    roster,
)


def _matches_filter(row: PesertaRow, filters: PesertaFilter | None) -> bool:
    if filters is None:
        return True
    if filters.peran and row.peran != filters.peran:
        return False
    if filters.kode_wilayah and not (row.kode_wilayah + ".").startswith(filters.kode_wilayah + "."):
        return False
    return not (filters.asal_opd and row.asal_opd.casefold() != filters.asal_opd.casefold())


def list_peserta(kegiatan_id: int, filters: PesertaFilter | None = None) -> list[PesertaRow]:
    rows = [r for r in roster(kegiatan_id) if _matches_filter(r, filters)]
    if filters is None or not filters.status:
        return rows
    from db.services.peserta_status import (
        status_matcher,
    )  # only when asked: the roster does not need the days

    ids, negate = status_matcher(kegiatan_id, filters.status, filters.hari_ini)
    return [r for r in rows if (r.id in ids) != negate]


def match_score(row: PesertaRow, query: str) -> int:
    """How well ``query`` (already folded) names ``row``: 0 no match … 100 the exact code."""
    if row.kode.casefold() == query:
        return 100
    name = fold_text(row.nama)
    if name == query or (row.nik and row.nik == query):
        return 90
    if name.startswith(query):
        return 70
    if any(word.startswith(query) for word in name.split()):
        return 60
    if query in name:
        return 50
    if len(query) >= 4 and query.isdigit() and query in row.nik:
        return 40
    if row.kode.casefold().startswith(query) or query in fold_text(row.asal):
        return 20
    return 0


def search_peserta(kegiatan_id: int, text: str, filters: PesertaFilter | None = None) -> list[PesertaRow]:
    """Roster search over nama, NIK (4+ digits), kode and asal; best matches first. An empty text
    returns the (filtered) roster in order."""
    query = fold_text(text)
    rows = list_peserta(kegiatan_id, filters)
    if not query:
        return rows
    scored = [(match_score(row, query), row) for row in rows]
    return [row for score, row in sorted(scored, key=lambda s: (-s[0], s[1].no_urut)) if score > 0]


def count_per_asal(kegiatan_id: int) -> list[AsalCount]:
    """How many participants come from each asal, in roster print order of the asal."""
    counts: dict[tuple[str, str], int] = {}
    for row in roster(kegiatan_id):
        key = (row.kode_wilayah, row.asal_opd if not row.kode_wilayah else "")
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts, key=lambda k: (k[0] == "", k[0], k[1].casefold()))
    return [AsalCount(asal_label(k[0], k[1]), k[0], k[1], counts[k]) for k in ordered]
