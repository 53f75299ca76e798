"""Checking a library file and recovering from a bad one: restore a backup or start afresh.

Nothing here deletes or writes over a library: a file being replaced is renamed aside
(``<name>.unusable-<time>``) with its journal files, so even a damaged one can still be
sent to someone who can rescue it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from . import backups, connection_guard, inspection, migrations
from .database import close_database, database_path, open_database


def check_library(path: Path) -> list[str]:
    """What is wrong with the library file at ``path``, read-only; an empty list when nothing.

    Beyond SQLite's own integrity and foreign-key checks, the schema must be Glossator's and
    whole, and no running process may still be writing to a deleted log of the library.
    """
    if not path.is_file():
        return [f"{path} does not exist"]
    state = inspection.inspect_library(path)
    if state.kind == "not-sqlite":
        return [f"{path} is not an SQLite database"]
    if state.kind == "unreadable":
        return [f"{path} cannot be read ({state.detail})"]
    if state.kind in ("foreign", "new"):
        return [f"{path} is not a Glossator library (no schema version)"]
    problems = _holders_of_deleted_logs(path)
    if state.bad_version is not None:
        return problems + [f"{path} is damaged: {state.bad_version}"]
    if state.version is not None and state.version > migrations.latest_version():
        return problems + [f"{path} has schema {state.version}, newer than this Glossator knows"]
    if state.version == migrations.latest_version():
        problems += [f"{path} lacks its {missing}" for missing in state.missing]
    try:
        connection = inspection.connect_read_only(path)
        try:
            found = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            problems += [] if found == ["ok"] else found
            problems += [f"{row[0]} row {row[1]} points to a missing {row[2]}"
                         for row in connection.execute("PRAGMA foreign_key_check")]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        problems.append(f"{path} cannot be read ({' '.join(str(exc).split())})")
    return problems


def _holders_of_deleted_logs(path: Path) -> list[str]:
    return [
        f"process {pid} ({name}) still writes to a deleted log of {path}: its edits since then "
        "are not in the file (a Glossator window saves them and reconnects by itself within "
        "seconds; check again after)"
        for pid, name in connection_guard.deleted_sidecar_holders(path)
    ]


def restore(path: Path, backup: Path | None = None) -> tuple[Path, Path | None]:
    """Restore ``backup`` (default: the newest) over the library at ``path`` and open it.

    Returns the backup used and where the replaced file went (None if there was none).
    """
    if backup is None:
        latest = backups.latest_backup(path)
        if latest is None:
            raise StoreError(f"There is no backup of {path} in {backups.backup_folder(path)}.")
        backup = latest.path
    if not backup.is_file():
        raise StoreError(f"The backup {backup} does not exist.")
    _close_if_open(path)
    aside = backups.restore_backup(path, backup)
    open_database(path)
    return backup, aside


def start_new_library(path: Path) -> Path | None:
    """Set the file at ``path`` aside and open a new, empty library there; returns where it went."""
    _close_if_open(path)
    aside = backups.set_aside(path)
    open_database(path)
    return aside


def _close_if_open(path: Path) -> None:
    if database_path() == path:
        close_database()
