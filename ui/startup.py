"""Open the data folder from the GUI, explaining every problem in plain Indonesian.

- in use by another window → say so and stop;
- written by a newer app → say so and stop (the file is never touched);
- damaged or foreign → set the file aside (renamed, never deleted) and offer the newest good
  backup; otherwise start with an empty database.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from db import backup
from db.errors import DatabaseDamaged, DatabaseError, DatabaseForeign, DatabaseInUse, DatabaseTooNew
from db.lock import DataFolderLock
from db.paths import DataPaths
from db.session import DataStore
from ui import messages

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("startup", text)


def open_store_interactively(paths: DataPaths, folder_lock: DataFolderLock | None = None) -> DataStore | None:
    store = DataStore(paths, folder_lock=folder_lock)
    try:
        result = store.open()
    except DatabaseInUse as exc:
        messages.warn(None, _tr("Data sedang dipakai"), messages.error_text(exc))
        return None
    except DatabaseTooNew as exc:
        messages.error(None, _tr("Versi aplikasi terlalu lama"), messages.error_text(exc))
        return None
    except (DatabaseDamaged, DatabaseForeign) as exc:
        log.error("Basis data tidak dapat dipakai: %s", exc)
        return _recover(store, paths, exc)
    except DatabaseError as exc:
        messages.error(None, _tr("Basis data tidak dapat dibuka"), messages.error_text(exc))
        return None
    if result.backup_warning:
        messages.warn(None, _tr("Cadangan otomatis gagal"), result.backup_warning)
    return store


def _recover(store: DataStore, paths: DataPaths, exc: DatabaseError) -> DataStore | None:
    aside = backup.set_aside(paths)
    text = _tr("{0}\n\nBerkas itu tidak dihapus; sudah dipindahkan ke:\n{1}\n\n").format(
        messages.error_text(exc), aside
    )
    good = _newest_good_backup(paths)
    if good is not None:
        question = text + _tr("Pulihkan dari cadangan terbaru yang baik ({0})?").format(
            good.created.strftime("%d-%m-%Y %H.%M")
        )
        if messages.confirm(None, _tr("Basis data rusak"), question):
            try:
                backup.restore_backup(paths, good.path)
            except DatabaseError as failed:
                messages.error(None, _tr("Pemulihan gagal"), messages.error_text(failed))
    else:
        messages.warn(
            None,
            _tr("Basis data rusak"),
            text + _tr("Tidak ada cadangan; aplikasi mulai dengan data kosong."),
        )
    try:
        store.open()
    except DatabaseError as again:
        messages.error(None, _tr("Basis data tidak dapat dibuka"), messages.error_text(again))
        return None
    return store


def _newest_good_backup(paths: DataPaths) -> backup.BackupInfo | None:
    for candidate in backup.list_backups(paths):
        try:
            backup.verify_backup_file(candidate.path)
        except DatabaseError:
            continue
        return candidate
    return None
