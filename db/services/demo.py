"""Demo data for trying the app: Kecamatan Metro Timur with the posyandu and kader of Kota Metro.

The regions are the real ones from :mod:`db.wilayah` (5 kecamatan, 22 kelurahan); the office,
signatories, posyandu and kader are made up but shaped like real data (NIK built from the
kecamatan code and birth date, E.164 phones, valid NIPs). A fixed seed makes every load the
same, so screenshots and tests can rely on it. Everything is written in one transaction and
audited once, as one bulk action.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from peewee import IntegrityError

from db import audit, wilayah
from db.database import db
from db.errors import DomainError
from db.models import Kader, Kegiatan, Penandatangan, Posyandu, RiwayatPelatihan
from db.services.profile import PROFILE_KEY, OfficeProfile, get_profile
from db.services.settings import set_setting

SEED = 1872
KOTA = "18.72"
KANTOR = "18.72.04"

PROFILE = OfficeProfile(
    pemerintah="PEMERINTAH KOTA METRO",
    unit="KECAMATAN METRO TIMUR",
    sekretariat="POKJANAL POSYANDU KECAMATAN METRO TIMUR",
    alamat="Jl. Yos Sudarso No. 23",
    kelurahan="Yosodadi",
    kecamatan="Metro Timur",
    kota="Kota Metro",
    provinsi="Lampung",
    kode_pos="34111",
    telepon="(0725) 41234",
    surel="kec.metrotimur@metrokota.go.id",
    laman="metrotimur.metrokota.go.id",
    kode_wilayah=KANTOR,
    kota_ttd="Metro",
    zona_waktu="WIB",
    kertas="A4",
)

# nama, jabatan, pangkat, nip, jenis_pegawai, prefiks, jabatan_atasan
SIGNATORIES = (
    ("Bambang Suryanto, S.STP., M.Si.", "Camat Metro Timur", "Pembina Tk. I (IV/b)",
     "197508121999031004", "PNS", "", ""),
    ("Dra. Sri Handayani, M.M.", "Sekretaris Kecamatan Metro Timur", "Penata Tk. I (III/d)",
     "198104152006042012", "PNS", "a.n.", "Camat Metro Timur"),
    ("Agus Setiawan, S.Sos.", "Ketua Pokjanal Posyandu Kecamatan Metro Timur", "Penata (III/c)",
     "198309222010011003", "PNS", "", ""),
    ("Ny. Ratna Suryanto", "Ketua TP-PKK Kecamatan Metro Timur", "", "", "Non-ASN", "", ""),
)  # fmt: skip

PUSKESMAS = {  # kelurahan code → puskesmas whose working area it lies in
    "18.72.01.1001": "Metro", "18.72.01.1002": "Metro", "18.72.01.1003": "Metro",
    "18.72.01.1004": "Metro", "18.72.01.1005": "Yosomulyo",
    "18.72.02.1001": "Banjarsari", "18.72.02.1002": "Purwosari", "18.72.02.1003": "Karangrejo",
    "18.72.02.1004": "Banjarsari",
    "18.72.03.1001": "Mulyojati", "18.72.03.1002": "Ganjar Agung", "18.72.03.1003": "Mulyojati",
    "18.72.03.1004": "Ganjar Agung",
    "18.72.04.1001": "Yosorejo", "18.72.04.1002": "Iringmulyo", "18.72.04.1003": "Iringmulyo",
    "18.72.04.1004": "Yosorejo", "18.72.04.1005": "Iringmulyo",
    "18.72.05.1001": "Sumbersari Bantul", "18.72.05.1002": "Margorejo",
    "18.72.05.1003": "Sumbersari Bantul", "18.72.05.1004": "Margorejo",
}  # fmt: skip

FLOWERS = [
    flower.replace("_", " ")
    for flower in [
        "Melati",
        "Mawar",
        "Anggrek",
        "Kenanga",
        "Dahlia",
        "Flamboyan",
        "Cempaka",
        "Teratai",
        "Seruni",
        "Kamboja",
        "Asoka",
        "Bougenville",
        "Nusa_Indah",
        "Sedap_Malam",
        "Kemuning",
        "Tulip",
        "Lavender",
        "Matahari",
    ]
]
STREETS = [
    "Jl. Jenderal Sudirman",
    "Jl. Ahmad Yani",
    "Jl. Diponegoro",
    "Jl. Imam Bonjol",
    "Jl. Pattimura",
    "Jl. Kapten Tendean",
    "Jl. Merbabu",
    "Jl. Semeru",
    "Jl. Ki Hajar Dewantara",
    "Jl. Soekarno-Hatta",
    "Jl. Kenanga",
    "Jl. Cendrawasih",
    "Jl. Nuri",
    "Jl. Alamsyah Ratu Prawiranegara",
    "Jl. Hasanudin",
]
WOMEN_FIRST = [
    "Siti",
    "Sri",
    "Dwi",
    "Tri",
    "Eka",
    "Nur",
    "Rina",
    "Yuli",
    "Endang",
    "Wartini",
    "Sumarni",
    "Suprihatin",
    "Lilis",
    "Ani",
    "Dewi",
    "Ratna",
    "Yanti",
    "Tutik",
    "Suwarni",
    "Murni",
    "Wahyu",
    "Indah",
    "Rini",
    "Nining",
    "Ika",
    "Fitri",
    "Puji",
    "Sulastri",
    "Sutini",
    "Mariyam",
    "Umi",
    "Heni",
]
WOMEN_SECOND = [
    "Aminah",
    "Wahyuni",
    "Lestari",
    "Rahayu",
    "Handayani",
    "Susanti",
    "Purwanti",
    "Fitriani",
    "Maryati",
    "Kusumawati",
    "Astuti",
    "Widayati",
    "Rahmawati",
    "Setyowati",
    "Sulistyowati",
    "Marlina",
    "Yuliana",
    "Nurhayati",
    "Safitri",
    "Anggraini",
    "Wulandari",
    "Mulyani",
    "Pratiwi",
    "Suryani",
    "Hartati",
    "Komariah",
    "Ningsih",
    "Utami",
    "Puspitasari",
    "Rohmah",
]
MEN_FIRST = [
    "Agus",
    "Budi",
    "Joko",
    "Slamet",
    "Sugeng",
    "Heri",
    "Eko",
    "Teguh",
    "Wahyudi",
    "Suparman",
    "Rudi",
    "Hendra",
]
MEN_SECOND = [
    "Santoso",
    "Prasetyo",
    "Saputra",
    "Hidayat",
    "Purnomo",
    "Susilo",
    "Nugroho",
    "Setiawan",
    "Wibowo",
    "Kurniawan",
]
SUFFIX_TITLES = (", S.Kep.", ", S.Pd.", ", A.Md.Keb.", ", S.KM.", ", A.Md.Kep.")
BIRTHPLACES = [
    "Metro",
    "Metro",
    "Metro",
    "Bandar Lampung",
    "Gunung Sugih",
    "Pringsewu",
    "Sukoharjo",
    "Klaten",
    "Kebumen",
]
EDUCATION = ("SMA/SMK", "SMA/SMK", "SMA/SMK", "SMP", "D3", "S1")
WORK = ("Mengurus Rumah Tangga", "Mengurus Rumah Tangga", "Wiraswasta", "Pedagang", "Guru", "Karyawan Swasta")
BIDANG = ("Kesehatan", "Pendidikan", "Pekerjaan Umum", "Perumahan Rakyat", "Trantibumlinmas", "Sosial")
STRATA = ("Pratama", "Madya", "Madya", "Purnama", "Purnama", "Purnama", "Mandiri")
TINGKATAN = ("Purwa",) * 6 + ("Madya",) * 3 + ("Utama",)
MOBILE_PREFIXES = ("812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896")
TRAININGS = (
    (date(2025, 10, 1), "Pelatihan Keterampilan Dasar Kader Posyandu Tingkat Kota Metro", 32.0),
    (date(2024, 8, 20), "Orientasi Kader Posyandu ILP Kecamatan", 12.0),
    (date(2023, 5, 16), "Bimtek Pencatatan dan Pelaporan Posyandu", 8.0),
)


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`load_demo` wrote."""

    kecamatan: int
    kelurahan: int
    posyandu: int
    kader: int
    penandatangan: int
    pelatihan: int
    replaced: bool  # existing data was replaced (force)
    kegiatan: int = 0  # demo kegiatan (bimtek + rakor), see db.services.demo_kegiatan


def existing_data() -> bool:
    """True when the office profile, a signatory, a posyandu or a kader already exists."""
    return (
        get_profile().configured
        or Penandatangan.select().exists()
        or Posyandu.select().exists()
        or Kader.select().exists()
    )


def load_demo(force: bool = False) -> DemoSummary:
    """Load the Kota Metro demo; with ``force`` replace existing posyandu, kader and signatories."""
    replaced = existing_data()
    if replaced and not force:
        raise DomainError(
            "Data contoh tidak dimuat karena sudah ada data (identitas kantor, penandatangan, "
            "posyandu atau kader). Data contoh hanya untuk basis data baru; gunakan pilihan "
            "'ganti' (--force) bila data yang ada memang boleh diganti."
        )
    plan = _Plan(random.Random(SEED))
    now = audit.now_iso()
    try:
        with db.atomic():
            if replaced:
                _clear()
            set_setting(PROFILE_KEY, asdict(PROFILE), audit_changes=False)
            signatories = _insert_signatories(now)
            posyandu, kader, pelatihan = plan.insert_registry(now)
            from db.services.demo_kegiatan import insert_demo_kegiatan  # it imports this module's names

            kegiatan = insert_demo_kegiatan(now).kegiatan
            from db.services.demo_agenda import insert_demo_agenda

            insert_demo_agenda(now)
            from db.services.demo_notulen import insert_demo_notulen

            insert_demo_notulen(now)
            kegiatan += 1  # the past rakor with its final notulen
            summary = DemoSummary(
                plan.kecamatan,
                len(plan.kelurahan),
                posyandu,
                kader,
                signatories,
                pelatihan,
                replaced,
                kegiatan,
            )
            audit.record(
                "muat_contoh", "data", None,
                asdict(summary),
                "Data contoh Kota Metro dimuat" + (" (menggantikan data lama)" if replaced else ""),
            )  # fmt: skip
    except IntegrityError as exc:
        raise DomainError(
            "Data lama tidak dapat diganti karena kader atau posyandu sudah dipakai di data lain "
            f"(mis. kegiatan). Tidak ada yang diubah. ({exc})"
        ) from exc
    return summary


def _clear() -> None:
    from db.models import NotulenKeputusan, RencanaAksi

    # the demo's rencana aksi come from its notulen decisions; they go with the kegiatan
    RencanaAksi.delete().where(
        RencanaAksi.notulen_keputusan_id.in_(NotulenKeputusan.select(NotulenKeputusan.id))
    ).execute()
    Kegiatan.delete().execute()  # days, quotas, roster and attendance go with it (ON DELETE CASCADE)
    RiwayatPelatihan.delete().execute()
    Kader.delete().execute()
    Posyandu.delete().execute()
    Penandatangan.delete().execute()


def _insert_signatories(now: str) -> int:
    for order, (nama, jabatan, pangkat, nip, jenis, prefiks, atasan) in enumerate(SIGNATORIES, 1):
        Penandatangan.create(
            nama=nama, jabatan=jabatan, pangkat=pangkat, nip=nip, jenis_pegawai=jenis,
            prefiks=prefiks, jabatan_atasan=atasan, aktif=True, urutan=order, dibuat=now, diubah=now,
        )  # fmt: skip
    return len(SIGNATORIES)


class _Plan:
    """Draws the demo registry from one seeded random generator (same data on every load)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        kecamatan = wilayah.children(KOTA)
        self.kecamatan = len(kecamatan)
        self.kelurahan = sorted(
            (d for kec in kecamatan for d in wilayah.children(kec.kode)), key=lambda w: w.kode
        )
        self.used_nik: set[str] = set()
        self.used_names: set[str] = set()

    def insert_registry(self, now: str) -> tuple[int, int, int]:
        """Posyandu per kelurahan, kader per posyandu, a few training rows; returns the counts."""
        posyandu_count = kader_count = training_count = 0
        for kel in self.kelurahan:
            for serial, name in enumerate(self._posyandu_names(), 1):
                people = [self._person(kel) for _ in range(self.rng.randint(4, 6))]
                values = self._posyandu(kel, serial, name, people[0]["nama"])
                row = Posyandu.create(**values, dibuat=now, diubah=now)
                for role, person in zip(self._roles(len(people)), people, strict=True):
                    kader = Kader.create(**person, **role, posyandu=row, sk_nomor=row.sk_nomor,
                                         sk_tanggal=row.sk_tanggal, dibuat=now, diubah=now)  # fmt: skip
                    training_count += self._trainings(kader)
                posyandu_count += 1
                kader_count += len(people)
        return posyandu_count, kader_count, training_count

    def _posyandu_names(self) -> list[str]:
        flowers = self.rng.sample(FLOWERS, self.rng.randint(4, 6))
        numbered = [f" {self.rng.randint(1, 3)}" if self.rng.random() < 0.4 else "" for _ in flowers]
        return [f"Posyandu {flower}{number}" for flower, number in zip(flowers, numbered, strict=True)]

    def _posyandu(self, kel: wilayah.Wilayah, serial: int, name: str, ketua: str) -> dict:
        rng = self.rng
        strata = rng.choice(STRATA)
        sk_date = date(2024, 7, 1) + timedelta(days=rng.randint(0, 120))
        return {
            "nama": name, "kode_wilayah": kel.kode,
            "alamat": f"{rng.choice(STREETS)} No. {rng.randint(1, 120)}",
            "rt": f"{rng.randint(1, 30):03d}", "rw": f"{rng.randint(1, 10):03d}",
            "puskesmas": f"Puskesmas {PUSKESMAS[kel.kode]}",
            "nomor_registrasi": f"{kel.kode}.{serial:03d}",
            "strata": strata, "tahun_strata": 2024, "status_ilp": rng.random() < 0.7,
            "hari_buka": f"Setiap tanggal {rng.choice((5, 7, 10, 12, 15, 18, 20, 25))}",
            "sk_nomor": f"400.5.2/{rng.randint(10, 99)}/KPTS/Kel.{kel.nama.replace(' ', '')}/2024",
            "sk_tanggal": sk_date, "ketua": ketua, "aktif": True,
        }  # fmt: skip

    def _roles(self, count: int) -> list[dict]:
        roles = [{"jabatan": "Ketua", "bidang": ""}, {"jabatan": "Sekretaris", "bidang": ""},
                 {"jabatan": "Bendahara", "bidang": ""}]  # fmt: skip
        roles += [{"jabatan": "Anggota", "bidang": BIDANG[i % len(BIDANG)]} for i in range(count - 3)]
        return roles[:count]

    def _person(self, kel: wilayah.Wilayah) -> dict:
        rng = self.rng
        woman = rng.random() < 0.9
        born = date(1965, 1, 1) + timedelta(days=rng.randint(0, 365 * 35))
        return {
            "nama": self._name(woman), "jenis_kelamin": "P" if woman else "L",
            "nik": self._nik(kel.kode[:8], born, woman), "tempat_lahir": rng.choice(BIRTHPLACES),
            "tanggal_lahir": born, "agama": rng.choice(("Islam",) * 9 + ("Kristen", "Katolik", "Hindu")),
            "pendidikan": rng.choice(EDUCATION), "pekerjaan": rng.choice(WORK),
            "alamat": f"{rng.choice(STREETS)} No. {rng.randint(1, 200)}",
            "rt": f"{rng.randint(1, 30):03d}", "rw": f"{rng.randint(1, 10):03d}",
            "kode_wilayah": kel.kode, "hp": self._phone(),
            "mulai_aktif": date(rng.randint(2008, 2023), rng.randint(1, 12), 1),
            "status": "aktif", "tingkatan": rng.choice(TINGKATAN),
        }  # fmt: skip

    def _name(self, woman: bool) -> str:
        rng = self.rng
        first, second = (WOMEN_FIRST, WOMEN_SECOND) if woman else (MEN_FIRST, MEN_SECOND)
        while True:
            name = f"{rng.choice(first)} {rng.choice(second)}"
            if name not in self.used_names:
                break
            name = f"{name} {rng.choice(second)}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        roll = rng.random()
        if woman and roll < 0.08:
            return f"Hj. {name}"
        if roll > 0.93:
            return name + rng.choice(SUFFIX_TITLES)
        return name

    def _nik(self, kecamatan: str, born: date, woman: bool) -> str:
        """``PPKKCC`` + ``DDMMYY`` (DD + 40 for women) + a serial ≠ 0000, unique in the demo."""
        day = born.day + 40 if woman else born.day
        stem = f"{kecamatan.replace('.', '')}{day:02d}{born:%m%y}"
        while True:
            nik = f"{stem}{self.rng.randint(1, 9999):04d}"
            if nik not in self.used_nik:
                self.used_nik.add(nik)
                return nik

    def _phone(self) -> str:
        """E.164 mobile number, 11 or 12 digits in the national form (0812-xxxx-xxxx)."""
        digits = 8 if self.rng.random() < 0.6 else 7
        return f"+62{self.rng.choice(MOBILE_PREFIXES)}{self.rng.randint(10 ** (digits - 1), 10**digits - 1)}"

    def _trainings(self, kader: Kader) -> int:
        count = self.rng.choice((0, 0, 0, 0, 1, 1, 2))
        for when, name, jpl in self.rng.sample(TRAININGS, count):
            RiwayatPelatihan.create(
                kader=kader, tanggal=when, kegiatan=name, jpl=jpl,
                nomor_sertifikat=f"445.8/{self.rng.randint(1, 400):03d}/PKD/{when.year}",
            )  # fmt: skip
        return count
