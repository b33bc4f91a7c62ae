"""Signatories (penandatangan) per Tata Naskah Dinas: name with titles, jabatan, NIP, prefix.

A signatory may also have a scanned signature and stamp image (table ``penandatangan_gambar``),
kept apart from :class:`SignatoryData` so lists and forms never carry image bytes around.
"""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass, replace

from db import audit
from db.database import db
from db.errors import NotFound, ValidationError
from db.models import Penandatangan, PenandatanganGambar
from db.validators import normalise_nip

PREFIXES = ("", "a.n.", "u.b.", "Plt.", "Plh.", "Pj.")
JENIS_PEGAWAI = ("PNS", "PPPK", "Non-ASN")


@dataclass(frozen=True)
class SignatoryData:
    id: int | None = None
    nama: str = ""
    jabatan: str = ""
    pangkat: str = ""
    nip: str = ""
    jenis_pegawai: str = "PNS"
    prefiks: str = ""
    jabatan_atasan: str = ""
    aktif: bool = True
    urutan: int = 0


def _to_data(row: Penandatangan) -> SignatoryData:
    return SignatoryData(
        id=row.id,
        nama=row.nama,
        jabatan=row.jabatan,
        pangkat=row.pangkat,
        nip=row.nip,
        jenis_pegawai=row.jenis_pegawai,
        prefiks=row.prefiks,
        jabatan_atasan=row.jabatan_atasan,
        aktif=bool(row.aktif),
        urutan=row.urutan,
    )


def list_signatories(*, active_only: bool = False) -> list[SignatoryData]:
    query = Penandatangan.select().order_by(Penandatangan.urutan, Penandatangan.id)
    if active_only:
        query = query.where(Penandatangan.aktif == True)  # noqa: E712 - peewee expression
    return [_to_data(row) for row in query]


def get_signatory(signatory_id: int) -> SignatoryData:
    row = Penandatangan.get_or_none(Penandatangan.id == signatory_id)
    if row is None:
        raise NotFound("Penandatangan tidak ditemukan.")
    return _to_data(row)


def _clean(data: SignatoryData) -> SignatoryData:
    problems: dict[str, str] = {}
    nama = " ".join(data.nama.split())
    jabatan = " ".join(data.jabatan.split())
    if not nama:
        problems["nama"] = "Nama penandatangan wajib diisi."
    if not jabatan:
        problems["jabatan"] = "Jabatan wajib diisi (mis. Camat Metro Timur)."
    if data.prefiks not in PREFIXES:
        problems["prefiks"] = "Awalan harus salah satu dari: a.n., u.b., Plt., Plh., Pj."
    if data.prefiks in ("a.n.", "u.b.") and not data.jabatan_atasan.strip():
        problems["jabatan_atasan"] = f"Dengan awalan {data.prefiks} isi juga jabatan atasan."
    if data.jenis_pegawai not in JENIS_PEGAWAI:
        problems["jenis_pegawai"] = "Jenis pegawai harus PNS, PPPK atau Non-ASN."
    nip = ""
    try:
        nip = normalise_nip(data.nip, jenis_pegawai=data.jenis_pegawai)
    except ValidationError as exc:
        problems.update(exc.problems)
    if data.jenis_pegawai == "Non-ASN" and nip:
        problems["nip"] = "Penandatangan Non-ASN tidak memiliki NIP; kosongkan isian NIP."
    if problems:
        raise ValidationError(problems)
    return replace(data, nama=nama, jabatan=jabatan, nip=nip, jabatan_atasan=data.jabatan_atasan.strip())


def save_signatory(data: SignatoryData) -> SignatoryData:
    """Create (``id is None``) or update a signatory; returns the stored values."""
    clean = _clean(data)
    now = audit.now_iso()
    values = asdict(clean)
    values.pop("id")
    with db.atomic():
        if clean.id is None:
            row = Penandatangan.create(**values, dibuat=now, diubah=now)
            audit.record("tambah", "penandatangan", row.id, values, clean.nama)
        else:
            row = Penandatangan.get_or_none(Penandatangan.id == clean.id)
            if row is None:
                raise NotFound("Penandatangan tidak ditemukan.")
            before = asdict(_to_data(row))
            Penandatangan.update(**values, diubah=now).where(Penandatangan.id == clean.id).execute()
            changes = audit.diff(before, values)
            if changes:
                audit.record("ubah", "penandatangan", clean.id, changes, clean.nama)
    return get_signatory(row.id)


def set_signatory_active(signatory_id: int, active: bool) -> None:
    current = get_signatory(signatory_id)
    save_signatory(replace(current, aktif=active))


# ------------------------------------------------------------------------------- images
IMAGE_KINDS = {"ttd": "tanda tangan", "stempel": "stempel"}
MAX_IMAGE_BYTES = 1024 * 1024  # a scanned signature or stamp is a few dozen kB
MAX_IMAGE_SIDE = 4000  # pixels; larger scans only slow printing (and guard against pixel bombs)
_FORMATS = {"PNG": "png", "JPEG": "jpeg"}


@dataclass(frozen=True)
class SignatoryImage:
    """A stored signature or stamp image with what the audit trail may say about it."""

    jenis: str
    data: bytes
    format: str
    lebar: int
    tinggi: int
    sha256: str


def _check_kind(jenis: str) -> None:
    if jenis not in IMAGE_KINDS:
        raise ValidationError("Jenis gambar harus tanda tangan (ttd) atau stempel.", "jenis")


def inspect_image(jenis: str, data: bytes) -> SignatoryImage:
    """Validate a PNG/JPG of at most 1 MB and 4000 px a side, decoded in full (a file that is
    only named .png, or is cut short, is refused here rather than breaking a print run)."""
    import hashlib

    from PIL import Image, UnidentifiedImageError

    _check_kind(jenis)
    label = IMAGE_KINDS[jenis].capitalize()
    if not data:
        raise ValidationError(f"Berkas gambar {IMAGE_KINDS[jenis]} kosong.", jenis)
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(f"{label}: gambar paling besar 1 MB; perkecil hasil pindaiannya.", jenis)
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise ValidationError(f"{label}: gambar harus berupa PNG atau JPG.", jenis)
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt, (width, height) = image.format, image.size
            if max(width, height) > MAX_IMAGE_SIDE:
                raise ValidationError(
                    f"{label}: gambar paling besar {MAX_IMAGE_SIDE} piksel per sisi ({width}×{height}).",
                    jenis,
                )
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(f"{label}: berkas gambar rusak atau tidak terbaca.", jenis) from exc
    if fmt not in _FORMATS:
        raise ValidationError(f"{label}: gambar harus berupa PNG atau JPG.", jenis)
    digest = hashlib.sha256(data).hexdigest()
    return SignatoryImage(jenis, bytes(data), _FORMATS[fmt], width, height, digest)


def get_images(signatory_id: int) -> dict[str, bytes]:
    """``{"ttd": …, "stempel": …}`` with the images this signatory has (read only to print)."""
    query = PenandatanganGambar.select(PenandatanganGambar.jenis, PenandatanganGambar.data).where(
        PenandatanganGambar.penandatangan == signatory_id
    )
    return {row.jenis: bytes(row.data) for row in query}


def get_image(signatory_id: int, jenis: str) -> bytes | None:
    _check_kind(jenis)
    return get_images(signatory_id).get(jenis)


def _describe(fmt: str, lebar: int, tinggi: int, size: int, sha256: str) -> str:
    """What the audit trail says about an image: "png 600×240, 18 kB, sha256 1a2b3c4d…"."""
    return f"{fmt} {lebar}×{tinggi}, {max(1, round(size / 1024))} kB, sha256 {sha256[:16]}"


def set_image(signatory_id: int, jenis: str, data: bytes | None) -> SignatoryImage | None:
    """Store (``None``: remove) the signature or stamp image. The audit row names the format,
    size and SHA-256 of the old and new image, never their bytes."""
    image = inspect_image(jenis, data) if data is not None else None
    with db.atomic():
        signer = get_signatory(signatory_id)
        where = (PenandatanganGambar.penandatangan == signatory_id) & (PenandatanganGambar.jenis == jenis)
        old = PenandatanganGambar.get_or_none(where)
        before = _describe(old.format, old.lebar, old.tinggi, len(old.data), old.sha256) if old else None
        if image is None and old is None:
            return None
        if image is None:
            PenandatanganGambar.delete().where(where).execute()
            after, verb = None, "dihapus"
        else:
            values = asdict(image)
            values.pop("jenis")
            PenandatanganGambar.insert(
                penandatangan=signatory_id, jenis=jenis, **values, diubah=audit.now_iso()
            ).on_conflict_replace().execute()
            after = _describe(image.format, image.lebar, image.tinggi, len(image.data), image.sha256)
            verb = "diganti" if old else "ditambahkan"
        audit.record(
            "ubah", "penandatangan", signatory_id, {f"gambar_{jenis}": [before, after]},
            f"Gambar {IMAGE_KINDS[jenis]} {signer.nama} {verb}",
        )  # fmt: skip
    return image


def save_signatory_with_images(data: SignatoryData, images: dict[str, bytes | None]) -> SignatoryData:
    """:func:`save_signatory` and the changed images (``None``: removed) in one transaction, so
    a new signatory and its scanned signature are stored together or not at all."""
    with db.atomic():
        saved = save_signatory(data)
        for jenis, content in images.items():
            set_image(saved.id, jenis, content)
    return saved
