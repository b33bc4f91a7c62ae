"""Helpers for subcommands: open the data folder, report Indonesian errors, print JSON."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from cli.logsetup import setup_logging
from db.errors import DomainError
from db.paths import DataPaths, data_dir
from db.session import DataStore

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


def paths_from(args: argparse.Namespace) -> DataPaths:
    return data_dir(getattr(args, "data_dir", None)).ensure()


@contextmanager
def open_store(args: argparse.Namespace) -> Iterator[DataStore]:
    paths = paths_from(args)
    setup_logging(paths.logs, debug=getattr(args, "debug", False))
    store = DataStore(paths)
    store.open()
    try:
        yield store
    finally:
        store.close()


def fail(message: str) -> int:
    print(f"Ditolak: {message}", file=sys.stderr)
    return EXIT_REJECTED


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn a :class:`DomainError` (or a file-system error) into exit 1 with an Indonesian
    message on stderr instead of a traceback."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except DomainError as exc:
            return fail(exc.message)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            return fail(f"kesalahan berkas{where}: {exc.strerror or exc}")
        except sqlite3.Error as exc:
            return fail(f"kesalahan basis data: {exc}")

    wrapper.__name__ = handler.__name__
    wrapper.__doc__ = handler.__doc__
    return wrapper


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
