"""Notulen (minutes) of a kegiatan: the header, the text fields, and the draf → final → terkirim states.

One notulen per kegiatan, created on first use with its header taken from the kegiatan (judul,
date and hours of the first held day, tempat, acara from the agenda or the kegiatan) and one
pembahasan per agenda item. The editor autosaves through :func:`save_fields`,
:func:`db.services.notulen_isi.save_pembahasan` and :func:`db.services.notulen_keputusan.save_keputusan`;
their audit rows are gathered per editing burst (:mod:`db.services.notulen_audit`).

States: ``draf`` (editable) → :func:`finalize` → ``final`` (locked, ``versi`` + 1, ``difinalkan``
stamped) → :func:`mark_terkirim` → ``terkirim`` (sent to the kota, with its date). A locked notulen
refuses every write with :class:`NotulenTerkunci`; only :func:`reopen`, which needs a reason and
logs it, brings it back to ``draf``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from db import audit
from db.database import db
from db.errors import DomainError, NotFound, ValidationError
from db.models import Notulen
from db.services.kegiatan import get_kegiatan, normalise_jam
from db.services.notulen_audit import record_edit
from db.services.registry_fields import clean_text

DRAF, FINAL, TERKIRIM = "draf", "final", "terkirim"
STATUS_LABEL = {DRAF: "Draf", FINAL: "Final", TERKIRIM: "Terkirim ke kota"}
TEXT_FIELDS = ("nomor", "judul", "tempat", "acara", "pimpinan_nama", "pimpinan_jabatan", "pimpinan_nip",
               "notulis_nama", "notulis_jabatan", "notulis_nip", "pembukaan", "penutupan")  # fmt: skip
JAM_FIELDS = ("jam_mulai", "jam_selesai", "jam_tutup")
EDITABLE = (*TEXT_FIELDS, *JAM_FIELDS, "tanggal")
LONG_TEXT = 20_000  # a pembukaan or pembahasan of a long meeting; more is surely a paste mistake


class NotulenTerkunci(DomainError):
    """The notulen is final or sent; it changes only after "Buka kembali"."""


@dataclass(frozen=True)
class RencanaAksiLink:
    """A rencana aksi item made from a decision, with its current status."""

    id: int
    aksi: str
    status: str
    jatuh_tempo: date | None = None


@dataclass(frozen=True)
class PembahasanView:
    id: int
    urutan: int
    judul: str
    pembicara: str
    isi: str
    agenda_id: int | None = None


@dataclass(frozen=True)
class KeputusanView:
    id: int
    nomor: int  # 1-based position in the numbered list
    isi: str
    penanggung_jawab: str
    tenggat: date | None
    rencana_aksi: tuple[RencanaAksiLink, ...] = ()

    @property
    def rencana_aksi_ids(self) -> tuple[int, ...]:
        return tuple(link.id for link in self.rencana_aksi)


@dataclass(frozen=True)
class NotulenView:
    """Everything about one notulen, as the tab, the PDF and the kota package read it."""

    id: int
    kegiatan_id: int
    kegiatan_nama: str
    nomor: str
    judul: str
    tanggal: date | None
    jam_mulai: str
    jam_selesai: str
    tempat: str
    acara: str
    pimpinan_nama: str
    pimpinan_jabatan: str
    pimpinan_nip: str
    notulis_nama: str
    notulis_jabatan: str
    notulis_nip: str
    pembukaan: str
    penutupan: str
    jam_tutup: str
    status: str
    versi: int
    difinalkan: str | None
    terkirim_tanggal: date | None
    diubah: str
    peserta_hadir: int  # distinct people marked hadir on any day of the kegiatan
    peserta_terdaftar: int
    pembahasan: tuple[PembahasanView, ...] = field(default_factory=tuple)
    keputusan: tuple[KeputusanView, ...] = field(default_factory=tuple)

    @property
    def locked(self) -> bool:
        return self.status != DRAF

    @property
    def status_label(self) -> str:
        return STATUS_LABEL.get(self.status, self.status)

    @property
    def jumlah_peserta(self) -> int:
        """People present, or the roster size while no attendance is recorded."""
        return self.peserta_hadir or self.peserta_terdaftar


# ------------------------------------------------------------------------------- reading
def _row(kegiatan_id: int) -> Notulen | None:
    return Notulen.get_or_none(Notulen.kegiatan == kegiatan_id)


def require_row(kegiatan_id: int) -> Notulen:
    row = _row(kegiatan_id)
    if row is None:
        raise NotFound("Notulen kegiatan ini belum dibuat.")
    return row


def _attendance(kegiatan_id: int) -> tuple[int, int]:
    hadir = db.execute_sql(
        "SELECT count(DISTINCT k.peserta_id) FROM kehadiran k JOIN kegiatan_hari h ON h.id = k.hari_id "
        "WHERE h.kegiatan_id = ? AND k.status = 'hadir'",
        (kegiatan_id,),
    ).fetchone()[0]
    terdaftar = db.execute_sql(
        "SELECT count(*) FROM peserta WHERE kegiatan_id = ?", (kegiatan_id,)
    ).fetchone()[0]
    return int(hadir), int(terdaftar)


def get_notulen(kegiatan_id: int) -> NotulenView | None:
    """The notulen of a kegiatan with its pembahasan, decisions and their rencana aksi; None if none."""
    from db.services.notulen_isi import list_pembahasan
    from db.services.notulen_keputusan import list_keputusan

    row = _row(kegiatan_id)
    if row is None:
        return None
    hadir, terdaftar = _attendance(kegiatan_id)
    values = {name: getattr(row, name) for name in EDITABLE}
    return NotulenView(
        id=row.id,
        kegiatan_id=kegiatan_id,
        kegiatan_nama=row.kegiatan.nama,
        **values,
        status=row.status,
        versi=row.versi,
        difinalkan=row.difinalkan,
        terkirim_tanggal=row.terkirim_tanggal,
        diubah=row.diubah,
        peserta_hadir=hadir,
        peserta_terdaftar=terdaftar,
        pembahasan=tuple(list_pembahasan(row.id)),
        keputusan=tuple(list_keputusan(row.id)),
    )


def require_notulen(kegiatan_id: int) -> NotulenView:
    view = get_notulen(kegiatan_id)
    if view is None:
        raise NotFound("Notulen kegiatan ini belum dibuat.")
    return view


# ------------------------------------------------------------------------------- creating
def _prefill(kegiatan_id: int, agenda: list[dict[str, Any]]) -> dict[str, Any]:
    """Header values from the kegiatan: its first held day, tempat, agenda or tema, pimpinan."""
    from db.services.penandatangan import list_signatories

    detail = get_kegiatan(kegiatan_id)
    form, days = detail.form, detail.hari_aktif or detail.hari
    first = days[0] if days else None
    acara = "\n".join(f"{n}. {item['acara']}" for n, item in enumerate(agenda, 1)) if agenda else ""
    values: dict[str, Any] = {
        "judul": form.nama,
        "tanggal": first.tanggal if first else form.tanggal_mulai,
        "jam_mulai": first.jam_mulai if first else "",
        "jam_selesai": first.jam_selesai if first else "",
        "tempat": form.tempat,
        "acara": acara or form.tema or form.nama,
        "pimpinan_nama": form.penanggung_jawab,
    }
    signer = next((s for s in list_signatories() if s.nama == form.penanggung_jawab.strip()), None)
    if signer is not None:
        values.update(pimpinan_jabatan=signer.jabatan, pimpinan_nip=signer.nip)
    return values


def ensure_notulen(kegiatan_id: int) -> NotulenView:
    """The notulen of the kegiatan, created (prefilled, one pembahasan per agenda item) if missing."""
    from db.services.notulen_isi import agenda_items, insert_pembahasan

    if _row(kegiatan_id) is None:
        agenda = agenda_items(kegiatan_id)
        values = _prefill(kegiatan_id, agenda)
        now = audit.now_iso()
        with db.atomic():
            notulen_id = int(Notulen.insert(kegiatan=kegiatan_id, **values, dibuat=now, diubah=now).execute())
            for item in agenda:
                insert_pembahasan(notulen_id, item["acara"], item["pembicara"], agenda_id=item["id"])
            audit.record("tambah", "notulen", notulen_id, _plain(values), f"Notulen {values['judul']}"[:120])
    return require_notulen(kegiatan_id)


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}


# ------------------------------------------------------------------------------- editing
def check_editable(row: Notulen) -> None:
    """Raise :class:`NotulenTerkunci` unless the notulen is a draf."""
    if row.status != DRAF:
        state = "sudah dikirim ke kota" if row.status == TERKIRIM else "sudah final"
        raise NotulenTerkunci(
            f"Notulen ini {state} (versi {row.versi}) dan terkunci; tidak ada yang diubah. "
            'Gunakan "Buka kembali" dengan alasan bila memang harus diubah.'
        )


def editable_row(kegiatan_id: int) -> Notulen:
    row = require_row(kegiatan_id)
    check_editable(row)
    return row


def _clean_value(name: str, value: Any) -> Any:
    if name == "tanggal":
        if value is not None and not isinstance(value, date):
            raise ValidationError("Tanggal rapat tidak valid.", "tanggal")
        return value
    if name in JAM_FIELDS:
        return normalise_jam(value, name)
    text = str(value or "").replace("\r\n", "\n")
    if name in ("pembukaan", "penutupan", "acara"):
        return text[:LONG_TEXT]  # kept as typed: the editor may be mid-line when it autosaves
    return clean_text(text, limit=300)


def save_fields(kegiatan_id: int, values: dict[str, Any]) -> NotulenView:
    """Save header and text fields (the autosave and the header form). Unknown names are refused;
    an unchanged value writes nothing."""
    unknown = sorted(set(values) - set(EDITABLE))
    if unknown:
        raise ValidationError(f"Isian notulen tidak dikenal: {', '.join(unknown)}.")
    clean = {name: _clean_value(name, value) for name, value in values.items()}
    with db.atomic():
        row = editable_row(kegiatan_id)
        changes = {n: [getattr(row, n), v] for n, v in clean.items() if getattr(row, n) != v}
        if changes:
            Notulen.update(**{n: c[1] for n, c in changes.items()}, diubah=audit.now_iso()).where(
                Notulen.id == row.id
            ).execute()
            record_edit(row.id, _plain({n: c for n, c in changes.items()}))
    return require_notulen(kegiatan_id)


def touch(notulen_id: int) -> None:
    """Mark the notulen changed (a pembahasan or decision was edited)."""
    Notulen.update(diubah=audit.now_iso()).where(Notulen.id == notulen_id).execute()


# ------------------------------------------------------------------------------- states
def _require_signable(view: NotulenView) -> None:
    problems = {}
    if not view.judul.strip():
        problems["judul"] = "Judul rapat wajib diisi sebelum notulen difinalkan."
    if view.tanggal is None:
        problems["tanggal"] = "Tanggal rapat wajib diisi sebelum notulen difinalkan."
    if not view.pimpinan_nama.strip():
        problems["pimpinan_nama"] = "Nama pimpinan rapat wajib diisi (ia menandatangani notulen)."
    if not view.notulis_nama.strip():
        problems["notulis_nama"] = "Nama notulis wajib diisi (ia menandatangani notulen)."
    if problems:
        raise ValidationError(problems)


def finalize(kegiatan_id: int) -> NotulenView:
    """Lock the notulen for signing: ``final``, ``versi`` + 1, ``difinalkan`` now."""
    with db.atomic():
        row = editable_row(kegiatan_id)
        _require_signable(require_notulen(kegiatan_id))
        now = audit.now_iso()
        versi = row.versi + 1
        Notulen.update(status=FINAL, versi=versi, difinalkan=now, diubah=now).where(
            Notulen.id == row.id
        ).execute()
        changes = {"status": [row.status, FINAL], "versi": [row.versi, versi]}
        audit.record("finalkan", "notulen", row.id, changes, f"Notulen difinalkan (versi {versi})")
    return require_notulen(kegiatan_id)


def reopen(kegiatan_id: int, alasan: str) -> NotulenView:
    """Back to ``draf`` for a correction; the reason is required and kept in the audit trail."""
    reason = clean_text(alasan, limit=500)
    if len(reason) < 5:
        raise ValidationError("Tuliskan alasan membuka kembali notulen (paling sedikit 5 huruf).", "alasan")
    with db.atomic():
        row = require_row(kegiatan_id)
        if row.status == DRAF:
            raise DomainError("Notulen ini masih draf; tidak perlu dibuka kembali.")
        Notulen.update(status=DRAF, terkirim_tanggal=None, diubah=audit.now_iso()).where(
            Notulen.id == row.id
        ).execute()
        audit.record("buka_kembali", "notulen", row.id, {"status": [row.status, DRAF], "alasan": reason},
                     f"Notulen dibuka kembali: {reason}")  # fmt: skip
    return require_notulen(kegiatan_id)


def mark_terkirim(kegiatan_id: int, tanggal: date) -> None:
    """Record that the final notulen went to the kota Pokjanal on ``tanggal`` (only from ``final``;
    sending it again after that keeps ``terkirim`` and updates the date)."""
    if not isinstance(tanggal, date):
        raise ValidationError("Tanggal kirim tidak valid.", "tanggal")
    with db.atomic():
        row = require_row(kegiatan_id)
        if row.status == DRAF:
            raise NotulenTerkunci("Notulen masih draf; finalkan dulu sebelum dikirim ke kota.")
        before = row.terkirim_tanggal.isoformat() if row.terkirim_tanggal else None
        Notulen.update(status=TERKIRIM, terkirim_tanggal=tanggal, diubah=audit.now_iso()).where(
            Notulen.id == row.id
        ).execute()
        audit.record("kirim", "notulen", row.id,
                     {"status": [row.status, TERKIRIM], "terkirim_tanggal": [before, tanggal.isoformat()]},
                     f"Notulen versi {row.versi} dikirim ke kota")  # fmt: skip
