"""R16: the log file never holds a NIK or a phone number, whatever the code logs (messages,
arguments, exceptions, stacks), and a broken log call never crashes the app."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.logsetup import LOG_NAME, setup_logging

NIK = "1872014107850004"
PHONE = "081234567890"
SECRETS = re.compile(r"01410785|1234567|2345678|3456789|81298765")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = setup_logging(tmp_path / "log", debug=True)
    yield path
    for handler in list(root.handlers):
        if getattr(handler, "_pokjanal", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_log_file_holds_no_nik_and_no_phone(log_file: Path) -> None:
    log = logging.getLogger("db.services.kader")
    log.info("Kader disimpan: NIK %s, HP %s", NIK, PHONE)
    log.debug("impor baris 7: nik=%r hp=%r", "1872 0141 0785 0004", "+62 812-9876-5432")
    log.warning("NIK ganda %s", {"nik": NIK, "hp": [PHONE]})
    try:
        raise ValueError(f"NIK {NIK} sudah terdaftar untuk HP {PHONE}")
    except ValueError:
        log.exception("Gagal menyimpan kader %s", NIK)
    log.info("tumpukan panggilan", stack_info=True, extra={"nik": NIK})
    log.info("argumen tidak cocok %s %s", NIK)  # a bug in a log call must not crash the caller
    flush()

    text = log_file.read_text(encoding="utf-8")
    digits = re.sub(r"[ .\-+]", "", text)
    assert not SECRETS.search(digits), text
    assert "1872••••••••0004" in text and "•••••••••890" in text  # masked, still traceable
    assert "ValueError" in text and "Traceback" in text  # the traceback itself is kept
    assert log_file.name == LOG_NAME


def test_setup_twice_keeps_one_handler(tmp_path: Path, log_file: Path) -> None:
    setup_logging(tmp_path / "log", debug=False)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_pokjanal", False)]
    assert len(ours) == 1 and logging.getLogger().level == logging.INFO


def test_a_full_log_is_rotated_at_start_keeping_five(tmp_path: Path) -> None:
    from cli.logsetup import KEEP, MAX_BYTES, rotate_if_large

    folder = tmp_path / "log"
    folder.mkdir()
    path = folder / LOG_NAME
    for session in range(KEEP + 2):
        path.write_text(f"sesi {session}\n" + "x" * MAX_BYTES, encoding="utf-8")
        assert rotate_if_large(path)
        assert not path.exists()
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [f"{LOG_NAME}.{n}" for n in range(1, KEEP + 1)]
    newest_first = [(folder / f"{LOG_NAME}.{n}").read_text(encoding="utf-8")[:6] for n in (1, KEEP)]
    assert newest_first == [f"sesi {KEEP + 1}", "sesi 2"]
    path.write_text("kecil\n", encoding="utf-8")
    assert not rotate_if_large(path) and path.read_text(encoding="utf-8") == "kecil\n"
