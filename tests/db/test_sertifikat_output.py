"""Certificate outputs from the demo bimtek: the batch PDF read back with pypdf, a rendered QR decoded
with zxing-cpp and verified, a 300-character name inside the page, per-person files named safely
for Windows (and nothing left by a cancelled run), the formula-safe register, the buku register."""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pathvalidate import validate_filename
from pypdf import PdfReader

from db.models import Peserta
from db.services import peserta as peserta_service
from db.services.demo import load_demo
from db.services.demo_kegiatan import BIMTEK_NAMA
from db.services.kegiatan import list_kegiatan
from db.services.sertifikat import eligibility, get_aturan, save_aturan
from db.services.sertifikat_periksa import periksa
from db.services.sertifikat_print import PrintCancelled, file_name, sertifikat_batch, unique_names
from db.services.sertifikat_register import export_register_xlsx, register_pdf
from db.services.sertifikat_terbit import cabut, terbitkan
from db.services.sertifikat_verifikasi import verifikasi
from reports.sertifikat import PAGE_W
from tests.reports.conftest import text_runs

TERBIT = date(2026, 7, 23)


@pytest.fixture
def bimtek(store) -> int:
    load_demo()
    return next(k.id for k in list_kegiatan() if k.nama == BIMTEK_NAMA)


def _rename(peserta_id: int, nama: str) -> None:
    Peserta.update(nama=nama).where(Peserta.id == peserta_id).execute()
    peserta_service.invalidate()


def test_batch_pdf_has_every_eligible_name_and_number_in_roster_order(bimtek: int, tmp_path: Path) -> None:
    eligible = [r for r in eligibility(bimtek) if r.layak]
    issued = terbitkan(bimtek, TERBIT).baru
    target = tmp_path / "sertifikat.pdf"
    pages = sertifikat_batch(bimtek).render_pdf(target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert pages == len(reader.pages) == 2 * len(eligible)  # front + the agenda's materi page
    fronts = [" ".join(reader.pages[i].extract_text().split()) for i in range(0, pages, 2)]
    for text, cert in zip(fronts, issued, strict=True):
        assert cert.nama in text and f"Nomor: {cert.nomor}" in text
    assert "Materi Dasar" in reader.pages[1].extract_text()
    assert [c.urut for c in issued] == list(range(1, len(issued) + 1))
    save_aturan(replace(get_aturan(bimtek), halaman_materi=False))
    assert sertifikat_batch(bimtek).pages == len(eligible)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_rendered_qr_decodes_with_zxing_and_verifies_and_a_flipped_byte_fails(
    bimtek: int, tmp_path: Path
) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    cert = terbitkan(bimtek, TERBIT).baru[4]
    pdf = tmp_path / "satu.pdf"
    sertifikat_batch(bimtek, ids=[cert.id]).render_pdf(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    codes = zxingcpp.read_barcodes(Image.open(png))
    assert [c.text for c in codes] == [cert.qr]
    result = verifikasi(codes[0].text)
    assert result.sah and result.nama == cert.nama and result.nomor == cert.nomor
    body = codes[0].text[5:]
    blob = bytearray(base64.b32decode(body + "=" * (-len(body) % 8)))
    blob[20] ^= 0x40
    assert not verifikasi("SRT1:" + base64.b32encode(bytes(blob)).decode().rstrip("=")).sah
    cabut(cert.id, "salah nama")
    assert verifikasi(codes[0].text).status == "dicabut"


def test_a_300_character_name_stays_inside_the_page_and_is_reported(bimtek: int) -> None:
    first = next(r for r in eligibility(bimtek) if r.layak)
    long_name = ("Raden Ajeng Siti Nurhaliza Kusumaningrum " * 8)[:300]
    _rename(first.peserta_id, long_name)
    cert = terbitkan(bimtek, TERBIT).baru[0]
    assert cert.nama == long_name.strip()
    batch = sertifikat_batch(bimtek, ids=[cert.id])
    buffer = io.BytesIO()
    from reports.sertifikat import render_certificates

    render_certificates(batch.template, batch.certificates, buffer)
    runs = [run for run in text_runs(buffer.getvalue()) if run.page == 1]
    assert runs and all(0 <= run.x and run.x + run.width <= PAGE_W + 0.5 for run in runs)
    assert any(cert.nomor in p and "terpotong" in p for p in periksa(bimtek))


def test_per_person_files_are_safe_on_windows_and_cancel_leaves_nothing(bimtek: int, tmp_path: Path) -> None:
    people = [r for r in eligibility(bimtek) if r.layak][:6]
    hostile = ["CON", "a/b:c*?<>|", "Siti\u202eAminah", "Nama. ", "x" * 300, "CON"]
    for row, nama in zip(people, hostile, strict=True):
        _rename(row.peserta_id, nama)
    issued = terbitkan(bimtek, TERBIT).baru
    batch = sertifikat_batch(bimtek, ids=[c.id for c in issued[:6]])
    assert file_name(7, "Siti Aminah") == "Sertifikat - 007 - Siti Aminah.pdf"
    assert unique_names(["Sertifikat - 007 - Ani.pdf", "SERTIFIKAT - 007 - ANI.pdf"])[1].endswith(" (2).pdf")
    for name in batch.file_names:
        validate_filename(name, platform="windows")
        assert len(name) <= 150 and "\u202e" not in name and name.endswith(".pdf")
    assert len({n.casefold() for n in batch.file_names}) == 6
    folder = tmp_path / "per orang"
    seen: list[int] = []
    with pytest.raises(PrintCancelled):
        batch.render_folder(
            folder, progress=lambda done, total: seen.append(done), cancelled=lambda: len(seen) >= 3
        )
    assert seen == [1, 2, 3] and list(folder.iterdir()) == []
    written = batch.render_folder(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(batch.file_names)
    assert all(p.resolve().parent == folder.resolve() for p in written)
    assert len(PdfReader(written[0]).pages) == 2
    with pytest.raises(Exception, match="sudah ada"):
        batch.render_folder(folder)
    assert batch.render_folder(folder, overwrite=True)


def test_cancelled_batch_pdf_leaves_no_file(bimtek: int, tmp_path: Path) -> None:
    terbitkan(bimtek, TERBIT)
    out = tmp_path / "keluar"
    out.mkdir()
    with pytest.raises(PrintCancelled):
        sertifikat_batch(bimtek).render_pdf(out / "semua.pdf", cancelled=lambda: True)
    assert list(out.iterdir()) == []


def test_register_xlsx_is_formula_safe_and_buku_register_lists_revoked(bimtek: int, tmp_path: Path) -> None:
    first = next(r for r in eligibility(bimtek) if r.layak)
    _rename(first.peserta_id, '=HYPERLINK("http://contoh.id","klik")')
    issued = terbitkan(bimtek, TERBIT).baru
    cabut(issued[1].id, "salah nama")
    path = tmp_path / "register.xlsx"
    assert export_register_xlsx(path, kegiatan_id=bimtek) == len(issued)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["No.", "Nomor Sertifikat", "Nama"] and "Status" in header
    name_cell = sheet.cell(row=2, column=3)
    assert name_cell.data_type == "s" and name_cell.value.startswith("=HYPERLINK")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.cell(row=3, column=header.index("Status") + 1).value == "Dicabut"
    pdf = tmp_path / "register.pdf"
    pages = register_pdf(pdf, tahun=2026)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert pages >= 2 and "BUKU REGISTER SERTIFIKAT" in text and "salah nama" in text
    assert text.count("/BIMTEK-POKJANAL/") == len(issued) and "Halaman 1 dari" in text
    # one kegiatan: its name stands above the table once, not in a column on every row
    assert "Nama Asal Peran Tgl. Terbit Status" in text and "Peran Kegiatan" not in text
