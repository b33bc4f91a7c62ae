"""The columns of the kader workbook: what the export writes and the importer reads back.

One list, so a round trip (export → edit in Excel → import) changes nothing. ``KADER_COLUMNS``
pairs each header with the :class:`db.services.kader.KaderForm` field it carries (``None`` for
"No", a running number). "Kelurahan" and "Posyandu" carry names, resolved to
``kode_wilayah`` / ``posyandu_id`` on import (the posyandu within that kelurahan). NIK and
"No HP" are text cells; the date columns are real dates shown as dd-mm-yyyy.
"""

from __future__ import annotations

KADER_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("No", None),
    ("Nama", "nama"),
    ("NIK", "nik"),
    ("Jenis Kelamin", "jenis_kelamin"),
    ("Tempat Lahir", "tempat_lahir"),
    ("Tanggal Lahir", "tanggal_lahir"),
    ("Agama", "agama"),
    ("Pendidikan", "pendidikan"),
    ("Pekerjaan", "pekerjaan"),
    ("Alamat", "alamat"),
    ("RT", "rt"),
    ("RW", "rw"),
    ("Kelurahan", "kelurahan"),
    ("Posyandu", "posyandu"),
    ("No HP", "hp"),
    ("Jabatan", "jabatan"),
    ("Bidang", "bidang"),
    ("Tingkatan", "tingkatan"),
    ("Status", "status"),
    ("No SK", "sk_nomor"),
    ("Tanggal SK", "sk_tanggal"),
    ("Mulai Aktif", "mulai_aktif"),
    ("Catatan", "catatan"),
)

HEADERS: tuple[str, ...] = tuple(header for header, _ in KADER_COLUMNS)
DATE_FIELDS = frozenset({"tanggal_lahir", "sk_tanggal", "mulai_aktif"})
TEXT_NUMBER_FIELDS = frozenset({"nik", "hp", "rt", "rw"})  # digits that must stay text
DATE_FORMAT = "dd-mm-yyyy"
SHEET_NAME = "Kader"
