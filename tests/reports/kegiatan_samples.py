"""Inputs for the kegiatan document tests: a 3-day bimtek and 230 people from 22 kelurahan and
5 kecamatan, with one 300-character name full of titles and one name that looks like markup."""

from __future__ import annotations

from datetime import date

from reports.data import Signatory, SignatureBlock
from reports.data_kegiatan import KegiatanInfo, SheetRow

DAYS = (date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25))
KEGIATAN = KegiatanInfo(
    nama="Bimbingan Teknis Kader Posyandu Integrasi Layanan Primer Tahun 2026",
    jenis="Bimtek/Pelatihan",
    tempat="Aula Kantor Camat Metro Pusat",
    alamat="Jl. Brigjend Sutiyoso No. 1, Metro",
    hari=DAYS,
)
LONG_NAME = ("Hj. Dra. " + "Raden Ayu Sri Rahayuningsih Kusumawardhani " * 6)[
    :280
].strip() + " S.Kep., M.Kes."
HOSTILE_NAME = "<b>Siti & Co</b>"
ASAL = tuple(f"Kel. Kelurahan {chr(65 + i)}" for i in range(22)) + tuple(
    f"Kec. Kecamatan {i}" for i in range(1, 6)
)


def people(count: int = 230) -> tuple[SheetRow, ...]:
    """``count`` numbered people; names are unique ("Peserta 001 …") except the two special ones."""
    rows = []
    for number in range(1, count + 1):
        name = f"Peserta {number:03d} Siti Rahmawati"
        if number == 7:
            name = LONG_NAME
        elif number == 12:
            name = HOSTILE_NAME
        rows.append(
            SheetRow(
                no=number,
                nama=name,
                jabatan="Kader Posyandu" if number % 4 else "Ketua Pokja IV",
                asal=ASAL[number % len(ASAL)],
                hp=f"0812-3456-{number:04d}",
                peran="Peserta",
            )
        )
    return tuple(rows)


def mengetahui(camat: Signatory) -> SignatureBlock:
    return SignatureBlock(camat, "Metro, 23 November 2026", "Mengetahui,")
