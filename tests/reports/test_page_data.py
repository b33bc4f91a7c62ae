"""Page setup, kop and signatory values (plain dataclasses, no ReportLab needed)."""

from __future__ import annotations

import pytest

from reports.data import MM, Kop, PageSetup, Signatory


def test_paper_sizes_in_points() -> None:
    assert PageSetup().page_size == pytest.approx((595.276, 841.890), abs=0.01)
    f4 = PageSetup(paper="F4")
    assert f4.page_size == pytest.approx((215 * 72 / 25.4, 330 * 72 / 25.4))
    assert f4.page_size == pytest.approx((609.449, 935.433), abs=0.01)
    assert PageSetup(paper="F4", orientation="landscape").page_size == pytest.approx(f4.page_size[::-1])


def test_margins_in_points_and_validation() -> None:
    setup = PageSetup(margin_top=25, margin_right=25, margin_bottom=30, margin_left=30)
    assert setup.margins == pytest.approx((25 * MM, 25 * MM, 30 * MM, 30 * MM))
    with pytest.raises(ValueError):
        PageSetup(paper="Letter")
    with pytest.raises(ValueError):
        PageSetup(orientation="tegak")


def test_signatory_lines_follow_tata_naskah_dinas() -> None:
    plain = Signatory("Hj. Siti Aminah, S.Kep.", "Camat Metro Pusat", nip="19860926 201505 1 001")
    assert plain.jabatan_lines() == ["Camat Metro Pusat,"]
    assert plain.nip_line == "NIP. 19860926 201505 1 001"
    an = Signatory("Budi", "Sekretaris Kecamatan", prefiks="a.n.", jabatan_atasan="CAMAT METRO PUSAT")
    assert an.jabatan_lines() == ["a.n. CAMAT METRO PUSAT", "Sekretaris Kecamatan,"]
    plt = Signatory("Budi", "Camat Metro Pusat", prefiks="Plt.")
    assert plt.jabatan_lines() == ["Plt. Camat Metro Pusat,"]
    kader = Signatory("Sri Wahyuni", "Ketua TP Posyandu")
    assert kader.nip_line == ""


def test_kop_lines_skip_empty_and_duplicate_secretariat() -> None:
    kop = Kop(
        "PEMERINTAH KOTA METRO",
        "KECAMATAN METRO PUSAT",
        sekretariat="kecamatan metro pusat",
        alamat="Jl. A No. 1",
        kontak="",
    )
    assert kop.lines() == ["PEMERINTAH KOTA METRO", "KECAMATAN METRO PUSAT", "Jl. A No. 1"]
