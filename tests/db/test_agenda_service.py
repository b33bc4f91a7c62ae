"""Susunan acara service: a 6-item day, reorder with re-chained times, recompute, overlap and gap
flags after a manual edit, the linked narasumber, materi rows, the idempotent "Evaluasi rencana
aksi" item, and one audit row per write."""

from __future__ import annotations

import json
from datetime import date

import pytest

from db.database import db
from db.errors import NotFound, ValidationError
from db.services import agenda as ag
from db.services.agenda_times import Slot, flags, recompute, settle
from db.services.kegiatan import KegiatanForm, save_kegiatan
from db.services.peserta import PesertaForm, remove_peserta, save_peserta

SIX = (("Registrasi peserta", 30, ""), ("Pembukaan", 30, ""), ("Kebijakan Posyandu ILP", 90, "Dasar"),
       ("ISHOMA", 60, ""), ("Pemantauan pertumbuhan balita", 120, "Inti"), ("Penutupan", 15, ""))  # fmt: skip


@pytest.fixture
def kegiatan(store) -> int:  # noqa: ANN001
    return save_kegiatan(
        KegiatanForm(
            "Bimtek/Pelatihan", "Bimtek Kader", date(2026, 11, 23), date(2026, 11, 25), tempat="Aula"
        )
    )


def audit_rows(action: str | None = None) -> list[tuple[str, int | None, dict]]:
    sql = "SELECT aksi, entitas_id, perubahan FROM riwayat WHERE entitas = 'agenda'"
    rows = [(a, i, json.loads(p)) for a, i, p in db.execute_sql(sql + " ORDER BY id")]
    return [r for r in rows if action is None or r[0] == action]


def six_items(kegiatan_id: int) -> list[int]:
    ids = []
    for n, (acara, menit, kelompok) in enumerate(SIX):
        form = ag.AgendaForm(kegiatan_id, acara, 1, durasi_menit=menit, kelompok=kelompok,
                             jpl_t=2 if kelompok else 0, jpl_p=1 if kelompok == "Inti" else 0,
                             jam_mulai="08:00" if n == 0 else "")  # fmt: skip
        ids.append(ag.save_agenda(form))
    return ids


def times(kegiatan_id: int, hari_ke: int = 1) -> list[tuple[str, str, str]]:
    return [(r.acara, r.jam_mulai, r.jam_selesai) for r in ag.list_agenda(kegiatan_id, hari_ke)]


def test_six_items_chain_from_the_first_start(kegiatan: int) -> None:
    six_items(kegiatan)
    assert times(kegiatan) == [
        ("Registrasi peserta", "08:00", "08:30"),
        ("Pembukaan", "08:30", "09:00"),
        ("Kebijakan Posyandu ILP", "09:00", "10:30"),
        ("ISHOMA", "10:30", "11:30"),
        ("Pemantauan pertumbuhan balita", "11:30", "13:30"),
        ("Penutupan", "13:30", "13:45"),
    ]
    rows = ag.list_agenda(kegiatan)
    assert [r.urutan for r in rows] == [1, 2, 3, 4, 5, 6]
    assert not any(r.bentrok or r.jeda_menit for r in rows)
    assert len(audit_rows("tambah")) == 6


def test_move_down_and_up_rechain_times_and_audit_once(kegiatan: int) -> None:
    ids = six_items(kegiatan)
    before = len(audit_rows())
    assert ag.move_agenda(ids[2], +1)  # Kebijakan after ISHOMA
    assert times(kegiatan)[2:5] == [
        ("ISHOMA", "09:00", "10:00"),
        ("Kebijakan Posyandu ILP", "10:00", "11:30"),
        ("Pemantauan pertumbuhan balita", "11:30", "13:30"),
    ]
    assert len(audit_rows()) == before + 1
    assert audit_rows("urutkan")[-1][2]["urutan"][2:4] == ["ISHOMA", "Kebijakan Posyandu ILP"]
    assert ag.move_agenda(ids[0], +1)  # the first item moves: the new first keeps the day's start
    assert times(kegiatan)[0] == ("Pembukaan", "08:00", "08:30")
    assert not ag.move_agenda(ids[5], +1)  # already last
    assert not ag.move_agenda(ag.list_agenda(kegiatan)[0].id, -1)


def test_manual_edit_flags_overlap_and_gap_until_recomputed(kegiatan: int) -> None:
    ids = six_items(kegiatan)
    form = ag.get_agenda(ids[3])
    ag.save_agenda(ag.AgendaForm(**{**form.__dict__, "jam_mulai": "10:00", "jam_selesai": "11:00"}))
    rows = ag.list_agenda(kegiatan)
    assert rows[3].bentrok and not rows[2].bentrok  # ISHOMA starts before Kebijakan ends (10:30)
    assert rows[3].durasi_menit == 60
    ag.save_agenda(ag.AgendaForm(**{**form.__dict__, "jam_mulai": "11:00", "jam_selesai": "12:00"}))
    rows = ag.list_agenda(kegiatan)
    assert not rows[3].bentrok and rows[3].jeda_menit == 30
    assert rows[4].bentrok  # 11:30 start, ISHOMA now ends 12:00
    assert ag.recompute_times(kegiatan, 1) == 1  # ISHOMA back to 10:30–11:30; the rest already fit
    assert not any(r.bentrok or r.jeda_menit for r in ag.list_agenda(kegiatan))
    assert audit_rows("ubah")[-1][2] == {"hari_ke": 1, "jam_dihitung_ulang": 1}


def test_validation_messages(kegiatan: int) -> None:
    with pytest.raises(ValidationError) as error:
        ag.save_agenda(ag.AgendaForm(kegiatan, " ", 1, "09:00", "08:00", jpl_t=-1, kelompok="Lain"))
    assert set(error.value.problems) == {"acara", "jam_selesai", "jpl_t", "kelompok"}
    with pytest.raises(ValidationError, match="JPL hanya"):
        ag.save_agenda(ag.AgendaForm(kegiatan, "Pembukaan", 1, "08:00", durasi_menit=30, jpl_t=1))
    with pytest.raises(ValidationError, match="24.00"):
        ag.save_agenda(ag.AgendaForm(kegiatan, "Malam", 1, "23:00", durasi_menit=90))
    with pytest.raises(NotFound, match="hari ke-9"):
        ag.save_agenda(ag.AgendaForm(kegiatan, "Materi", 9, "08:00", durasi_menit=30))
    assert audit_rows() == []


def test_linked_narasumber_name_survives_removal(kegiatan: int) -> None:
    dokter = save_peserta(
        PesertaForm(kegiatan, "dr. Hendra Wijaya, M.Kes.", asal_opd="Dinkes", peran="Narasumber")
    )
    save_peserta(PesertaForm(kegiatan, "Siti Aminah", asal_opd="Kel. Yosodadi"))
    assert ag.narasumber_choices(kegiatan) == [(dokter, "dr. Hendra Wijaya, M.Kes.")]
    item = ag.save_agenda(ag.AgendaForm(kegiatan, "Gizi balita", 1, "08:00", durasi_menit=45,
                                        narasumber_peserta_id=dokter, narasumber="diabaikan"))  # fmt: skip
    assert ag.list_agenda(kegiatan)[0].narasumber == "dr. Hendra Wijaya, M.Kes."
    remove_peserta(dokter)
    row = ag.list_agenda(kegiatan)[0]
    assert (row.narasumber, row.narasumber_peserta_id) == ("dr. Hendra Wijaya, M.Kes.", None)
    assert ag.get_agenda(item).narasumber_peserta_id is None


def test_materi_rows_in_agenda_order_across_days(kegiatan: int) -> None:
    six_items(kegiatan)
    ag.save_agenda(ag.AgendaForm(kegiatan, "Building learning commitment", 2, "08:00", durasi_menit=45,
                                 kelompok="Penunjang", jpl_p=1))  # fmt: skip
    rows = ag.materi_rows(kegiatan)
    assert [(m.kelompok, m.materi, m.t, m.p, m.pl) for m in rows] == [
        ("Dasar", "Kebijakan Posyandu ILP", 2, 0, 0),
        ("Inti", "Pemantauan pertumbuhan balita", 2, 1, 0),
        ("Penunjang", "Building learning commitment", 0, 1, 0),
    ]


def test_evaluasi_rencana_aksi_goes_before_the_closing_item_once(kegiatan: int) -> None:
    ids = six_items(kegiatan)
    new_id = ag.add_evaluasi_rencana_aksi(kegiatan)
    assert ag.add_evaluasi_rencana_aksi(kegiatan) == new_id
    assert ag.add_evaluasi_rencana_aksi(kegiatan, 2) == new_id
    rows = ag.list_agenda(kegiatan)
    assert [r.acara for r in rows][-2:] == [ag.EVALUASI_RENCANA_AKSI, "Penutupan"]
    assert times(kegiatan)[-2:] == [
        (ag.EVALUASI_RENCANA_AKSI, "13:30", "14:30"),
        ("Penutupan", "14:30", "14:45"),
    ]
    assert len(rows) == 7 and rows[-1].id == ids[-1]


def test_delete_closes_urutan_and_leaves_a_flagged_gap(kegiatan: int) -> None:
    ids = six_items(kegiatan)
    ag.delete_agenda(ids[1])
    rows = ag.list_agenda(kegiatan)
    assert [r.urutan for r in rows] == [1, 2, 3, 4, 5]
    assert rows[1].jeda_menit == 30
    assert audit_rows("hapus")[0][2]["acara"] == "Pembukaan"
    with pytest.raises(NotFound):
        ag.delete_agenda(ids[1])


def test_reorder_must_name_every_item(kegiatan: int) -> None:
    ids = six_items(kegiatan)
    with pytest.raises(ValidationError):
        ag.reorder_agenda(kegiatan, 1, ids[:-1])
    ag.reorder_agenda(kegiatan, 1, list(reversed(ids)))
    assert [r.acara for r in ag.list_agenda(kegiatan)][0] == "Penutupan"
    assert times(kegiatan)[0] == ("Penutupan", "08:00", "08:15")


def test_time_helpers() -> None:
    assert settle("08:00", "", 45) == Slot("08:00", "08:45", 45)
    assert settle("", "10:00", 30) == Slot("09:30", "10:00", 30)
    assert settle("8.15", "09:00", 5) == Slot("08:15", "09:00", 45)
    chained = recompute([Slot("", "", 30), Slot("07:00", "", 15)], "09:00")
    assert chained == [Slot("09:00", "09:30", 30), Slot("09:30", "09:45", 15)]
    marks = flags([Slot("08:00", "09:00", 60), Slot("08:30", "09:30", 60), Slot("10:00", "10:30", 30)])
    assert [(m.bentrok, m.jeda_menit) for m in marks] == [(False, 0), (True, 0), (False, 30)]
