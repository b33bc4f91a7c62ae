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


class Kegiatan(BaseModel):
    """An activity (bimtek, rakor, …); ``uang`` is JSON ``{"satuan": …, "peran": {peran: rupiah}}``."""

    jenis = TextField()
    nama = TextField()
    tema = TextField(default="")
    penyelenggara = TextField(default="")
    dasar = TextField(default="")
    tanggal_mulai = DateField()
    tanggal_selesai = DateField()
    tempat = TextField(default="")
    alamat = TextField(default="")
    target_peserta = IntegerField(null=True)
    anggaran = FloatField(null=True)
    sumber_dana = TextField(default="")
    total_jpl = FloatField(null=True)
    penanggung_jawab = TextField(default="")
    ketua_panitia = TextField(default="")
    status = TextField(default="rencana")
    catatan = TextField(default="")
    uang = TextField(default="{}")
    dibuat = TextField()
    diubah = TextField()


class KegiatanHari(BaseModel):
    kegiatan = ForeignKeyField(Kegiatan, backref="hari", on_delete="CASCADE")
    hari_ke = IntegerField()
    tanggal = DateField()
    jam_mulai = TextField(default="")
    jam_selesai = TextField(default="")
    dilewati = BooleanField(default=False)


class KegiatanKuota(BaseModel):
    kegiatan = ForeignKeyField(Kegiatan, backref="kuota", on_delete="CASCADE")
    kode_wilayah = TextField(default="")
    label = TextField(default="")
    kuota = IntegerField()


class Peserta(BaseModel):
    kegiatan = ForeignKeyField(Kegiatan, backref="peserta", on_delete="CASCADE")
    kader = ForeignKeyField(Kader, null=True, backref="kegiatan", on_delete="SET NULL")
    kode = TextField()
    no_urut = IntegerField()
    nama = TextField()
    nik = TextField(default="")
    nip = TextField(default="")
    jenis_kelamin = TextField(default="")
    jabatan = TextField(default="")
    instansi = TextField(default="")
    kode_wilayah = TextField(default="")
    asal_opd = TextField(default="")
    posyandu = TextField(default="")
    hp = TextField(default="")
    peran = TextField(default="Peserta")
    dibuat = TextField()
    diubah = TextField()


class KehadiranBatch(BaseModel):
    hari = ForeignKeyField(KegiatanHari, backref="batch", on_delete="CASCADE")
    operator = TextField()
    waktu = TextField()
    keterangan = TextField(default="")


class Kehadiran(BaseModel):
    """``sebelumnya``: JSON of the previous state for undo (``null`` = no row before; NULL = none)."""

    peserta = ForeignKeyField(Peserta, backref="kehadiran", on_delete="CASCADE")
    hari = ForeignKeyField(KegiatanHari, backref="kehadiran", on_delete="CASCADE")
    status = TextField()
    jam_datang = TextField(default="")
    keterangan = TextField(default="")
    batch = ForeignKeyField(KehadiranBatch, null=True, backref="kehadiran", on_delete="SET NULL")
    dicatat_oleh = TextField(default="")
    waktu = TextField()
    sebelumnya = TextField(null=True)


class RencanaAksi(BaseModel):
    """A planned cross-sector action; ``lokus`` JSON list of region codes / ``"posyandu:<id>"``;
    ``notulen_keputusan_id`` has no foreign key yet (the notulen tables come later)."""

    tahun = IntegerField()
    bidang = TextField()
    masalah = TextField(default="")
    aksi = TextField()
    lokus = TextField(default="[]")
    indikator = TextField(default="")
    target_nilai = FloatField(null=True)
    target_satuan = TextField(default="")
    baseline = TextField(default="")
    opd = TextField(default="")
    mitra = TextField(default="")
    pic_nama = TextField(default="")
    pic_hp = TextField(default="")
    mulai = DateField(null=True)
    jatuh_tempo = DateField(null=True)
    jadwal_teks = TextField(default="")
    anggaran = IntegerField(null=True)
    sumber_dana = TextField(default="")
    sumber = TextField(default="manual")
    notulen_keputusan_id = IntegerField(null=True)
    status = TextField(default="Belum mulai")
    urutan = IntegerField(default=0)
    catatan = TextField(default="")
    dibuat = TextField()
    diubah = TextField()


class RencanaAksiMonev(BaseModel):
    """One monev entry; ``bukti_path`` relative to the data folder ("" = none)."""

    rencana_aksi = ForeignKeyField(RencanaAksi, backref="monev", on_delete="CASCADE")
    tanggal = DateField()
    periode = TextField(default="")
    realisasi_nilai = FloatField(null=True)
    realisasi_persen = FloatField(null=True)
    kendala = TextField(default="")
    tindak_lanjut = TextField(default="")
    bukti_path = TextField(default="")
    dicatat_oleh = TextField(default="")
    dibuat = TextField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Pengaturan,
    Riwayat,
    Penandatangan,
    Posyandu,
    Kader,
    RiwayatPelatihan,
    WilayahNama,
    Kegiatan,
    KegiatanHari,
    KegiatanKuota,
    Peserta,
    KehadiranBatch,
    Kehadiran,
    RencanaAksi,
    RencanaAksiMonev,
)
