"""The original files of documents whose pages Glossator shows (PDF): one copy each, by the
SHA-256 of its bytes, in a folder beside the library, so the Page view works after the file
has moved or been deleted."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from glossator.core.errors import StoreError
from glossator.core.paths import user_data_dir
from glossator.core.store import database_path


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder() -> Path:
    """``<library>.originals`` beside the open library file, else in the user data folder."""
    db = database_path()
    return db.with_name(db.name + ".originals") if db is not None else user_data_dir() / "originals"


def keep(data: bytes, suffix: str = ".pdf") -> Path:
    """Store ``data`` once (written whole or not at all) and return where it is."""
    target = folder() / f"{digest(data)}{suffix}"
    if target.exists() and target.stat().st_size == len(data):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise StoreError(f"cannot keep a copy of the document in {target.parent}: {exc.strerror or exc}") from None
    return target


def find(sha256: str, suffix: str = ".pdf") -> Path | None:
    """The kept copy with this digest, or None."""
    path = folder() / f"{sha256}{suffix}"
    return path if path.is_file() else None
