"""Schema 6: certificates — rules per kegiatan, overrides, issued numbers, revocation.

- ``sertifikat_aturan``: one row per kegiatan: eligibility rule (``min_hari`` NULL = every held
  day; ``min_persen`` used instead when not NULL), the template texts as JSON, the signatories,
  background image path (relative to the data folder, '' = built-in border) and print options.
- ``sertifikat_pengecualian``: a per-person override of the rule (``layak`` 1/0) with a note.
- ``sertifikat``: every number ever issued. Name, identity line, jabatan, asal, role, kegiatan name and dates are copied in
  at issue time so the register stays true after the roster or the kegiatan changes or is deleted
  (hence ``SET NULL``, never cascade). ``qr`` is the signed payload printed on the certificate.
  ``status`` valid/dicabut; a revoked number is never reused, and a person holds at most one valid
  certificate per kegiatan (a corrected one is issued under a new number after revoking the old).
- ``nomor_urut``: the last number used per series (e.g. ``sertifikat:2026``); numbers come from here,
  not from ``MAX(urut)``, so a number is never handed out twice even after rows are removed.
- ``penandatangan_gambar``: a signatory's scanned signature (``ttd``) and stamp (``stempel``), at
  most one of each, printed on certificates. A table of its own rather than two BLOB columns on
  ``penandatangan``: every signatory list and edit (print dialogs, pickers) reads that table, and
  must not drag up to 2 × 1 MB of image bytes per row along; the images are read only to print.
  Deleting the signatory deletes its images.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 6

SQL = """
CREATE TABLE sertifikat_aturan (
    kegiatan_id INTEGER PRIMARY KEY REFERENCES kegiatan (id) ON DELETE CASCADE,
    min_hari INTEGER,
    min_persen REAL,
    template TEXT NOT NULL DEFAULT '{}',
    penandatangan1_id INTEGER REFERENCES penandatangan (id) ON DELETE SET NULL,
    penandatangan2_id INTEGER REFERENCES penandatangan (id) ON DELETE SET NULL,
    background_path TEXT NOT NULL DEFAULT '',
    halaman_materi INTEGER NOT NULL DEFAULT 1,
    tampilkan_identitas INTEGER NOT NULL DEFAULT 1,
    diubah TEXT NOT NULL
);

CREATE TABLE sertifikat_pengecualian (
    peserta_id INTEGER PRIMARY KEY REFERENCES peserta (id) ON DELETE CASCADE,
    layak INTEGER NOT NULL,
    catatan TEXT NOT NULL,
    oleh TEXT NOT NULL DEFAULT '',
    waktu TEXT NOT NULL
);

CREATE TABLE sertifikat (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER REFERENCES kegiatan (id) ON DELETE SET NULL,
    peserta_id INTEGER REFERENCES peserta (id) ON DELETE SET NULL,
    seri TEXT NOT NULL,
    urut INTEGER NOT NULL,
    nomor TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    identitas TEXT NOT NULL DEFAULT '',
    jabatan TEXT NOT NULL DEFAULT '',
    asal TEXT NOT NULL DEFAULT '',
    peran TEXT NOT NULL DEFAULT 'Peserta',
    jpl REAL,
    kegiatan_nama TEXT NOT NULL,
    kegiatan_tanggal TEXT NOT NULL DEFAULT '',
    tanggal_terbit TEXT NOT NULL,
    qr TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'valid',
    dicabut_pada TEXT,
    alasan_cabut TEXT NOT NULL DEFAULT '',
    dibuat TEXT NOT NULL
);
CREATE UNIQUE INDEX sertifikat_seri_urut ON sertifikat (seri, urut);
CREATE UNIQUE INDEX sertifikat_peserta_valid ON sertifikat (peserta_id)
    WHERE peserta_id IS NOT NULL AND status = 'valid';
CREATE INDEX sertifikat_kegiatan ON sertifikat (kegiatan_id, urut);

CREATE TABLE nomor_urut (
    seri TEXT PRIMARY KEY,
    terakhir INTEGER NOT NULL
);

CREATE TABLE penandatangan_gambar (
    id INTEGER PRIMARY KEY,
    penandatangan_id INTEGER NOT NULL REFERENCES penandatangan (id) ON DELETE CASCADE,
    jenis TEXT NOT NULL CHECK (jenis IN ('ttd', 'stempel')),
    data BLOB NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('png', 'jpeg')),
    lebar INTEGER NOT NULL,
    tinggi INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX penandatangan_gambar_jenis ON penandatangan_gambar (penandatangan_id, jenis);
"""


def up(database: SqliteDatabase) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            database.execute_sql(statement)
