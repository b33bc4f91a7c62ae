"""Schema 5: agenda (susunan acara), undangan, notulen with decisions, and the kota package store.

- ``kegiatan.uid``: a random, stable id of the kegiatan, so a package sent to the kota names the same
  kegiatan every time it is re-sent (the kota side replaces the older version instead of adding).
- ``agenda``: ordered items per kegiatan and day (``hari_ke`` matches ``kegiatan_hari.hari_ke``; not
  a key because days are rebuilt when the dates change). Times are ``HH:MM`` text, ``durasi_menit``
  drives the recompute; ``narasumber_peserta_id`` links a participant with peran Narasumber, else
  ``narasumber`` is free text. ``kelompok`` is Dasar/Inti/Penunjang ('' for non-training items);
  ``jpl_t``/``jpl_p``/``jpl_pl`` feed the materi table on the certificate back page.
- ``undangan``: the invitation letter of a kegiatan (one per kegiatan); ``kepada`` and ``tembusan``
  are newline-separated lists. ``nomor`` is the number as printed; ``nomor_urut`` (from the office's
  agenda book, typed by the user), ``nomor_pola`` and ``kode_unit`` are what it was composed from,
  kept so the form can show them again (``nomor_pola`` '' = the number was typed whole).
- ``notulen``: the minutes of a kegiatan (one per kegiatan); ``status`` draf/final/terkirim; a final
  notulen is reopened only through the service, which logs why. ``versi`` rises at every
  finalisation so the kota knows which package is newer.
- ``notulen_pembahasan``: discussion per agenda item (speaker + text with simple formatting).
- ``notulen_keputusan``: the numbered decisions; ``rencana_aksi.notulen_keputusan_id`` (schema 4)
  points here without a foreign key (services clear it when a decision is deleted).
- ``kota_paket``: packages received in mode kota, one row per (sending office, kegiatan uid), the
  manifest kept whole as JSON; a newer ``versi`` replaces the row.
"""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 5

SQL = """
ALTER TABLE kegiatan ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE kegiatan SET uid = lower(hex(randomblob(16))) WHERE uid = '';

CREATE TABLE agenda (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    hari_ke INTEGER NOT NULL DEFAULT 1,
    urutan INTEGER NOT NULL,
    jam_mulai TEXT NOT NULL DEFAULT '',
    jam_selesai TEXT NOT NULL DEFAULT '',
    durasi_menit INTEGER NOT NULL DEFAULT 0,
    acara TEXT NOT NULL,
    narasumber_peserta_id INTEGER REFERENCES peserta (id) ON DELETE SET NULL,
    narasumber TEXT NOT NULL DEFAULT '',
    moderator TEXT NOT NULL DEFAULT '',
    kelompok TEXT NOT NULL DEFAULT '',
    jpl_t REAL NOT NULL DEFAULT 0,
    jpl_p REAL NOT NULL DEFAULT 0,
    jpl_pl REAL NOT NULL DEFAULT 0,
    catatan TEXT NOT NULL DEFAULT '',
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE INDEX agenda_urutan ON agenda (kegiatan_id, hari_ke, urutan);

CREATE TABLE undangan (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL UNIQUE REFERENCES kegiatan (id) ON DELETE CASCADE,
    nomor TEXT NOT NULL DEFAULT '',
    tanggal TEXT,
    sifat TEXT NOT NULL DEFAULT 'Biasa',
    lampiran TEXT NOT NULL DEFAULT '-',
    hal TEXT NOT NULL DEFAULT '',
    kepada TEXT NOT NULL DEFAULT '',
    pembuka TEXT NOT NULL DEFAULT '',
    acara TEXT NOT NULL DEFAULT '',
    penutup TEXT NOT NULL DEFAULT '',
    tembusan TEXT NOT NULL DEFAULT '',
    penandatangan_id INTEGER REFERENCES penandatangan (id) ON DELETE SET NULL,
    nomor_urut INTEGER,
    nomor_pola TEXT NOT NULL DEFAULT '',
    kode_unit TEXT NOT NULL DEFAULT '',
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);

CREATE TABLE notulen (
    id INTEGER PRIMARY KEY,
    kegiatan_id INTEGER NOT NULL UNIQUE REFERENCES kegiatan (id) ON DELETE CASCADE,
    nomor TEXT NOT NULL DEFAULT '',
    judul TEXT NOT NULL DEFAULT '',
    tanggal TEXT,
    jam_mulai TEXT NOT NULL DEFAULT '',
    jam_selesai TEXT NOT NULL DEFAULT '',
    tempat TEXT NOT NULL DEFAULT '',
    acara TEXT NOT NULL DEFAULT '',
    pimpinan_nama TEXT NOT NULL DEFAULT '',
    pimpinan_jabatan TEXT NOT NULL DEFAULT '',
    pimpinan_nip TEXT NOT NULL DEFAULT '',
    notulis_nama TEXT NOT NULL DEFAULT '',
    notulis_jabatan TEXT NOT NULL DEFAULT '',
    notulis_nip TEXT NOT NULL DEFAULT '',
    pembukaan TEXT NOT NULL DEFAULT '',
    penutupan TEXT NOT NULL DEFAULT '',
    jam_tutup TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draf',
    versi INTEGER NOT NULL DEFAULT 0,
    difinalkan TEXT,
    terkirim_tanggal TEXT,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);

CREATE TABLE notulen_pembahasan (
    id INTEGER PRIMARY KEY,
    notulen_id INTEGER NOT NULL REFERENCES notulen (id) ON DELETE CASCADE,
    agenda_id INTEGER REFERENCES agenda (id) ON DELETE SET NULL,
    urutan INTEGER NOT NULL,
    judul TEXT NOT NULL DEFAULT '',
    pembicara TEXT NOT NULL DEFAULT '',
    isi TEXT NOT NULL DEFAULT '',
    diubah TEXT NOT NULL
);
CREATE INDEX notulen_pembahasan_urutan ON notulen_pembahasan (notulen_id, urutan);

CREATE TABLE notulen_keputusan (
    id INTEGER PRIMARY KEY,
    notulen_id INTEGER NOT NULL REFERENCES notulen (id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    isi TEXT NOT NULL,
    penanggung_jawab TEXT NOT NULL DEFAULT '',
    tenggat TEXT,
    diubah TEXT NOT NULL
);
CREATE INDEX notulen_keputusan_urutan ON notulen_keputusan (notulen_id, urutan);

CREATE TABLE kota_paket (
    id INTEGER PRIMARY KEY,
    kantor_kode TEXT NOT NULL,
    kantor_nama TEXT NOT NULL,
    kegiatan_uid TEXT NOT NULL,
    versi INTEGER NOT NULL,
    schema_versi INTEGER NOT NULL,
    dibuat_pada TEXT NOT NULL,
    diimpor TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    manifest TEXT NOT NULL
);
CREATE UNIQUE INDEX kota_paket_kunci ON kota_paket (kantor_kode, kegiatan_uid);
"""


def up(database: SqliteDatabase) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            database.execute_sql(statement)
