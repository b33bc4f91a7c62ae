"""Signature and stamp images of a penandatangan: PNG/JPG round trip, replace and remove, refusals in
Indonesian (wrong format, too large, broken, too many pixels), and audit rows that describe the image
(format, size, SHA-256) without ever holding its bytes."""

from __future__ import annotations

import base64
import hashlib
import io
import json

import pytest
from PIL import Image, ImageDraw

from db.errors import NotFound, ValidationError
from db.models import PenandatanganGambar, Riwayat
from db.services.penandatangan import (
    MAX_IMAGE_BYTES,
    SignatoryData,
    get_image,
    get_images,
    list_signatories,
    save_signatory,
    set_image,
)


def signature_png(size: tuple[int, int] = (600, 240)) -> bytes:
    """A transparent PNG with a blue scribble, like a scanned signature with its background removed."""
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    w, h = size
    points = [
        (w * 0.1, h * 0.7),
        (w * 0.3, h * 0.2),
        (w * 0.45, h * 0.8),
        (w * 0.7, h * 0.3),
        (w * 0.9, h * 0.6),
    ]
    draw.line(points, fill=(20, 40, 150, 255), width=max(2, h // 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def stamp_jpeg() -> bytes:
    image = Image.new("RGB", (400, 400), "white")
    ImageDraw.Draw(image).ellipse((20, 20, 380, 380), outline=(120, 30, 160), width=14)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture
def camat(store) -> int:
    saved = save_signatory(SignatoryData(nama="Drs. H. Ahmad Fauzi, M.Si.", jabatan="Camat Metro Timur",
                                         nip="197003151995031002"))  # fmt: skip
    return saved.id


def _audit_rows() -> list[Riwayat]:
    return list(Riwayat.select().where(Riwayat.entitas == "penandatangan").order_by(Riwayat.id))


def test_png_and_jpeg_round_trip_and_the_audit_holds_no_bytes(camat: int) -> None:
    ttd, stempel = signature_png(), stamp_jpeg()
    stored = set_image(camat, "ttd", ttd)
    set_image(camat, "stempel", stempel)
    assert stored is not None and (stored.format, stored.lebar, stored.tinggi) == ("png", 600, 240)
    assert get_images(camat) == {"ttd": ttd, "stempel": stempel}
    assert get_image(camat, "ttd") == ttd
    rows = _audit_rows()[-2:]
    assert [r.ringkasan for r in rows] == [
        "Gambar tanda tangan Drs. H. Ahmad Fauzi, M.Si. ditambahkan",
        "Gambar stempel Drs. H. Ahmad Fauzi, M.Si. ditambahkan",
    ]
    changes = json.loads(rows[0].perubahan)
    assert changes["gambar_ttd"][0] is None
    assert changes["gambar_ttd"][1].startswith("png 600×240, ")
    assert hashlib.sha256(ttd).hexdigest()[:16] in changes["gambar_ttd"][1]
    for row, data in zip(rows, (ttd, stempel), strict=True):
        text = row.perubahan + row.ringkasan
        assert len(text) < 300
        for encoded in (base64.b64encode(data[:48]).decode(), data[:48].hex(), data[8:40].decode("latin-1")):
            assert encoded not in text
    # the signatory list and its dataclass stay free of image bytes
    assert "gambar" not in json.dumps([s.__dict__ for s in list_signatories()], default=str)


def test_replace_keeps_one_row_and_remove_deletes_it_with_audit(camat: int) -> None:
    set_image(camat, "ttd", signature_png())
    smaller = signature_png((300, 120))
    set_image(camat, "ttd", smaller)
    assert PenandatanganGambar.select().where(PenandatanganGambar.penandatangan == camat).count() == 1
    assert get_image(camat, "ttd") == smaller
    change = json.loads(_audit_rows()[-1].perubahan)["gambar_ttd"]
    assert change[0].startswith("png 600×240") and change[1].startswith("png 300×120")
    assert _audit_rows()[-1].ringkasan.endswith("diganti")
    set_image(camat, "ttd", None)
    assert get_images(camat) == {}
    last = _audit_rows()[-1]
    assert last.ringkasan.endswith("dihapus") and json.loads(last.perubahan)["gambar_ttd"][1] is None
    count = len(_audit_rows())
    assert set_image(camat, "ttd", None) is None  # removing nothing writes nothing
    assert len(_audit_rows()) == count


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: b"", "kosong"),
        (_gif, "PNG atau JPG"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"bukan gambar" * 10, "rusak"),
        (lambda: signature_png()[:200], "rusak"),
        (lambda: b"<svg xmlns='http://www.w3.org/2000/svg'/>", "PNG atau JPG"),
        (lambda: b"\xff\xd8\xff" + b"\0" * (MAX_IMAGE_BYTES + 1), "1 MB"),
        (lambda: signature_png((4001, 20)), "4000 piksel"),
    ],
)
def test_bad_images_are_refused_in_indonesian_and_nothing_is_stored(camat: int, make, words: str) -> None:  # noqa: ANN001
    count = len(_audit_rows())
    with pytest.raises(ValidationError) as caught:
        set_image(camat, "stempel", make())
    assert words in caught.value.message and "stempel" in caught.value.problems
    assert get_images(camat) == {} and len(_audit_rows()) == count


def test_unknown_kind_and_unknown_signatory_are_refused(camat: int) -> None:
    with pytest.raises(ValidationError):
        set_image(camat, "paraf", signature_png())
    with pytest.raises(NotFound):
        set_image(camat + 99, "ttd", signature_png())
    assert PenandatanganGambar.select().count() == 0
