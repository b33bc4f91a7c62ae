"""The editable texts of a kegiatan's certificates and how they are stored.

Stored in ``sertifikat_aturan.template`` as JSON holding only what differs from the defaults of
:class:`reports.data_sertifikat.CertificateTemplate`, so a kegiatan nobody edited follows improved
defaults. Reading never fails: unknown keys and broken rows are ignored.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from db.errors import ValidationError
from reports.data_sertifikat import DEFAULT_ISI, DEFAULT_PERAN_TEKS, KELOMPOK_MATERI, MateriRow

_TEXT_FIELDS = ("judul", "pembuka", "jpl_teks", "qr_keterangan", "materi_judul")


@dataclass(frozen=True)
class TeksSertifikat:
    """Every editable text of a kegiatan's certificates; defaults are correct Indonesian as they stand.

    ``isi`` per role may use ``{kegiatan}``, ``{tanggal}``, ``{tempat}``; ``jpl_teks`` uses ``{jpl}``.
    ``materi`` is the back page typed by hand (used when the kegiatan's agenda has no JPL rows).
    """

    judul: str = "SERTIFIKAT"
    pembuka: str = "diberikan kepada"
    isi: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ISI))
    jpl_teks: str = "sebanyak {jpl} JPL"
    peran_teks: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_PERAN_TEKS))
    qr_keterangan: str = "Pindai untuk memeriksa keaslian"
    materi_judul: str = "MATERI"
    materi: tuple[MateriRow, ...] = ()


def teks_to_json(teks: TeksSertifikat) -> str:
    """Only what differs from the defaults (a later better default reaches unedited kegiatan)."""
    default, current = TeksSertifikat(), teks_dict(teks)
    stored = {key: value for key, value in current.items() if value != teks_dict(default)[key]}
    return json.dumps(stored, ensure_ascii=False, sort_keys=True)


def teks_dict(teks: TeksSertifikat) -> dict[str, Any]:
    data = {name: getattr(teks, name) for name in _TEXT_FIELDS}
    data["isi"], data["peran_teks"] = dict(teks.isi), dict(teks.peran_teks)
    data["materi"] = [[m.kelompok, m.materi, m.t, m.p, m.pl] for m in teks.materi]
    return data


def teks_from_json(text: str) -> TeksSertifikat:
    """Stored JSON merged over the defaults; unknown or broken entries are ignored, never fatal."""
    try:
        stored = json.loads(text or "{}")
    except (TypeError, ValueError):
        stored = {}
    if not isinstance(stored, dict):
        stored = {}
    default = TeksSertifikat()
    values: dict[str, Any] = {n: str(stored[n]) for n in _TEXT_FIELDS if isinstance(stored.get(n), str)}
    for name in ("isi", "peran_teks"):
        merged = dict(getattr(default, name))
        if isinstance(stored.get(name), dict):
            merged.update({str(k): str(v) for k, v in stored[name].items() if k in merged})
        values[name] = merged
    values["materi"] = tuple(_materi_rows(stored.get("materi")))
    return replace(default, **values)


def _materi_rows(raw: object) -> list[MateriRow]:
    rows = []
    for item in raw if isinstance(raw, list) else []:
        try:
            kelompok, materi, t, p, pl = item
            rows.append(MateriRow(str(kelompok), str(materi), float(t), float(p), float(pl)))
        except (TypeError, ValueError):
            continue
    return rows


def check_teks(teks: TeksSertifikat) -> TeksSertifikat:
    """:class:`ValidationError` for placeholders the certificate cannot fill, empty titles, bad rows."""
    problems: dict[str, str] = {}
    if not teks.judul.strip():
        problems["judul"] = "Judul sertifikat wajib diisi."
    for peran, text in teks.isi.items():
        _check_format(text, {"kegiatan", "tanggal", "tempat"}, f"isi_{peran}", f"Kalimat {peran}", problems)
    _check_format(teks.jpl_teks, {"jpl"}, "jpl_teks", "Kalimat JPL", problems)
    for row in teks.materi:
        if not row.materi.strip():
            problems["materi"] = "Setiap baris materi harus bernama."
        if row.kelompok not in KELOMPOK_MATERI:
            problems["materi"] = "Kelompok materi harus Dasar, Inti atau Penunjang."
    if problems:
        raise ValidationError(problems)
    return teks


def _check_format(text: str, allowed: set[str], key: str, label: str, problems: dict[str, str]) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        problems[key] = f"{label}: kurung kurawal {{ }} tidak berpasangan."
        return
    unknown = names - allowed
    if unknown:
        known = ", ".join("{" + n + "}" for n in sorted(allowed))
        problems[key] = f"{label}: {{{sorted(unknown)[0]}}} tidak dikenal (yang boleh: {known})."
