"""A 3-day bimtek, a kader registry, and the messy 230-row roster workbook the office would send.

Layout: two merged title rows, the header on row 3, numeric NIK cells, phones typed as numbers,
kelurahan spelled "Tejoagung" / "Kel. Iringmulyo", officials with a NIP from the kecamatan or an
OPD, a "Jumlah" footer and a signature block. Of the 230 rows, 150 kader carry a NIK (the first
12 as numeric cells), 40 kader are found by name + kelurahan (2 of them ambiguous: two kader of
that name in the kelurahan), and 40 are officials not in the registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from db.services.kader import KaderForm, check_kader, save_kader_many
from db.services.kegiatan import KegiatanForm, save_kegiatan
from tests.importer.conftest import IRING_MULYO, TEJO_AGUNG

FIRST = (
    "Siti",
    "Sri",
    "Dewi",
    "Rina",
    "Yuli",
    "Tri",
    "Eka",
    "Nur",
    "Wati",
    "Ani",
    "Lina",
    "Ratna",
    "Endang",
    "Sumi",
)
LAST = ("Aminah", "Wahyuni", "Lestari", "Handayani", "Rahayu", "Susanti", "Purwanti", "Suryani", "Astuti", "Fitri",
        "Kurniasih", "Maryati", "Sulastri", "Yuliani", "Hartini", "Mulyani")  # fmt: skip
KADER_WITH_NIK, KADER_BY_NAME, AMBIGUOUS, OFFICIALS, NUMERIC_NIK = 150, 40, 2, 40, 12
TOTAL = KADER_WITH_NIK + KADER_BY_NAME + OFFICIALS  # 230
HEADER = [
    "No",
    "Nama Peserta",
    "NIK",
    "NIP",
    "L/P",
    "Jabatan",
    "Unsur",
    "Asal",
    "Posyandu",
    "No. HP",
    "Peran",
]
OFFICE_ASAL = ("Metro Timur", "Dinas Kesehatan Kota Metro", "Puskesmas Yosomulyo", "TP PKK Kota Metro")


@dataclass(frozen=True)
class Person:
    nama: str
    nik: str
    kelurahan: str  # code


def _nik(index: int) -> str:
    born = date(1970 + index % 30, 1 + index % 12, 1 + index % 28)
    return f"187204{born.day + 40:02d}{born.month:02d}{born.year % 100:02d}{index + 1:04d}"


def registry_people() -> list[Person]:
    names = [
        f"{FIRST[i % len(FIRST)]} {LAST[i // len(FIRST)]}" for i in range(KADER_WITH_NIK + KADER_BY_NAME)
    ]
    return [Person(name, _nik(i), TEJO_AGUNG if i % 2 else IRING_MULYO) for i, name in enumerate(names)]


def make_registry(office: dict) -> list[Person]:
    """The kader registry: every person of the roster's kader rows, plus a namesake for each of the
    first :data:`AMBIGUOUS` name-only rows (same name, same kelurahan, another NIK)."""
    people = registry_people()
    forms = []
    for i, person in enumerate(people):
        posyandu = office["melati"] if person.kelurahan == TEJO_AGUNG else office["mawar"]
        forms.append(
            KaderForm(nama=person.nama, nik=person.nik, posyandu_id=posyandu, kode_wilayah=person.kelurahan)
        )
        if KADER_WITH_NIK <= i < KADER_WITH_NIK + AMBIGUOUS:
            forms.append(KaderForm(nama=person.nama, nik=_nik(900 + i), posyandu_id=posyandu,
                                   kode_wilayah=person.kelurahan))  # fmt: skip
    save_kader_many([check_kader(f).form for f in forms], accept_warnings=True)
    return people


def make_bimtek() -> int:
    return save_kegiatan(KegiatanForm(jenis="Bimtek/Pelatihan", nama="Bimtek Kader Posyandu 2026",
                                      tanggal_mulai=date(2026, 3, 2), tanggal_selesai=date(2026, 3, 4),
                                      tempat="Aula Kecamatan"))  # fmt: skip


def roster_rows(people: list[Person]) -> list[list[object]]:
    rows: list[list[object]] = []
    for i, person in enumerate(people):
        kel = (
            ("Tejoagung", "Tejo Agung")[i % 2]
            if person.kelurahan == TEJO_AGUNG
            else ("Kel. Iringmulyo", "Iring Mulyo")[i % 2]
        )
        posyandu = "Melati" if person.kelurahan == TEJO_AGUNG else "Mawar"
        if i < NUMERIC_NIK:
            nik: object = int(person.nik)
        else:
            nik = person.nik if i < KADER_WITH_NIK else None
        phone = 81200000000 + i  # typed as a number: the leading 0 is lost
        rows.append(
            [i + 1, person.nama, nik, None, "P", "Kader", "Kader Posyandu", kel, posyandu, phone, None]
        )
    for j in range(OFFICIALS):
        nip = f"19{70 + j % 20:02d}{1 + j % 12:02d}{1 + j % 28:02d}20{10 + j % 10:02d}{1 + j % 12:02d}{1 + j % 2}{j + 1:03d}"
        peran = ("Narasumber", "Panitia", "Moderator", "Peserta")[j % 4]
        rows.append([len(rows) + 1, f"Pejabat {LAST[j % len(LAST)]} {j}, S.Kep.", None, nip, "L" if j % 2 else "P",
                     "Staf", "Pemerintah", OFFICE_ASAL[j % len(OFFICE_ASAL)], None, f"0813{j:08d}", peran])  # fmt: skip
    return rows


def roster_workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "Peserta Bimtek"
    ws["A1"] = "DAFTAR PESERTA BIMTEK KADER POSYANDU"
    ws.merge_cells("A1:K1")
    ws["A2"] = "KECAMATAN METRO TIMUR, 2-4 MARET 2026"
    ws.merge_cells("A2:K2")
    ws.append(HEADER)
    for values in rows:
        ws.append(values)
    ws.append(["Jumlah", None, f"=COUNTA(B4:B{3 + len(rows)})"])
    ws.append([])
    for text in (
        "Metro, 20 Februari 2026",
        "Camat Metro Timur",
        None,
        "Drs. Agus Setiawan",
        "NIP. 196809221990031003",
    ):
        ws.append([None] * 8 + [text])
    book.save(path)
    return path
