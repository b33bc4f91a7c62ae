"""Schema 4: rencana aksi lintas sektor and their monev (monitoring and evaluation) entries.

- ``rencana_aksi``: one planned action. ``lokus`` is a JSON list of places, each a Kemendagri region
  code (``"18.72.04.1001"``) or ``"posyandu:<id>"``; a JSON list rather than a child table because
  the places are only read and printed with their item, never queried on their own.
  ``anggaran`` in whole rupiah (NULL = not budgeted). ``sumber`` is ``manual`` or ``notulen``;
  ``notulen_keputusan_id`` names the notulen decision the item came from. It has NO foreign key on
  purpose: the notulen tables arrive in a later schema step (whichever issue lands first), and SQLite
  cannot add a constraint to an existing column without rebuilding the table. The notulen step may
  rebuild this table to add ``REFERENCES notulen_keputusan (id) ON DELETE SET NULL``.
- ``rencana_aksi_monev``: one monitoring entry per item and date; the latest entry is the item's
  progress. ``bukti_path`` is relative to the data folder (``bukti/…``), "" when no proof is attached.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 4

SQL = """
CREATE TABLE rencana_aksi (
    id INTEGER PRIMARY KEY,
    tahun INTEGER NOT NULL,
    bidang TEXT NOT NULL,
    masalah TEXT NOT NULL DEFAULT '',
    aksi TEXT NOT NULL,
    lokus TEXT NOT NULL DEFAULT '[]',
    indikator TEXT NOT NULL DEFAULT '',
    target_nilai REAL,
    target_satuan TEXT NOT NULL DEFAULT '',
    baseline TEXT NOT NULL DEFAULT '',
    opd TEXT NOT NULL DEFAULT '',
    mitra TEXT NOT NULL DEFAULT '',
    pic_nama TEXT NOT NULL DEFAULT '',
    pic_hp TEXT NOT NULL DEFAULT '',
    mulai TEXT,
    jatuh_tempo TEXT,
    jadwal_teks TEXT NOT NULL DEFAULT '',
    anggaran INTEGER,
    sumber_dana TEXT NOT NULL DEFAULT '',
    sumber TEXT NOT NULL DEFAULT 'manual',
    notulen_keputusan_id INTEGER,
    status TEXT NOT NULL DEFAULT 'Belum mulai',
    urutan INTEGER NOT NULL DEFAULT 0,
    catatan TEXT NOT NULL DEFAULT '',
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE INDEX rencana_aksi_tahun ON rencana_aksi (tahun, bidang, urutan);
CREATE INDEX rencana_aksi_tempo ON rencana_aksi (jatuh_tempo);
CREATE INDEX rencana_aksi_notulen ON rencana_aksi (notulen_keputusan_id);

CREATE TABLE rencana_aksi_monev (
    id INTEGER PRIMARY KEY,
    rencana_aksi_id INTEGER NOT NULL REFERENCES rencana_aksi (id) ON DELETE CASCADE,
    tanggal TEXT NOT NULL,
    periode TEXT NOT NULL DEFAULT '',
    realisasi_nilai REAL,
    realisasi_persen REAL,
    kendala TEXT NOT NULL DEFAULT '',
    tindak_lanjut TEXT NOT NULL DEFAULT '',
    bukti_path TEXT NOT NULL DEFAULT '',
    dicatat_oleh TEXT NOT NULL DEFAULT '',
    dibuat TEXT NOT NULL
);
CREATE INDEX rencana_aksi_monev_item ON rencana_aksi_monev (rencana_aksi_id, tanggal);
CREATE INDEX rencana_aksi_monev_tanggal ON rencana_aksi_monev (tanggal);
"""


def up(database: SqliteDatabase) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            database.execute_sql(statement)
