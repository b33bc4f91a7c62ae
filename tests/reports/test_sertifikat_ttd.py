"""Scanned signature and stamp images on certificates: a signatory's images stored through the
service reach the printed page (image XObjects of their pixel size, found through the forms the
renderer shares between pages); without images the page has none of them; the stamp is drawn to
the left of the signature over the name line (checked on the rendered pixels)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from db.services.demo import load_demo
from db.services.demo_kegiatan import BIMTEK_NAMA
from db.services.kegiatan import list_kegiatan
from db.services.penandatangan import set_image
from db.services.sertifikat import get_aturan
from db.services.sertifikat_print import sertifikat_batch, signatories_for
from db.services.sertifikat_terbit import terbitkan
from tests.db.test_penandatangan_images import signature_png, stamp_jpeg

TERBIT = date(2026, 7, 23)


def image_sizes(page, objects: set[int] | None = None) -> list[tuple[int, int]]:  # noqa: ANN001 - a pypdf page
    """(width, height) of every image XObject the page draws, directly or inside form XObjects;
    their object numbers are added to ``objects``."""
    found: list[tuple[int, int]] = []
    seen: set[int] = set()

    def walk(resources) -> None:  # noqa: ANN001
        xobjects = (resources or {}).get("/XObject") or {}
        for ref in xobjects.values():
            key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
            if key in seen:
                continue
            seen.add(key)
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append((int(obj["/Width"]), int(obj["/Height"])))
                if objects is not None and isinstance(ref, IndirectObject):
                    objects.add(ref.idnum)
            elif obj.get("/Subtype") == "/Form":
                walk(obj.get("/Resources"))

    walk(page.get("/Resources"))
    return found


@pytest.fixture
def bimtek(store) -> int:
    load_demo()
    return next(k.id for k in list_kegiatan() if k.nama == BIMTEK_NAMA)


def test_signature_and_stamp_images_are_drawn_on_the_certificate(bimtek: int, tmp_path: Path) -> None:
    terbitkan(bimtek, TERBIT)
    plain = tmp_path / "tanpa.pdf"
    sertifikat_batch(bimtek).render_pdf(plain)
    before = image_sizes(PdfReader(plain).pages[0])
    signer = signatories_for(get_aturan(bimtek))[0]
    set_image(signer.id, "ttd", signature_png())
    set_image(signer.id, "stempel", stamp_jpeg())
    signed = tmp_path / "dengan.pdf"
    sertifikat_batch(bimtek).render_pdf(signed)
    reader = PdfReader(signed)
    after = image_sizes(reader.pages[0])
    assert (600, 240) not in before and (400, 400) not in before
    assert sorted(after) == sorted([*before, (600, 240), (400, 400)])
    objects: set[int] = set()
    for page in reader.pages[::2]:  # every front page (the back pages are the materi table)
        assert (600, 240) in image_sizes(page, objects)
    plain_objects: set[int] = set()
    for page in PdfReader(plain).pages[::2]:
        image_sizes(page, plain_objects)
    assert len(objects) == len(plain_objects) + 2  # each image stored once for all 188 pages


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_stamp_sits_left_of_the_signature_over_the_name(bimtek: int, tmp_path: Path) -> None:
    cert = terbitkan(bimtek, TERBIT).baru[0]
    signer = signatories_for(get_aturan(bimtek))[0]
    set_image(signer.id, "ttd", signature_png())
    set_image(signer.id, "stempel", stamp_jpeg())
    pdf = tmp_path / "satu.pdf"
    sertifikat_batch(bimtek, ids=[cert.id]).render_pdf(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    image = Image.open(png).convert("RGB")
    width, height = image.size

    def share(box: tuple[float, float, float, float], test) -> float:  # noqa: ANN001
        x0, y0, x1, y1 = (int(v) for v in (box[0] * width, box[1] * height, box[2] * width, box[3] * height))
        pixels = [image.getpixel((x, y)) for x in range(x0, x1) for y in range(y0, y1)]
        return sum(1 for p in pixels if test(p)) / len(pixels)

    purple = lambda p: p[0] > 80 and p[2] > 100 and p[1] < 90  # noqa: E731 - the stamp's ink
    blue = lambda p: p[2] > 110 and p[0] < 90 and p[1] < 110  # noqa: E731 - the signature's ink
    # one signer: the block is centred at 297 mm - 200 pt; the stamp on its left, the signature on it
    assert share((0.60, 0.62, 0.70, 0.84), purple) > 0.01
    assert share((0.70, 0.66, 0.86, 0.80), blue) > 0.005
    assert share((0.05, 0.62, 0.55, 0.84), purple) == 0  # nothing of it elsewhere at that height
    image.save(tmp_path / "look.png")
