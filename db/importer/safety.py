"""Checks made on the raw bytes before openpyxl sees a file, so wrong or hostile files are
refused quickly with a clear Indonesian reason instead of crashing or hanging the app.

- 0 bytes, OLE compound files (``D0CF11E0``: an old ``.xls`` or a password-protected
  ``.xlsx``, which Excel wraps in OLE), text files renamed to ``.xlsx`` (CSV), anything that is
  not a zip, truncated or damaged zips, zips without ``xl/workbook.xml``;
- zip bombs: the sizes *declared* in the central directory are summed before anything is
  inflated (``zipfile`` never inflates more than the declared size, so the check is binding):
  more than 200 MB uncompressed, or a ratio above 100:1 once the content exceeds 2 MB (tiny
  workbooks of repeated cells legitimately compress very well and are harmless);
- XML bombs and XXE are defused by openpyxl itself when ``defusedxml`` is installed; this module
  asserts that it is (:func:`require_defusedxml`), and the reader turns any parse error into a
  refusal.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from db.importer.problems import ImportRejected
from db.zip_errors import DAMAGED_ZIP_ERRORS

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 2 * 1024 * 1024  # below this total size a high ratio is harmless
MAX_MEMBERS = 10_000


def require_defusedxml() -> None:
    """openpyxl must parse through defusedxml (billion laughs, XXE); refuse to import otherwise."""
    import openpyxl.xml

    if openpyxl.xml.DEFUSEDXML is not True:
        raise ImportRejected("Pustaka defusedxml tidak terpasang; impor Excel dimatikan demi keamanan.")


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return False
    sample = head[:2048]
    if sample.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    printable = sum(1 for b in sample if b in (9, 10, 13) or 32 <= b < 127 or b >= 128)
    return b"\x00" not in sample and printable / len(sample) > 0.95


def _check_ole(data_head: bytes, path: Path) -> None:
    with path.open("rb") as handle:
        sample = handle.read(4 * 1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in sample or "EncryptedPackage".encode("utf-16-le") in sample:
        raise ImportRejected(
            "Berkas dilindungi kata sandi. Buka di Excel, hapus kata sandinya, simpan sebagai .xlsx, lalu impor lagi."
        )
    raise ImportRejected(
        "Berkas ini format Excel lama (.xls). Buka di Excel lalu simpan sebagai 'Excel Workbook (.xlsx)'."
    )


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {info.filename for info in members}
    except DAMAGED_ZIP_ERRORS:
        raise ImportRejected("Berkas .xlsx rusak atau terpotong (arsip zip tidak utuh).") from None
    if len(members) > MAX_MEMBERS:
        raise ImportRejected("Berkas berisi terlalu banyak bagian; bukan buku kerja Excel biasa.")
    total = sum(info.file_size for info in members)
    packed = sum(info.compress_size for info in members)
    if total > MAX_UNCOMPRESSED:
        raise ImportRejected(
            f"Isi berkas terlalu besar setelah dibuka ({total // (1024 * 1024)} MB, batas 200 MB); "
            "kemungkinan bom zip. Berkas ditolak."
        )
    if total > RATIO_FLOOR and total > MAX_RATIO * max(packed, 1):
        raise ImportRejected(
            f"Rasio pemampatan berkas tidak wajar ({total // max(packed, 1)}:1, batas 100:1); "
            "kemungkinan bom zip. Berkas ditolak."
        )
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names or "ppt/presentation.xml" in names:
            raise ImportRejected("Berkas ini dokumen Word/PowerPoint, bukan buku kerja Excel (.xlsx).")
        raise ImportRejected("Berkas zip ini bukan buku kerja Excel (.xlsx).")


def check_file(path: str | Path) -> None:
    """Raise :class:`ImportRejected` unless ``path`` looks like a safe, readable .xlsx."""
    require_defusedxml()
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise ImportRejected(f"Berkas tidak dapat dibuka: {exc.strerror or exc}.") from None
    if not path.is_file():
        raise ImportRejected("Yang dipilih bukan berkas.")
    if size == 0:
        raise ImportRejected("Berkas kosong (0 bita).")
    if head.startswith(OLE_MAGIC):
        _check_ole(head, path)
    if not head.startswith(ZIP_MAGIC):
        if _looks_like_text(head):
            raise ImportRejected(
                "Berkas ini teks/CSV yang diberi nama .xlsx. Buka di Excel lalu simpan sebagai .xlsx."
            )
        raise ImportRejected("Berkas ini bukan buku kerja Excel (.xlsx).")
    _check_zip(path)
