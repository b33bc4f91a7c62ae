"""``--selftest``: prove this installation works end to end, in a throwaway data folder.

Creates a database in a temporary folder (never next to the executable, so it works in the
frozen build), runs the migrations, stores an office profile, a logo and a signatory through the
services, reads them back, prints the one-page check document with the kop, and re-reads the PDF
with :mod:`reports.pdfcheck` (pages, kop text, signature, embedded fonts). Prints a short
Indonesian summary; exit code 0 when everything passed, 1 with the reason otherwise.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from resources import APP_NAME, VERSION

EXIT_OK, EXIT_FAILED = 0, 1


class SelftestFailure(Exception):
    """One check failed; the message says which, in Indonesian."""


def _say(text: str) -> None:
    """Print even from a windowed frozen build (no console: ``sys.stdout`` is None)."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        stream.write(text.encode("ascii", "replace").decode("ascii") + "\n")
    stream.flush()


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelftestFailure(reason)


def _emblem_png() -> bytes:
    """A small shield emblem standing in for the logo daerah (exercises PNG storage and drawing)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (200, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [(10, 10), (190, 10), (190, 150), (100, 230), (10, 150)],
        fill=(22, 101, 52),
        outline=(202, 160, 20),
        width=6,
    )
    draw.regular_polygon((100, 95, 48), 5, fill=(234, 179, 8))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _store_and_read_back() -> int:
    """Write profile, logo and signatory through the services; compare what comes back."""
    from db.database import check_database
    from db.services import penandatangan, profile

    wanted = profile.OfficeProfile(
        pemerintah="PEMERINTAH KOTA METRO",
        unit="KECAMATAN METRO PUSAT",
        alamat="Jl. Brigjend Sutiyoso No. 1",
        kelurahan="Metro",
        kecamatan="Metro Pusat",
        kota="Kota Metro",
        provinsi="Lampung",
        kode_pos="34111",
        telepon="(0725) 41234",
        surel="uji@contoh.go.id",
        kode_wilayah="18.72.01",
        kota_ttd="Metro",
    )
    saved = profile.save_profile(wanted)
    _check(profile.get_profile() == saved, "profil kantor yang dibaca kembali berbeda dari yang disimpan")
    logo = _emblem_png()
    profile.set_logo("daerah", logo)
    _check(profile.get_logo("daerah") == logo, "logo yang dibaca kembali berbeda dari yang disimpan")
    signer = penandatangan.save_signatory(
        penandatangan.SignatoryData(
            nama="Drs. Uji Mandiri, M.Si.",
            jabatan="Sekretaris Kecamatan",
            pangkat="Pembina Tk. I (IV/b)",
            nip="19860926 201505 1 001",
            prefiks="a.n.",
            jabatan_atasan="CAMAT METRO PUSAT",
        )
    )
    _check(penandatangan.get_signatory(signer.id) == signer, "penandatangan yang dibaca kembali berbeda")
    _check(signer.nip == "198609262015051001", "NIP tidak dinormalkan menjadi 18 angka")
    problems = check_database()
    _check(not problems, "pemeriksaan basis data menemukan masalah: " + "; ".join(problems))
    return int(signer.id)


def _print_and_verify(signer_id: int, output: Path) -> tuple[int, int, int]:
    """Print the check page and read it back; returns (pages, fonts, bytes)."""
    from db.services import print_data
    from reports.data import SignatureBlock
    from reports.formatting import tempat_tanggal
    from reports.pdfcheck import inspect_pdf
    from reports.selftest_doc import SelftestDocument

    now = datetime.now()
    kop = print_data.kop_from_profile()
    signatory = print_data.signatory_for_print(signer_id)
    block = SignatureBlock(signatory, tempat_tanggal(print_data.signing_place(), now.date()))
    document = SelftestDocument(
        print_data.page_setup(), kop, block, printed_at=now, zona=print_data.time_zone(), version=VERSION
    )
    pages = document.render(output)
    data = output.read_bytes()
    summary = inspect_pdf(data)
    _check(pages == 1 and summary.pages == 1, f"PDF uji seharusnya 1 halaman, ternyata {summary.pages}")
    flat = " ".join(summary.text.split())
    for line in [*kop.lines(), signatory.nama, signatory.nip_line]:
        _check(" ".join(line.split()) in flat, f"teks tidak ditemukan di PDF: {line!r}")
    _check(kop.logo is not None and b"/Subtype /Image" in data, "logo daerah tidak tercetak di kop")
    _check(not summary.unembedded_fonts, "huruf tidak tertanam: " + ", ".join(summary.unembedded_fonts))
    return summary.pages, len(summary.fonts), len(data)


def run_selftest() -> int:
    started = time.perf_counter()
    try:
        from db.paths import DataPaths
        from db.session import DataStore
        from reports.formatting import angka

        with tempfile.TemporaryDirectory(prefix="pokjanal-uji-", ignore_cleanup_errors=True) as folder:
            store = DataStore(DataPaths(Path(folder) / "data"))
            opened = store.open()
            try:
                signer_id = _store_and_read_back()
                pdf = store.paths.outputs / "uji-cetak.pdf"
                pages, fonts, size = _print_and_verify(signer_id, pdf)
            finally:
                store.close()
    except SelftestFailure as exc:
        _say(f"Uji mandiri {APP_NAME} GAGAL: {exc}")
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - any crash is a failed self-test, reported plainly
        _say(f"Uji mandiri {APP_NAME} GAGAL: {type(exc).__name__}: {exc}")
        return EXIT_FAILED
    seconds = angka(round(time.perf_counter() - started, 2))
    _say(f"Uji mandiri {APP_NAME} {VERSION}: OK")
    _say(
        f"- Basis data sementara dibuat, {len(opened.migrated)} migrasi dijalankan; profil kantor, "
        "logo dan penandatangan tersimpan dan terbaca kembali."
    )
    _say(
        f"- PDF uji: {pages} halaman, kop dan tanda tangan terbaca, {fonts} huruf tertanam "
        f"({angka(round(size / 1024, 1))} kB)."
    )
    _say(f"- Waktu: {seconds} detik.")
    return EXIT_OK
