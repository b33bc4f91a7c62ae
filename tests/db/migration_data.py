"""Representative rows for a database at every released schema version (RELIABILITY R7).

tests/db/test_migrations.py builds a file at version N with the frozen migration steps, calls
``POPULATE[N]`` on a raw ``sqlite3`` connection, upgrades it and checks that every carried cell is
unchanged. When you add migration step N, add ``populate_vN`` below (raw SQL against the version-N
schema, never the models, which follow the latest schema; every table gets rows) and, once the
step is released, freeze its schema in :data:`SCHEMA_SHA256` (the failing test prints the value).

Every function covers NULLs, 300-character names, non-Latin text and the edges of each column.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

NON_LATIN = "ꦱꦶꦠꦶ ꦤꦸꦂ سيتي نور 王小明 Đặng Thị Ñuñez Ölçer 😀"
# the smallest PNG there is (1×1 transparent pixel), for image columns
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360606060000000050001a5f64540"
    "0000000049454e44ae426082"
)
LONG_NAME = ("Hj. Dra. Siti Nur'aini Rahmawati " + NON_LATIN + " ")[:300].ljust(300, "x")
assert len(LONG_NAME) == 300

# sha256 of the normalised sqlite_master (see test_migrations.normalised_schema) after each step.
# A released step must never change: edit history by adding a step, not by rewriting one.
SCHEMA_SHA256: dict[int, str] = {
    1: "0a68433567022118bb6058c4e2bc0f6bc9fb11907c175eb9810a498c277e3930",
    2: "61ca3ad66d368e6e93007170de0f8f7b9ecb22278e0fac33c8246839a2c174d3",
    3: "609c8bea2d60c51a7aa680c841eb811c638bb74c37b785ec5ea5dd8a01995ec8",
    4: "4c7a685c40594f98e043c9b90898c50f11c73141f8a4196a4ea670d4704d2fbf",
    5: "510111973dc12073dc4f9928c12807adf40c38dc89e5b82367f8d883e1256727",
    6: "f101a148a3b5b9af830de2b42c80ffa7af4180dcb6cf1f88337873557ff2c761",
}


def populate_v0(conn: sqlite3.Connection) -> None:
    """Version 0 is the empty file a first start creates: no tables, nothing to carry."""


def populate_v1(conn: sqlite3.Connection) -> None:
    stamp = "2024-02-29T23:59:59"
    conn.executemany(
        "INSERT INTO pengaturan (kunci, nilai) VALUES (?, ?)",
        [
            (
                "kantor",
                json.dumps({"unit": "KECAMATAN METRO TIMUR", "alamat": NON_LATIN}, ensure_ascii=False),
            ),
            ("logo_daerah", "null"),
            ("kosong", '""'),
        ],
    )
    conn.executemany(
        "INSERT INTO riwayat (id, waktu, operator, aksi, entitas, entitas_id, ringkasan, perubahan) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, stamp, "operator", "ubah", "kantor", None, "Identitas kantor", '{"unit": [null, "X"]}'),
            (2, stamp, NON_LATIN, "tambah", "penandatangan", 1, LONG_NAME, "{}"),
        ],
    )
    conn.executemany(
        "INSERT INTO penandatangan (id, nama, jabatan, pangkat, nip, jenis_pegawai, prefiks, "
        "jabatan_atasan, aktif, urutan, dibuat, diubah) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                LONG_NAME,
                "Camat Metro Timur",
                "Pembina (IV/a)",
                "198609262015051001",
                "PNS",
                "",
                "",
                1,
                0,
                stamp,
                stamp,
            ),
            (
                2,
                NON_LATIN,
                "Sekretaris " + NON_LATIN,
                "",
                "",
                "Non-ASN",
                "a.n.",
                "Camat Metro Timur",
                0,
                -5,
                stamp,
                stamp,
            ),
        ],
    )
    conn.executemany(
        "INSERT INTO posyandu (id, nama, kode_wilayah, alamat, tahun_strata, status_ilp, sk_tanggal, "
        "aktif, catatan, dibuat, diubah) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "Posyandu Melati " + NON_LATIN, "18.72.04.1001", "", None, 0, None, 1, "", stamp, stamp),
            (
                2,
                LONG_NAME,
                "18.72.04.1002",
                LONG_NAME,
                2023,
                1,
                "2023-12-31",
                0,
                "catatan\nbaris 2",
                stamp,
                stamp,
            ),
        ],
    )
    conn.executemany(
        "INSERT INTO kader (id, nik, nik_perlu_dicek, nama, tanggal_lahir, hp, posyandu_id, status, "
        "tingkatan, sk_tanggal, mulai_aktif, dibuat, diubah) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "", 0, "Kader Tanpa NIK", None, "", None, "aktif", "", None, None, stamp, stamp),
            (
                2,
                "1872014107850004",
                1,
                LONG_NAME,
                "1985-07-01",
                "081234567890",
                1,
                "aktif",
                "Purnama",
                "2020-01-01",
                "2019-12-31",
                stamp,
                stamp,
            ),
            (
                3,
                "",
                0,
                NON_LATIN,
                "2000-02-29",
                "+6281234567890",
                2,
                "nonaktif",
                "Mandiri",
                None,
                None,
                stamp,
                stamp,
            ),
        ],
    )
    conn.executemany(
        "INSERT INTO riwayat_pelatihan (id, kader_id, tanggal, kegiatan, jpl, nomor_sertifikat, catatan) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 2, "2024-01-31", "Pelatihan Kader Dasar " + NON_LATIN, 12.5, "", ""),
            (2, 2, "2024-12-31", LONG_NAME, 0, "445.8/001/2024", LONG_NAME),
            (3, 3, "2023-02-28", "Orientasi ILP", 7, "", ""),
        ],
    )


def populate_v2(conn: sqlite3.Connection) -> None:
    """Schema 2 adds ``wilayah_nama`` and the ``kader_fts`` index (filled by triggers)."""
    populate_v1(conn)
    conn.executemany(
        "INSERT INTO wilayah_nama (kode, nama) VALUES (?, ?)",
        [("18.72.04.1001", "Yosodadi"), ("18.72.04.1002", LONG_NAME), ("18.72.04.1003", NON_LATIN)],
    )
    conn.executemany(
        "INSERT INTO kader (id, nik, nama, kode_wilayah, posyandu_id, dibuat, diubah) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (4, "1872015708900001", "Dewi " + NON_LATIN, "18.72.04.1003", 2, "2025-01-01T00:00:00", "x"),
            (5, "", LONG_NAME, "18.72.04.9999", None, "2025-01-01T00:00:00", "x"),
        ],
    )
    conn.execute("UPDATE posyandu SET nama = 'Posyandu Mawar' WHERE id = 1")


def populate_v3(conn: sqlite3.Connection) -> None:
    """Schema 3 adds kegiatan, their days and quotas, peserta, kehadiran and back-fill batches."""
    populate_v2(conn)
    stamp = "2025-03-01T08:00:00"
    conn.executemany(
        "INSERT INTO kegiatan (id, jenis, nama, tema, tanggal_mulai, tanggal_selesai, target_peserta, "
        "anggaran, total_jpl, status, catatan, uang, dibuat, diubah) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                "Bimtek/Pelatihan",
                LONG_NAME,
                NON_LATIN,
                "2024-02-27",
                "2024-03-01",
                230,
                45_500_000.5,
                24,
                "selesai",
                "catatan\nbaris 2",
                '{"satuan": "hari", "peran": {"Peserta": 150000}}',
                stamp,
                stamp,
            ),
            (
                2,
                "Rakor",
                "Rakor " + NON_LATIN,
                "",
                "2025-12-31",
                "2025-12-31",
                None,
                None,
                None,
                "rencana",
                "",
                "{}",
                stamp,
                stamp,
            ),
        ],
    )
    conn.executemany(
        "INSERT INTO kegiatan_hari (id, kegiatan_id, hari_ke, tanggal, jam_mulai, jam_selesai, dilewati) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, 1, "2024-02-27", "08:00", "16:00", 0),
            (2, 1, 2, "2024-02-28", "", "", 1),
            (3, 1, 3, "2024-02-29", "07:30", "23:59", 0),
            (4, 2, 1, "2025-12-31", "", "", 0),
        ],
    )
    conn.executemany(
        "INSERT INTO kegiatan_kuota (id, kegiatan_id, kode_wilayah, label, kuota) VALUES (?, ?, ?, ?, ?)",
        [(1, 1, "18.72.04.1001", "", 10), (2, 1, "18.72.04", "", 2), (3, 1, "", LONG_NAME, 0)],
    )
    conn.executemany(
        "INSERT INTO peserta (id, kegiatan_id, kader_id, kode, no_urut, nama, nik, nip, jenis_kelamin, "
        "kode_wilayah, asal_opd, hp, peran, dibuat, diubah) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                1,
                2,
                "K7QX2M",
                1,
                LONG_NAME,
                "1872014107850004",
                "",
                "P",
                "18.72.04.1001",
                "",
                "+6281234567890",
                "Peserta",
                stamp,
                stamp,
            ),
            (
                2,
                1,
                None,
                "ZZ9Z9Z",
                2,
                NON_LATIN,
                "",
                "198609262015051001",
                "L",
                "",
                LONG_NAME,
                "",
                "Narasumber",
                stamp,
                stamp,
            ),
            (
                3,
                2,
                2,
                "AB3CDE",
                1,
                "Kader Tanpa NIK",
                "",
                "",
                "",
                "18.72.04",
                "",
                "",
                "Undangan",
                stamp,
                stamp,
            ),
        ],
    )
    conn.executemany(
        "INSERT INTO kehadiran_batch (id, hari_id, operator, waktu, keterangan) VALUES (?, ?, ?, ?, ?)",
        [(1, 1, NON_LATIN, stamp, LONG_NAME)],
    )
    conn.executemany(
        "INSERT INTO kehadiran (id, peserta_id, hari_id, status, jam_datang, keterangan, batch_id, dicatat_oleh, "
        "waktu, sebelumnya) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, 1, "hadir", "07:45", "", 1, "operator", stamp, None),
            (2, 2, 1, "izin", "", NON_LATIN, None, "operator", stamp + ".123", "null"),
            (3, 1, 3, "sakit", "", "", None, "", stamp, '{"status": "hadir"}'),
        ],
    )


def populate_v4(conn: sqlite3.Connection) -> None:
    """Schema 4 adds rencana aksi (lokus as a JSON list, notulen link without a key) and monev."""
    populate_v3(conn)
    stamp = "2025-06-30T10:00:00"
    lokus = json.dumps(["18.72.04.1001", "posyandu:2", NON_LATIN], ensure_ascii=False)
    conn.executemany(
        "INSERT INTO rencana_aksi (id, tahun, bidang, masalah, aksi, lokus, indikator, target_nilai, target_satuan, "
        "baseline, opd, mitra, pic_nama, pic_hp, mulai, jatuh_tempo, jadwal_teks, anggaran, sumber_dana, sumber, "
        "notulen_keputusan_id, status, urutan, catatan, dibuat, diubah) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                2025,
                "Kesehatan",
                LONG_NAME,
                "Kelas ibu hamil " + NON_LATIN,
                lokus,
                "Cakupan K6",
                95.5,
                "%",
                "80%",
                "Puskesmas",
                "TP-PKK",
                NON_LATIN,
                "+6281234567890",
                "2025-01-01",
                "2025-12-31",
                "Triwulan I-IV",
                1_250_000,
                "BOK",
                "notulen",
                7,
                "Berjalan",
                1,
                "catatan\nbaris 2",
                stamp,
                stamp,
            ),
            (
                2,
                2024,
                "Lintas Sektor",
                "",
                LONG_NAME,
                "[]",
                "",
                None,
                "",
                "",
                "",
                "",
                "",
                "",
                None,
                None,
                "",
                None,
                "",
                "manual",
                None,
                "Belum mulai",
                0,
                "",
                stamp,
                stamp,
            ),
        ],
    )
    conn.executemany(
        "INSERT INTO rencana_aksi_monev (id, rencana_aksi_id, tanggal, periode, realisasi_nilai, realisasi_persen, "
        "kendala, tindak_lanjut, bukti_path, dicatat_oleh, dibuat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                1,
                1,
                "2025-03-31",
                "Triwulan I",
                40,
                41.9,
                LONG_NAME,
                NON_LATIN,
                "bukti/ra1-foto.jpg",
                "operator",
                stamp,
            ),
            (2, 1, "2025-06-30", "Triwulan II", None, None, "", "", "", NON_LATIN, stamp),
        ],
    )


def populate_v5(conn: sqlite3.Connection) -> None:
    """Schema 5 adds kegiatan.uid, agenda, undangan, notulen (+ pembahasan, keputusan), kota_paket."""
    populate_v4(conn)
    stamp = "2025-07-01T09:00:00"
    conn.execute("UPDATE kegiatan SET uid = ? WHERE id = 1", ("a" * 32,))
    conn.executemany(
        "INSERT INTO agenda (id, kegiatan_id, hari_ke, urutan, jam_mulai, jam_selesai, durasi_menit, acara, "
        "narasumber_peserta_id, narasumber, moderator, kelompok, jpl_t, jpl_p, jpl_pl, catatan, dibuat, diubah) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 1, 1, 1, "08:00", "08:30", 30, "Pembukaan", None, NON_LATIN, "", "", 0, 0, 0, "", stamp, stamp),
            (2, 1, 1, 2, "08:30", "10:00", 90, LONG_NAME, 2, "", LONG_NAME, "Inti", 1.5, 0.5, 0, "", stamp, stamp),
            (3, 1, 3, 1, "23:00", "23:59", 59, "Penutupan", None, "", "", "Penunjang", 0, 0, 1, "", stamp, stamp),
        ],
    )
    conn.execute(
        "INSERT INTO undangan (id, kegiatan_id, nomor, tanggal, hal, kepada, tembusan, penandatangan_id, "
        "nomor_urut, nomor_pola, kode_unit, dibuat, diubah) VALUES (1, 1, '005/445.8/KEC-MT/II/2024', "
        "'2024-02-20', ?, ?, ?, 1, 5, '{urut:03d}/{kode}/{unit}/{bulan_romawi}/{tahun}', 'KEC-MT', ?, ?)",
        (LONG_NAME, "Lurah se-Kecamatan\nKepala Puskesmas " + NON_LATIN, "Camat (sebagai laporan)", stamp, stamp),
    )
    conn.execute(
        "INSERT INTO notulen (id, kegiatan_id, judul, tanggal, jam_mulai, jam_selesai, pimpinan_nama, notulis_nama, "
        "pembukaan, penutupan, status, versi, difinalkan, dibuat, diubah) "
        "VALUES (1, 1, ?, '2024-02-27', '08:00', '12:00', ?, ?, ?, '', 'final', 2, ?, ?, ?)",
        (LONG_NAME, LONG_NAME, NON_LATIN, "Dibuka oleh Camat.\n- butir satu\n- butir dua", stamp, stamp, stamp),
    )
    conn.executemany(
        "INSERT INTO notulen_pembahasan (id, notulen_id, agenda_id, urutan, judul, pembicara, isi, diubah) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(1, 1, 2, 1, "Materi", NON_LATIN, LONG_NAME, stamp), (2, 1, None, 2, "", "", "", stamp)],
    )
    conn.executemany(
        "INSERT INTO notulen_keputusan (id, notulen_id, urutan, isi, penanggung_jawab, tenggat, diubah) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(7, 1, 1, LONG_NAME, "Puskesmas", "2024-06-30", stamp), (8, 1, 2, NON_LATIN, "", None, stamp)],
    )
    conn.execute(
        "INSERT INTO kota_paket (id, kantor_kode, kantor_nama, kegiatan_uid, versi, schema_versi, dibuat_pada, "
        "diimpor, sha256, manifest) VALUES (1, '18.72.01', ?, ?, 3, 1, ?, ?, ?, ?)",
        (NON_LATIN, "b" * 32, stamp, stamp, "0" * 64, '{"versi_skema": 1, "kegiatan": []}'),
    )


def populate_v6(conn: sqlite3.Connection) -> None:
    """Schema 6 adds certificate rules, overrides, the issued numbers (one revoked) and counters."""
    populate_v5(conn)
    stamp = "2025-08-01T10:00:00"
    conn.execute(
        "INSERT INTO sertifikat_aturan (kegiatan_id, min_hari, min_persen, template, penandatangan1_id, "
        "penandatangan2_id, background_path, diubah) VALUES (1, 2, NULL, ?, 1, NULL, 'sertifikat/latar-1.png', ?)",
        ('{"judul": "SERTIFIKAT", "pembuka": "' + NON_LATIN + '"}', stamp),
    )
    conn.execute(
        "INSERT INTO sertifikat_pengecualian (peserta_id, layak, catatan, oleh, waktu) VALUES (3, 1, ?, 'op', ?)",
        (LONG_NAME, stamp),
    )
    rows = [
        (1, 1, 1, "sertifikat:2024", 1, "001/445.8/BIMTEK-POKJANAL/KEC-MT/III/2024", LONG_NAME, "valid", None, ""),
        (2, 1, 2, "sertifikat:2024", 2, "002/445.8/BIMTEK-POKJANAL/KEC-MT/III/2024", NON_LATIN, "dicabut", stamp,
         "salah nama"),
        (3, None, None, "sertifikat:2024", 3, "003/445.8/BIMTEK-POKJANAL/KEC-MT/III/2024", "Terhapus", "valid",
         None, ""),
    ]
    conn.executemany(
        "INSERT INTO sertifikat (id, kegiatan_id, peserta_id, seri, urut, nomor, nama, status, dicabut_pada, "
        "alasan_cabut, identitas, jabatan, asal, peran, jpl, kegiatan_nama, kegiatan_tanggal, tanggal_terbit, qr, dibuat) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '1872••••••••0004', 'Kader', 'Kel. Yosodadi', 'Peserta', 24, ?, "
        "'27 Februari – 1 Maret 2024', '2024-03-01', 'SRT1:ABC', ?)",
        [row + (LONG_NAME, stamp) for row in rows],
    )
    conn.execute("INSERT INTO nomor_urut (seri, terakhir) VALUES ('sertifikat:2024', 3)")
    # a signature and a stamp of signatory 1 (TINY_PNG)
    conn.executemany(
        "INSERT INTO penandatangan_gambar (penandatangan_id, jenis, data, format, lebar, tinggi, sha256, "
        "diubah) VALUES (1, ?, ?, 'png', 1, 1, ?, ?)",
        [(jenis, TINY_PNG, "0" * 64, stamp) for jenis in ("ttd", "stempel")],
    )


POPULATE: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: populate_v0,
    1: populate_v1,
    2: populate_v2,
    3: populate_v3,
    4: populate_v4,
    5: populate_v5,
    6: populate_v6,
}
