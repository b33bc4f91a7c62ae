"""Clock arithmetic of a susunan acara: ``HH:MM`` strings, durations, recompute and overlap flags.

Pure functions on plain values, no database, so the rules are tested on their own and the
service (:mod:`db.services.agenda`) only stores what they return. An agenda day lies within one
calendar day: an item ending after 24:00 is refused rather than wrapped to the next morning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.errors import ValidationError
from db.services.kegiatan import normalise_jam

DAY_MINUTES = 24 * 60
DEFAULT_START = "08:00"


def to_minutes(jam: str) -> int | None:
    """``"08:30"`` → 510; ``""`` → None. Raises :class:`ValidationError` for a malformed time."""
    text = normalise_jam(jam)
    if not text:
        return None
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def from_minutes(minutes: int, field: str = "jam_selesai") -> str:
    """510 → ``"08:30"``; the last minute of a day is 23:59."""
    if not 0 <= minutes < DAY_MINUTES:
        raise ValidationError(
            "Acara melewati pukul 24.00; perpendek durasinya atau pindahkan ke hari lain.", field
        )
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def add_minutes(jam: str, minutes: int) -> str:
    start = to_minutes(jam)
    if start is None:
        return ""
    return from_minutes(start + minutes)


@dataclass(frozen=True)
class Slot:
    """The times of one item as stored."""

    jam_mulai: str
    jam_selesai: str
    durasi_menit: int


def settle(jam_mulai: str, jam_selesai: str, durasi_menit: int) -> Slot:
    """Make the three agree: with both times the duration follows them; with a start and a
    duration the end follows; a lone end time with a duration gives the start."""
    start, end = to_minutes(jam_mulai), to_minutes(jam_selesai)
    if durasi_menit < 0:
        raise ValidationError("Durasi tidak boleh negatif.", "durasi_menit")
    if start is not None and end is not None:
        if end < start:
            raise ValidationError("Jam selesai tidak boleh sebelum jam mulai.", "jam_selesai")
        return Slot(from_minutes(start), from_minutes(end), end - start)
    if start is not None:
        return Slot(from_minutes(start), from_minutes(start + durasi_menit), durasi_menit)
    if end is not None:
        return Slot(from_minutes(end - durasi_menit, "jam_mulai"), from_minutes(end), durasi_menit)
    return Slot("", "", durasi_menit)


def recompute(slots: Sequence[Slot], day_start: str = "", *, start: str = "") -> list[Slot]:
    """Chain the items: the first starts at ``start`` when given, else at its own start, else at
    ``day_start``, else 08:00; every next one where the previous ends; each keeps its duration."""
    if not slots:
        return []
    first = None
    for candidate in (start, slots[0].jam_mulai, day_start):
        first = to_minutes(candidate) if candidate else None
        if first is not None:
            break
    clock = first if first is not None else to_minutes(DEFAULT_START)
    out = []
    for slot in slots:
        end = clock + max(slot.durasi_menit, 0)
        out.append(Slot(from_minutes(clock, "jam_mulai"), from_minutes(end), slot.durasi_menit))
        clock = end
    return out


@dataclass(frozen=True)
class Flag:
    """How an item sits against the one before it on the same day."""

    bentrok: bool = False  # starts before the previous item ends
    jeda_menit: int = 0  # minutes of empty time since the previous item ended


def flags(slots: Sequence[Slot]) -> list[Flag]:
    """One flag per slot, in order; items without times are compared with nothing."""
    out: list[Flag] = []
    previous_end: int | None = None
    for slot in slots:
        start, end = to_minutes(slot.jam_mulai), to_minutes(slot.jam_selesai)
        if start is None or previous_end is None:
            out.append(Flag())
        else:
            out.append(Flag(bentrok=start < previous_end, jeda_menit=max(start - previous_end, 0)))
        if end is not None:
            previous_end = end if previous_end is None else max(previous_end, end)
    return out


def waktu_text(jam_mulai: str, jam_selesai: str, zona: str = "") -> str:
    """``08.00 – 08.30`` (dots, as printed in Indonesian letters), with the zone when given."""
    start, end = jam_mulai.replace(":", "."), jam_selesai.replace(":", ".")
    text = f"{start} – {end}" if start and end and end != start else (start or end)
    return f"{text} {zona}".strip() if text and zona else text
