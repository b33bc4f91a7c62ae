"""The demo's past rakor carries a final notulen; ``cetak notulen`` prints it (subprocess, pypdf)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from db.paths import DataPaths
from db.session import DataStore
from tests.cli.test_cetak_cli import cetak


def _demo(tmp_path: Path) -> tuple[Path, int, int]:
    from db.services.demo import load_demo
    from db.services.demo_notulen import NAMA
    from db.services.kegiatan import list_kegiatan
    from db.services.notulen import require_notulen

    data = tmp_path / "data"
    store = DataStore(DataPaths(data).ensure())
    store.open()
    try:
        load_demo()
        ids = {k.nama: k.id for k in list_kegiatan()}
        view = require_notulen(ids[NAMA])
        assert (view.status, view.versi, len(view.keputusan)) == ("final", 1, 3)
        assert [len(k.rencana_aksi) for k in view.keputusan] == [2, 1, 0]
        assert view.peserta_hadir == 8 and len(view.pembahasan) == 5
        upcoming = next(i for n, i in ids.items() if n != NAMA and "Rapat" in n)
    finally:
        store.close()
    return data, ids[NAMA], upcoming


def test_cetak_notulen_of_the_demo_rakor(tmp_path: Path) -> None:
    data, kid, upcoming = _demo(tmp_path)
    out = tmp_path / "notulen.pdf"
    done = cetak(data, "notulen", str(kid), "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "NOTULEN RAPAT" in text and "DRAF" not in text and "DAFTAR HADIR PESERTA" in text
    assert (
        "Tindak lanjut: 2 rencana aksi" in text
        and "8 orang hadir dari 10 orang diundang (daftar hadir terlampir)" in text
    )
    short = tmp_path / "pendek.pdf"
    assert cetak(data, "notulen", str(kid), "-o", str(short), "--tanpa-lampiran").returncode == 0
    assert len(PdfReader(short).pages) < len(PdfReader(out).pages)
    missing = cetak(data, "notulen", str(upcoming), "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1 and "Notulen kegiatan ini belum dibuat" in missing.stderr
