"""Noticing that SQLite's hold on the library was broken from outside, before an edit is lost.

SQLite's POSIX locks belong to the process, and any ``close()`` of any descriptor on the
library file drops all of them: a file dialog that sniffs the file's type, or a hash of it,
is enough. Another process then believes it is alone, checkpoints and deletes the
write-ahead log, and every later commit of ours goes to a deleted file. Two checks catch it:

- the lock: on Linux, ``/proc/locks`` lists the read lock each connection keeps on the
  library file for as long as it is open; when ours is gone, reconnecting at once takes it
  back before any other process can act on its absence;
- the files: the write-ahead log and shared-memory file this connection opened must still
  be the ones on disk; a deleted or replaced one means the damage is done.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

PROC_LOCKS = Path("/proc/locks")
SIDECARS = ("-wal", "-shm")


@dataclass(frozen=True)
class Identity:
    """Which files a connection has open: (device, inode) of the library, its log and its map."""

    library: tuple[int, int]
    sidecars: tuple[tuple[int, int] | None, ...]


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def sidecar_paths(path: Path) -> list[Path]:
    """The write-ahead log and shared-memory file of the library at ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def identity(path: Path) -> Identity | None:
    """The files now on disk for the library at ``path``; None if the library itself is gone."""
    library = _file_id(path)
    if library is None:
        return None
    return Identity(library, tuple(_file_id(side) for side in sidecar_paths(path)))


def files_problem(path: Path, opened: Identity) -> str | None:
    """Why the files on disk are no longer the ones the connection opened, or None."""
    now = identity(path)
    if now is None or now.library != opened.library:
        return "the library file was deleted or replaced by another program"
    for name, was, is_now in zip(SIDECARS, opened.sidecars, now.sidecars):
        if was is not None and was != is_now:
            return f"its {name[1:]} file was deleted or replaced by another program"
    return None


def lock_checks_supported() -> bool:
    """Whether this system lists file locks where the lock check can read them."""
    return sys.platform.startswith("linux") and PROC_LOCKS.exists()


def holds_lock(path: Path, pid: int | None = None) -> bool | None:
    """Whether process ``pid`` (default: this one) holds a POSIX lock on ``path``.

    None when that cannot be told (no ``/proc/locks``, the file is gone).
    """
    if not lock_checks_supported():
        return None
    file_id = _file_id(path)
    if file_id is None:
        return None
    owner = str(os.getpid() if pid is None else pid)
    inode = str(file_id[1])
    device = f"{os.major(file_id[0]):02x}:{os.minor(file_id[0]):02x}"
    try:
        lines = PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        # "1: POSIX  ADVISORY  READ 2340 fe:00:2157366 1073741826 1073742335"; a lock that
        # someone waits for is listed again after "->".
        fields = line.replace("->", " ").split()
        if "POSIX" not in fields:
            continue
        at = fields.index("POSIX")
        if len(fields) > at + 4 and fields[at + 3] == owner and fields[at + 4] == f"{device}:{inode}":
            return True
    return False


def deleted_sidecar_holders(path: Path) -> list[tuple[int, str]]:
    """Processes that still write to a deleted log or map of this library: (pid, name).

    Their commits since the deletion are not in the file. Only readable on Linux, and only
    for processes this user may look into.
    """
    proc = Path("/proc")
    if not sys.platform.startswith("linux") or not proc.is_dir():
        return []
    wanted = {f"{side} (deleted)" for side in map(str, sidecar_paths(path.absolute()))}
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            targets = {os.readlink(fd) for fd in (entry / "fd").iterdir()}
        except OSError:
            continue
        if targets & wanted:
            found.append((int(entry.name), _process_name(entry)))
    return sorted(found)


def _process_name(entry: Path) -> str:
    try:
        return (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "?"
