"""The library's peewee database: each connection remembers which files it opened, and is
checked before each write and on request, and reconnected when its hold was broken.

See ``connection_guard`` for what can break it. Reconnecting while the write-ahead log is
still in place loses nothing. If the log was already deleted, the connection's view (which
still holds commits that went to the deleted log) is first copied with SQLite's backup API
into the backups folder as a ``rescued`` copy, listed in File > Restore from Backup.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import peewee

from ..errors import StoreError
from . import backups, connection_guard

_log = logging.getLogger(__name__)

# Threads that must never touch the library (the window's GUI thread, once a worker owns the
# connection): a query from one of them is a bug, raised at once rather than a stall.
_forbidden_threads: set[int] = set()


class WrongThreadError(AssertionError):
    """A library query on a thread that must not make one."""


def forbid_this_thread() -> None:
    """From now on, any library query on the calling thread raises WrongThreadError."""
    _forbidden_threads.add(threading.get_ident())


def allow_this_thread() -> None:
    _forbidden_threads.discard(threading.get_ident())


def _check_thread() -> None:
    if _forbidden_threads and threading.get_ident() in _forbidden_threads:
        raise WrongThreadError(f"a library query ran on the thread {threading.current_thread().name}, "
                               "which must leave the library to its worker")


class GuardedSqliteDatabase(peewee.SqliteDatabase):
    """A SqliteDatabase whose connections are watched for a broken hold on the file."""

    def __init__(self, path: Path, *args, guarded: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.library_path = path
        self.guarded = guarded
        self._opened: dict[int, connection_guard.Identity] = {}
        self._opened_lock = threading.Lock()
        self.last_recovery: str | None = None

    def connection(self):
        _check_thread()
        return super().connection()

    def cursor(self, named_cursor=None):
        _check_thread()
        return super().cursor(named_cursor)

    def _initialize_connection(self, conn) -> None:
        super()._initialize_connection(conn)  # type: ignore[misc]  # peewee's hook, missing from its stubs
        if self.guarded:
            self.remember_files(conn)

    def remember_files(self, conn) -> None:
        """Note which log and map files ``conn`` has open (reading opens them in WAL mode)."""
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        opened = connection_guard.identity(self.library_path)
        with self._opened_lock:
            if opened is not None:
                self._opened[id(conn)] = opened

    def _close(self, conn) -> None:
        with self._opened_lock:
            self._opened.pop(id(conn), None)
        super()._close(conn)  # type: ignore[misc]  # peewee's hook, missing from its stubs

    def hold_problem(self) -> str | None:
        """Why this thread's connection no longer holds the library safely, or None."""
        if not self.guarded or self.is_closed():
            return None
        with self._opened_lock:
            opened = self._opened.get(id(self.connection()))
        if opened is None:
            return None
        problem = connection_guard.files_problem(self.library_path, opened)
        if problem is None and connection_guard.holds_lock(self.library_path) is False:
            problem = "another program in this process closed the library file and dropped its lock"
        return problem

    def ensure_held(self) -> str | None:
        """Reconnect if the hold was broken; returns what happened (for the reader), or None.

        Must not run inside a transaction: the connection is closed and opened again.
        """
        problem = self.hold_problem()
        if problem is None or self.in_transaction():
            return None
        rescued = None
        if "deleted or replaced" in problem:
            rescued = self._rescue()
        self.close()
        self.connect()
        message = f"Glossator reconnected to the library {self.library_path}: {problem}."
        if rescued is not None:
            message += f" What this window saw was kept as {rescued}."
        _log.warning("%s", message)
        self.last_recovery = message
        return message

    def _rescue(self) -> Path | None:
        """Copy what this connection sees into a ``rescued`` backup, best effort."""
        try:
            return backups.write_backup(self.connection(), self.library_path, "rescued")
        except StoreError as exc:  # the copy is a courtesy; reconnecting matters more
            _log.error("could not keep a copy of the library before reconnecting: %s", exc)
            return None
