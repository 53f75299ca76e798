"""Checking a library file and recovering from a bad one: restore a backup or start afresh.

Nothing here deletes or writes over a library: a file being replaced is renamed aside
(``<name>.unusable-<time>``) with its journal files, so even a damaged one can still be
sent to someone who can rescue it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError
from . import backups, migrations
from .database import SQLITE_HEADER, close_database, database_path, open_database


def check_library(path: Path) -> list[str]:
    """What is wrong with the library file at ``path``, read-only; an empty list when nothing."""
    if not path.is_file():
        return [f"{path} does not exist"]
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return [f"{path} is not an SQLite database"]
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            problems = [] if problems == ["ok"] else problems
            problems += [f"{row[0]} row {row[1]} points to a missing {row[2]}"
                         for row in connection.execute("PRAGMA foreign_key_check")]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            version = None
            if "schema_version" in tables:
                version = connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return [f"{path} cannot be read ({' '.join(str(exc).split())})"]
    if version is None:
        problems.append(f"{path} is not a Glossator library (no schema version)")
    elif version > migrations.latest_version():
        problems.append(f"{path} has schema {version}, newer than this Glossator knows")
    return problems


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
