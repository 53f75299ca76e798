"""``glossator db check|backup|restore``: look after the library file itself.

These run without opening the library first, so they also work on a file Glossator
refuses to open.
"""

from __future__ import annotations

from pathlib import Path

from glossator.cli import output
from glossator.core.errors import StoreError, UnusableDatabaseError
from glossator.core.paths import resolve_db_path
from glossator.core.services import maintenance


def open_library(db: str | None) -> Path:
    """Open the library for a command; a damaged one's message says how to recover."""
    try:
        return maintenance.open_library(db)
    except UnusableDatabaseError as exc:
        raise UnusableDatabaseError(
            f"{exc} 'glossator db restore' puts back the newest backup "
            "(the file itself is kept aside)."
        ) from exc


def add_parser(sub) -> None:
    """The ``db`` command and its actions."""
    p = sub.add_parser("db", help="check, back up or restore the library database")
    actions = p.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    actions.add_parser("check", help="check the library file for damage (read-only)")
    actions.add_parser("backup", help="copy the library into its backups folder now")
    restore = actions.add_parser("restore", help="replace the library with a backup (the newest by default)")
    restore.add_argument("backup", nargs="?", help="the backup file to restore")
    restore.add_argument("--list", action="store_true", help="list the backups instead")


def run(args) -> int:
    """Carry out ``glossator db ACTION``."""
    path = resolve_db_path(args.db)
    return {"check": _check, "backup": _backup, "restore": _restore}[args.db_action](args, path)


def _check(args, path: Path) -> int:
    problems = maintenance.check_library(path)
    if problems:
        raise StoreError(f"The database {path} is damaged: {'; '.join(problems[:5])}.")
    print(f"{path}: no damage found.")
    return 0


def _backup(args, path: Path) -> int:
    maintenance.open_library(path)
    try:
        print(maintenance.make_backup())
    finally:
        maintenance.close_library()
    return 0


def _restore(args, path: Path) -> int:
    if args.list:
        found = maintenance.list_backups(path)
        if not found:
            print(f"No backups of {path} in {maintenance.backup_folder(path)}.")
            return 0
        rows = [[b.taken.strftime("%Y-%m-%d %H:%M:%S UTC"), b.kind, str(b.path)] for b in found]
        print(output.table(["taken", "kind", "file"], rows, flexible=1))
        return 0
    try:
        used, aside = maintenance.restore(path, Path(args.backup).absolute() if args.backup else None)
    finally:
        maintenance.close_library()
    print(f"Restored {used} to {path}.")
    if aside is not None:
        print(f"The file it replaced was kept as {aside}.")
    return 0
