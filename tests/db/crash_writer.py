"""Child process for tests/db/test_crash_safety.py (RELIABILITY R1): random committed writes
through the real services on a real file, until the parent kills it with SIGKILL.

Usage: ``python crash_writer.py DATA_DIR SEED``. Before each write it prints ``TRY <kind> <key>
<value>`` and after the service call returned (the transaction is committed) ``ACK <kind> <key>
<value>``, each line flushed, so the parent knows exactly which writes were acknowledged.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.paths import DataPaths  # noqa: E402
from db.services import penandatangan, profile, settings  # noqa: E402
from db.session import DataStore  # noqa: E402

NON_LATIN = "ꦱꦶꦠꦶ سيتي 王"
FIRST_JABATAN = f"Camat {NON_LATIN}"


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def write_setting(seed: int, i: int, rng: random.Random) -> None:
    key = f"uji.{seed}.{i}"
    say("TRY set", key, i)
    settings.set_setting(key, {"n": i, "teks": NON_LATIN, "isi": "x" * rng.randint(0, 3000)})
    say("ACK set", key, i)


def add_signatory(seed: int, i: int, rng: random.Random) -> None:
    name = f"P{seed}-{i}"
    say("TRY sig", name, "-")
    penandatangan.save_signatory(penandatangan.SignatoryData(nama=name, jabatan=FIRST_JABATAN))
    say("ACK sig", name, "-")


def edit_signatory(seed: int, i: int, rng: random.Random) -> None:
    existing = penandatangan.list_signatories()
    if not existing:
        add_signatory(seed, i, rng)
        return
    target = rng.choice(existing)
    jabatan = f"J{seed}-{i}"
    say("TRY upd", target.id, jabatan)
    penandatangan.save_signatory(replace(target, jabatan=jabatan))
    say("ACK upd", target.id, jabatan)


def save_profile(seed: int, i: int, rng: random.Random) -> None:
    alamat = f"A{seed}-{i}"
    current = profile.get_profile()
    say("TRY prof", "kantor", alamat)
    profile.save_profile(
        replace(current, pemerintah="PEMERINTAH KOTA METRO", unit="KECAMATAN METRO TIMUR", alamat=alamat)
    )
    say("ACK prof", "kantor", alamat)


ACTIONS = (write_setting, write_setting, add_signatory, edit_signatory, save_profile)


def main() -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = DataStore(DataPaths(data_dir))
    store.open()
    say("READY")
    for i in range(1_000_000):
        rng.choice(ACTIONS)(seed, i, rng)


if __name__ == "__main__":
    main()
