"""The files that only SQLite may open in this process: the open library and its journals.

Opening and closing the library with anything else, even just to read it, drops SQLite's
locks (see ``store.connection_guard``), and writing over it would destroy it. The store
registers the library here when it opens it; readers and writers refuse these paths before
they open anything, comparing by device and inode so that a link or another spelling of
the same file is caught too.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_SUFFIXES = ("", "-wal", "-shm", "-journal")
_lock = threading.Lock()
_libraries: set[Path] = set()


def protect(library: Path) -> None:
    """Keep every reader and writer of this process away from ``library`` and its journals."""
    with _lock:
        _libraries.add(Path(os.path.abspath(library)))


def release(library: Path) -> None:
    """``library`` is closed: its files may be read again."""
    with _lock:
        _libraries.discard(Path(os.path.abspath(library)))


def _file_id(path: str | os.PathLike) -> tuple[int, int] | None:
    try:
        info = os.stat(path)  # stat() opens nothing, so it drops no lock
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def protected_library(path: str | os.PathLike) -> Path | None:
    """The open library that ``path`` belongs to (as the library or one of its journals), or None."""
    with _lock:
        libraries = list(_libraries)
    if not libraries:
        return None
    wanted = _file_id(path)
    absolute = os.path.abspath(path)
    for library in libraries:
        for suffix in _SUFFIXES:
            candidate = library.with_name(library.name + suffix)
            if absolute == str(candidate):
                return library
            if wanted is not None and _file_id(candidate) == wanted:
                return library
    return None
