"""Issuing and revoking certificates: numbers from the office pattern, the signed QR, the register.

:func:`terbitkan` gives a number to every eligible person who holds no valid certificate of the
kegiatan yet, in roster print order, in ONE transaction. Numbers come from the ``nomor_urut``
counter of the year's series (``sertifikat:2026``), never from ``MAX(urut)``, so a number is never
handed out twice — not after a revocation, not after rows disappear. The printed facts (name,
identity line, asal, role, kegiatan) are copied into the row and signed into the QR at issue time:
re-printing shows the same number and the same QR; a wrong name is corrected by revoking
(:func:`cabut`, the number stays in the register as ``dicabut``) and issuing again.

The number pattern, classification code and unit code are stored under :data:`PENOMORAN_KEY`
(the profile's kode klasifikasi and an abbreviation of its unit are the defaults).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date

from db import audit
from db import sertifikat_crypto as crypto
from db.database import db
from db.errors import NotFound, ValidationError
from db.masking import mask_nik
from db.sertifikat_nomor import DEFAULT_PATTERN, check_pattern, format_nomor
from db.services import sertifikat_keys
from db.services.kegiatan import KegiatanDetail, get_kegiatan
from db.services.peserta import get_peserta
from db.services.profile import get_profile
from db.services.sertifikat import EligibilityRow, eligibility
from db.services.settings import get_setting, set_setting
from db.validators import format_nip
from reports.data_sertifikat import PERAN
from reports.formatting import rentang_tanggal

PENOMORAN_KEY = "sertifikat_penomoran"
STATUSES = ("valid", "dicabut")
MAX_ALASAN = 300
_UNIT_WORDS = {"KECAMATAN": "KEC", "KELURAHAN": "KEL", "DESA": "DESA", "KABUPATEN": "KAB", "KOTA": "KOTA"}


@dataclass(frozen=True)
class Penomoran:
    """How numbers are written; ``kode``/``unit`` "" = the defaults from the office profile."""

    pola: str = DEFAULT_PATTERN
    kode: str = ""
    unit: str = ""


@dataclass(frozen=True)
class SertifikatRow:
    """One issued number as stored (the register line). ``identitas`` is the printed NIP line or
    masked NIK line; ``status`` ``valid`` or ``dicabut``."""

    id: int
    kegiatan_id: int | None
    peserta_id: int | None
    seri: str
    urut: int
    nomor: str
    nama: str
    identitas: str
    jabatan: str
    asal: str
    peran: str
    jpl: float | None
    kegiatan_nama: str
    kegiatan_tanggal: str
    tanggal_terbit: date
    qr: str
    status: str
    dicabut_pada: str | None
    alasan_cabut: str

    @property
    def jabatan_asal(self) -> str:
        return ", ".join(part for part in (self.jabatan, self.asal) if part)


@dataclass(frozen=True)
class TerbitResult:
    """What :func:`terbitkan` did: ``baru`` numbers issued now (in order), ``sudah`` eligible people
    who already held one, ``tidak_layak`` people left without a certificate."""

    baru: tuple[SertifikatRow, ...]
    sudah: int
    tidak_layak: int


# ------------------------------------------------------------------------------- numbering
def default_unit(unit: str) -> str:
    """ "KECAMATAN METRO TIMUR" → "KEC-MT" (as offices abbreviate their unit in numbers)."""
    words = unit.upper().split()
    if not words:
        return "KEC"
    head = _UNIT_WORDS.get(words[0])
    rest = words[1:] if head else words
    initials = "".join(w[0] for w in rest if w[0].isalnum())
    return f"{head or ''}-{initials}".strip("-") or "KEC"


def get_penomoran() -> Penomoran:
    """The stored numbering with the defaults filled in (what numbers will look like)."""
    stored = get_setting(PENOMORAN_KEY, {}) or {}
    profile = get_profile()
    return Penomoran(
        pola=str(stored.get("pola") or DEFAULT_PATTERN),
        kode=str(stored.get("kode") or profile.kode_klasifikasi or "445.8"),
        unit=str(stored.get("unit") or default_unit(profile.unit)),
    )


def contoh_nomor(penomoran: Penomoran, tanggal: date | None = None, urut: int = 7) -> str:
    """An example number for the settings form ("007/445.8/BIMTEK-POKJANAL/KEC-MT/VII/2026")."""
    return format_nomor(penomoran.pola, urut, penomoran.kode, penomoran.unit, tanggal or date.today())


def save_penomoran(penomoran: Penomoran) -> Penomoran:
    """Check (pattern, a 3-digit number fits 60 characters) and store; audited."""
    clean = Penomoran(
        penomoran.pola.strip(), " ".join(penomoran.kode.split()), " ".join(penomoran.unit.split())
    )
    check_pattern(clean.pola)
    contoh_nomor(clean, date(2026, 12, 31), 999)  # ValidationError when too long
    with db.atomic():
        before = get_setting(PENOMORAN_KEY, {}) or {}
        set_setting(PENOMORAN_KEY, asdict(clean), audit_changes=False)
        changes = audit.diff(before, asdict(clean))
        if changes:
            audit.record("ubah", "pengaturan", None, changes, "Penomoran sertifikat")
    return get_penomoran()


def _next_numbers(seri: str, count: int, penomoran: Penomoran, tanggal: date) -> list[tuple[int, str]]:
    """``count`` fresh (urut, nomor) pairs from the series counter; moves the counter past them.

    A number already in the register (a pattern without ``{tahun}`` repeats last year's numbers)
    is skipped, never reused. Runs inside the caller's transaction."""
    row = db.execute_sql("SELECT terakhir FROM nomor_urut WHERE seri = ?", (seri,)).fetchone()
    highest = db.execute_sql("SELECT max(urut) FROM sertifikat WHERE seri = ?", (seri,)).fetchone()[0]
    urut = max(row[0] if row else 0, highest or 0)
    out: list[tuple[int, str]] = []
    while len(out) < count:
        urut += 1
        nomor = format_nomor(penomoran.pola, urut, penomoran.kode, penomoran.unit, tanggal)
        if not db.execute_sql("SELECT 1 FROM sertifikat WHERE nomor = ?", (nomor,)).fetchone():
            out.append((urut, nomor))
    db.execute_sql(
        "INSERT INTO nomor_urut (seri, terakhir) VALUES (?, ?) "
        "ON CONFLICT (seri) DO UPDATE SET terakhir = excluded.terakhir",
        (seri, urut),
    )
    return out


# ------------------------------------------------------------------------------- issuing
def siap_terbit(kegiatan_id: int, today: date | None = None) -> list[EligibilityRow]:
    """Eligible people without a valid certificate, in roster order (who :func:`terbitkan` numbers)."""
    return [row for row in eligibility(kegiatan_id, today) if row.layak and row.status != "valid"]


def identitas_line(nip: str, nik: str) -> str:
    """The NIP/NIK line under the name: the NIP in full (a public servant's id), the NIK masked."""
    if nip:
        return f"NIP. {format_nip(nip)}"
    return f"NIK. {mask_nik(nik)}" if nik else ""


def _kegiatan_tanggal(detail: KegiatanDetail) -> str:
    days = detail.hari_aktif
    if days:
        return rentang_tanggal(days[0].tanggal, days[-1].tanggal)
    return rentang_tanggal(detail.form.tanggal_mulai, detail.form.tanggal_selesai)


def terbitkan(kegiatan_id: int, tanggal_terbit: date, today: date | None = None) -> TerbitResult:
    """Number, sign and register a certificate for every eligible person without one (roster order)."""
    rows = eligibility(kegiatan_id, today)
    todo = [row for row in rows if row.layak and row.status != "valid"]
    sudah = sum(1 for row in rows if row.status == "valid")
    if not todo:
        return TerbitResult((), sudah, sum(1 for row in rows if not row.layak))
    detail = get_kegiatan(kegiatan_id)
    penomoran, office = get_penomoran(), get_profile().kode_wilayah
    when = audit.now_iso()
    ids: list[int] = []
    with db.atomic():
        seri = f"sertifikat:{tanggal_terbit.year}"
        for row, (urut, nomor) in zip(
            todo, _next_numbers(seri, len(todo), penomoran, tanggal_terbit), strict=True
        ):
            person = get_peserta(row.peserta_id)
            claim = crypto.CertificateClaim(nomor, person.nama, detail.form.nama, tanggal_terbit, office)
            values = {
                "kegiatan_id": kegiatan_id,
                "peserta_id": person.id,
                "seri": seri,
                "urut": urut,
                "nomor": nomor,
                "nama": person.nama,
                "identitas": identitas_line(person.nip, person.nik),
                "jabatan": person.jabatan or person.instansi,
                "asal": person.asal,
                "peran": person.peran if person.peran in PERAN else "Peserta",
                "jpl": detail.form.total_jpl if person.peran in ("Peserta", "Undangan") else None,
                "kegiatan_nama": detail.form.nama,
                "kegiatan_tanggal": _kegiatan_tanggal(detail),
                "tanggal_terbit": tanggal_terbit.isoformat(),
                "qr": sertifikat_keys.sign_claim(claim),
                "dibuat": when,
            }
            cursor = db.execute_sql(
                f"INSERT INTO sertifikat ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                tuple(values.values()),
            )
            ids.append(cursor.lastrowid)
        issued = [get_sertifikat(i) for i in ids]
        audit.record_many(
            (
                "terbit",
                "sertifikat",
                s.id,
                {"nomor": s.nomor, "nama": s.nama},
                f"Sertifikat {s.nomor} {s.nama}",
            )
            for s in issued
        )
    return TerbitResult(tuple(issued), sudah, sum(1 for row in rows if not row.layak))


# ------------------------------------------------------------------------------- revoking
def cabut(sertifikat_id: int, alasan: str) -> SertifikatRow:
    """Mark a certificate revoked (it keeps its number; the person may be issued a new one)."""
    reason = " ".join(str(alasan).split())
    if not reason:
        raise ValidationError("Alasan pencabutan wajib diisi.", "alasan")
    if len(reason) > MAX_ALASAN:
        raise ValidationError(f"Alasan paling banyak {MAX_ALASAN} karakter.", "alasan")
    with db.atomic():
        current = get_sertifikat(sertifikat_id)
        if current.status == "dicabut":
            raise ValidationError(f"Sertifikat {current.nomor} sudah dicabut.", "status")
        db.execute_sql(
            "UPDATE sertifikat SET status = 'dicabut', dicabut_pada = ?, alasan_cabut = ? WHERE id = ?",
            (audit.now_iso(), reason, sertifikat_id),
        )
        audit.record(
            "cabut",
            "sertifikat",
            sertifikat_id,
            {"status": ["valid", "dicabut"], "alasan": reason},
            f"Sertifikat {current.nomor} {current.nama} dicabut",
        )
    return get_sertifikat(sertifikat_id)


def cabut_nomor(nomor: str, alasan: str) -> SertifikatRow:
    found = find_by_nomor(nomor)
    if found is None:
        raise NotFound(f"Nomor sertifikat {nomor.strip()} tidak ada dalam register.")
    return cabut(found.id, alasan)


# ------------------------------------------------------------------------------- reading
_SELECT = (
    "SELECT id, kegiatan_id, peserta_id, seri, urut, nomor, nama, identitas, jabatan, asal, peran, jpl, "
    "kegiatan_nama, kegiatan_tanggal, tanggal_terbit, qr, status, dicabut_pada, alasan_cabut FROM sertifikat"
)


def _row(values: tuple) -> SertifikatRow:
    row = SertifikatRow(*values)
    return replace(row, tanggal_terbit=date.fromisoformat(str(values[14])))


def get_sertifikat(sertifikat_id: int) -> SertifikatRow:
    found = db.execute_sql(f"{_SELECT} WHERE id = ?", (sertifikat_id,)).fetchone()
    if found is None:
        raise NotFound("Sertifikat tidak ditemukan.")
    return _row(found)


def normalise_nomor(text: str) -> str:
    """A typed number as stored: spaces around slashes and repeated spaces removed, upper-case."""
    return re.sub(r"\s*/\s*", "/", " ".join(str(text).split())).upper()


def find_by_nomor(nomor: str) -> SertifikatRow | None:
    found = db.execute_sql(f"{_SELECT} WHERE upper(nomor) = ?", (normalise_nomor(nomor),)).fetchone()
    return _row(found) if found else None


def list_sertifikat(
    kegiatan_id: int | None = None, tahun: int | None = None, status: str | None = None
) -> list[SertifikatRow]:
    """Issued numbers in register order (series, then number); revoked ones included unless filtered."""
    where, params = [], []
    if kegiatan_id is not None:
        where.append("kegiatan_id = ?")
        params.append(kegiatan_id)
    if tahun is not None:
        where.append("seri = ?")
        params.append(f"sertifikat:{tahun}")
    if status is not None:
        if status not in STATUSES:
            raise ValidationError("Status sertifikat harus valid atau dicabut.", "status")
        where.append("status = ?")
        params.append(status)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return [_row(r) for r in db.execute_sql(f"{_SELECT}{clause} ORDER BY seri, urut", params)]


def revoked_numbers() -> set[str]:
    return {r[0] for r in db.execute_sql("SELECT nomor FROM sertifikat WHERE status = 'dicabut'")}
