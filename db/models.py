"""peewee models of the current schema (the migrations in ``db/migrations`` create the tables).

tests/db/test_migrations.py checks that these models and the migrated schema agree column by
column. Dates are ISO text; booleans are 0/1 integers.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from db.database import db


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Pengaturan(BaseModel):
    """Key → JSON value (the office profile is stored under ``kantor``)."""

    kunci = TextField(primary_key=True)
    nilai = TextField()


class Riwayat(BaseModel):
    """Audit trail: one row per service write, written in the same transaction."""

    waktu = TextField()
    operator = TextField()
    aksi = TextField()
    entitas = TextField()
    entitas_id = IntegerField(null=True)
    ringkasan = TextField(default="")
    perubahan = TextField(default="{}")


class Penandatangan(BaseModel):
    nama = TextField()
    jabatan = TextField()
    pangkat = TextField(default="")
    nip = TextField(default="")
    jenis_pegawai = TextField(default="PNS")
    prefiks = TextField(default="")
    jabatan_atasan = TextField(default="")
    aktif = BooleanField(default=True)
    urutan = IntegerField(default=0)
    dibuat = TextField()
    diubah = TextField()


class Posyandu(BaseModel):
    nama = TextField()
    kode_wilayah = TextField()
    alamat = TextField(default="")
    rt = TextField(default="")
    rw = TextField(default="")
    puskesmas = TextField(default="")
    nomor_registrasi = TextField(default="")
    strata = TextField(default="")
    tahun_strata = IntegerField(null=True)
    status_ilp = BooleanField(default=False)
    hari_buka = TextField(default="")
    sk_nomor = TextField(default="")
    sk_tanggal = DateField(null=True)
    ketua = TextField(default="")
    aktif = BooleanField(default=True)
    catatan = TextField(default="")
    dibuat = TextField()
    diubah = TextField()


class Kader(BaseModel):
    nik = TextField(default="")
    nik_perlu_dicek = BooleanField(default=False)
    nama = TextField()
    jenis_kelamin = TextField(default="")
    tempat_lahir = TextField(default="")
    tanggal_lahir = DateField(null=True)
    agama = TextField(default="")
    pendidikan = TextField(default="")
    pekerjaan = TextField(default="")
    alamat = TextField(default="")
    rt = TextField(default="")
    rw = TextField(default="")
    kode_wilayah = TextField(default="")
    hp = TextField(default="")
    posyandu = ForeignKeyField(Posyandu, null=True, backref="kader", on_delete="RESTRICT")
    jabatan = TextField(default="Anggota")
    bidang = TextField(default="")
    sk_nomor = TextField(default="")
    sk_tanggal = DateField(null=True)
    mulai_aktif = DateField(null=True)
    status = TextField(default="aktif")
    tingkatan = TextField(default="")
    catatan = TextField(default="")
    dibuat = TextField()
    diubah = TextField()


class RiwayatPelatihan(BaseModel):
    kader = ForeignKeyField(Kader, backref="pelatihan", on_delete="CASCADE")
    tanggal = DateField()
    kegiatan = TextField()
    jpl = FloatField(default=0)
    nomor_sertifikat = TextField(default="")
    catatan = TextField(default="")


class WilayahNama(BaseModel):
    """Kemendagri names of the region codes in use, so SQL can search and sort by kelurahan name.

    Filled by the services (and at search time for rows written by other means) from the bundled
    list; the ``kader_fts`` search index (schema 2, FTS5, no model) reads it through triggers.
    """

    kode = TextField(primary_key=True)
    nama = TextField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Pengaturan,
    Riwayat,
    Penandatangan,
    Posyandu,
    Kader,
    RiwayatPelatihan,
    WilayahNama,
)
