"""Two data folders in one test: a kecamatan that sends (the Kota Metro demo with a notulen of three
decisions and rencana aksi made from them) and a kota office that receives."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from db.paths import DataPaths
from db.session import DataStore

NIK_PATTERN = re.compile(r"(?<!\d)\d{16}(?!\d)")
KEPUTUSAN = (
    "Setiap posyandu melaporkan data sasaran ILP paling lambat tanggal 5 setiap bulan.",
    "Kelurahan menganggarkan insentif kader dalam APBDes tahun berikutnya.",
    "Puskesmas menjadwalkan bimtek lanjutan bagi kader yang belum hadir.",
)


@contextlib.contextmanager
def opened(root: Path) -> Iterator[DataStore]:
    store = DataStore(DataPaths(root).ensure(), auto_backup=False)
    store.open()
    try:
        yield store
    finally:
        store.close()


def add_notulen(kegiatan_id: int, status: str = "final", versi: int = 1) -> list[int]:
    """A notulen with :data:`KEPUTUSAN` written through the schema-5 models (the notulen service is
    another engineer's); returns the decision ids."""
    from db.models import Notulen, NotulenKeputusan

    now = "2026-11-23T10:00:00"
    notulen = Notulen.create(kegiatan=kegiatan_id, judul="Rakor Pokjanal", status=status, versi=versi,
                             dibuat=now, diubah=now)  # fmt: skip
    return [
        NotulenKeputusan.create(notulen=notulen, urutan=n, isi=text, diubah=now).id
        for n, text in enumerate(KEPUTUSAN, start=1)
    ]


def add_rencana_aksi(keputusan_ids: list[int], today: date) -> None:
    """One item per decision (statuses Berjalan, Selesai, Belum mulai) and one manual item."""
    from db.services.rencana_aksi import RencanaAksiForm, save_rencana_aksi

    statuses = ("Berjalan", "Selesai", "Belum mulai")
    for keputusan_id, status in zip(keputusan_ids, statuses, strict=True):
        save_rencana_aksi(
            RencanaAksiForm(
                tahun=today.year,
                bidang="Kesehatan",
                aksi=f"Tindak lanjut keputusan {keputusan_id}",
                sumber="notulen",
                notulen_keputusan_id=keputusan_id,
                status=status,
                pic_hp="081234567890",
            )
        )
    save_rencana_aksi(
        RencanaAksiForm(tahun=today.year, bidang="Sosial", aksi="Pendataan balita", status="Tertunda")
    )


def load_sender(root: Path) -> dict[str, int]:
    """Demo + a notulen on the upcoming rakor; returns the kegiatan ids by jenis (the demo's past
    rakor, which has its own notulen, is left out)."""
    from db.services.demo import load_demo
    from db.services.demo_notulen import NAMA as PAST_RAKOR
    from db.services.kegiatan import list_kegiatan

    load_demo()
    ids = {k.jenis: k.id for k in list_kegiatan() if k.nama != PAST_RAKOR}
    add_rencana_aksi(add_notulen(ids["Rakor"]), date.today())
    return ids


def set_up_kota(root: Path, kode: str = "18.72.01") -> None:
    """A kota office: a profile in Kota Metro and mode kota on."""
    from dataclasses import replace

    from db.services.demo import PROFILE
    from db.services.kota_import import set_mode_kota
    from db.services.profile import save_profile

    save_profile(
        replace(PROFILE, kode_wilayah=kode, unit="DINAS P3AP2KB KOTA METRO", kecamatan="Metro Pusat")
    )
    set_mode_kota(True)


def rewrite(paket: Path, target: Path, change) -> Path:  # noqa: ANN001 - (name, bytes) → bytes
    """Copy the zip member by member (valid CRCs), passing each member through ``change``."""
    with zipfile.ZipFile(paket) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, change(info.filename, source.read(info)))
    return target


def member_texts(paket: Path) -> dict[str, str]:
    """The readable text of every member: PDF text, the xlsx XML, the manifest."""
    from pypdf import PdfReader

    texts = {}
    with zipfile.ZipFile(paket) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".pdf"):
                texts[name] = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
            elif name.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(data)) as book:
                    texts[name] = "\n".join(book.read(n).decode("utf-8") for n in book.namelist())
            else:
                texts[name] = data.decode("utf-8")
    return texts
