"""Copies of the library taken with SQLite's online backup API, rotated, and restored on request.

Copies live in a ``backups`` folder next to the database, named
``<stem>-<UTC time>-<kind>.db``; the kind is ``daily``, ``upgrade-from-v<N>`` (taken before a
migration), ``manual`` or ``rescued`` (what a window saw when
another program broke its hold on the library). Each copy is written to a temporary file, checked with
``PRAGMA integrity_check`` and only then renamed into place, so an interrupted backup never
leaves half a file and a damaged library never pushes a good copy out of the rotation.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError

FOLDER_NAME = "backups"
# How many copies of each automatic kind are kept; manual copies are never removed.
KEEP = {"daily": 7, "upgrade": 3}
_STAMP = "%Y%m%d-%H%M%S-%f"
_SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Backup:
    """One backup file: where it is, when it was taken (UTC) and why."""

    path: Path
    taken: datetime
    kind: str

    @property
    def rotation(self) -> str:
        """The rotation group: every ``upgrade-from-v<N>`` copy counts as ``upgrade``."""
        return "upgrade" if self.kind.startswith("upgrade-from-v") else self.kind


def backup_folder(db_path: Path) -> Path:
    """The folder holding the copies of the database at ``db_path``."""
    return db_path.parent / FOLDER_NAME


def list_backups(db_path: Path) -> list[Backup]:
    """The copies of this database, newest first."""
    folder = backup_folder(db_path)
    pattern = re.compile(
        rf"{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-(daily|manual|rescued|upgrade-from-v\d+)\.db"
    )
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            match = pattern.fullmatch(entry.name)
            if match and entry.is_file():
                taken = datetime.strptime(match.group(1), _STAMP)
                found.append(Backup(entry, taken, match.group(2)))
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def latest_backup(db_path: Path) -> Backup | None:
    """The newest copy of any kind, or None."""
    backups = list_backups(db_path)
    return backups[0] if backups else None


def daily_backup_due(db_path: Path, today: datetime | None = None) -> bool:
    """True when no daily copy was taken on this UTC day."""
    day = (today or _utc_now()).date()
    return not any(b.kind == "daily" and b.taken.date() == day for b in list_backups(db_path))


def write_backup(source: sqlite3.Connection, db_path: Path, kind: str) -> Path:
    """Copy the open database ``source`` into a new checked backup; rotate; return its path."""
    folder = backup_folder(db_path)
    now = _utc_now()
    target = folder / f"{db_path.stem}-{now.strftime(_STAMP)}-{kind}.db"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _copy_checked(source, target)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Could not write a backup of {db_path} to {folder} ({_one_line(exc)}).") from exc
    rotate(db_path)
    return target


def rotate(db_path: Path) -> list[Path]:
    """Remove the oldest automatic copies beyond ``KEEP``; returns the files removed."""
    removed, seen = [], {group: 0 for group in KEEP}
    for backup in list_backups(db_path):
        if backup.rotation not in seen:
            continue
        seen[backup.rotation] += 1
        if seen[backup.rotation] > KEEP[backup.rotation]:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def check_backup(path: Path) -> None:
    """StoreError unless ``path`` is an undamaged Glossator database."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(f"The backup {path} cannot be used ({_one_line(exc)}).") from exc
    if result != "ok":
        raise StoreError(f"The backup {path} is damaged ({result}).")
    if "schema_version" not in tables:
        raise StoreError(f"The backup {path} is not a Glossator database.")


def backup_contents(path: Path) -> tuple[int, int] | None:
    """How many articles and notes the copy at ``path`` holds, read-only; None if unreadable."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            articles = connection.execute("SELECT count(*) FROM article").fetchone()[0]
            notes = connection.execute("SELECT count(*) FROM note").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return articles, notes


def set_aside(db_path: Path, reason: str = "unusable") -> Path | None:
    """Rename the database and its journal files to ``<name>.<reason>-<time>``; never deletes.

    Returns the new name of the database file, or None when there was no file. Its WAL goes
    with it: left behind, SQLite would replay it into whatever file takes the old name.
    """
    if not db_path.exists():
        return None
    aside = db_path.with_name(f"{db_path.name}.{reason}-{_utc_now().strftime(_STAMP)}")
    for suffix in _SIDECARS:
        sidecar = db_path.with_name(db_path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, aside.with_name(aside.name + suffix))
    os.replace(db_path, aside)
    return aside


def restore_backup(db_path: Path, backup: Path, reason: str = "unusable") -> Path | None:
    """Put a checked copy of ``backup`` at ``db_path``; the file there is set aside, not lost
    (named for ``reason``: "unusable" when it could not be used, "replaced" when it could).

    The database must be closed. Returns where the replaced file went (None if there was none).
    """
    check_backup(backup)
    try:
        source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
        try:
            staged = _stage_copy(source, db_path.parent, db_path.name)
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"Could not restore {backup} to {db_path} ({_one_line(exc)}).") from exc
    aside = set_aside(db_path, reason)
    os.replace(staged, db_path)
    return aside


def _copy_checked(source: sqlite3.Connection, target: Path) -> None:
    staged = _stage_copy(source, target.parent, target.name)
    os.replace(staged, target)


def _stage_copy(source: sqlite3.Connection, folder: Path, name: str) -> Path:
    """A checked, fully synced copy of ``source`` in a temporary file in ``folder``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    staged = Path(tmp)
    try:
        destination = sqlite3.connect(staged)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
            result = destination.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            destination.close()
        if result != "ok":
            raise sqlite3.DatabaseError(f"the copy failed its integrity check: {result}")
        with staged.open("rb") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return staged


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
