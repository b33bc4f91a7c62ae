"""Schema 1: settings, audit trail, signatories, posyandu, kader and kader training history."""

from __future__ import annotations

from peewee import SqliteDatabase

VERSION = 1

SQL = """
CREATE TABLE pengaturan (
    kunci TEXT PRIMARY KEY,
    nilai TEXT NOT NULL
);

CREATE TABLE riwayat (
    id INTEGER PRIMARY KEY,
    waktu TEXT NOT NULL,
    operator TEXT NOT NULL,
    aksi TEXT NOT NULL,
    entitas TEXT NOT NULL,
    entitas_id INTEGER,
    ringkasan TEXT NOT NULL DEFAULT '',
    perubahan TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX riwayat_entitas ON riwayat (entitas, entitas_id);

CREATE TABLE penandatangan (
    id INTEGER PRIMARY KEY,
    nama TEXT NOT NULL,
    jabatan TEXT NOT NULL,
    pangkat TEXT NOT NULL DEFAULT '',
    nip TEXT NOT NULL DEFAULT '',
    jenis_pegawai TEXT NOT NULL DEFAULT 'PNS',
    prefiks TEXT NOT NULL DEFAULT '',
    jabatan_atasan TEXT NOT NULL DEFAULT '',
    aktif INTEGER NOT NULL DEFAULT 1,
    urutan INTEGER NOT NULL DEFAULT 0,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);

CREATE TABLE posyandu (
    id INTEGER PRIMARY KEY,
    nama TEXT NOT NULL,
    kode_wilayah TEXT NOT NULL,
    alamat TEXT NOT NULL DEFAULT '',
    rt TEXT NOT NULL DEFAULT '',
    rw TEXT NOT NULL DEFAULT '',
    puskesmas TEXT NOT NULL DEFAULT '',
    nomor_registrasi TEXT NOT NULL DEFAULT '',
    strata TEXT NOT NULL DEFAULT '',
    tahun_strata INTEGER,
    status_ilp INTEGER NOT NULL DEFAULT 0,
    hari_buka TEXT NOT NULL DEFAULT '',
    sk_nomor TEXT NOT NULL DEFAULT '',
    sk_tanggal TEXT,
    ketua TEXT NOT NULL DEFAULT '',
    aktif INTEGER NOT NULL DEFAULT 1,
    catatan TEXT NOT NULL DEFAULT '',
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE INDEX posyandu_wilayah ON posyandu (kode_wilayah);

CREATE TABLE kader (
    id INTEGER PRIMARY KEY,
    nik TEXT NOT NULL DEFAULT '',
    nik_perlu_dicek INTEGER NOT NULL DEFAULT 0,
    nama TEXT NOT NULL,
    jenis_kelamin TEXT NOT NULL DEFAULT '',
    tempat_lahir TEXT NOT NULL DEFAULT '',
    tanggal_lahir TEXT,
    agama TEXT NOT NULL DEFAULT '',
    pendidikan TEXT NOT NULL DEFAULT '',
    pekerjaan TEXT NOT NULL DEFAULT '',
    alamat TEXT NOT NULL DEFAULT '',
    rt TEXT NOT NULL DEFAULT '',
    rw TEXT NOT NULL DEFAULT '',
    kode_wilayah TEXT NOT NULL DEFAULT '',
    hp TEXT NOT NULL DEFAULT '',
    posyandu_id INTEGER REFERENCES posyandu (id) ON DELETE RESTRICT,
    jabatan TEXT NOT NULL DEFAULT 'Anggota',
    bidang TEXT NOT NULL DEFAULT '',
    sk_nomor TEXT NOT NULL DEFAULT '',
    sk_tanggal TEXT,
    mulai_aktif TEXT,
    status TEXT NOT NULL DEFAULT 'aktif',
    tingkatan TEXT NOT NULL DEFAULT '',
    catatan TEXT NOT NULL DEFAULT '',
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX kader_nik ON kader (nik) WHERE nik <> '';
CREATE INDEX kader_posyandu ON kader (posyandu_id);
CREATE INDEX kader_wilayah ON kader (kode_wilayah);

CREATE TABLE riwayat_pelatihan (
    id INTEGER PRIMARY KEY,
    kader_id INTEGER NOT NULL REFERENCES kader (id) ON DELETE CASCADE,
    tanggal TEXT NOT NULL,
    kegiatan TEXT NOT NULL,
    jpl REAL NOT NULL DEFAULT 0,
    nomor_sertifikat TEXT NOT NULL DEFAULT '',
    catatan TEXT NOT NULL DEFAULT ''
);
CREATE INDEX riwayat_pelatihan_kader ON riwayat_pelatihan (kader_id);
"""


def up(database: SqliteDatabase) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            database.execute_sql(statement)
