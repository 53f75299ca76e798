"""Opening and closing the library database, and turning what a user can cause into StoreError.

Every commit is durable (WAL with ``synchronous=FULL``); a write waits for another process's
lock (busy timeout, then a few retries) instead of failing; an existing library gets a
checked daily backup when it is opened.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import peewee

from .. import protected_files
from ..errors import StoreError, UnusableDatabaseError
from ..paths import resolve_db_path
from . import backups, migrations
from .guarded_database import GuardedSqliteDatabase
from .inspection import LibraryState, inspect_library, read_only_uri
from .models import DB, SchemaVersion

BUSY_TIMEOUT_MS = 10_000
# After the busy timeout runs out, a write is tried again this many times in all, with
# growing pauses, before it is reported: another process may hold the lock for a while.
LOCK_ATTEMPTS = 3
RETRY_PAUSE_S = 0.05
SQLITE_HEADER = b"SQLite format 3\x00"

# Failures that come from the file or from other programs, not from a bug here.
_USER_CAUSES = (
    ("locked", "is locked by another program; close it and try again"),
    ("busy", "is locked by another program; close it and try again"),
    ("readonly", "is read-only; choose a file you can write to"),
    ("read-only", "is read-only; choose a file you can write to"),
    ("not a database", "is damaged or not a database"),
    ("malformed", "is damaged (malformed database image)"),
    ("disk i/o", "could not be read or written (disk I/O error)"),
    ("is full", "cannot grow: the disk is full"),
    ("unable to open", "cannot be opened"),
)

# Causes that make the file itself unusable, as opposed to a passing condition.
_UNUSABLE = ("not a database", "malformed")

_log = logging.getLogger(__name__)
_open_path: Path | None = None
# Why the open library cannot be written to, or None when it can.
_read_only_reason: str | None = None


def open_database(path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Path:
    """Open (creating or upgrading as needed) the library database and bind the models to it.

    ``path`` overrides ``GLOSSATOR_DB``, which overrides the user data folder. The file is
    first looked at read-only: a damaged, foreign or newer file, or one whose schema is not
    whole, raises UnusableDatabaseError and is never written to, not even its header.
    A file or folder that cannot be written to (or ``read_only``) is opened for reading
    only; writes then raise StoreError saying so. Anything else the user can cause
    (locked file, full disk) raises StoreError naming the file.
    """
    global _open_path, _read_only_reason
    resolved = resolve_db_path(path)
    close_database()
    _check_path(resolved)
    state = inspect_library(resolved)
    _refuse_unusable(resolved, state)
    reason = "it was opened for reading only" if read_only else _unwritable_reason(resolved, state)
    if reason is None:
        try:
            _open_writable(resolved, state)
        except StoreError as exc:
            # A file that SQLite itself finds read-only (a read-only mount, a file as a
            # user without rights) can still be read.
            if state.kind != "library" or "read-only" not in str(exc):
                raise
            reason = "the file system refuses writes"
    if reason is not None:
        _open_read_only(resolved, state, reason)
    _open_path, _read_only_reason = resolved, reason
    protected_files.protect(resolved)
    if reason is None and state.kind == "library":
        _daily_backup(resolved)
    return resolved


def _open_writable(resolved: Path, state: LibraryState) -> None:
    database = GuardedSqliteDatabase(
        resolved,
        str(resolved),
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_MS,
            # FULL: a commit that returned is on disk, even if the power fails next.
            "synchronous": "full",
        },
        timeout=BUSY_TIMEOUT_MS / 1000,
        # Take the write lock when a transaction begins: a deferred one that reads and
        # then writes can fail at once under WAL instead of waiting its turn.
        lock_type="IMMEDIATE",
    )
    DB.initialize(database)
    try:
        _connect(database)
        _prepare_schema(resolved)
    except StoreError:
        close_database()
        raise
    except (peewee.DatabaseError, sqlite3.Error, OSError) as exc:
        close_database()
        unusable = any(needle in str(exc).lower() for needle in _UNUSABLE)
        error = UnusableDatabaseError if unusable else StoreError
        raise error(describe_failure(resolved, exc)) from exc


def _open_read_only(resolved: Path, state: LibraryState, reason: str) -> None:
    """Bind the models to a connection that cannot write; a library that needs an upgrade
    or does not exist yet cannot be used that way."""
    if state.kind == "new":
        raise StoreError(f"Cannot create the library {resolved}: {reason}.")
    if state.version != migrations.latest_version():
        raise StoreError(
            f"The library {resolved} needs an upgrade to schema {migrations.latest_version()} "
            f"but cannot be written to ({reason})."
        )
    try:
        database = GuardedSqliteDatabase(
            resolved, read_only_uri(resolved), guarded=False, uri=True,
            pragmas={"foreign_keys": 1, "query_only": 1},
        )
        DB.initialize(database)
        database.connect()
    except (peewee.DatabaseError, sqlite3.Error) as exc:
        close_database()
        raise StoreError(describe_failure(resolved, exc)) from exc
    _log.info("library %s opened read-only: %s", resolved, reason)


def _unwritable_reason(path: Path, state: LibraryState) -> str | None:
    """Why this process cannot write the library at ``path``, or None."""
    if state.kind == "library" and not os.access(path, os.W_OK):
        return "the file is read-only"
    folder = path.parent
    if not os.access(folder, os.W_OK):
        sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
        # SQLite must be able to create its log and map files beside the library.
        if state.kind == "new" or not all(os.access(side, os.W_OK) for side in sidecars):
            return f"the folder {folder} is read-only"
    return None


def read_only_reason() -> str | None:
    """Why the open library cannot be written to, or None when it can."""
    return _read_only_reason


def _refuse_unusable(path: Path, state: LibraryState) -> None:
    """UnusableDatabaseError for a file that must not be written to; nothing was written."""
    untouched = "it was left untouched"
    if state.kind == "not-sqlite":
        raise UnusableDatabaseError(f"The database {path} is not a Glossator database (not SQLite); {untouched}.")
    if state.kind == "foreign":
        raise UnusableDatabaseError(
            f"The database {path} belongs to another program (no Glossator tables); {untouched}."
        )
    if state.kind == "unreadable":
        unusable = any(needle in state.detail.lower() for needle in _UNUSABLE)
        error = UnusableDatabaseError if unusable else StoreError
        raise error(describe_failure(path, sqlite3.DatabaseError(state.detail)))
    if state.kind != "library":
        return
    latest = migrations.latest_version()
    if state.bad_version is not None:
        raise UnusableDatabaseError(f"The database {path} is damaged: {state.bad_version}; {untouched}.")
    assert state.version is not None
    if state.version > latest:
        raise UnusableDatabaseError(
            f"The database {path} was written by a newer Glossator (schema {state.version}, "
            f"this one knows up to {latest}); update Glossator to open it. {untouched.capitalize()}."
        )
    if state.missing and state.version == latest:
        shown = ", ".join(state.missing[:4]) + (" ..." if len(state.missing) > 4 else "")
        raise UnusableDatabaseError(f"The database {path} is damaged: it lacks {shown}; {untouched}.")


def _connect(database: peewee.SqliteDatabase) -> None:
    """Connect, retrying while another process holds a lock: turning a new file to WAL
    needs an exclusive lock, and SQLite reports that conflict without waiting."""
    # About as long in all as the busy timeout, in short steps.
    attempts = max(LOCK_ATTEMPTS, int(BUSY_TIMEOUT_MS / 1000 / (4 * RETRY_PAUSE_S)))
    for attempt in range(1, attempts + 1):
        try:
            database.connect()
            return
        except (peewee.OperationalError, sqlite3.OperationalError) as exc:
            if attempt == attempts or not _is_busy(exc):
                raise
            time.sleep(RETRY_PAUSE_S * min(attempt, 4))


def close_database() -> None:
    """Close this thread's connection and unbind the models; harmless when nothing is open."""
    global _open_path, _read_only_reason
    if DB.obj is not None:
        DB.obj.close()
        DB.initialize(None)
    if _open_path is not None:
        protected_files.release(_open_path)
    _open_path = None
    _read_only_reason = None


def database_path() -> Path | None:
    """The file of the open database, or None."""
    return _open_path


@contextmanager
def transaction() -> Iterator[None]:
    """``DB.atomic()`` for writes: all or nothing, waiting out another process's lock.

    A file still locked after every attempt, a full disk or a library opened read-only is
    reported as StoreError. Before the outermost transaction begins, the connection's hold
    on the file is checked, and it is reconnected if another program broke it.
    """
    if _read_only_reason is not None:
        raise StoreError(f"The library {_open_path} cannot be changed: {_read_only_reason}; edits are impossible.")
    outermost = not DB.in_transaction()
    if outermost:
        verify_connection()
    try:
        with _write_lock():
            yield
        if outermost:
            # Deleted during this very transaction: keep what the connection saw.
            verify_connection()
    # Bulk inserts use the driver's cursor directly, so its own errors arrive here too.
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        reason = _user_cause(exc)
        if reason is None:
            raise
        raise StoreError(f"The database {_open_path} {reason}.") from exc


@contextmanager
def reading() -> Iterator[None]:
    """Several reads that see one state of the library: a read transaction, no write lock.

    Inside a transaction already, the reads simply join it.
    """
    if DB.in_transaction():
        yield
        return
    with DB.atomic("DEFERRED"):
        yield


@contextmanager
def _write_lock() -> Iterator[None]:
    """``DB.atomic()``, its BEGIN retried while another process holds the write lock.

    Only BEGIN is retried: it takes the write lock (IMMEDIATE), so once it succeeds no
    statement inside can meet a lock, and the body runs exactly once.
    """
    with ExitStack() as stack:
        for attempt in range(1, LOCK_ATTEMPTS + 1):
            try:
                stack.enter_context(DB.atomic())
                break
            except (peewee.OperationalError, sqlite3.OperationalError) as exc:
                if attempt == LOCK_ATTEMPTS or not _is_busy(exc):
                    raise
                _log.info("database busy, attempt %d of %d: %s", attempt, LOCK_ATTEMPTS, exc)
                time.sleep(RETRY_PAUSE_S * attempt)
        yield


def _is_busy(exc: BaseException) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _daily_backup(path: Path) -> None:
    """The first open of a UTC day copies the library aside; a failure is logged, not fatal."""
    try:
        if backups.daily_backup_due(path):
            backups.write_backup(DB.connection(), path, "daily")
    except (StoreError, OSError, sqlite3.Error) as exc:
        # The reader's library stays usable; the next open tries again.
        _log.warning("daily backup of %s failed: %s", path, exc)


def describe_failure(path: Path, exc: BaseException) -> str:
    """One line naming the file and what is wrong with it."""
    reason = _user_cause(exc)
    if reason is None:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        reason = f"cannot be used ({detail})"
    return f"The database {path} {reason}."


def library_failure(exc: BaseException, path: Path | None = None) -> StoreError | None:
    """The error to show for ``exc`` raised by a query on the library ``path`` (by default the
    open one), or None for a bug.

    Damage found only when a query reaches a bad page, a table or column missing from the
    file, a lock or a full disk are the file's fault and get one sentence naming it; any other
    database error is a fault in Glossator and is left to propagate.
    """
    if not isinstance(exc, (peewee.DatabaseError, sqlite3.DatabaseError)):
        return None
    path = path or _open_path or resolve_db_path(None)
    message = " ".join(str(exc).split())
    if message.startswith(("no such table", "no such column")):
        return UnusableDatabaseError(f"The database {path} is damaged: it lacks part of its schema ({message}).")
    reason = _user_cause(exc)
    if reason is None:
        return None
    unusable = any(needle in message.lower() for needle in _UNUSABLE)
    return (UnusableDatabaseError if unusable else StoreError)(f"The database {path} {reason}.")


def _user_cause(exc: BaseException) -> str | None:
    message = str(exc).lower()
    for needle, reason in _USER_CAUSES:
        if needle in message:
            return reason
    return None


def _check_path(path: Path) -> None:
    """Refuse a path that is a folder, or whose folder cannot be made, before SQLite looks.

    The file itself is never opened here: only SQLite may open a library, since closing any
    other descriptor on it would drop SQLite's locks (see ``connection_guard``).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the folder {path.parent} for the database ({exc.strerror})."
        ) from exc
    if path.is_dir():
        raise StoreError(f"The database path {path} is a folder, not a file.")


def verify_connection() -> str | None:
    """Check that this thread's connection still holds the library; reconnect if not.

    Returns a sentence for the reader when it had to reconnect, else None.
    """
    database = DB.obj
    if not isinstance(database, GuardedSqliteDatabase):
        return None
    return database.ensure_held()


def _prepare_schema(path: Path) -> None:
    """Create the tables of a new file, upgrade an older one, and refuse anything else.

    The check and the creation share one write transaction, so two processes opening a new
    file at once cannot both create it.
    """
    latest = migrations.latest_version()
    with _write_lock():
        version = migrations.stored_version()
        if version is None:
            if DB.get_tables():
                raise UnusableDatabaseError(
                    f"The database {path} belongs to another program (no Glossator tables); "
                    "it was left untouched."
                )
            migrations.create_schema()
            return
        if version > latest:
            raise UnusableDatabaseError(
                f"The database {path} was written by a newer Glossator (schema {version}, "
                f"this one knows up to {latest}); update Glossator to open it."
            )
        if version == latest:
            _probe_writable()
            return
    migrations.upgrade_schema(path, version)


def _probe_writable() -> None:
    """Find a read-only file now rather than at the reader's first edit.

    Beginning a transaction succeeds even on a read-only file, so a row is written and
    the change rolled back: nothing reaches the disk.
    """
    with DB.atomic() as savepoint:
        SchemaVersion.update(version=SchemaVersion.version).execute()
        savepoint.rollback()
