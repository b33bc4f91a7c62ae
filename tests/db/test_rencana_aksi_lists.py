"""Editing the rencana aksi choice lists (Pengaturan → Daftar pilihan): add, rename, remove, move,
restore; each change is audited, and items keep a value that left the list."""

from __future__ import annotations

import pytest

from db.errors import ValidationError
from db.models import Riwayat
from db.services import rencana_aksi as ra
from db.services import rencana_aksi_lists as lists
from tests.db.rencana_aksi_samples import make_items


def test_add_rename_move_remove_restore(store) -> None:
    assert lists.choice_list("bidang").is_default
    added = lists.add_choice("bidang", "  Kependudukan  ")
    assert added.values[-1] == "Kependudukan" and not added.is_default
    assert lists.bidang_list()[-1] == "Kependudukan"

    renamed = lists.rename_choice("sumber_dana", "DD", "Dana Desa")
    assert renamed.values[:3] == ("APBD", "APBDes", "Dana Desa")

    assert lists.move_choice("opd", "Puskesmas", -1).values[:3] == ("Kecamatan", "Puskesmas", "Kelurahan")
    assert lists.move_choice("opd", "Puskesmas", -5).values[0] == "Puskesmas"  # stops at the top
    last = lists.opd_list()[-1]
    assert lists.move_choice("opd", last, 1).values[-1] == last

    assert "BOK" not in lists.remove_choice("sumber_dana", "BOK").values
    assert lists.restore_default_list("sumber_dana").values == lists.DEFAULT_SUMBER_DANA
    assert lists.opd_list()[0] == "Puskesmas", "restoring one list leaves the others alone"


def test_blank_repeat_unknown_and_last_value_are_refused(store) -> None:
    with pytest.raises(ValidationError, match="kosong"):
        lists.add_choice("opd", "   ")
    with pytest.raises(ValidationError, match="sudah ada"):
        lists.add_choice("opd", "puskes mas")
    with pytest.raises(ValidationError, match="sudah ada"):
        lists.rename_choice("opd", "KUA", "Babinsa")
    assert lists.rename_choice("opd", "KUA", "kua").values[5] == "kua"  # its own spelling may change
    with pytest.raises(ValidationError, match="tidak ada"):
        lists.remove_choice("bidang", "Perikanan")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        lists.choice_list("status")
    lists.set_bidang_list(["Kesehatan"])
    with pytest.raises(ValidationError, match="paling sedikit satu"):
        lists.remove_choice("bidang", "Kesehatan")
    assert lists.bidang_list() == ("Kesehatan",)


def test_a_removed_value_stays_on_its_items_and_groups_last(store) -> None:
    ids = make_items()
    counts = lists.usage_counts("opd")
    assert counts["Puskesmas"] == 2 and sum(counts.values()) == len(ids)
    lists.remove_choice("opd", "Puskesmas")
    assert lists.usage_counts("opd")["Puskesmas"] == 2, "still counted: the items keep it"
    item = ra.get_rencana_aksi(ids["k1"])
    assert item.opd == "Puskesmas"
    ra.save_rencana_aksi(item)  # saving it again keeps the value, even though it is not listed
    assert ra.get_rencana_aksi(ids["k1"]).opd == "Puskesmas"
    groups = ra.group_items(ra.list_rencana_aksi(ra.RencanaAksiFilter()), "opd")
    assert groups[-1].nama == "Puskesmas", "an unlisted value groups after the listed ones"


def test_every_change_is_one_audit_row(store) -> None:
    before = Riwayat.select().count()
    lists.add_choice("bidang", "Kependudukan")
    lists.move_choice("bidang", "Kependudukan", -1)
    lists.remove_choice("bidang", "Kependudukan")
    rows = list(Riwayat.select().order_by(Riwayat.id))[before:]
    assert len(rows) == 3 and {r.entitas for r in rows} == {"pengaturan"}
