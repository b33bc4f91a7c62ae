"""The Notulen tab driven as a secretary: type during the meeting, finalise, print, reopen, and turn a
decision into rencana aksi; assertions on the database, the audit trail and the PDF text."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from db.models import Riwayat
from db.services.notulen import NotulenTerkunci, require_notulen, save_fields
from db.services.notulen_print import notulen_pdf
from db.services.rencana_aksi import RencanaAksiFilter, list_rencana_aksi
from tests.ui.notulen_support import AGENDA, NOTULIS, PIMPINAN, make_rakor, open_notulen_tab
from tests.ui.pengaturan_support import click, with_modal

DECISIONS = (
    ("Setiap posyandu strata pratama dibina langsung oleh Puskesmas", "Puskesmas"),
    ("Kelas ibu balita dilaksanakan di seluruh posyandu", "TP-PKK"),
    ("Data sasaran diperbarui setiap bulan oleh kader", "Kelurahan"),
)


@pytest.fixture
def rakor(store) -> int:  # noqa: ANN001
    return make_rakor()


def _type(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def _wait_saved(qtbot, tab) -> None:  # noqa: ANN001
    qtbot.waitUntil(
        lambda: not tab.autosave.dirty and tab.saved_label.text().startswith("Tersimpan"), timeout=5000
    )


def _type_meeting(qtbot, tab) -> None:  # noqa: ANN001
    """The notulis, the pembukaan, a discussion per agenda item and three decisions (Ctrl+Enter)."""
    _type(qtbot, tab.header.edits["notulis_nama"].lineEdit(), NOTULIS)
    _type(qtbot, tab.pembukaan_edit, "Rapat dibuka oleh **Camat** pukul 08.05.\n- peserta hadir tepat waktu")
    for n, editor in enumerate(tab.pembahasan_editors, 1):
        _type(qtbot, editor.isi_edit, f"Uraian pembahasan ke-{n}.\n1. usulan pertama\n2. usulan kedua")
    for isi, pj in DECISIONS:
        qtbot.keyClick(tab.pembukaan_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        editor = tab.keputusan_editors[-1]
        assert editor.isi_edit.hasFocus()
        qtbot.keyClicks(editor.isi_edit, isi)
        qtbot.keyClick(editor.isi_edit, Qt.Key.Key_Tab)  # Tab moves on, to the penanggung jawab
        assert editor.pj_edit.hasFocus()
        qtbot.keyClicks(editor.pj_edit, pj)
    _type(qtbot, tab.penutupan_edit, "Rapat ditutup dengan doa.")
    _type(qtbot, tab.jam_tutup_edit, "11:45")
    _wait_saved(qtbot, tab)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _in_order(text: str, parts: list[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found + len(part)


def test_type_finalise_and_print(rakor, store, qtbot, no_dialogs, tmp_path) -> None:  # noqa: ANN001
    page, tab = open_notulen_tab(store, qtbot, rakor)
    assert [e.judul_edit.text() for e in tab.pembahasan_editors] == [a for a, _ in AGENDA]
    _type_meeting(qtbot, tab)
    view = require_notulen(rakor)
    assert view.notulis_nama == NOTULIS and view.jam_tutup == "11:45"
    assert [(k.isi, k.penanggung_jawab) for k in view.keputusan] == list(DECISIONS)
    assert view.pembahasan[5].isi.endswith("2. usulan kedua")
    assert view.peserta_hadir == 6
    click(qtbot, tab.finalize_button)
    assert require_notulen(rakor).status == "final" and tab.pembukaan_edit.isReadOnly()
    assert not tab.add_keputusan_button.isEnabled()
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: tab.actions.last_preview is not None, timeout=15000)
    assert tab.actions.last_preview.document.pageCount() >= 2  # notulen + daftar hadir
    tab.actions.last_preview.close()
    target = tmp_path / "notulen.pdf"
    assert notulen_pdf(rakor, target) >= 2
    text = _pdf_text(target)
    for field in (
        "NOTULEN RAPAT",
        "Judul rapat",
        "Rapat Koordinasi Pokjanal Posyandu Triwulan II",
        "Kamis, 14 Mei 2026",
        "08.00 – 16.00 WIB",
        "Aula Kantor Camat",
        "6 orang hadir dari 8 orang diundang (daftar hadir terlampir)",
        "Rapat ditutup pukul 11.45 WIB",
        "DAFTAR HADIR PESERTA",
    ):
        assert field in text, field
    assert "DRAF" not in text
    _in_order(
        text,
        [
            "I. PEMBUKAAN",
            "II. PEMBAHASAN",
            *(a for a, _ in AGENDA),
            "III. KESIMPULAN",
            *(d for d, _ in DECISIONS),
            "IV. PENUTUP",
            PIMPINAN[0],
            "NIP. 19750812 199903 1 004",
        ],
    )
    assert NOTULIS in text.split("IV. PENUTUP")[1]
    short = tmp_path / "tanpa.pdf"
    notulen_pdf(rakor, short, lampiran=False)
    assert "DAFTAR HADIR" not in _pdf_text(short) and "6 orang" in _pdf_text(short)


def test_final_refuses_writes_and_buka_kembali_is_logged(rakor, store, qtbot, no_dialogs) -> None:  # noqa: ANN001
    page, tab = open_notulen_tab(store, qtbot, rakor)
    _type(qtbot, tab.header.edits["notulis_nama"].lineEdit(), NOTULIS)
    _wait_saved(qtbot, tab)
    click(qtbot, tab.finalize_button)
    with pytest.raises(NotulenTerkunci, match="terkunci"):
        save_fields(rakor, {"pembukaan": "diam-diam"})
    draf_pdf = io.BytesIO()

    def reopen(dialog) -> None:  # noqa: ANN001
        ok = dialog.buttons.buttons()[0]
        assert not ok.isEnabled()  # a reason is required
        qtbot.keyClicks(dialog.reason_edit, "Nama penanggung jawab salah tulis")
        click(qtbot, ok)

    with_modal(qtbot, lambda: click(qtbot, tab.reopen_button), reopen)
    assert require_notulen(rakor).status == "draf" and not tab.pembukaan_edit.isReadOnly()
    row = Riwayat.select().where(Riwayat.entitas == "notulen").order_by(Riwayat.id.desc()).first()
    assert row.aksi == "buka_kembali"
    assert json.loads(row.perubahan)["alasan"] == "Nama penanggung jawab salah tulis"
    from db.services.notulen_print import notulen_job

    notulen_job(rakor, lampiran=False)(draf_pdf)
    assert "DRAF" in "\n".join(p.extract_text() for p in PdfReader(draf_pdf).pages)
    click(qtbot, tab.finalize_button)
    assert require_notulen(rakor).versi == 2


def test_jadikan_rencana_aksi_links_both_ways(rakor, store, qtbot, no_dialogs) -> None:  # noqa: ANN001
    page, tab = open_notulen_tab(store, qtbot, rakor)
    click(qtbot, tab.add_keputusan_button)
    editor = tab.keputusan_editors[0]
    qtbot.keyClicks(editor.isi_edit, DECISIONS[1][0])
    qtbot.keyClicks(editor.pj_edit, "TP-PKK")
    editor.tenggat_edit.setDate(QDate(2026, 9, 30))
    seen: dict[str, str] = {}

    def save(dialog) -> None:  # noqa: ANN001
        panel = dialog.panel
        seen.update(
            aksi=panel.aksi_edit.toPlainText(),
            opd=panel.opd_combo.currentText(),
            source=panel.source_label.text(),
            due=panel.jatuh_tempo_edit.date().toString("yyyy-MM-dd"),
        )
        click(qtbot, panel.save_button)

    for _ in range(2):  # one decision, two items
        with_modal(qtbot, lambda: click(qtbot, tab.keputusan_editors[0].rencana_button), save)
    assert seen["aksi"] == DECISIONS[1][0] and seen["opd"] == "TP-PKK" and seen["due"] == "2026-09-30"
    assert seen["source"].startswith("Sumber: Keputusan no. 1 — Rapat Koordinasi Pokjanal")
    keputusan = require_notulen(rakor).keputusan[0]
    items = list_rencana_aksi(RencanaAksiFilter(notulen_keputusan_id=keputusan.id))
    assert [i.id for i in items] == list(keputusan.rencana_aksi_ids) and len(items) == 2
    assert all(i.form.sumber == "notulen" and i.form.tahun == 2026 for i in items)
    label = tab.keputusan_editors[0].link_label.text()
    assert "Tindak lanjut: 2 rencana aksi" in label and "Belum mulai" in label
    from db.services.rencana_aksi import set_status

    set_status(items[0].id, "Berjalan")
    page._ctx.bus.rencanaAksiChanged.emit()
    assert "Berjalan" in tab.keputusan_editors[0].link_label.text()  # the notulen shows the current status
    click(qtbot, tab.keputusan_editors[0].remove_button)
    assert require_notulen(rakor).keputusan == ()
    assert all(i.form.notulen_keputusan_id is None for i in list_rencana_aksi())
    assert date(2026, 9, 30) in {i.form.jatuh_tempo for i in list_rencana_aksi()}
