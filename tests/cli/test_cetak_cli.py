"""``cetak …`` as a user runs it (subprocess) on the demo bimtek (235 people over 3 days), read back
with pypdf: every name in print order, the header and "Halaman x dari y" on every page, no NIK."""

from __future__ import annotations

import io
import math
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.paths import DataPaths
from db.session import DataStore

ROOT = Path(__file__).resolve().parents[2]
RATES = {"Peserta": 150_000, "Panitia": 100_000, "Narasumber": 900_000}


def cetak(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "cetak", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def pages_of(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The demo data with transport/honorarium rates set; what the tests expect, read from the DB."""
    from db.services.demo import load_demo
    from db.services.kegiatan import get_kegiatan, save_kegiatan
    from db.services.kegiatan_print import PANITIA, PESERTA
    from db.services.kegiatan_rekap import rekap_peserta
    from db.services.peserta import roster, roster_order

    folder = tmp_path_factory.mktemp("cetak") / "data"
    store = DataStore(DataPaths(folder).ensure())
    store.open()
    try:
        load_demo()
        kegiatan_id = 1
        form = get_kegiatan(kegiatan_id).form
        save_kegiatan(replace(form, uang_peran=RATES, uang_satuan="hari"))
        everyone = roster(kegiatan_id)
        transport = sum(
            item.hadir * RATES.get(item.peserta.peran, 0)
            for item in rekap_peserta(kegiatan_id).peserta
            if item.peserta.peran in ("Peserta", "Undangan", "Panitia")
        )
        return {
            "dir": folder,
            "id": kegiatan_id,
            "peserta": [p.nama for p in roster_order(kegiatan_id, "asal", PESERTA)],
            "panitia": [p.nama for p in roster_order(kegiatan_id, "asal", PANITIA)],
            "niks": [p.nik for p in everyone if p.nik],
            "count": len(everyone),
            "transport": transport,
        }
    finally:
        store.close()


def assert_in_order(text: str, names: list[str]) -> None:
    position = 0
    for name in names:
        found = text.find(flat(name), position)
        assert found >= 0, f"{name!r} missing or out of order"
        position = found + 1


def test_daftar_hadir_day_one(demo: dict, tmp_path: Path) -> None:
    out = tmp_path / "hadir.pdf"
    result = cetak(
        demo["dir"], "daftar-hadir", str(demo["id"]), "--hari", "1", "-o", str(out), "--baris-kosong", "3"
    )
    assert result.returncode == 0, result.stderr
    pages = pages_of(out)
    assert f"{len(pages)} halaman ditulis" in result.stdout
    assert len(demo["peserta"]) >= 230 and demo["niks"]
    text = flat(" ".join(pages))
    split = text.index("DAFTAR HADIR NARASUMBER DAN PANITIA")
    assert_in_order(text[:split], demo["peserta"])
    assert_in_order(text[split:], demo["panitia"])
    for number, page in enumerate(pages, start=1):
        assert "Tanda Tangan" in page and "Jabatan/Unsur" in page, number
        assert f"Halaman {number} dari {len(pages)}" in page
    assert text.count("Hari ke-1,") == 2 and "Mengetahui," in text and "Agus Setiawan, S.Sos." in text
    for nik in demo["niks"]:
        assert nik not in text
    assert not re.search(r"\d{16}", text) and not re.search(r"\d{11,}", text)  # nor a bare phone number
    assert "•" in text  # phone numbers masked by default
    reader = PdfReader(str(out))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()


def test_daftar_hadir_every_day_on_f4_with_phones_left_blank(demo: dict, tmp_path: Path) -> None:
    out = tmp_path / "semua.pdf"
    result = cetak(
        demo["dir"], "daftar-hadir", str(demo["id"]), "-o", str(out), "--kertas", "f4", "--hp", "kosong"
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert round(float(reader.pages[0].mediabox.height) / 72 * 25.4) == 330
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert [text.count(f"Hari ke-{n},") for n in (1, 2, 3)] == [2, 2, 2]
    assert "•" not in text and not re.search(r"08\d\d-", text)


def test_other_documents(demo: dict, tmp_path: Path) -> None:
    tags = tmp_path / "tags.pdf"
    assert cetak(demo["dir"], "tanda-pengenal", str(demo["id"]), "-o", str(tags)).returncode == 0
    assert len(pages_of(tags)) == math.ceil(demo["count"] / 8)
    rekap = tmp_path / "rekap.pdf"
    assert cetak(demo["dir"], "rekap-kehadiran", str(demo["id"]), "-o", str(rekap)).returncode == 0
    reader = PdfReader(str(rekap))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    rekap_text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "REKAP KEHADIRAN" in rekap_text and "Jumlah hadir" in rekap_text
    roster = tmp_path / "peserta.pdf"
    assert cetak(demo["dir"], "daftar-peserta", str(demo["id"]), "-o", str(roster)).returncode == 0
    assert f"Jumlah: {demo['count']} orang" in flat(" ".join(pages_of(roster)))
    for path in (tags, rekap, roster):
        text = flat(" ".join(pages_of(path)))
        assert not re.search(r"\d{16}", text) and not any(nik in text for nik in demo["niks"])


def test_tanda_terima_total_and_terbilang(demo: dict, tmp_path: Path) -> None:
    from reports.formatting import angka
    from reports.tanda_terima import amount_in_words

    out = tmp_path / "terima.pdf"
    result = cetak(demo["dir"], "tanda-terima", str(demo["id"]), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = flat(" ".join(pages_of(out)))
    assert demo["transport"] > 0
    assert f"JUMLAH {angka(demo['transport'])}" in text
    assert f"Terbilang: {amount_in_words(demo['transport'])}" in text
    for words in ("Pejabat Pembuat Komitmen", "Bendahara Pengeluaran", "Ketua Panitia", "Lunas dibayar,"):
        assert words in text
    honor = tmp_path / "honor.pdf"
    assert (
        cetak(
            demo["dir"],
            "tanda-terima",
            str(demo["id"]),
            "--jenis",
            "honorarium",
            "--hari",
            "1",
            "-o",
            str(honor),
        ).returncode
        == 0
    )
    honor_text = flat(" ".join(pages_of(honor)))
    assert "DAFTAR PENERIMAAN HONORARIUM" in honor_text and "1 × 900.000" in honor_text


def test_refusals_are_indonesian(demo: dict, tmp_path: Path) -> None:
    wrong_day = cetak(
        demo["dir"], "daftar-hadir", str(demo["id"]), "--hari", "9", "-o", str(tmp_path / "x.pdf")
    )
    assert wrong_day.returncode == 1 and "Hari ke-9" in wrong_day.stderr
    missing = cetak(demo["dir"], "rekap-kehadiran", "999", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1 and "Ditolak:" in missing.stderr and "Traceback" not in missing.stderr
    not_pdf = cetak(demo["dir"], "tanda-pengenal", str(demo["id"]), "-o", str(tmp_path / "x.txt"))
    assert not_pdf.returncode == 1 and ".pdf" in not_pdf.stderr
    usage = cetak(demo["dir"], "daftar-hadir", str(demo["id"]))
    assert usage.returncode == 2
    assert not (tmp_path / "x.pdf").exists()


def test_rekap_asal_and_belum_hadir(demo: dict, tmp_path: Path) -> None:
    from db.services.kegiatan import get_kegiatan
    from db.services.kegiatan_rekap import belum_hadir, rekap_asal

    store = DataStore(DataPaths(demo["dir"]))
    store.open()
    try:
        groups = rekap_asal(demo["id"])
        day_two = next(d for d in get_kegiatan(demo["id"]).hari_aktif if d.hari_ke == 2)
        missing = [p.nama for p in belum_hadir(day_two.id)]
    finally:
        store.close()
    asal = tmp_path / "asal.pdf"
    result = cetak(demo["dir"], "rekap-asal", str(demo["id"]), "-o", str(asal), "--kertas", "f4")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(asal))
    assert round(float(reader.pages[0].mediabox.height) / 72 * 25.4) == 330
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    for number, group in enumerate(groups, start=1):
        assert f"{number} {group.asal} " + " ".join(f"{n}/{group.jumlah}" for n in group.hadir) in text
    out = tmp_path / "belum.pdf"
    result = cetak(
        demo["dir"], "belum-hadir", str(demo["id"]), "--hari", "2", "-o", str(out), "--hp", "kosong"
    )
    assert result.returncode == 0, result.stderr
    text = flat(" ".join(pages_of(out)))
    assert_in_order(text, missing)
    assert f"Belum hadir: {len(missing)} dari {demo['count']} orang" in text
    assert "•" not in text and not re.search(r"\d{16}", text)
    no_day = cetak(demo["dir"], "belum-hadir", str(demo["id"]), "-o", str(tmp_path / "x.pdf"))
    assert no_day.returncode == 2 and "--hari" in no_day.stderr
    wrong_day = cetak(
        demo["dir"], "belum-hadir", str(demo["id"]), "--hari", "9", "-o", str(tmp_path / "x.pdf")
    )
    assert wrong_day.returncode == 1 and "Hari ke-9" in wrong_day.stderr
