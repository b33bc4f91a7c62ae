"""peewee models of the current schema (the migrations in ``db/migrations`` create the tables).

tests/db/test_migrations.py checks that these models and the migrated schema agree column by
column. Dates are ISO text; booleans are 0/1 integers.
"""

from __future__ import annotations

import uuid

from peewee import (
    BlobField,
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
    uid = TextField(default=lambda: uuid.uuid4().hex)  # stable id for the kota package
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


class Agenda(BaseModel):
    """One susunan acara item; times ``HH:MM``; ``hari_ke`` matches :class:`KegiatanHari`."""

    kegiatan = ForeignKeyField(Kegiatan, backref="agenda", on_delete="CASCADE")
    hari_ke = IntegerField(default=1)
    urutan = IntegerField()
    jam_mulai = TextField(default="")
    jam_selesai = TextField(default="")
    durasi_menit = IntegerField(default=0)
    acara = TextField()
    narasumber_peserta = ForeignKeyField(Peserta, null=True, backref="agenda", on_delete="SET NULL")
    narasumber = TextField(default="")
    moderator = TextField(default="")
    kelompok = TextField(default="")
    jpl_t = FloatField(default=0)
    jpl_p = FloatField(default=0)
    jpl_pl = FloatField(default=0)
    catatan = TextField(default="")
    dibuat = TextField()
    diubah = TextField()


class Undangan(BaseModel):
    """The invitation letter of a kegiatan; ``kepada``/``tembusan`` newline-separated."""

    kegiatan = ForeignKeyField(Kegiatan, unique=True, backref="undangan", on_delete="CASCADE")
    nomor = TextField(default="")
    tanggal = DateField(null=True)
    sifat = TextField(default="Biasa")
    lampiran = TextField(default="-")
    hal = TextField(default="")
    kepada = TextField(default="")
    pembuka = TextField(default="")
    acara = TextField(default="")
    penutup = TextField(default="")
    tembusan = TextField(default="")
    penandatangan = ForeignKeyField(Penandatangan, null=True, on_delete="SET NULL")
    nomor_urut = IntegerField(null=True)
    nomor_pola = TextField(default="")
    kode_unit = TextField(default="")
    dibuat = TextField()
    diubah = TextField()


class Notulen(BaseModel):
    """Minutes of a kegiatan; ``status`` draf/final/terkirim; ``versi`` rises at each finalisation."""

    kegiatan = ForeignKeyField(Kegiatan, unique=True, backref="notulen", on_delete="CASCADE")
    nomor = TextField(default="")
    judul = TextField(default="")
    tanggal = DateField(null=True)
    jam_mulai = TextField(default="")
    jam_selesai = TextField(default="")
    tempat = TextField(default="")
    acara = TextField(default="")
    pimpinan_nama = TextField(default="")
    pimpinan_jabatan = TextField(default="")
    pimpinan_nip = TextField(default="")
    notulis_nama = TextField(default="")
    notulis_jabatan = TextField(default="")
    notulis_nip = TextField(default="")
    pembukaan = TextField(default="")
    penutupan = TextField(default="")
    jam_tutup = TextField(default="")
    status = TextField(default="draf")
    versi = IntegerField(default=0)
    difinalkan = TextField(null=True)
    terkirim_tanggal = DateField(null=True)
    dibuat = TextField()
    diubah = TextField()


class NotulenPembahasan(BaseModel):
    notulen = ForeignKeyField(Notulen, backref="pembahasan", on_delete="CASCADE")
    agenda = ForeignKeyField(Agenda, null=True, backref="pembahasan", on_delete="SET NULL")
    urutan = IntegerField()
    judul = TextField(default="")
    pembicara = TextField(default="")
    isi = TextField(default="")
    diubah = TextField()


class NotulenKeputusan(BaseModel):
    """A numbered decision; rencana aksi point here through ``RencanaAksi.notulen_keputusan_id``."""

    notulen = ForeignKeyField(Notulen, backref="keputusan", on_delete="CASCADE")
    urutan = IntegerField()
    isi = TextField()
    penanggung_jawab = TextField(default="")
    tenggat = DateField(null=True)
    diubah = TextField()


class KotaPaket(BaseModel):
    """A package received in mode kota; one row per (sending office, kegiatan uid)."""

    kantor_kode = TextField()
    kantor_nama = TextField()
    kegiatan_uid = TextField()
    versi = IntegerField()
    schema_versi = IntegerField()
    dibuat_pada = TextField()
    diimpor = TextField()
    sha256 = TextField()
    manifest = TextField()

    class Meta:
        indexes = ((("kantor_kode", "kegiatan_uid"), True),)


class SertifikatAturan(BaseModel):
    """Certificate rule and template per kegiatan (``min_hari`` NULL = every held day)."""

    kegiatan = ForeignKeyField(Kegiatan, primary_key=True, backref="sertifikat_aturan", on_delete="CASCADE")
    min_hari = IntegerField(null=True)
    min_persen = FloatField(null=True)
    template = TextField(default="{}")
    penandatangan1 = ForeignKeyField(Penandatangan, null=True, backref="+", on_delete="SET NULL")
    penandatangan2 = ForeignKeyField(Penandatangan, null=True, backref="+", on_delete="SET NULL")
    background_path = TextField(default="")
    halaman_materi = BooleanField(default=True)
    tampilkan_identitas = BooleanField(default=True)
    diubah = TextField()


class SertifikatPengecualian(BaseModel):
    peserta = ForeignKeyField(Peserta, primary_key=True, backref="+", on_delete="CASCADE")
    layak = BooleanField()
    catatan = TextField()
    oleh = TextField(default="")
    waktu = TextField()


class Sertifikat(BaseModel):
    """Every number ever issued, with the printed facts copied in at issue time."""

    kegiatan = ForeignKeyField(Kegiatan, null=True, backref="sertifikat", on_delete="SET NULL")
    peserta = ForeignKeyField(Peserta, null=True, backref="sertifikat", on_delete="SET NULL")
    seri = TextField()
    urut = IntegerField()
    nomor = TextField(unique=True)
    nama = TextField()
    identitas = TextField(default="")
    jabatan = TextField(default="")
    asal = TextField(default="")
    peran = TextField(default="Peserta")
    jpl = FloatField(null=True)
    kegiatan_nama = TextField()
    kegiatan_tanggal = TextField(default="")
    tanggal_terbit = DateField()
    qr = TextField(default="")
    status = TextField(default="valid")
    dicabut_pada = TextField(null=True)
    alasan_cabut = TextField(default="")
    dibuat = TextField()


class NomorUrut(BaseModel):
    seri = TextField(primary_key=True)
    terakhir = IntegerField()


class PenandatanganGambar(BaseModel):
    """A signatory's signature (``ttd``) or stamp (``stempel``) image; one of each at most."""

    penandatangan = ForeignKeyField(Penandatangan, backref="+", on_delete="CASCADE")
    jenis = TextField()
    data = BlobField()
    format = TextField()
    lebar = IntegerField()
    tinggi = IntegerField()
    sha256 = TextField()
    diubah = TextField()

    class Meta:
        indexes = ((("penandatangan", "jenis"), True),)


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
    Agenda,
    Undangan,
    Notulen,
    NotulenPembahasan,
    NotulenKeputusan,
    KotaPaket,
    SertifikatAturan,
    SertifikatPengecualian,
    Sertifikat,
    NomorUrut,
    PenandatanganGambar,
)
