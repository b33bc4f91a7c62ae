"""The machine-readable part of the package a kecamatan sends to the kota Pokjanal ("Kirim ke Kota").

``manifest.json`` (format :data:`FORMAT`, schema :data:`SCHEMA_VERSION`) holds the office identity,
per kegiatan its data, peserta (NIK masked unless the sender chose "NIK lengkap"), attendance per
day, the notulen decisions with the rencana aksi made from them, the office's rencana aksi of the
kegiatan's year with their latest monev (issue #7), and a SHA-256 of every other member of the zip.

The manifest carries a *segel*: the SHA-256 of its own canonical JSON without the segel. It catches
a changed byte anywhere in the manifest (a damaged stick, a hand edit); it is not a signature — whoever
rewrites the whole manifest can recompute it. This module reads the database but never writes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from db.database import db
from db.masking import mask_nik, mask_phone
from db.services.kegiatan import get_kegiatan
from db.services.kegiatan_rekap import rekap_peserta
from db.services.profile import get_profile
from db.services.settings import get_setting, set_setting

FORMAT = "pokjanal-paket"
SCHEMA_VERSION = 1
MANIFEST_NAME = "manifest.json"
OFFICE_ID_KEY = "kantor_id"
VERSI_KEY = "kota_paket_versi"  # kegiatan uid → the last versi sent


# ------------------------------------------------------------------------------- sealing
def canonical(data: dict[str, Any]) -> bytes:
    """The bytes the segel is computed over: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(manifest: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``manifest`` with its ``segel`` set."""
    body = {k: v for k, v in manifest.items() if k != "segel"}
    return {**body, "segel": hashlib.sha256(canonical(body)).hexdigest()}


def seal_ok(manifest: dict[str, Any]) -> bool:
    return isinstance(manifest.get("segel"), str) and seal(manifest)["segel"] == manifest["segel"]


def encode(manifest: dict[str, Any]) -> bytes:
    """Readable JSON (indented) of a sealed manifest."""
    return json.dumps(seal(manifest), ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


# ------------------------------------------------------------------------------- identity
def office_id() -> str:
    """A random id made once per data folder, so the kota tells two offices apart even if a
    profile is mistyped; stored in Pengaturan."""
    value = get_setting(OFFICE_ID_KEY)
    if not value:
        import uuid

        value = uuid.uuid4().hex
        set_setting(OFFICE_ID_KEY, value, audit_changes=False)
    return str(value)


def office_block() -> dict[str, str]:
    profile = get_profile()
    return {
        "id": office_id(),
        "kode_wilayah": profile.kode_wilayah,
        "nama": profile.unit,
        "sekretariat": profile.sekretariat,
        "kecamatan": profile.kecamatan,
        "kota": profile.kota,
        "provinsi": profile.provinsi,
    }


def next_versi(uid: str) -> int:
    """The versi of this sending: one more than the last one sent for the kegiatan."""
    sent = dict(get_setting(VERSI_KEY, {}) or {})
    versi = int(sent.get(uid, 0)) + 1
    sent[uid] = versi
    set_setting(VERSI_KEY, sent, audit_changes=False)
    return versi


def kegiatan_uid(kegiatan_id: int) -> str:
    row = db.execute_sql("SELECT uid FROM kegiatan WHERE id = ?", (kegiatan_id,)).fetchone()
    return str(row[0]) if row else ""


# ------------------------------------------------------------------------------- content
def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def kegiatan_entry(kegiatan_id: int, *, full_nik: bool, versi: int) -> dict[str, Any]:
    """Everything about one kegiatan except its files (added by the package writer)."""
    detail = get_kegiatan(kegiatan_id)
    form = detail.form
    rekap = rekap_peserta(kegiatan_id, "asal")
    hari = [{"hari_ke": h.hari_ke, "tanggal": h.tanggal.isoformat(), "jam_mulai": h.jam_mulai,
             "jam_selesai": h.jam_selesai} for h in rekap.hari]  # fmt: skip
    peserta = [
        {
            "no": n,
            "nama": item.peserta.nama,
            "nik": item.peserta.nik if full_nik else mask_nik(item.peserta.nik),
            "jenis_kelamin": item.peserta.jenis_kelamin,
            "peran": item.peserta.peran,
            "jabatan": item.peserta.jabatan,
            "instansi": item.peserta.instansi,
            "asal": item.peserta.asal,
            "kode_wilayah": item.peserta.kode_wilayah,
            "kehadiran": list(item.status),
        }
        for n, item in enumerate(rekap.peserta, start=1)
    ]
    kehadiran = [
        {
            "hari_ke": h["hari_ke"],
            "tanggal": h["tanggal"],
            **{
                s: sum(1 for p in rekap.peserta if p.status[i] == s)
                for s in ("hadir", "izin", "sakit", "alpa")
            },
            "peserta": len(rekap.peserta),
        }
        for i, h in enumerate(hari)
    ]
    notulen = notulen_block(kegiatan_id)
    return {
        "uid": kegiatan_uid(kegiatan_id),
        "versi": versi,
        "kegiatan": {
            "jenis": form.jenis,
            "nama": form.nama,
            "tema": form.tema,
            "tanggal_mulai": _iso(form.tanggal_mulai),
            "tanggal_selesai": _iso(form.tanggal_selesai),
            "tempat": form.tempat,
            "alamat": form.alamat,
            "penyelenggara": form.penyelenggara,
            "status": form.status,
            "target_peserta": form.target_peserta,
            "sumber_dana": form.sumber_dana,
            "penanggung_jawab": form.penanggung_jawab,
        },  # fmt: skip
        "nik_lengkap": full_nik,
        "hari": hari,
        "peserta": peserta,
        "kehadiran": kehadiran,
        "notulen": notulen,
        "rencana_aksi": rencana_aksi_items(
            keputusan_ids=[k["id"] for k in (notulen or {}).get("keputusan", [])]
        ),
        "berkas": {},
    }


def notulen_block(kegiatan_id: int) -> dict[str, Any] | None:
    """The notulen's state and numbered decisions, read straight from the schema-5 tables."""
    row = db.execute_sql(
        "SELECT id, nomor, judul, tanggal, status, versi, difinalkan FROM notulen WHERE kegiatan_id = ?",
        (kegiatan_id,),
    ).fetchone()
    if row is None:
        return None
    keputusan = db.execute_sql(
        "SELECT id, urutan, isi, penanggung_jawab, tenggat FROM notulen_keputusan WHERE notulen_id = ? "
        "ORDER BY urutan, id",
        (row[0],),
    ).fetchall()
    return {
        "nomor": row[1], "judul": row[2], "tanggal": row[3], "status": row[4], "versi": row[5],
        "difinalkan": row[6],
        "keputusan": [{"id": k[0], "urutan": k[1], "isi": k[2], "penanggung_jawab": k[3], "tenggat": k[4]}
                      for k in keputusan],
    }  # fmt: skip


def _item(item: Any) -> dict[str, Any]:  # noqa: ANN401 - RencanaAksiItem
    form, latest = item.form, item.progress
    return {
        "id": item.id, "tahun": form.tahun, "bidang": form.bidang, "masalah": form.masalah, "aksi": form.aksi,
        "lokus": list(item.lokus_label), "indikator": form.indikator, "target_nilai": form.target_nilai,
        "target_satuan": form.target_satuan, "opd": form.opd, "mitra": form.mitra, "pic_nama": form.pic_nama,
        "pic_hp": mask_phone(form.pic_hp), "mulai": _iso(form.mulai), "jatuh_tempo": _iso(form.jatuh_tempo),
        "jadwal_teks": form.jadwal_teks, "anggaran": form.anggaran, "sumber_dana": form.sumber_dana,
        "sumber": form.sumber, "notulen_keputusan_id": form.notulen_keputusan_id, "status": form.status,
        "terlambat": item.terlambat, "realisasi_persen": item.realisasi_persen,
        "jumlah_monev": item.jumlah_monev,
        "monev_terakhir": None if latest is None else {
            "tanggal": latest.tanggal.isoformat(), "periode": latest.periode,
            "realisasi_nilai": latest.realisasi_nilai, "realisasi_persen": latest.realisasi_persen,
            "kendala": latest.kendala, "tindak_lanjut": latest.tindak_lanjut,
        },
    }  # fmt: skip


def rencana_aksi_items(*, keputusan_ids: list[int] | None = None, tahun: int | None = None) -> list[dict]:
    """Items made from the given decisions, or every item of ``tahun`` — with their latest monev."""
    from db.services.rencana_aksi import RencanaAksiFilter, list_rencana_aksi

    if keputusan_ids is not None:
        items = [
            i for k in keputusan_ids for i in list_rencana_aksi(RencanaAksiFilter(notulen_keputusan_id=k))
        ]
    else:
        items = list_rencana_aksi(RencanaAksiFilter(tahun=tahun))
    return [_item(i) for i in items]


def build_manifest(entries: list[dict[str, Any]], *, created: str) -> dict[str, Any]:
    """The whole manifest (unsealed): office, kegiatan entries, rencana aksi of their years.

    Every item of the year is sent, not only the open ones, so the kota sees an item reach
    Selesai instead of keeping the last open status it received."""
    years = sorted({int(e["kegiatan"]["tanggal_mulai"][:4]) for e in entries})
    return {
        "format": FORMAT,
        "versi_skema": SCHEMA_VERSION,
        "dibuat_pada": created,
        "kantor": office_block(),
        "kegiatan": entries,
        "rencana_aksi_tahun": {str(y): rencana_aksi_items(tahun=y) for y in years},
        "berkas": {},
    }
