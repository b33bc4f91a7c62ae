"""The demo kegiatan written by load_demo: the 230-person bimtek with partial attendance and the
rakor of 40, deterministic and valid by the services' own rules."""

from __future__ import annotations

import collections
from datetime import date, timedelta

from db import wilayah
from db.models import Kehadiran, Peserta, Riwayat
from db.services.demo import load_demo
from db.services.demo_kegiatan import BIMTEK_NAMA, RAKOR_NAMA
from db.services.kegiatan import get_kegiatan, list_kegiatan
from db.services.kegiatan_rekap import list_kuota
from db.services.kehadiran import count_hari
from db.services.peserta import KODE_ALPHABET, PesertaForm, check_peserta, roster
from db.services.peserta_search import list_peserta


def _by_name() -> dict[str, int]:
    return {k.nama: k.id for k in list_kegiatan()}


def test_bimtek_roster_shape(store) -> None:
    load_demo()
    kid = _by_name()[BIMTEK_NAMA]
    detail = get_kegiatan(kid)
    assert detail.form.status == "berjalan" and detail.form.jenis == "Bimtek/Pelatihan"
    assert detail.form.tanggal_mulai == date.today() - timedelta(days=1)
    assert len(detail.hari) == 3
    rows = roster(kid)
    peran = collections.Counter(r.peran for r in rows)
    assert peran == {"Peserta": 230, "Narasumber": 2, "Panitia": 3}
    per_asal = collections.Counter(r.kode_wilayah for r in rows if r.peran == "Peserta")
    kecamatan = [k.kode for k in wilayah.children("18.72")]
    kelurahan = [d.kode for k in kecamatan for d in wilayah.children(k)]
    assert {k: per_asal[k] for k in kecamatan} == dict.fromkeys(kecamatan, 2)
    assert {k: per_asal[k] for k in kelurahan} == dict.fromkeys(kelurahan, 10)
    linked = sum(r.kader_id is not None for r in rows)
    assert 180 <= linked <= 220
    assert all(q.terisi == q.kuota for q in list_kuota(kid)) and len(list_kuota(kid)) == 27
    assert [r.no_urut for r in rows] == list(range(1, 236))
    assert all(len(r.kode) == 6 and set(r.kode) <= set(KODE_ALPHABET) for r in rows)
    for row in rows:  # every row passes the service's validation unchanged
        form = PesertaForm(
            **{f: getattr(row, f) for f in PesertaForm.__dataclass_fields__ if f != "id"}, id=row.id
        )
        clean = check_peserta(form)
        assert (clean.nama, clean.nik, clean.hp, clean.nip) == (row.nama, row.nik, row.hp, row.nip)


def test_partial_attendance(store) -> None:
    load_demo()
    kid = _by_name()[BIMTEK_NAMA]
    day1, day2, day3 = (count_hari(h.id) for h in get_kegiatan(kid).hari)
    assert day1.total == 235
    assert 0.9 * 235 <= day1.hadir < 235 and day1.izin + day1.sakit > 0
    assert 0.7 * 235 <= day2.hadir < day1.hadir
    assert day3.hadir == day3.izin == day3.sakit == 0


def test_rakor_in_the_future(store) -> None:
    load_demo()
    kid = _by_name()[RAKOR_NAMA]
    detail = get_kegiatan(kid)
    assert detail.form.tanggal_mulai > date.today() and detail.form.status == "rencana"
    assert len(list_peserta(kid)) == 40
    assert list_kegiatan()[0].nama == BIMTEK_NAMA  # running first, then upcoming


def test_deterministic_and_replaced_by_force(store) -> None:
    load_demo()
    first = [(p.nama, p.kode, p.nik) for p in Peserta.select().order_by(Peserta.id)]
    marks = Kehadiran.select().count()
    load_demo(force=True)
    assert [(p.nama, p.kode, p.nik) for p in Peserta.select().order_by(Peserta.id)] == first
    assert Kehadiran.select().count() == marks
    assert len(list_kegiatan()) == 3  # bimtek, upcoming rakor, past rakor with its notulen
    assert Riwayat.select().count() == 2  # one bulk audit row per load


def test_forced_reload_does_not_duplicate_the_demo_rencana_aksi(store) -> None:
    from db.models import RencanaAksi

    load_demo()
    count = RencanaAksi.select().count()
    assert count >= 2  # made from the past rakor's decisions
    load_demo(force=True)
    assert RencanaAksi.select().count() == count
    assert all(r.notulen_keputusan_id for r in RencanaAksi.select() if r.sumber == "notulen")


def test_deleting_a_kegiatan_turns_its_decisions_rencana_aksi_manual(store) -> None:
    from db.models import RencanaAksi
    from db.services.demo_notulen import NAMA
    from db.services.kegiatan import delete_kegiatan

    load_demo()
    (rakor,) = [k for k in list_kegiatan() if k.nama == NAMA]
    linked = [r.id for r in RencanaAksi.select().where(RencanaAksi.sumber == "notulen")]
    assert linked
    delete_kegiatan(rakor.id, force=True)
    after = {r.id: (r.sumber, r.notulen_keputusan_id) for r in RencanaAksi.select()}
    assert all(after[i] == ("manual", None) for i in linked)
