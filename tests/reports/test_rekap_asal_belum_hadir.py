"""Rekap kehadiran per asal and the daftar belum hadir on the demo bimtek, read back with pypdf:
the per-asal numbers are those of ``kegiatan_rekap.rekap_asal``, the belum-hadir list of day 2 is
exactly the service's, phones are masked and no 16-digit run (a NIK) reaches the paper."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from db.services.demo import load_demo
from db.services.kegiatan import get_kegiatan
from db.services.kegiatan_print import PrintOptions
from db.services.kegiatan_print_rekap import (
    belum_hadir_data,
    belum_hadir_job,
    rekap_asal_data,
    rekap_asal_job,
)
from db.services.kegiatan_rekap import belum_hadir, rekap_asal
from db.services.kehadiran import set_status
from db.services.peserta import roster
from reports.data import PageSetup
from reports.data_kegiatan import AsalLine, RekapAsal
from reports.rekap_asal import RekapAsalDocument, orientation_for
from tests.reports.kegiatan_samples import KEGIATAN


def flat(text: str) -> str:
    return " ".join(text.split())


def read(render) -> tuple[str, PdfReader]:  # noqa: ANN001
    buffer = io.BytesIO()
    render(buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return flat(" ".join(page.extract_text() for page in reader.pages)), reader


@pytest.fixture
def demo(store) -> int:  # noqa: ANN001 - the demo bimtek (235 people, 3 days, day 3 not held yet)
    load_demo()
    return 1


def test_rekap_asal_numbers_equal_the_service(demo: int) -> None:
    text, reader = read(rekap_asal_job(demo))
    groups = rekap_asal(demo)
    assert len(groups) > 10
    assert "REKAP KEHADIRAN PER ASAL" in text and "Mengetahui," in text
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height  # 3 days: portrait
    position = 0
    for number, group in enumerate(groups, start=1):
        days = len(group.hadir)
        cells = [f"{n}/{group.jumlah}" for n in group.hadir]
        total = sum(group.hadir)
        share = f"{round(100 * total / (group.jumlah * days))}%"
        row = " ".join([str(number), group.asal, *cells, f"{total}/{group.jumlah * days}", share])
        found = text.find(row, position)
        assert found >= 0, row
        position = found
    expected = sum(g.jumlah for g in groups)
    per_day = [sum(g.hadir[i] for g in groups) for i in range(3)]
    assert expected == len(roster(demo))
    footer = "Jumlah " + " ".join(f"{n}/{expected}" for n in per_day) + f" {sum(per_day)}/{expected * 3}"
    assert footer in text
    assert "Persentase " + " ".join(f"{round(100 * n / expected)}%" for n in per_day) in text


def test_rekap_signature_on_a4_keeps_table_rows_with_it(demo: int) -> None:
    """Thirty asal on A4 spill onto a second page: the signer there is never alone (SignatureKeeper)."""
    options = PrintOptions(kertas="A4")
    signer = flat(rekap_asal_data(demo, options).signatures[0].signatory.nama)
    text, reader = read(rekap_asal_job(demo, options))
    pages = [flat(page.extract_text()) for page in reader.pages]
    holding = [page for page in pages if signer in page]
    assert len(holding) == 1, signer
    page = holding[0]
    assert "Jumlah" in page and "Persentase" in page
    last = rekap_asal(demo)[-1]
    assert re.search(rf"\b{len(rekap_asal(demo))} {re.escape(flat(last.asal))} \d+/{last.jumlah}", page)
    assert len(re.findall(r"\d+/\d+", page)) >= 3 * 4  # table rows, not only the totals


def test_belum_hadir_day_two_is_exactly_the_service_list(demo: int) -> None:
    day = next(d for d in get_kegiatan(demo).hari_aktif if d.hari_ke == 2)
    missing = belum_hadir(day.id)
    assert missing
    set_status(missing[0].id, day.id, "izin")
    set_status(missing[1].id, day.id, "sakit")
    missing = belum_hadir(day.id)  # izin and sakit are still not hadir
    text, _ = read(belum_hadir_job(demo, 2))
    assert "DAFTAR PESERTA BELUM HADIR" in text and "Hari ke-2, Senin, 23 November 2026" in text
    position = 0
    for number, person in enumerate(missing, start=1):
        found = text.find(f"{number} {flat(person.nama)} ", position)
        assert found >= 0, person.nama
        position = found
    missing_ids, missing_names = {m.id for m in missing}, [flat(m.nama) for m in missing]
    present = [flat(p.nama) for p in roster(demo) if p.id not in missing_ids]
    checked = [name for name in present if not any(name in other for other in missing_names)]
    assert len(checked) > 150
    for name in checked:
        assert name not in text, name
    rest = len(missing) - 2
    assert f"Belum hadir: {len(missing)} dari {len(roster(demo))} orang" in text
    assert "Izin 1" in text and "Sakit 1" in text and f"Belum tercatat {rest}" in text
    assert not re.search(r"\d{16}", text) and not re.search(r"\d{11,}", text)
    assert "•" in text  # masked by default
    full = belum_hadir_data(demo, 2, PrintOptions(hp="lengkap"))
    assert any(row.hp and "•" not in row.hp for row in full.rows)
    assert all(row.hp == "" for row in belum_hadir_data(demo, 2, PrintOptions(hp="kosong")).rows)


def test_many_days_turn_the_rekap_landscape() -> None:
    lines = tuple(AsalLine(n, f"Kelurahan Nomor {n}", 10, (10, 9, 8, 7, 6)) for n in range(1, 4))
    labels = tuple(f"Hari {n}\n{n + 22}/11" for n in range(1, 6))
    data = RekapAsal(KEGIATAN, labels, lines, "23–27 November 2026")
    assert orientation_for(3) == "portrait" and orientation_for(5) == "landscape"
    document = RekapAsalDocument(data, PageSetup(orientation=orientation_for(5)))
    reader = PdfReader(io.BytesIO(document.render_bytes()))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    text = flat(reader.pages[0].extract_text())
    assert "1 Kelurahan Nomor 1 10/10 9/10 8/10 7/10 6/10 40/50 80%" in text
    assert "Jumlah 30/30 27/30 24/30 21/30 18/30 120/150 80%" in text
