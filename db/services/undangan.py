"""The undangan (invitation letter) of a kegiatan: one per kegiatan, prefilled with sensible
Indonesian defaults until the user saves their own.

The number follows a pattern such as ``{kode}/{urut}/{unit}/{bulan_romawi}/{tahun}`` (the
placeholders and checks of :mod:`db.sertifikat_nomor`): ``kode`` is the profile's kode
klasifikasi, the month and year come from the letter's date, and ``urut`` is typed by the user,
because letter numbers come from the office's agenda book. Without an urut the number prints
with a blank where it goes, to be written by hand. Tata Naskah Dinas puts the kode klasifikasi
first (``445.8/   /KEC-MT/XI/2026``); certificates keep the urut first. An empty pattern means the number was typed
whole. Hari/tanggal, pukul and tempat are not stored: the letter takes them from the kegiatan at
print time, so a moved date never leaves an old one on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.models import Undangan
from db.sertifikat_nomor import format_nomor
from db.services.kegiatan import get_kegiatan
from db.services.penandatangan import list_signatories
from db.services.print_data import signing_place
from db.services.profile import OfficeProfile, get_profile
from db.services.registry_fields import clean_text

SIFAT = ("Biasa", "Penting", "Segera", "Sangat Segera", "Rahasia")
DEFAULT_POLA = "{kode}/{urut}/{unit}/{bulan_romawi}/{tahun}"
BLANK_URUT = "\u00a0" * 10  # non-breaking spaces (kept on paper): room to write the agenda-book number
_SENTINEL = 987654321  # stands for the missing urut while the pattern is formatted
_TEXT = ("nomor", "sifat", "lampiran", "hal", "kepada", "pembuka", "acara", "penutup", "tembusan",
         "nomor_pola", "kode_unit")  # fmt: skip
# "Bapak/Ibu/Saudara" cannot break, so it sits early in the line: a justified line never gapes before it
PENUTUP = (
    "Mengingat pentingnya acara tersebut, kehadiran Bapak/Ibu/Saudara tepat pada waktunya sangat kami "
    "harapkan. Atas perhatian dan kehadirannya, kami ucapkan terima kasih."
)


@dataclass(frozen=True)
class UndanganForm:
    """What the undangan dialog edits; ``kepada`` and ``tembusan`` hold one entry per line."""

    kegiatan_id: int
    nomor: str = ""
    tanggal: date | None = None
    sifat: str = "Biasa"
    lampiran: str = "-"
    hal: str = ""
    kepada: str = ""
    pembuka: str = ""
    acara: str = ""
    penutup: str = PENUTUP
    tembusan: str = ""
    penandatangan_id: int | None = None
    nomor_urut: int | None = None
    nomor_pola: str = DEFAULT_POLA
    kode_unit: str = ""
    id: int | None = None


def kode_unit_default(profile: OfficeProfile | None = None) -> str:
    """``KEC-MT`` for Kecamatan Metro Timur: the initials of the kecamatan's name."""
    profile = profile or get_profile()
    initials = "".join(word[0] for word in profile.kecamatan.split() if word[:1].isalpha()).upper()
    return f"KEC-{initials}" if initials else "KEC"


def _wilayah(profile: OfficeProfile) -> tuple[str, str]:
    """("Kecamatan Metro Timur", "Wali Kota Metro") for the default recipients and tembusan."""
    kecamatan = f"Kecamatan {profile.kecamatan}" if profile.kecamatan else "Kecamatan"
    place = signing_place(profile)
    head = "Bupati" if profile.kota.startswith(("Kabupaten", "Kab.")) else "Wali Kota"
    return kecamatan, f"{head} {place}".strip()


LEAD_DAYS = 3  # an invitation goes out at least this many days before the kegiatan


def default_letter_date(mulai: date, today: date) -> date:
    """Today, unless that is too close to (or after) the kegiatan: then a working day at least
    :data:`LEAD_DAYS` before it — a letter dated after the event it invites to would be absurd."""
    latest = mulai - timedelta(days=LEAD_DAYS)
    chosen = min(today, latest)
    while chosen.weekday() >= 5:  # Saturday, Sunday → the Friday before
        chosen -= timedelta(days=1)
    return chosen


def default_undangan(kegiatan_id: int, today: date | None = None) -> UndanganForm:
    """The letter as first offered: recipients across the kecamatan, the opening naming the
    kegiatan, the first active signatory, and a tembusan to the head of the kota/kabupaten."""
    detail = get_kegiatan(kegiatan_id)
    form = detail.form
    profile = get_profile()
    kecamatan, kepala_daerah = _wilayah(profile)
    if form.jenis == "Bimtek/Pelatihan":
        kepada = (f"Lurah se-{kecamatan}", f"Kepala UPTD Puskesmas se-{kecamatan}",
                  f"Ketua TP-PKK Kelurahan se-{kecamatan}")  # fmt: skip
    else:
        kepada = (f"Anggota Pokjanal Posyandu {kecamatan}", f"Lurah se-{kecamatan}",
                  f"Kepala UPTD Puskesmas se-{kecamatan}", f"Ketua TP-PKK {kecamatan}")  # fmt: skip
    pembuka = (
        f"Dalam rangka pelaksanaan {form.nama}"
        + (f" dengan tema \u201c{form.tema}\u201d" if form.tema else "")
        + ", dengan hormat kami mengundang Bapak/Ibu/Saudara untuk hadir pada:"
    )
    signers = list_signatories(active_only=True)
    return UndanganForm(
        kegiatan_id,
        tanggal=default_letter_date(form.tanggal_mulai, today or date.today()),
        hal=f"Undangan {form.nama}",
        kepada="\n".join(kepada),
        pembuka=pembuka,
        acara=form.nama,
        tembusan=f"{kepala_daerah} (sebagai laporan)" if profile.kota else "",
        penandatangan_id=signers[0].id if signers else None,
        kode_unit=kode_unit_default(profile),
    )


def get_undangan(kegiatan_id: int) -> UndanganForm:
    """The saved letter of the kegiatan, else the defaults (``id`` None until saved)."""
    row = Undangan.get_or_none(Undangan.kegiatan == kegiatan_id)
    if row is None:
        return default_undangan(kegiatan_id)
    values = {name: getattr(row, name) for name in _TEXT}
    return UndanganForm(kegiatan_id, tanggal=row.tanggal, penandatangan_id=row.penandatangan_id,
                        nomor_urut=row.nomor_urut, id=row.id, **values)  # fmt: skip


def compose_nomor(pola: str, urut: int | None, kode_unit: str, tanggal: date, kode: str | None = None) -> str:
    """The letter number from the pattern; without ``urut`` a blank is left where it goes."""
    kode = get_profile().kode_klasifikasi if kode is None else kode
    try:
        nomor = format_nomor(pola, _SENTINEL if urut is None else urut, kode, kode_unit, tanggal)
    except ValidationError as exc:  # the shared checks speak of certificates; this is a letter
        message = exc.message.replace("sertifikat", "surat")
        raise ValidationError(message, "nomor_urut" if "urut" in exc.problems else "nomor_pola") from None
    return re.sub(rf"0*{_SENTINEL}", BLANK_URUT, nomor) if urut is None else nomor


def _lines(value: object, limit: int = 300) -> str:
    """One cleaned entry per non-empty line (recipients, tembusan, paragraphs)."""
    lines = (clean_text(line, limit=limit) for line in str(value or "").splitlines())
    return "\n".join(line for line in lines if line)


def check_undangan(form: UndanganForm) -> UndanganForm:
    """Clean and validate; compose the number from the pattern when there is one."""
    values: dict[str, Any] = {name: clean_text(getattr(form, name)) for name in _TEXT}
    values |= {name: _lines(getattr(form, name)) for name in ("kepada", "tembusan")}
    values |= {name: _lines(getattr(form, name), 2000) for name in ("pembuka", "penutup")}
    problems: dict[str, str] = {}
    if values["sifat"] not in SIFAT:
        problems["sifat"] = f"Sifat surat harus salah satu dari: {', '.join(SIFAT)}."
    if not values["hal"]:
        problems["hal"] = "Hal surat wajib diisi."
    if not values["kepada"]:
        problems["kepada"] = "Tulis paling sedikit satu penerima (Yth.)."
    if form.tanggal is None:
        problems["tanggal"] = "Tanggal surat wajib diisi."
    if form.nomor_urut is not None and form.nomor_urut < 1:
        problems["nomor_urut"] = "Nomor urut surat harus bilangan mulai dari 1."
    if not problems and values["nomor_pola"]:
        try:
            values["nomor"] = compose_nomor(
                values["nomor_pola"], form.nomor_urut, values["kode_unit"], form.tanggal
            )
        except ValidationError as exc:
            problems.update(exc.problems)
    if problems:
        raise ValidationError(problems)
    return replace(form, **values)


def save_undangan(form: UndanganForm) -> int:
    """Create or replace the kegiatan's letter (one per kegiatan); returns its id."""
    clean = check_undangan(form)
    get_kegiatan(clean.kegiatan_id)  # NotFound for a removed kegiatan
    values = {name: getattr(clean, name) for name in _TEXT}
    values |= {
        "tanggal": clean.tanggal,
        "penandatangan": clean.penandatangan_id,
        "nomor_urut": clean.nomor_urut,
    }
    now = audit.now_iso()
    with db.atomic():
        row = Undangan.get_or_none(Undangan.kegiatan == clean.kegiatan_id)
        if row is None:
            undangan_id = int(
                Undangan.insert(kegiatan=clean.kegiatan_id, dibuat=now, diubah=now, **values).execute()
            )
            audit.record("tambah", "undangan", undangan_id, _audit(values), clean.nomor or clean.hal)
            return undangan_id
        before = get_undangan(clean.kegiatan_id)
        before_values = {name: getattr(before, name) for name in _TEXT}
        before_values |= {"tanggal": before.tanggal, "penandatangan": before.penandatangan_id,
                          "nomor_urut": before.nomor_urut}  # fmt: skip
        changes = audit.diff(_audit(before_values), _audit(values))
        if changes:
            Undangan.update(**values, diubah=now).where(Undangan.id == row.id).execute()
            audit.record("ubah", "undangan", row.id, changes, clean.nomor or clean.hal)
        return int(row.id)


def _audit(values: dict[str, Any]) -> dict[str, Any]:
    out = {("penandatangan_id" if k == "penandatangan" else k): v for k, v in values.items()}
    out["tanggal"] = out["tanggal"].isoformat() if out.get("tanggal") else None
    return out


def delete_undangan(kegiatan_id: int) -> None:
    """Forget the saved letter (the defaults are offered again)."""
    row = Undangan.get_or_none(Undangan.kegiatan == kegiatan_id)
    if row is None:
        raise NotFound("Undangan kegiatan ini belum disimpan.")
    with db.atomic():
        Undangan.delete().where(Undangan.id == row.id).execute()
        audit.record("hapus", "undangan", row.id, {"nomor": row.nomor, "hal": row.hal}, row.nomor or row.hal)
