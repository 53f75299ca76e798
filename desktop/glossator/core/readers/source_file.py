"""Opening the file behind an article: every way that can fail becomes one ReadError line."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from glossator.core.errors import ReadError
from glossator.core.protected_files import protected_library
from glossator.core.readers.limits import check_size


def file_label(path: str | os.PathLike) -> str:
    """The file as messages name it: the path the user gave, quoted."""
    return f"'{os.fspath(path)}'"


def checked_file(path: str | os.PathLike) -> Path:
    """The absolute path of ``path`` once it is known to be an existing, regular file."""
    label = file_label(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ReadError(f"cannot read {label}: no such file") from None
    except PermissionError:
        raise ReadError(f"cannot read {label}: permission denied") from None
    except (OSError, ValueError) as exc:
        raise ReadError(f"cannot read {label}: {_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(f"cannot read {label}: it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or device could block forever or never end.
        raise ReadError(f"cannot read {label}: it is not a regular file")
    refuse_library_file(path)
    return Path(os.path.abspath(path))


def refuse_library_file(path: str | os.PathLike) -> None:
    """ReadError for the open library or one of its journals, before anything opens it:
    it is no article, and reading it here would drop the library's locks."""
    library = protected_library(path)
    if library is not None:
        raise ReadError(
            f"cannot read {file_label(path)}: it is Glossator's own library ({library}), not an article"
        )


def read_bytes(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The file's bytes, refused when empty or over ``max_bytes`` (checked before reading)."""
    label = file_label(path)
    refuse_library_file(path)
    try:
        check_size(os.stat(path).st_size, max_bytes, label)
        with open(path, "rb") as handle:
            # One byte past the limit tells a file that grew since stat() from one that fits.
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise ReadError(f"cannot read {label}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"cannot read {label}: {_reason(exc)}") from None
    if len(data) > max_bytes:
        check_size(max(len(data), os.stat(path).st_size), max_bytes, label)
    if not data:
        raise ReadError(f"{label} is empty")
    return data


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return reason[0].lower() + reason[1:]
