"""The library file itself: opening and closing it, its health, backups and restoring one.

Nothing here deletes or writes over a library: a file being replaced is set aside beside it.
"""

from __future__ import annotations

from pathlib import Path

from glossator.core import library_health, store
from glossator.core.errors import GlossatorError, StoreError
from glossator.core.paths import resolve_db_path
from glossator.core.services.worker import front_door
from glossator.core.store import backups, models, recovery
from glossator.core.store.backups import Backup

__all__ = [
    "Backup", "backup_contents", "backup_folder", "check_backup", "check_library", "close_library", "is_open",
    "library_failure", "library_path", "list_backups", "make_backup", "open_library", "read_only_reason",
    "recheck_hold", "restore", "start_new_library", "swap_in", "usable_backup",
]

backup_contents = front_door(backups.backup_contents)
backup_folder = backups.backup_folder
check_backup = front_door(backups.check_backup)
check_library = front_door(recovery.check_library)
list_backups = front_door(backups.list_backups)
start_new_library = front_door(recovery.start_new_library)
library_failure = store.library_failure
read_only_reason = front_door(library_health.read_only_reason)
recheck_hold = front_door(library_health.recheck_hold)


@front_door
def open_library(db: str | Path | None = None) -> Path:
    """Open the library (``GLOSSATOR_DB`` or the default when ``db`` is None); returns its path."""
    return store.open_database(db)


@front_door
def close_library() -> None:
    store.close_database()


@front_door
def library_path() -> Path:
    """The open library's file, or the one that would be opened."""
    return store.database_path() or resolve_db_path()


@front_door
def make_backup() -> Path:
    """Copy the open library into its backups folder now (kept until removed by hand)."""
    path = store.database_path()
    if path is None:
        raise StoreError("No library is open to back up.")
    return backups.write_backup(models.DB.connection(), path, "manual")


@front_door
def restore(path: Path, backup: Path | None = None) -> tuple[Path, Path | None]:
    """Restore ``backup`` (default: the newest) over the library at ``path`` and open it.

    Returns the backup used and where the replaced file went (None if there was none).
    """
    return recovery.restore(path, backup)


@front_door
def usable_backup(path: Path) -> Backup | None:
    """The newest backup of ``path`` that passes its check, or None."""
    for backup in backups.list_backups(path):
        try:
            backups.check_backup(backup.path)
        except GlossatorError:
            continue
        return backup
    return None


@front_door
def swap_in(path: Path, backup: Path) -> Path | None:
    """Close the open library, restore ``backup`` over it and open it; returns where the old
    file went.

    If anything fails, the library that was in use is open again before the error goes on:
    its file was not moved, or a copy of it is put back (the failed copy is set aside in turn).
    """
    store.close_database()
    try:
        aside = backups.restore_backup(path, backup, reason="replaced")
    except GlossatorError:
        store.open_database(path)
        raise
    try:
        store.open_database(path)
    except GlossatorError:
        store.close_database()
        if aside is not None:
            backups.restore_backup(path, aside)
            store.open_database(path)
        raise
    return aside


@front_door
def is_open(path: Path) -> bool:
    """Whether the library at ``path`` is the open one."""
    return store.database_path() == path
