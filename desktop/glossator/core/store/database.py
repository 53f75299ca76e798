"""Opening and closing the library database, and turning what a user can cause into StoreError."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee

from ..errors import StoreError
from ..paths import resolve_db_path
from . import migrations
from .models import DB, SchemaVersion

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"

# Failures that come from the file or from other programs, not from a bug here.
_USER_CAUSES = (
    ("locked", "is locked by another program; close it and try again"),
    ("busy", "is locked by another program; close it and try again"),
    ("readonly", "is read-only; choose a file you can write to"),
    ("read-only", "is read-only; choose a file you can write to"),
    ("not a database", "is not a Glossator database (not SQLite)"),
    ("malformed", "is damaged (malformed database image)"),
    ("disk i/o", "could not be read or written (disk I/O error)"),
    ("is full", "cannot grow: the disk is full"),
    ("unable to open", "cannot be opened"),
)

_open_path: Path | None = None


def open_database(path: str | os.PathLike[str] | None = None) -> Path:
    """Open (creating or upgrading as needed) the library database and bind the models to it.

    ``path`` overrides ``GLOSSATOR_DB``, which overrides the user data folder. Anything the
    user can cause (corrupt, locked, read-only file) raises StoreError naming the file.
    """
    global _open_path
    resolved = resolve_db_path(path)
    close_database()
    _check_file(resolved)
    database = peewee.SqliteDatabase(
        str(resolved),
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_MS,
            "synchronous": "normal",
        },
        timeout=BUSY_TIMEOUT_MS / 1000,
        # Take the write lock when a transaction begins: a deferred one that reads and
        # then writes can fail at once under WAL instead of waiting its turn.
        lock_type="IMMEDIATE",
    )
    DB.initialize(database)
    try:
        database.connect()
        _prepare_schema(resolved)
    except StoreError:
        close_database()
        raise
    except (peewee.DatabaseError, sqlite3.Error, OSError) as exc:
        close_database()
        raise StoreError(describe_failure(resolved, exc)) from exc
    _open_path = resolved
    return resolved


def close_database() -> None:
    """Close this thread's connection and unbind the models; harmless when nothing is open."""
    global _open_path
    if DB.obj is not None:
        DB.obj.close()
        DB.initialize(None)
    _open_path = None


def database_path() -> Path | None:
    """The file of the open database, or None."""
    return _open_path


@contextmanager
def transaction() -> Iterator[None]:
    """``DB.atomic()`` for writes: all or nothing, with a locked or full file reported as StoreError."""
    try:
        with DB.atomic():
            yield
    # Bulk inserts use the driver's cursor directly, so its own errors arrive here too.
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        reason = _user_cause(exc)
        if reason is None:
            raise
        raise StoreError(f"The database {_open_path} {reason}.") from exc


def describe_failure(path: Path, exc: BaseException) -> str:
    """One line naming the file and what is wrong with it."""
    reason = _user_cause(exc)
    if reason is None:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        reason = f"cannot be used ({detail})"
    return f"The database {path} {reason}."


def _user_cause(exc: BaseException) -> str | None:
    message = str(exc).lower()
    for needle, reason in _USER_CAUSES:
        if needle in message:
            return reason
    return None


def _check_file(path: Path) -> None:
    """Refuse, before SQLite touches it, a path that is a folder or a file that is not SQLite."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the folder {path.parent} for the database ({exc.strerror})."
        ) from exc
    if path.is_dir():
        raise StoreError(f"The database path {path} is a folder, not a file.")
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"The database {path} cannot be read ({exc.strerror}).") from exc
    # An empty file is a valid new SQLite database; anything else must carry the header.
    if header and header != SQLITE_HEADER:
        raise StoreError(
            f"The database {path} is not a Glossator database (not SQLite); it was left untouched."
        )


def _prepare_schema(path: Path) -> None:
    """Create the tables of a new file, upgrade an older one, and refuse anything else."""
    version = migrations.stored_version()
    latest = migrations.latest_version()
    if version is None:
        if DB.get_tables():
            raise StoreError(
                f"The database {path} belongs to another program (no Glossator tables); "
                "it was left untouched."
            )
        migrations.create_schema()
    elif version > latest:
        raise StoreError(
            f"The database {path} was written by a newer Glossator (schema {version}, "
            f"this one knows up to {latest}); update Glossator to open it."
        )
    elif version < latest:
        migrations.upgrade_schema(path, version)
    else:
        _probe_writable()


def _probe_writable() -> None:
    """Find a locked or read-only file now rather than at the reader's first edit.

    Beginning a transaction succeeds even on a read-only file, so a row is written and
    the change rolled back: nothing reaches the disk.
    """
    with DB.atomic() as txn:
        SchemaVersion.update(version=SchemaVersion.version).execute()
        txn.rollback()
