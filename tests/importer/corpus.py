"""The bad-workbook corpus (R10), each file built here: ``CASES`` name → (builder, expectation).

Expectation: ``("rejected", text)`` — refused with a report line containing ``text`` — or
``("imported", n)`` — applied, with ``n`` kader added. Builders take the target path.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HEAD = ["Nama", "NIK", "JK", "Tanggal Lahir", "Kelurahan", "Posyandu"]
ROW_SITI = ["Siti Aminah", "1872046107850001", "P", "21-07-1985", "Tejo Agung", "Melati"]
ROW_BUDI = ["Budi Santoso", "1872041508800003", "L", "15-08-1980", "Iring Mulyo", "Mawar"]


def book(
    path: Path, rows: list[list[object]], head: list[str] | None = HEAD, *, setup: Callable | None = None
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Kader"
    if setup:
        setup(wb)
    if head:
        ws.append(head)
    for values in rows:
        ws.append(values)
    wb.save(path)
    return path


def patch_member(path: Path, member: str, transform: Callable[[str], str]) -> Path:
    """Rewrite one XML part of a saved workbook (for what openpyxl will not write)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[member] = transform(parts[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


SHEET = "xl/worksheets/sheet1.xml"


def _cached_formula(path: Path, cached: str | None) -> Path:
    book(path, [['=UPPER("x")', *ROW_SITI[1:]]])
    value = f"<v>{cached}</v>" if cached is not None else ""
    return patch_member(
        path,
        SHEET,
        lambda xml: re.sub(
            r'<c r="A2"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
            lambda m: f'<c r="A2" t="str"><f>{m[2]}</f>{value}</c>',
            xml,
        ),
    )


def _hidden(path: Path, with_visible_data: bool) -> Path:
    wb = Workbook()
    shown = wb.active
    shown.title = "Petunjuk"
    shown.append(["Isi data di lembar berikut."])
    hidden = wb.create_sheet("Kader")
    for values in [HEAD, ROW_SITI]:
        hidden.append(values)
    hidden.sheet_state = "hidden"
    if with_visible_data:
        data = wb.create_sheet("Data")
        for values in [HEAD, ROW_BUDI]:
            data.append(values)
    wb.save(path)
    return path


def _xml_attack(path: Path, doctype: str, entity_use: str) -> Path:
    book(path, [ROW_SITI])

    def inject(xml: str) -> str:
        xml = xml.replace("?>", "?>" + doctype, 1) if xml.startswith("<?xml") else doctype + xml
        cell = f'<row r="9"><c r="A9" t="inlineStr"><is><t>{entity_use}</t></is></c></row>'
        return xml.replace("</sheetData>", cell + "</sheetData>", 1)

    return patch_member(path, SHEET, inject)


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _zip_bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return path


def _many_rows(path: Path, count: int) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Kader")
    ws.append(HEAD)
    for i in range(count):
        ws.append([f"Kader {i}", "", "P", "21-07-1985", "Tejo Agung", "Melati"])
    wb.save(path)
    return path


def _formatted_empty_rows(path: Path) -> Path:
    book(path, [ROW_SITI])
    empty = "".join(f'<row r="{r}" s="1" customFormat="1"/>' for r in range(3, 300_003))
    return patch_member(path, SHEET, lambda xml: xml.replace("</sheetData>", empty + "</sheetData>"))


def _epoch_1904(path: Path) -> Path:
    def setup(wb):
        wb.epoch = CALENDAR_MAC_1904

    serial = (date(1985, 7, 21) - date(1904, 1, 1)).days
    return book(path, [[*ROW_SITI[:3], serial, *ROW_SITI[4:]], [*ROW_BUDI[:3], datetime(1980, 8, 15), *ROW_BUDI[4:]]],
                setup=setup)  # fmt: skip


def _lying_dimension(path: Path) -> Path:
    book(path, [ROW_SITI, ROW_BUDI])
    return patch_member(
        path, SHEET, lambda xml: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:B1"/>', xml)
    )


def _xlsm(path: Path) -> Path:
    book(path, [ROW_SITI])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro that never runs")
    return path


def _two_row_header(path: Path) -> Path:
    def setup(wb):
        ws = wb.active
        ws.append(["DAFTAR KADER"])
        ws.append(["No", "Nama", "NIK", "Tempat / Tgl Lahir", None, "Kelurahan", "Posyandu"])
        ws.append([None, None, None, "Tempat", "Tanggal", None, None])
        ws.merge_cells("D2:E2")
        for col in "ABCFG":
            ws.merge_cells(f"{col}2:{col}3")
        ws.append([1, "Siti Aminah", "1872046107850001", "Metro", "21-07-1985", "Tejo Agung", "Melati"])

    return book(path, [], None, setup=setup)


def _raw(data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return build


def _truncated(path: Path) -> Path:
    book(path, [ROW_SITI, ROW_BUDI])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _zip_version(path: Path) -> Path:
    """A workbook whose central directory asks for zip version 6.4 (found by the fuzzer: zipfile
    raises NotImplementedError, not BadZipFile)."""
    book(path, [ROW_SITI, ROW_BUDI])
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6 : at + 8] = (64).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, object]]] = {
    "kolom salah": (
        lambda p: book(p, [["Pensil", 3, 2000]], ["Barang", "Jumlah", "Harga"]),
        ("rejected", "judul kolom"),
    ),
    "tanpa kolom nama": (lambda p: book(p, [ROW_SITI[1:]], HEAD[1:]), ("rejected", "Kolom Nama")),
    "tanpa judul kolom": (lambda p: book(p, [ROW_SITI, ROW_BUDI], None), ("rejected", "judul kolom")),
    "kolom tertukar": (lambda p: book(p, [ROW_SITI[::-1]], HEAD[::-1]), ("imported", 1)),
    "kolom berganti nama": (
        lambda p: book(
            p,
            [[*ROW_SITI, "0812 3456 7890"]],
            [
                "Nama Kader",
                "Nomor Induk Kependudukan",
                "Gender",
                "Tgl Lahir",
                "Desa/Kelurahan",
                "Nama Posyandu",
                "No. WA",
            ],
        ),
        ("imported", 1),
    ),  # fmt: skip
    "lembar tersembunyi saja": (lambda p: _hidden(p, False), ("rejected", "judul kolom")),
    "lembar tersembunyi + data": (lambda p: _hidden(p, True), ("imported", 1)),
    "rumus dengan nilai": (lambda p: _cached_formula(p, "Siti Aminah"), ("imported", 1)),
    "rumus tanpa nilai": (lambda p: _cached_formula(p, None), ("rejected", "rumus tanpa nilai")),
    "#N/A": (lambda p: book(p, [[ROW_SITI[0], "#N/A", *ROW_SITI[2:]]]), ("rejected", "#N/A")),
    "#REF!": (lambda p: book(p, [[*ROW_SITI[:4], "#REF!", ROW_SITI[5]]]), ("rejected", "#REF!")),
    "nama 300 huruf": (lambda p: book(p, [["A" * 300, *ROW_SITI[1:]]]), ("rejected", "Nama terlalu panjang")),
    "nama non-Latin": (lambda p: book(p, [["王芳 محمد ꦱꦶꦠꦶ", *ROW_SITI[1:]]]), ("imported", 1)),
    "karakter kendali": (lambda p: book(p, [["Siti_x0007_ Aminah\u202e", *ROW_SITI[1:]]]), ("imported", 1)),
    "berkas .xls": (_raw(OLE + b"\0" * 600), ("rejected", ".xls")),
    "dilindungi sandi": (
        _raw(OLE + b"\0" * 64 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64),
        ("rejected", "kata sandi"),
    ),
    "CSV berganti nama": (_raw(b"Nama;NIK\nSiti;1872046107850001\n"), ("rejected", "CSV")),
    "0 bita": (_raw(b""), ("rejected", "kosong")),
    "zip terpotong": (_truncated, ("rejected", "terpotong")),
    "versi zip asing": (_zip_version, ("rejected", "rusak")),
    "dokumen Word": (_docx, ("rejected", "Word")),
    "bom zip rasio": (lambda p: _zip_bomb(p, 30 << 20), ("rejected", "bom zip")),
    "bom zip ukuran": (lambda p: _zip_bomb(p, 210 << 20), ("rejected", "bom zip")),
    "billion laughs": (lambda p: _xml_attack(p, LAUGHS, "&lol9;"), ("rejected", "XML berbahaya")),
    "XXE": (lambda p: _xml_attack(p, XXE, "&xxe;"), ("rejected", "XML berbahaya")),
    "100 ribu baris": (lambda p: _many_rows(p, 100_000), ("rejected", "lebih dari 20.000")),
    "ganda di berkas": (lambda p: book(p, [ROW_SITI, ROW_BUDI, ROW_SITI]), ("imported", 2)),
    "tanggal epoch 1904": (_epoch_1904, ("imported", 2)),
    "NIK spasi titik apostrof": (
        lambda p: book(p, [[ROW_SITI[0], "'1872.0461 0785-0001", *ROW_SITI[2:]]]),
        ("imported", 1),
    ),
    "NIK 17 angka": (
        lambda p: book(p, [[ROW_SITI[0], "18720461078500011", *ROW_SITI[2:]]]),
        ("rejected", "16 angka"),
    ),
    "NIK angka 3.2e15": (lambda p: book(p, [[ROW_SITI[0], 3.2e15, *ROW_SITI[2:]]]), ("rejected", "NIK")),
    "dimensi bohong": (_lying_dimension, ("imported", 2)),
    "berkas .xlsm": (_xlsm, ("imported", 1)),
    "baris kosong berformat": (_formatted_empty_rows, ("imported", 1)),
    "kelurahan tak dikenal": (
        lambda p: book(p, [[*ROW_SITI[:4], "Antah Berantah", "Melati"]]),
        ("rejected", "tidak ditemukan"),
    ),
    "kelurahan tidak pasti": (
        lambda p: book(p, [[*ROW_SITI[:4], "Tejo Agungg", "Melati"]]),
        ("rejected", "Tejo Agung"),
    ),
    "posyandu baru tanpa izin": (
        lambda p: book(p, [[*ROW_SITI[:5], "POSYANDU  Kenanga"]]),
        ("rejected", "belum terdaftar"),
    ),
    "HP tidak sah": (lambda p: book(p, [[*ROW_SITI, "12345"]], [*HEAD, "No HP"]), ("rejected", "HP")),
    "tanggal mustahil": (
        lambda p: book(p, [[*ROW_SITI[:3], "31-02-1985", *ROW_SITI[4:]]]),
        ("rejected", "tidak ada di kalender"),
    ),
    "hanya judul": (lambda p: book(p, []), ("rejected", "Tidak ada baris data")),
    "judul dua baris (sel gabung)": (_two_row_header, ("imported", 1)),
}
