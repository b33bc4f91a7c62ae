"""Plain data for the printed kader lists (daftar kader, rekap kader), and the PDFs themselves.

The bridge between the registry and :mod:`reports.daftar_kader` / :mod:`reports.rekap_kader`:
rows come from :func:`db.services.kader_search.search_kader`, which already masks the NIK, so a
full NIK never reaches a printout. No Qt here; ReportLab is imported only when a PDF is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db import wilayah
from db.services.kader_search import KaderFilter, KaderRow, search_kader
from db.services.posyandu import get_posyandu
from db.services.print_data import kop_from_profile, page_setup, signatory_for_print, signing_place
from db.services.profile import get_profile
from db.services.registry_recap import registry_recap
from reports.daftar_kader import DaftarKader, KaderGroup, KaderLine
from reports.data import SignatureBlock
from reports.formatting import tanggal, tempat_tanggal
from reports.rekap_kader import RekapKader, RekapRow, RekapSection

MASK_NOTE = (
    "NIK dicetak tersamar untuk melindungi data pribadi (UU Nomor 27 Tahun 2022). "
    "NIK lengkap tersimpan di sekretariat Pokjanal Posyandu."
)


@dataclass(frozen=True)
class DaftarKaderScope:
    """Which kader to list: a kelurahan (``kode_wilayah``), one posyandu, or everything."""

    kode_wilayah: str = ""
    posyandu_id: int | None = None
    status: str = "aktif"  # "" lists every status
    signatory_id: int | None = None


def _region_label(kode: str) -> str:
    region = wilayah.get(kode) if kode else None
    return region.label if region is not None else ""


def _subtitle(scope: DaftarKaderScope) -> str:
    """ "Posyandu Melati, Kelurahan Yosodadi" / "Kelurahan Yosodadi, Kecamatan Metro Timur" / kecamatan."""
    profile = get_profile()
    kecamatan = _region_label(profile.kode_wilayah) or (
        f"Kecamatan {profile.kecamatan}" if profile.kecamatan else ""
    )
    if scope.posyandu_id is not None:
        posyandu = get_posyandu(scope.posyandu_id)
        return ", ".join(
            p for p in (f"Posyandu {_strip_prefix(posyandu.nama)}", _region_label(posyandu.kode_wilayah)) if p
        )
    if scope.kode_wilayah:
        return ", ".join(p for p in (_region_label(scope.kode_wilayah), kecamatan) if p)
    return kecamatan


def _strip_prefix(name: str) -> str:
    return name[len("posyandu ") :].strip() if name.lower().startswith("posyandu ") else name


def _jabatan(row: KaderRow) -> str:
    return (
        f"{row.jabatan} {row.bidang}".strip() if row.jabatan == "Ketua Bidang" and row.bidang else row.jabatan
    )


def _line(row: KaderRow) -> KaderLine:
    return KaderLine(
        nama=row.nama,
        nik=row.nik_masked or "–",
        jenis_kelamin=row.jenis_kelamin or "–",
        jabatan=_jabatan(row),
        tingkatan=row.tingkatan or "–",
        umur=str(row.umur) if row.umur is not None else "–",
        status=row.status,
    )


def _groups(rows: list[KaderRow], *, show_kelurahan: bool) -> tuple[KaderGroup, ...]:
    """One group per posyandu, ordered by kelurahan then posyandu name; kader by name."""
    by_posyandu: dict[tuple[str, str, int], list[KaderRow]] = {}
    for row in rows:
        key = (row.kelurahan.casefold(), row.posyandu.casefold(), row.posyandu_id or 0)
        by_posyandu.setdefault(key, []).append(row)
    groups = []
    for key in sorted(by_posyandu):
        members = by_posyandu[key]
        first = members[0]
        title = (
            f"Posyandu {_strip_prefix(first.posyandu)}" if first.posyandu else "Belum terdaftar di posyandu"
        )
        if show_kelurahan and first.kelurahan:
            title += f" — {_region_label(first.kode_wilayah) or first.kelurahan}"
        groups.append(KaderGroup(title, tuple(_line(r) for r in members)))
    return tuple(groups)


def _signatures(signatory_id: int | None, today: date) -> tuple[SignatureBlock, ...]:
    if signatory_id is None:
        return ()
    return (SignatureBlock(signatory_for_print(signatory_id), tempat_tanggal(signing_place(), today)),)


def daftar_kader_data(scope: DaftarKaderScope, *, today: date | None = None) -> DaftarKader:
    """The daftar kader of ``scope`` (NIK masked), grouped per posyandu."""
    today = today or date.today()
    filters = KaderFilter(kode_wilayah=scope.kode_wilayah, posyandu_id=scope.posyandu_id, status=scope.status)
    rows = search_kader("", filters, order_by="nama", limit=None).rows
    single_kelurahan = bool(scope.kode_wilayah) or scope.posyandu_id is not None
    judul = "DAFTAR KADER POSYANDU" if scope.status == "aktif" else "DAFTAR KADER POSYANDU (SEMUA STATUS)"
    subtitle = _subtitle(scope)
    subtitle = f"{subtitle}\nKeadaan {tanggal(today)}" if subtitle else f"Keadaan {tanggal(today)}"
    return DaftarKader(
        judul=judul,
        subjudul=subtitle,
        groups=_groups(rows, show_kelurahan=not single_kelurahan),
        signatures=_signatures(scope.signatory_id, today),
        keterangan=MASK_NOTE if rows else "",
    )


def daftar_kader_pdf(scope: DaftarKaderScope, *, today: date | None = None) -> bytes:
    """The daftar kader as PDF bytes, with the office kop and page setup."""
    from reports.daftar_kader import DaftarKaderDocument

    data = daftar_kader_data(scope, today=today)
    return DaftarKaderDocument(data, page_setup(), kop_from_profile()).render_bytes()


# ------------------------------------------------------------------------------------ rekap
TINGKATAN_COLUMNS = ("Purwa", "Madya", "Utama", "Belum")


def rekap_kader_data(signatory_id: int | None = None, *, today: date | None = None) -> RekapKader:
    """Counts per posyandu grouped by kelurahan (tingkatan columns count active kader)."""
    today = today or date.today()
    recap = registry_recap()
    sections: dict[str, list[RekapRow]] = {}
    for item in recap.per_posyandu:
        if item.kader.jumlah == 0 and not item.aktif_posyandu:
            continue  # an inactive posyandu with nobody left says nothing
        name = (
            item.posyandu
            if item.aktif_posyandu or item.posyandu_id is None
            else f"{item.posyandu} (nonaktif)"
        )
        counts = item.kader
        row = RekapRow(
            name, counts.jumlah, counts.aktif, (counts.purwa, counts.madya, counts.utama, counts.belum)
        )
        sections.setdefault(item.kelurahan or "Tanpa kelurahan", []).append(row)
    profile = get_profile()
    place = _region_label(profile.kode_wilayah) or profile.unit.title()
    return RekapKader(
        judul="REKAP KADER POSYANDU",
        subjudul=f"{place}\nKeadaan {tanggal(today)} · kolom tingkatan menghitung kader aktif".strip(),
        tingkatan=TINGKATAN_COLUMNS,
        sections=tuple(RekapSection(name, tuple(rows)) for name, rows in sections.items()),
        signatures=_signatures(signatory_id, today),
    )


def rekap_kader_pdf(signatory_id: int | None = None, *, today: date | None = None) -> bytes:
    from reports.rekap_kader import RekapKaderDocument

    data = rekap_kader_data(signatory_id, today=today)
    return RekapKaderDocument(data, page_setup(), kop_from_profile()).render_bytes()
