"""Writing a file the user asked for (an export, a rules file) whole, and only where it belongs.

The text goes to a temporary file beside the destination, is synced and renamed over it, so
a crash leaves the old file or the new one, never part of one. Before anything is written
the destination is looked at with ``stat`` (which opens nothing):

- a symbolic link is written through: its final target gets the new text, the link stays;
- anything that is not a regular file (a folder, a FIFO, a device, a socket) is refused, and
  so is a file without any write permission, and the open library and its journals;
- a new file gets the permissions the umask allows (0644 under 022), an existing one keeps
  its own;
- temporaries of the destination's own naming that a killed writer left behind, older than
  ``STALE_AFTER_S``, are removed.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import threading
import time
from pathlib import Path

from glossator.core import protected_files
from glossator.core.errors import GlossatorError

STALE_AFTER_S = 600  # a writer still working on its temporary after ten minutes is gone
_umask_lock = threading.Lock()


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path``; returns the file written."""
    requested = Path(path).expanduser()
    target = Path(os.path.realpath(requested)) if requested.is_symlink() else requested
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise GlossatorError(f"cannot write '{requested}': folder '{folder}' does not exist")
    mode = _mode_for(requested, target)
    _remove_stale_temporaries(folder, target.name)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
        _sync_folder(folder)
    except OSError as exc:
        raise GlossatorError(f"cannot write '{requested}': {exc.strerror or exc}") from exc
    finally:
        if tmp is not None and os.path.lexists(tmp):
            os.unlink(tmp)
    return target.resolve()


def _mode_for(requested: Path, target: Path) -> int:
    """The permissions the written file gets; refuses a destination that must not be replaced."""
    library = protected_files.protected_library(target)
    if library is not None:
        raise GlossatorError(f"cannot write '{requested}': it is the open library {library} (or one of its files)")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return 0o666 & ~current_umask()
    except OSError as exc:
        raise GlossatorError(f"cannot write '{requested}': {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise GlossatorError(f"cannot write '{requested}': it is {_kind(info.st_mode)}, not a regular file")
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise GlossatorError(f"cannot write '{requested}': the file is read-only")
    return stat.S_IMODE(info.st_mode)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def current_umask() -> int:
    """This process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove ``.NAME.<random>.tmp`` files of ours left by a writer that was killed."""
    pattern = re.compile(rf"\.{re.escape(name)}\.[A-Za-z0-9_]{{6,12}}\.tmp")
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if (stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()
                    and now - info.st_mtime > STALE_AFTER_S):
                os.unlink(entry.path)
        except OSError:
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system lets a folder be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
