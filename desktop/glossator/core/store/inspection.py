"""A read-only look at a library file before anything writes to it.

Opening a file in WAL mode, or even setting a pragma, changes its header. So whether a file
is a Glossator library at all, which schema it has and whether that schema is whole is
decided here first, through a ``mode=ro`` connection that cannot write a byte.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from . import search_index
from .models import MODELS, SchemaVersion

# A journal that must not be created: the probe reads an existing file only.
_READ_ONLY = "mode=ro"
# A library in a read-only folder has no -shm to share; such a file can still be read.
_IMMUTABLE = "immutable=1"


@dataclass(frozen=True)
class LibraryState:
    """What a read-only look at a file found.

    ``kind`` is "new" (missing or empty), "library", "foreign" (SQLite without a Glossator
    schema), "not-sqlite" or "unreadable". ``version`` is the stored schema version for a
    library; ``bad_version`` describes a version row that is not a plain integer.
    """

    kind: str
    version: int | None = None
    bad_version: str | None = None
    missing: list[str] = field(default_factory=list)
    detail: str = ""


def expected_columns() -> dict[str, set[str]]:
    """Every table the models define, with its column names."""
    return {model._meta.table_name: {f.column_name for f in model._meta.sorted_fields} for model in MODELS}


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` without writing, even where its folder is read-only."""
    uri = f"{path.absolute().as_uri()}?{_READ_ONLY}"
    connection = sqlite3.connect(uri, uri=True)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return uri
    except sqlite3.OperationalError as exc:
        # WAL files cannot be made beside a file in a read-only folder; reading it whole
        # (no other process can be writing there) still works.
        message = str(exc).lower()
        if not ("unable to open" in message or "readonly" in message) or os.access(path.parent, os.W_OK):
            raise
    finally:
        connection.close()
    return f"{uri}&{_IMMUTABLE}"


def probe_uri(path: Path) -> str:
    """The URI for a first look that creates no file beside ``path``.

    A plain read-only connection to a WAL file leaves an empty log and map behind. With no
    log or journal beside it, nobody has the file open for writing, so reading it as
    immutable sees all of it and creates nothing.
    """
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-journal")]
    if any(side.exists() for side in sidecars):
        return read_only_uri(path)
    return f"{path.absolute().as_uri()}?{_READ_ONLY}&{_IMMUTABLE}"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``path``."""
    return sqlite3.connect(read_only_uri(path), uri=True)


def inspect_library(path: Path) -> LibraryState:
    """Look at ``path`` without writing: is it new, a library (which version), or refused?"""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return LibraryState("new")
    except OSError as exc:
        return LibraryState("unreadable", detail=exc.strerror or str(exc))
    try:
        connection = sqlite3.connect(probe_uri(path), uri=True)
    except sqlite3.Error as exc:
        return _failed(exc)
    try:
        return _inspect(connection)
    except sqlite3.Error as exc:
        return _failed(exc)
    finally:
        connection.close()


def _failed(exc: sqlite3.Error) -> LibraryState:
    message = " ".join(str(exc).split())
    if "not a database" in message.lower():
        return LibraryState("not-sqlite", detail=message)
    return LibraryState("unreadable", detail=message)


def _inspect(connection: sqlite3.Connection) -> LibraryState:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    version_table = SchemaVersion._meta.table_name
    if version_table not in tables:
        return LibraryState("new") if not tables else LibraryState("foreign")
    rows = connection.execute(
        f"SELECT version, typeof(version) FROM {version_table} ORDER BY id LIMIT 1"
    ).fetchall()
    if not rows:
        return LibraryState("library", bad_version="the schema version row is missing")
    value, kind = rows[0]
    if kind != "integer":
        return LibraryState("library", bad_version=f"the schema version is {_shown(value)} ({kind}), not a number")
    if value < 1:
        return LibraryState("library", bad_version=f"the schema version {value} does not exist")
    return LibraryState("library", version=value, missing=_missing(connection, tables, value))


def _missing(connection: sqlite3.Connection, tables: set[str], version: int) -> list[str]:
    """The tables and columns the schema needs that the file lacks."""
    missing = []
    for table, columns in expected_columns().items():
        if table not in tables:
            missing.append(f"table {table}")
            continue
        present = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        missing += [f"column {table}.{name}" for name in sorted(columns - present)]
    if version >= search_index.SINCE_VERSION and search_index.TABLE not in tables:
        missing.append(f"table {search_index.TABLE}")
    return missing


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
