"""Schema 3: kegiatan (activities), their days and quotas, the participant roster and attendance.

- ``kegiatan``: one activity; ``uang`` is JSON ``{"satuan": "hari"|"kegiatan", "peran": {peran: rupiah}}``
  for the tanda terima (transport/honorarium) sheet.
- ``kegiatan_hari``: one row per calendar day of the range (``hari_ke`` = 1 + days after the start),
  a day can be skipped (``dilewati``) and has its own times.
- ``kegiatan_kuota``: seats per asal (a region code, or a free label such as an OPD).
- ``peserta``: the roster; ``kode`` is the check-in code printed on the name tag (unique in the
  file); one NIK and one linked kader at most once per kegiatan.
- ``kehadiran``: one status per participant and day; ``sebelumnya`` keeps the previous state as
  JSON (``null`` = no row before) so the last change can be undone, SQL NULL = nothing to undo.
- ``kehadiran_batch``: who back-filled a paper sheet and when.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 3

SQL = """
CREATE TABLE kegiatan (
    id INTEGER PRIMARY KEY,
    jenis TEXT NOT NULL,
    nama TEXT NOT NULL,
    tema TEXT NOT NULL DEFAULT '',
    penyelenggara TEXT NOT NULL DEFAULT '',
    dasar TEXT NOT NULL DEFAULT '',
    tanggal_mulai TEXT NOT NULL,
    tanggal_selesai TEXT NOT NULL,
    tempat TEXT NOT NULL DEFAULT '',
    alamat TEXT NOT NULL DEFAULT '',
    target_peserta INTEGER,
    anggaran REAL,
    sumber_dana TEXT NOT NULL DEFAULT '',
    total_jpl REAL,
    penanggung_jawab TEXT NOT NULL DEFAULT '',
    ketua_panitia TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'rencana',
    catatan TEXT NOT NULL DEFAULT '',
    uang TEXT NOT NULL DEFAULT '{}',
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE INDEX kegiatan_mulai ON kegiatan (tanggal_mulai);

CREATE TABLE kegiatan_hari (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    hari_ke INTEGER NOT NULL,
    tanggal TEXT NOT NULL,
    jam_mulai TEXT NOT NULL DEFAULT '',
    jam_selesai TEXT NOT NULL DEFAULT '',
    dilewati INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX kegiatan_hari_tanggal ON kegiatan_hari (kegiatan_id, tanggal);

CREATE TABLE kegiatan_kuota (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    kode_wilayah TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    kuota INTEGER NOT NULL
);
CREATE UNIQUE INDEX kegiatan_kuota_asal ON kegiatan_kuota (kegiatan_id, kode_wilayah, label);

CREATE TABLE peserta (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    kader_id INTEGER REFERENCES kader (id) ON DELETE SET NULL,
    kode TEXT NOT NULL,
    no_urut INTEGER NOT NULL,
    nama TEXT NOT NULL,
    nik TEXT NOT NULL DEFAULT '',
    nip TEXT NOT NULL DEFAULT '',
    jenis_kelamin TEXT NOT NULL DEFAULT '',
    jabatan TEXT NOT NULL DEFAULT '',
    instansi TEXT NOT NULL DEFAULT '',
    kode_wilayah TEXT NOT NULL DEFAULT '',
    asal_opd TEXT NOT NULL DEFAULT '',
    posyandu TEXT NOT NULL DEFAULT '',
    hp TEXT NOT NULL DEFAULT '',
    peran TEXT NOT NULL DEFAULT 'Peserta',
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX peserta_kode ON peserta (kode);
CREATE INDEX peserta_kegiatan ON peserta (kegiatan_id, no_urut);
CREATE UNIQUE INDEX peserta_nik ON peserta (kegiatan_id, nik) WHERE nik <> '';
CREATE UNIQUE INDEX peserta_kader ON peserta (kegiatan_id, kader_id) WHERE kader_id IS NOT NULL;
CREATE INDEX peserta_kader_id ON peserta (kader_id);

CREATE TABLE kehadiran_batch (
    id INTEGER PRIMARY KEY,
    hari_id INTEGER NOT NULL REFERENCES kegiatan_hari (id) ON DELETE CASCADE,
    operator TEXT NOT NULL,
    waktu TEXT NOT NULL,
    keterangan TEXT NOT NULL DEFAULT ''
);
CREATE INDEX kehadiran_batch_hari ON kehadiran_batch (hari_id);

CREATE TABLE kehadiran (
    id INTEGER PRIMARY KEY,
    peserta_id INTEGER NOT NULL REFERENCES peserta (id) ON DELETE CASCADE,
    hari_id INTEGER NOT NULL REFERENCES kegiatan_hari (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    jam_datang TEXT NOT NULL DEFAULT '',
    keterangan TEXT NOT NULL DEFAULT '',
    batch_id INTEGER REFERENCES kehadiran_batch (id) ON DELETE SET NULL,
    dicatat_oleh TEXT NOT NULL DEFAULT '',
    waktu TEXT NOT NULL,
    sebelumnya TEXT
);
CREATE UNIQUE INDEX kehadiran_peserta_hari ON kehadiran (peserta_id, hari_id);
CREATE INDEX kehadiran_hari ON kehadiran (hari_id, waktu);
CREATE INDEX kehadiran_batch_id ON kehadiran (batch_id);
"""


def up(database: SqliteDatabase) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            database.execute_sql(statement)
