"""What to print before a kegiatan document is built: day, paper, order, phone column, blank rows,
who signs — each field shown only for the documents it applies to (the same choices as the
``cetak`` CLI flags).

The last choices are remembered per kegiatan for the session (:func:`remember`), so printing
day 2 after day 1 needs only Enter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.services.kegiatan import HariRow
from db.services.kegiatan_print import PrintOptions, TerimaOptions
from db.services.penandatangan import SignatoryData, list_signatories
from reports.formatting import tanggal_panjang

# document kind → the fields it asks for
FIELDS: dict[str, tuple[str, ...]] = {
    "daftar_hadir": ("hari", "kertas", "urutan", "hp", "baris", "penandatangan"),
    "rekap": ("kertas", "urutan", "penandatangan"),
    "rekap_asal": ("kertas", "penandatangan"),
    "belum_hadir": ("hari", "kertas", "urutan", "hp", "penandatangan"),
    "tanda_pengenal": ("kertas", "urutan"),
    "daftar_peserta": ("kertas", "urutan", "hp", "penandatangan"),
    "tanda_terima": ("jenis", "hari", "kertas", "urutan", "penandatangan", "ppk", "bendahara"),
}
ONE_DAY = ("belum_hadir",)  # documents of a single day: no "Semua hari" choice
MAX_BLANK_ROWS = 100
MIN_COMBO_CHARS = 30


@dataclass(frozen=True)
class CetakChoices:
    """Every option of every kegiatan document; each document reads the ones it needs."""

    hari_ke: int | None = None  # None: every day / the whole kegiatan
    kertas: str = ""  # "a4" / "f4"; "" = the office profile's paper
    order: str = "asal"
    hp: str = "samar"
    blank_rows: int = 0
    signatory_id: int | None = None
    jenis: str = "transport"
    ppk_id: int | None = None
    bendahara_id: int | None = None

    def print_options(self) -> PrintOptions:
        return PrintOptions(kertas=self.kertas, order=self.order, hp=self.hp, blank_rows=self.blank_rows,
                            signatory_id=self.signatory_id)  # fmt: skip

    def terima_options(self) -> TerimaOptions:
        return TerimaOptions(jenis=self.jenis, hari_ke=self.hari_ke, ppk_id=self.ppk_id,
                             bendahara_id=self.bendahara_id)  # fmt: skip


_remembered: dict[int, CetakChoices] = {}


def remembered(kegiatan_id: int) -> CetakChoices | None:
    return _remembered.get(kegiatan_id)


def remember(kegiatan_id: int, choices: CetakChoices) -> None:
    _remembered[kegiatan_id] = choices


def forget(kegiatan_id: int) -> None:
    """Drop the remembered choices (a deleted kegiatan, a fresh database in tests)."""
    _remembered.pop(kegiatan_id, None)


class CetakKegiatanDialog(QDialog):
    """Options for one document ``kind`` (a key of :data:`FIELDS`); read them with :meth:`choices`."""

    def __init__(self, kind: str, days: list[HariRow], initial: CetakChoices, paper: str,
                 parent: QWidget | None = None, *, fresh: bool = True) -> None:  # fmt: skip
        """``paper``: the office profile's paper; ``fresh``: nothing chosen yet for this kegiatan
        (then the PPK and bendahara are guessed from the signatories' jabatan)."""
        super().__init__(parent)
        self.kind = kind
        self._initial = initial
        self._fresh = fresh
        self.setWindowTitle(self._titles()[kind])
        signers = list_signatories(active_only=True)
        self.hari_combo = self._combo(self._day_items(kind, days), initial.hari_ke)
        self.kertas_combo = self._combo([("A4", "a4"), (self.tr("F4 (folio)"), "f4")],
                                        (initial.kertas or paper or "a4").lower())  # fmt: skip
        self.urutan_combo = self._combo(
            [(self.tr("Asal, lalu nama"), "asal"), (self.tr("Nomor urut peserta"), "nomor")], initial.order
        )
        self.hp_combo = self._combo([(self.tr("Disamarkan (0812-****-789)"), "samar"),
                                     (self.tr("Lengkap"), "lengkap"),
                                     (self.tr("Dikosongkan, diisi tangan"), "kosong")], initial.hp)  # fmt: skip
        self.baris_spin = QSpinBox()
        self.baris_spin.setRange(0, MAX_BLANK_ROWS)
        self.baris_spin.setValue(initial.blank_rows)
        self.baris_spin.setSuffix(self.tr(" baris"))
        self.jenis_combo = self._combo([(self.tr("Uang transport (peserta, undangan, panitia)"), "transport"),
                                        (self.tr("Honorarium (narasumber, moderator)"), "honorarium")],
                                       initial.jenis)  # fmt: skip
        blank = self.tr("– dikosongkan, diisi tangan –")
        self.penandatangan_combo = self._signer_combo(
            signers, self.tr("Ketua panitia kegiatan"), initial.signatory_id
        )
        self.ppk_combo = self._signer_combo(signers, blank, initial.ppk_id, "pembuat komitmen")
        self.bendahara_combo = self._signer_combo(signers, blank, initial.bendahara_id, "bendahara")
        self._layout(kind)

    # ------------------------------------------------------------------ construction
    def _titles(self) -> dict[str, str]:
        return {"daftar_hadir": self.tr("Cetak daftar hadir"), "rekap": self.tr("Cetak rekap kehadiran"),
                "tanda_pengenal": self.tr("Cetak tanda pengenal"), "daftar_peserta": self.tr("Cetak daftar peserta"),
                "tanda_terima": self.tr("Cetak tanda terima"),
                "rekap_asal": self.tr("Cetak rekap kehadiran per asal"),
                "belum_hadir": self.tr("Cetak daftar belum hadir")}  # fmt: skip

    def _day_items(self, kind: str, days: list[HariRow]) -> list[tuple[str, object]]:
        """The held days, after "every day" unless the document is about one day only."""
        every = self.tr("Seluruh kegiatan") if kind == "tanda_terima" else self.tr("Semua hari")
        items: list[tuple[str, object]] = [] if kind in ONE_DAY else [(every, None)]
        items += [
            (self.tr("Hari ke-{0} — {1}").format(d.hari_ke, tanggal_panjang(d.tanggal)), d.hari_ke)
            for d in days
        ]
        return items

    @staticmethod
    def _combo(items: list[tuple[str, object]], current: object) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(MIN_COMBO_CHARS)  # long signatory names must not squeeze the labels
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        return combo

    def _signer_combo(self, signers: list[SignatoryData], first: str, current: int | None,
                      guess: str = "") -> QComboBox:  # fmt: skip
        """``guess`` preselects a signatory whose jabatan names the role when nothing was chosen yet."""
        combo = self._combo([(first, None)] + [(f"{s.nama} — {s.jabatan}", s.id) for s in signers], current)
        if current is None and guess and self._fresh:
            match = next((s for s in signers if guess in s.jabatan.casefold()), None)
            if match is not None:
                combo.setCurrentIndex(combo.findData(match.id))
        return combo

    def _layout(self, kind: str) -> None:
        rows = {
            "jenis": (self.tr("Jenis"), self.jenis_combo),
            "hari": (self.tr("Hari"), self.hari_combo),
            "kertas": (self.tr("Kertas"), self.kertas_combo),
            "urutan": (self.tr("Urutan"), self.urutan_combo),
            "hp": (self.tr("Kolom No. HP"), self.hp_combo),
            "baris": (self.tr("Baris kosong di akhir"), self.baris_spin),
            "penandatangan": (self.tr("Mengetahui"), self.penandatangan_combo),
            "ppk": (self.tr("Pejabat Pembuat Komitmen"), self.ppk_combo),
            "bendahara": (self.tr("Bendahara Pengeluaran"), self.bendahara_combo),
        }
        if kind == "tanda_terima":
            rows["penandatangan"] = (self.tr("Pembuat daftar"), self.penandatangan_combo)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        for name in FIELDS[kind]:
            label, widget = rows[name]
            form.addRow(label, widget)
            if name == "baris":
                note = QLabel(self.tr("Baris bernomor kosong untuk peserta yang datang tanpa terdaftar."))
                note.setObjectName("muted")
                note.setWordWrap(True)
                form.addRow("", note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Pratinjau"))
        ok.setProperty("primary", True)
        ok.setDefault(True)
        self.ok_button = ok
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    # ------------------------------------------------------------------ result
    def choices(self) -> CetakChoices:
        """The chosen values; fields the dialog did not show keep their earlier values."""
        values = {
            "hari": ("hari_ke", self.hari_combo.currentData()),
            "kertas": ("kertas", self.kertas_combo.currentData()),
            "urutan": ("order", self.urutan_combo.currentData()),
            "hp": ("hp", self.hp_combo.currentData()),
            "baris": ("blank_rows", self.baris_spin.value()),
            "penandatangan": ("signatory_id", self.penandatangan_combo.currentData()),
            "jenis": ("jenis", self.jenis_combo.currentData()),
            "ppk": ("ppk_id", self.ppk_combo.currentData()),
            "bendahara": ("bendahara_id", self.bendahara_combo.currentData()),
        }
        return replace(self._initial, **dict(values[name] for name in FIELDS[self.kind]))
