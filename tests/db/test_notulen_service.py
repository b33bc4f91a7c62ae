"""Notulen service: prefill from the kegiatan and agenda, locking, buka kembali, audit bursts, the
rencana aksi link both ways."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from db.errors import DomainError, ValidationError
from db.models import Riwayat
from db.services import notulen as svc
from db.services.agenda import AgendaForm, save_agenda
from db.services.kegiatan import KegiatanForm, save_kegiatan
from db.services.notulen_isi import add_pembahasan, save_pembahasan, sync_agenda
from db.services.notulen_keputusan import (
    add_keputusan,
    delete_keputusan,
    keputusan_label,
    rencana_aksi_form,
    save_keputusan,
)
from db.services.rencana_aksi import get_rencana_aksi, save_rencana_aksi

DAY = date(2026, 5, 14)
AGENDA = ("Pembukaan", "Laporan Ketua Pokjanal", "Evaluasi strata posyandu", "Rencana kerja triwulan",
          "Tanya jawab", "Penutup")  # fmt: skip


def make_rakor(agenda: bool = True) -> int:
    kid = save_kegiatan(KegiatanForm("Rakor", "Rakor Pokjanal Triwulan II", DAY, DAY, tempat="Aula Kecamatan",
                                     penanggung_jawab="Bambang Suryanto"))  # fmt: skip
    if agenda:
        for n, acara in enumerate(AGENDA):
            save_agenda(AgendaForm(kid, acara, jam_mulai=f"{8 + n:02d}:00", jam_selesai=f"{8 + n:02d}:45",
                                   narasumber=f"Pembicara {n + 1}"))  # fmt: skip
    return kid


def riwayat(entity: str = "notulen") -> list[Riwayat]:
    return list(Riwayat.select().where(Riwayat.entitas == entity).order_by(Riwayat.id))


def test_created_from_kegiatan_with_one_pembahasan_per_agenda_item(store) -> None:
    kid = make_rakor()
    assert svc.get_notulen(kid) is None
    view = svc.ensure_notulen(kid)
    assert (view.judul, view.tanggal, view.tempat, view.status, view.versi) == (
        "Rakor Pokjanal Triwulan II",
        DAY,
        "Aula Kecamatan",
        "draf",
        0,
    )
    assert view.jam_mulai == "08:00" and view.pimpinan_nama == "Bambang Suryanto"
    assert [p.judul for p in view.pembahasan] == list(AGENDA)
    assert view.pembahasan[1].pembicara == "Pembicara 2"
    assert view.acara.splitlines()[0] == "1. Pembukaan"
    assert svc.ensure_notulen(kid).id == view.id  # get-or-create
    save_agenda(AgendaForm(kid, "Doa", jam_mulai="14:00", jam_selesai="14:10"))
    assert sync_agenda(kid) == 1 and sync_agenda(kid) == 0


def test_final_is_locked_reopen_needs_a_reason_and_is_logged(store) -> None:
    kid = make_rakor(agenda=False)
    svc.ensure_notulen(kid)
    with pytest.raises(ValidationError) as problem:
        svc.finalize(kid)
    assert "notulis_nama" in problem.value.problems
    svc.save_fields(kid, {"notulis_nama": "Rina Marlina", "pembukaan": "Dibuka pukul 08.05."})
    keputusan = add_keputusan(kid, "Posyandu strata pratama dibina", "Puskesmas", date(2026, 6, 30))
    final = svc.finalize(kid)
    assert (final.status, final.versi) == ("final", 1) and final.difinalkan
    for write in (
        lambda: svc.save_fields(kid, {"pembukaan": "diubah"}),
        lambda: add_keputusan(kid, "baru"),
        lambda: save_keputusan(keputusan, {"isi": "x"}),
        lambda: add_pembahasan(kid, "Lain-lain"),
        lambda: delete_keputusan(keputusan),
    ):
        with pytest.raises(svc.NotulenTerkunci, match="terkunci"):
            write()
    assert svc.require_notulen(kid).pembukaan == "Dibuka pukul 08.05."
    with pytest.raises(ValidationError):
        svc.reopen(kid, "")
    svc.mark_terkirim(kid, date(2026, 5, 20))
    assert svc.require_notulen(kid).status == "terkirim"
    reopened = svc.reopen(kid, "Salah tulis nama penanggung jawab")
    assert reopened.status == "draf" and reopened.terkirim_tanggal is None
    last = riwayat()[-1]
    assert last.aksi == "buka_kembali" and json.loads(last.perubahan)["alasan"].startswith("Salah tulis")
    with pytest.raises(DomainError):
        svc.mark_terkirim(kid, date(2026, 5, 21))  # a draf is never sent
    assert svc.finalize(kid).versi == 2


def test_autosaves_coalesce_into_one_audit_row_per_burst(store, monkeypatch) -> None:
    kid = make_rakor()
    view = svc.ensure_notulen(kid)
    before = len(riwayat())
    text = ""
    for word in ["Ketua", "membuka", "rapat", "dan", "menyampaikan", "agenda"]:
        text += word + " "
        svc.save_fields(kid, {"pembukaan": text})
        save_pembahasan(view.pembahasan[0].id, {"isi": text})
    rows = riwayat()[before:]
    assert len(rows) == 1 and rows[0].aksi == "sunting"
    changes = json.loads(rows[0].perubahan)
    assert changes["pembukaan"] == ["", text] and changes["pembahasan 1: isi"] == ["", text]
    add_keputusan(kid, "Satu")  # another action closes the burst
    svc.save_fields(kid, {"pembukaan": text + "lagi"})
    assert [r.aksi for r in riwayat()[before:]] == ["sunting", "tambah", "sunting"]
    # a burst lasts at most ten minutes: age the open row, the next save starts a new one
    Riwayat.update(waktu=(datetime.now() - timedelta(minutes=11)).isoformat(timespec="seconds")).where(
        Riwayat.id == riwayat()[-1].id
    ).execute()
    svc.save_fields(kid, {"pembukaan": text + "lagi dan lagi"})
    assert [r.aksi for r in riwayat()[before:]].count("sunting") == 3


def test_keputusan_becomes_rencana_aksi_and_the_link_shows_both_ways(store) -> None:
    kid = make_rakor(agenda=False)
    svc.ensure_notulen(kid)
    add_keputusan(kid, "Satu")
    second = add_keputusan(kid, "Kelas ibu balita di tiap posyandu", "Puskesmas", date(2026, 8, 31))
    form = rencana_aksi_form(second)
    assert (form.aksi, form.opd, form.jatuh_tempo, form.tahun, form.sumber) == (
        "Kelas ibu balita di tiap posyandu",
        "Puskesmas",
        date(2026, 8, 31),
        2026,
        "notulen",
    )
    first_item = save_rencana_aksi(form)
    second_item = save_rencana_aksi(form)  # one decision, several items
    view = svc.require_notulen(kid)
    assert view.keputusan[1].rencana_aksi_ids == (first_item, second_item)
    assert view.keputusan[1].rencana_aksi[0].status == "Belum mulai"
    assert keputusan_label(second) == "Keputusan no. 2 — Rakor Pokjanal Triwulan II (14 Mei 2026)"
    assert delete_keputusan(second) == 2
    item = get_rencana_aksi(first_item)
    assert (item.sumber, item.notulen_keputusan_id) == ("manual", None)
    save_rencana_aksi(item)  # still valid after the unlink
