"""Susunan acara, materi/JPL table, undangan and the open rencana aksi table as PDFs, read back with
pypdf: every agenda item in order with its time, the materi groups with subtotal-free totals, the
letter's Nomor/Hal/Yth./tembusan/signatory, and only open action items on the rakor's table."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from db.database import db
from db.services import agenda_print as ap
from db.services.agenda import list_agenda
from db.services.demo import load_demo
from db.services.demo_kegiatan import BIMTEK_NAMA, RAKOR_NAMA
from db.services.penandatangan import list_signatories
from db.services.undangan import BLANK_URUT, get_undangan, save_undangan


def flat(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split()), len(reader.pages)


def render(render_step) -> bytes:  # noqa: ANN001
    buffer = io.BytesIO()
    render_step(buffer)
    return buffer.getvalue()


@pytest.fixture
def demo(store) -> dict[str, int]:  # noqa: ANN001
    load_demo()
    ids = {}
    for key, nama in (("bimtek", BIMTEK_NAMA), ("rakor", RAKOR_NAMA)):
        ids[key] = db.execute_sql("SELECT id FROM kegiatan WHERE nama = ?", (nama,)).fetchone()[0]
    return ids


def test_susunan_acara_lists_every_item_in_order(demo: dict[str, int]) -> None:
    text, pages = flat(render(ap.susunan_acara_job(demo["bimtek"])))
    items = list_agenda(demo["bimtek"])
    assert len(items) == 22 and pages == 2
    # one header per day: day 3 does not fit under day 2, so it moves whole to page 2 with its heading
    assert text.count("Waktu (WIB) Acara/Materi Narasumber Moderator") == 3

    reader = PdfReader(io.BytesIO(render(ap.susunan_acara_job(demo["bimtek"]))))
    assert "Hari ke-3" in reader.pages[1].extract_text() and "Hari ke-3" not in reader.pages[0].extract_text()
    position = 0
    for item in items:
        first_words = " ".join(item.acara.split()[:3])
        found = text.find(first_words, position)
        assert found >= 0, item.acara
        assert item.waktu.replace(" ", "") in text[position : found + 200].replace(" ", "")
        position = found
    assert "SUSUNAN ACARA" in text and BIMTEK_NAMA.upper() in text
    assert re.search(r"Hari ke-3 — \w+, \d{2} \w+ \d{4}", text)
    assert "dr. Hendra Wijaya, M.Kes." in text and "Halaman 2 dari 2" in text


def test_materi_table_groups_and_totals(demo: dict[str, int]) -> None:
    text, _pages = flat(render(ap.materi_job(demo["bimtek"])))
    dasar, inti, penunjang = (text.index(f"{letter} Materi {name}") for letter, name in
                              (("A", "Dasar"), ("B", "Inti"), ("C", "Penunjang")))  # fmt: skip
    assert dasar < inti < penunjang
    assert text.index("Kebijakan Posyandu") < inti < text.index("Pengelolaan Posyandu") < penunjang
    assert "Building Learning Commitment" in text[penunjang:]
    assert text.rstrip().split("JUMLAH")[-1].split()[:4] == ["10", "11", "3", "24"]


def test_undangan_fields(demo: dict[str, int]) -> None:
    form = get_undangan(demo["rakor"])
    signer = next(s for s in list_signatories() if s.id == form.penandatangan_id)
    pdf = render(ap.undangan_job(demo["rakor"]))
    text, pages = flat(pdf)
    assert pages == 1
    assert re.search(r"Nomor : 445\.8/ /KEC-MT/[IVX]+/\d{4}", text)
    assert ap.undangan_data(demo["rakor"]).nomor.startswith(f"445.8/{BLANK_URUT}/")  # room for the urut
    assert "Hal : Undangan Rapat Koordinasi Pokjanal Posyandu Kecamatan Metro Timur" in text
    assert "Yth. 1. Anggota Pokjanal Posyandu Kecamatan Metro Timur 2. Lurah se-Kecamatan Metro Timur" in text
    assert "di Tempat" in text and "Pukul : 08.00 WIB s.d. selesai" in text
    assert "Tempat : Ruang Rapat Kecamatan Metro Timur" in text
    assert text.index("Yth.") < text.index("Hari/tanggal") < text.index(signer.nama) < text.index("Tembusan:")
    assert text.endswith("Tembusan: Wali Kota Metro (sebagai laporan)")
    save_undangan(replace(form, nomor_urut=45, tanggal=date(2026, 7, 1), tembusan="Camat Metro Timur\nArsip",
                          kepada="Lurah Yosodadi"))  # fmt: skip
    text, _ = flat(render(ap.undangan_job(demo["rakor"])))
    assert "Nomor : 445.8/45/KEC-MT/VII/2026 Metro, 1 Juli 2026" in text
    assert "Yth. Lurah Yosodadi di Tempat" in text
    assert text.endswith("Tembusan: 1. Camat Metro Timur 2. Arsip")


def test_evaluasi_table_shows_open_items_only(demo: dict[str, int]) -> None:
    from tests.db.rencana_aksi_samples import TODAY, make_items

    make_items()
    text, _ = flat(render(ap.evaluasi_rencana_aksi_job(demo["rakor"], today=TODAY)))
    assert "STATUS RENCANA AKSI YANG BELUM SELESAI" in text and f"Bahan {RAKOR_NAMA}" in text
    from db.services.rencana_aksi import RencanaAksiFilter, list_rencana_aksi

    every = list_rencana_aksi(today=TODAY)
    open_items = list_rencana_aksi(RencanaAksiFilter(terbuka_saja=True), today=TODAY)
    closed = [i for i in every if i.form.status in ("Selesai", "Batal")]
    assert closed and len(open_items) == len(every) - len(closed)
    assert "Pemberian makanan tambahan lokal" in text
    assert all(" ".join(i.form.aksi.split()) not in text for i in closed)
    assert f"{len(open_items)} rencana aksi belum selesai" in text
