"""Rencana aksi services on a real database: validation, order, filters, groups, flags, monev, summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from db.errors import ValidationError
from db.models import RencanaAksi, RencanaAksiMonev, Riwayat
from db.services import rencana_aksi as ra
from db.services import rencana_aksi_lists as lists
from db.services import rencana_aksi_monev as monev
from db.services.rencana_aksi_ringkasan import ringkasan
from tests.db.rencana_aksi_samples import KELURAHAN, TODAY, make_items


def test_items_come_in_bidang_order_with_labels_and_flags(store) -> None:
    ids = make_items()
    items = ra.list_rencana_aksi(today=TODAY)
    assert [i.id for i in items] == [ids["k1"], ids["k2"], ids["p1"], ids["l1"], ids["l2"]]
    k1 = items[0]
    assert k1.lokus_label == ("Kel. Yosodadi", "Posyandu Mawar")
    assert k1.form.pic_hp == "+6281234567890" and k1.form.anggaran == 1_250_000
    assert k1.progress.periode == "Triwulan II" and k1.realisasi_persen == 50 and k1.jumlah_monev == 2
    flags = {i.id: (i.terlambat, i.segera) for i in items}
    assert flags[ids["k2"]] == (True, False)  # due 30 June, still Berjalan on 15 July
    assert flags[ids["p1"]] == (False, True)  # due 1 August: within 30 days
    assert flags[ids["l2"]] == (False, False)  # Selesai: never overdue
    assert flags[ids["l1"]] == (False, False)
    # a different "today" moves the flags: on 1 Oct l1 is overdue too
    later = {i.id: i.terlambat for i in ra.list_rencana_aksi(today=date(2025, 10, 1))}
    assert later[ids["l1"]] and later[ids["p1"]] and not later[ids["l2"]]


def test_filters_and_groups(store) -> None:
    ids = make_items()
    only = ra.list_rencana_aksi(ra.RencanaAksiFilter(terlambat_saja=True), today=TODAY)
    assert [i.id for i in only] == [ids["k2"]]
    assert [i.id for i in ra.list_rencana_aksi(ra.RencanaAksiFilter(opd="Disdik"), today=TODAY)] == [
        ids["p1"]
    ]
    assert len(ra.list_rencana_aksi(ra.RencanaAksiFilter(status="Berjalan"), today=TODAY)) == 2
    assert ra.list_rencana_aksi(ra.RencanaAksiFilter(tahun=2024), today=TODAY) == []
    assert [i.id for i in ra.list_rencana_aksi(ra.RencanaAksiFilter(teks="jumat"))] == [ids["l2"]]
    groups = ra.group_items(ra.list_rencana_aksi(today=TODAY), "bidang")
    assert [(g.nama, len(g.items)) for g in groups] == [
        ("Kesehatan", 2),
        ("Pendidikan", 1),
        ("Lintas Sektor", 2),
    ]
    by_opd = ra.group_items(ra.list_rencana_aksi(today=TODAY), "opd")
    assert [g.nama for g in by_opd] == ["Kelurahan", "Puskesmas", "Disdik", "Babinsa"]


def test_validation_names_every_field(store) -> None:
    bad = ra.RencanaAksiForm(
        tahun=1990,
        bidang="",
        aksi=" ",
        lokus=("99.99",),
        target_nilai="x",
        anggaran=-5,
        pic_hp="12",
        mulai=date(2025, 5, 1),
        jatuh_tempo=date(2025, 4, 1),
        status="Jalan",
        sumber="notulen",
    )
    with pytest.raises(ValidationError) as caught:
        ra.save_rencana_aksi(bad)
    assert set(caught.value.problems) >= {
        "tahun",
        "bidang",
        "aksi",
        "lokus",
        "target_nilai",
        "anggaran",
        "pic_hp",
        "jatuh_tempo",
        "status",
    }
    assert RencanaAksi.select().count() == 0


def test_update_status_delete_are_audited(store) -> None:
    ids = make_items()
    form = ra.get_rencana_aksi(ids["p1"])
    ra.save_rencana_aksi(replace(form, bidang="pendidikan", opd="disdik", masalah="PAUD belum ada di RW 03"))
    saved = ra.get_rencana_aksi(ids["p1"])
    assert (saved.bidang, saved.opd, saved.urutan) == ("Pendidikan", "Disdik", form.urutan)
    assert ra.set_status(ids["p1"], "selesai").status == "Selesai"
    assert Riwayat.select().where(Riwayat.entitas == "rencana_aksi", Riwayat.aksi == "ubah").count() == 2
    ra.delete_rencana_aksi(ids["k1"])
    assert RencanaAksiMonev.select().where(RencanaAksiMonev.rencana_aksi == ids["k1"]).count() == 0
    assert Riwayat.select().where(Riwayat.entitas == "rencana_aksi", Riwayat.aksi == "hapus").count() == 1


def test_monev_bukti_is_copied_with_a_safe_name(store, tmp_path) -> None:
    ids = make_items()
    photo = tmp_path / "Foto Kegiatan (1) ñ.JPG"
    photo.write_bytes(b"\xff\xd8jpeg")
    entry = monev.add_monev(
        monev.MonevForm(ids["p1"], date(2025, 7, 1), "Juli", realisasi_persen=25),
        bukti=photo,
        data_root=store.paths.root,
    )
    again = monev.add_monev(
        monev.MonevForm(ids["p1"], date(2025, 7, 1), "Juli", realisasi_persen=30),
        bukti=photo,
        data_root=store.paths.root,
    )
    first, second = monev.get_monev(entry), monev.get_monev(again)
    assert first.bukti_path == f"bukti/ra{ids['p1']}-20250701-foto-kegiatan-1-n.jpg"
    assert second.bukti_path != first.bukti_path
    assert (store.paths.root / first.bukti_path).read_bytes() == b"\xff\xd8jpeg"
    assert first.dicatat_oleh  # the operator by default
    assert [r.id for r in monev.list_monev(ids["p1"])] == [entry, again]
    monev.delete_monev(again)
    assert [r.id for r in monev.list_monev(ids["p1"])] == [entry]
    with pytest.raises(ValidationError):
        monev.add_monev(monev.MonevForm(ids["p1"], date(2025, 7, 2), realisasi_persen=120))
    assert [r.periode for r in monev.list_monev_period(date(2025, 5, 1), date(2025, 6, 30))] == [
        "Mei",
        "Triwulan II",
    ]


def test_summary_for_beranda(store) -> None:
    make_items()
    summary = ringkasan(2025, today=TODAY)
    assert summary.jumlah == 5 and summary.terlambat == 1 and summary.segera == 1
    assert dict(summary.per_status) == {
        "Belum mulai": 1,
        "Berjalan": 2,
        "Selesai": 1,
        "Tertunda": 1,
        "Batal": 0,
    }
    assert [(r.bidang, r.jumlah, r.persen) for r in summary.realisasi_bidang] == [
        ("Kesehatan", 2, 25.0),
        ("Pendidikan", 1, 0.0),
        ("Lintas Sektor", 2, 50.0),
    ]


def test_editable_lists_fall_back_to_defaults(store) -> None:
    assert lists.bidang_list()[:2] == ("Kesehatan", "Pendidikan") and "Lintas Sektor" in lists.bidang_list()
    assert {"Puskesmas", "TP-PKK", "Disdik", "KUA", "Babinsa", "Bhabinkamtibmas"} <= set(lists.opd_list())
    assert lists.set_opd_list([" Puskesmas ", "puskesmas", "", "Dinkes"]) == ("Puskesmas", "Dinkes")
    assert lists.opd_list() == ("Puskesmas", "Dinkes")
    with pytest.raises(ValidationError):
        lists.set_bidang_list(["", " "])
    lists.reset_lists()
    assert "KUA" in lists.opd_list()
    assert KELURAHAN in ra.get_rencana_aksi(make_items()["k1"]).lokus


def test_open_items_and_notulen_link(store) -> None:
    ids = make_items()
    open_items = ra.list_rencana_aksi(ra.RencanaAksiFilter(terbuka_saja=True), today=TODAY)
    assert ids["l2"] not in [i.id for i in open_items] and len(open_items) == 4
    form = ra.get_rencana_aksi(ids["p1"])
    with pytest.raises(ValidationError) as caught:
        ra.save_rencana_aksi(replace(form, sumber="notulen"))
    assert "sumber" in caught.value.problems
    ra.save_rencana_aksi(replace(form, sumber="notulen", notulen_keputusan_id=42))
    linked = ra.list_rencana_aksi(ra.RencanaAksiFilter(notulen_keputusan_id=42), today=TODAY)
    assert [(i.id, i.form.status) for i in linked] == [(ids["p1"], "Belum mulai")]
    ra.save_rencana_aksi(replace(ra.get_rencana_aksi(ids["p1"]), sumber="manual", notulen_keputusan_id=42))
    assert ra.get_rencana_aksi(ids["p1"]).notulen_keputusan_id is None  # a manual item keeps no link


def test_bukti_file_stays_inside_the_data_folder(store, tmp_path) -> None:
    ids = make_items()
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"png")
    entry = monev.add_monev(
        monev.MonevForm(ids["p1"], date(2025, 7, 1)), bukti=photo, data_root=store.paths.root
    )
    found = monev.bukti_file(store.paths.root, monev.get_monev(entry).bukti_path)
    assert found is not None and found.read_bytes() == b"png"
    assert monev.bukti_file(store.paths.root, "../../etc/passwd") is None
    assert monev.bukti_file(store.paths.root, "") is None
