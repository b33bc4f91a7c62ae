"""Certificate PDFs: pages, names and numbers in the text, long names inside the page, a QR that
decodes (zbarimg) and verifies, the Materi back page, and the pre-print check."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from db import sertifikat_crypto as crypto
from reports.data import Signatory, SignatureBlock
from reports.data_sertifikat import CertificateTemplate, MateriRow, Sertifikat
from reports.sertifikat import NAME_BOTTOM, NAME_MIN, PAGE_W, layout_name, periksa, render_certificates_bytes
from tests.reports.conftest import pdf_text, text_runs

KEY = crypto.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
RAW = crypto.raw_public_key(KEY.public_key())
TRUSTED = {crypto.key_id(RAW).hex(): RAW}
KEGIATAN = "Bimbingan Teknis Kader Posyandu Integrasi Layanan Primer"
NAMES = [
    "Siti Aminah",
    "dr. Bambang Prasetyo, M.Kes.",
    "Ni Luh Putu Ayu Sekar Wangi",
    "Ahmad Fauzi",
    "Nyi Raden Ayu Siti Fatimah Kusumawardhani binti Haji Abdurrahman Wahid Hasyim",
]
ROLES = ["Peserta", "Narasumber", "Peserta", "Panitia", "Moderator"]


def _cert(number: int, nama: str, peran: str = "Peserta", signatures: int = 1) -> Sertifikat:
    nomor = f"{number:03d}/400.7/BIMTEK-POKJANAL/KEC-MP/VII/2026"
    qr = crypto.sign(crypto.CertificateClaim(nomor, nama, KEGIATAN, date(2026, 7, 23), "18.72.01"), KEY)
    camat = SignatureBlock(
        Signatory(
            "Drs. H. Ahmad Syaifudin, M.Si.",
            "Camat Metro Pusat",
            "Pembina Tk. I (IV/b)",
            "19860926 201505 1 001",
        )
    )
    ketua = SignatureBlock(Signatory("Hj. Ratna Dewi", "Ketua TP-PKK Kecamatan"), heading="Mengetahui,")
    blocks = (camat,) if signatures == 1 else (ketua, camat)
    return Sertifikat(
        nomor,
        nama,
        "NIK. 1872••••••••0001",
        "Kader Posyandu Melati, Kelurahan Metro",
        peran,
        KEGIATAN,
        "21–23 Juli 2026",
        "Aula Kantor Camat Metro Pusat",
        30,
        "Metro, 23 Juli 2026",
        blocks,
        qr,
    )


@pytest.fixture
def template(logo_png: bytes) -> CertificateTemplate:
    return CertificateTemplate(
        kop_lines=("PEMERINTAH KOTA METRO", "KECAMATAN METRO PUSAT"), logo=logo_png, logo_kanan=logo_png
    )


def test_one_page_per_certificate_with_every_name_and_number(template: CertificateTemplate) -> None:
    certs = [
        _cert(n, name, role, signatures=1 + n % 2)
        for n, (name, role) in enumerate(zip(NAMES, ROLES, strict=True), start=1)
    ]
    pages = pdf_text(render_certificates_bytes(template, certs))
    assert len(pages) == len(certs)
    for page, cert in zip(pages, certs, strict=True):
        flat = " ".join(page.split())
        assert cert.nama in flat and cert.nomor in flat
        assert f"sebagai {cert.peran}" in flat and "diberikan kepada" in flat
        assert "Camat Metro Pusat" in flat and "NIP. 19860926 201505 1 001" in flat
    assert "sebanyak 30 JPL" in " ".join(pages[0].split())
    assert "telah menyampaikan materi" in " ".join(pages[1].split())
    assert "Halaman" not in " ".join(pages)


def test_a_300_character_name_stays_inside_the_page(template: CertificateTemplate) -> None:
    name = ("Raden Ajeng Siti Nurhaliza Kusumaningrum " * 8)[:300]
    data = render_certificates_bytes(template, [_cert(1, name)])
    runs = [run for run in text_runs(data) if run.text.strip()]
    assert runs and all(run.x >= 0 and run.x + run.width <= PAGE_W for run in runs)
    name_runs = [run for run in runs if "Raden Ajeng" in run.text]
    assert name_runs and all(run.size >= NAME_MIN - 0.01 for run in name_runs)
    assert layout_name(name).truncated or len(layout_name(name).lines) > 1


def test_name_shrinks_to_one_line_and_periksa_reports_hard_cases(template: CertificateTemplate) -> None:
    assert layout_name("Siti Aminah").size == 34 and len(layout_name("Siti Aminah").lines) == 1
    longish = layout_name(NAMES[4])
    assert len(longish.lines) == 1 and NAME_MIN <= longish.size < 34
    problems = periksa(template, [_cert(1, "Siti Aminah"), _cert(2, "W" * 300), _cert(3, NAMES[4])])
    assert any(p.startswith("002/") and "terpotong" in p for p in problems)
    assert not any(p.startswith("001/") for p in problems)
    asn_without_nip = Signatory("Drs. Yusuf", "Sekretaris Kecamatan", "Penata (III/c)")
    unsigned = [Sertifikat(**{**_cert(4, "Ani").__dict__, "signatures": (SignatureBlock(asn_without_nip),)})]
    assert any("Drs. Yusuf" in p and "tanpa NIP" in p for p in periksa(template, unsigned))
    broken = CertificateTemplate(background=b"not an image")
    assert any("latar belakang" in p for p in periksa(broken, [_cert(1, "Ani")]))


def test_materi_back_page_groups_and_totals(template: CertificateTemplate) -> None:
    materi = (
        MateriRow("Inti", "Penimbangan dan pengukuran balita", 2, 4, 2),
        MateriRow("Dasar", "Kebijakan Posyandu ILP", 2),
        MateriRow("Penunjang", "Building learning commitment", 0, 2),
    )
    backed = CertificateTemplate(kop_lines=template.kop_lines, materi=materi)
    pages = pdf_text(render_certificates_bytes(backed, [_cert(1, "Ani"), _cert(2, "Budi")]))
    assert len(pages) == 4
    back = " ".join(pages[1].split())
    assert back.index("Materi Dasar") < back.index("Materi Inti") < back.index("Materi Penunjang")
    assert "Penimbangan dan pengukuran balita" in back and "JUMLAH 4 6 2 12" in back
    assert pages[3] == pages[1] and "Budi" in pages[2]


def test_background_image_replaces_the_border(template: CertificateTemplate, logo_png: bytes) -> None:
    backed = CertificateTemplate(kop_lines=template.kop_lines, background=logo_png)
    data = render_certificates_bytes(backed, [_cert(1, "Ani"), _cert(2, "Budi")])
    assert data.count(b"/Subtype /Image") <= 2  # the background is drawn once, used on every page
    assert "Budi" in pdf_text(data)[1]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
@pytest.mark.parametrize("with_background", [False, True])
def test_body_text_is_visible_on_the_rendered_page(
    template: CertificateTemplate, tmp_path: Path, with_background: bool
) -> None:
    """pypdf reads text a form's bounding box clips away; the pixels tell the truth."""
    from PIL import Image

    if with_background:
        light = io.BytesIO()
        Image.new("RGB", (297, 210), (250, 246, 232)).save(light, "JPEG")
        template = CertificateTemplate(kop_lines=template.kop_lines, background=light.getvalue())
    pdf = tmp_path / "sertifikat.pdf"
    pdf.write_bytes(render_certificates_bytes(template, [_cert(1, "Ani"), _cert(2, "Budi", "Narasumber")]))
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-gray", str(pdf), str(tmp_path / "page")], check=True)
    for png in sorted(tmp_path.glob("page*.png")):
        image = Image.open(png)
        scale = image.width / PAGE_W
        top, bottom = image.height - (NAME_BOTTOM - 45) * scale, image.height - (NAME_BOTTOM - 110) * scale
        band = image.crop((int(150 * scale), int(top), int((PAGE_W - 150) * scale), int(bottom)))
        dark = sum(band.histogram()[:96])
        assert dark > 200, f"{png.name}: no body text drawn ({dark} dark pixels)"


@pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="zbarimg (Debian zbar-tools) or pdftoppm (poppler-utils) not installed",
)
def test_rendered_qr_decodes_and_verifies(template: CertificateTemplate, tmp_path: Path) -> None:
    cert = _cert(7, "Siti Aminah", signatures=2)
    pdf = tmp_path / "sertifikat.pdf"
    pdf.write_bytes(render_certificates_bytes(template, [cert]))
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == cert.qr_text
    verdict = crypto.verify(decoded, TRUSTED)
    assert (verdict.status, verdict.nama, verdict.nomor) == ("valid", "Siti Aminah", cert.nomor)
