"""Schema versions: version 1 is the schema created from the models; later ones are numbered steps.

A new file gets the current models and the latest version number at once. An older file
is first copied into the backups folder (``<stem>-<time>-upgrade-from-v<old>.db``), then
brought up one step at a time; each step and its version bump share one transaction, so a
failing step changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playhouse.migrate import SchemaMigrator

from ..errors import StoreError, UnusableDatabaseError
from . import backups, search_index
from .models import DB, MODELS, SchemaVersion, utc_now

BASELINE_VERSION = 1

MigrationStep = Callable[[SchemaMigrator], None]

# (version, step): the step takes a file from the previous version to ``version``.
# When a model changes, add its field to the model *and* a step here, so new files
# (created from the models) and upgraded files end up with the same schema.
def _add_search_index(migrator: SchemaMigrator) -> None:
    """Version 2: the full-text index over articles, notes and sources, and its triggers."""
    search_index.install()


_SEARCH_INDEX_VERSION = search_index.SINCE_VERSION
STEPS: list[tuple[int, MigrationStep]] = [(_SEARCH_INDEX_VERSION, _add_search_index)]


def latest_version() -> int:
    """The schema version this code writes."""
    return max([BASELINE_VERSION, *(number for number, _ in STEPS)])


def stored_version() -> int | None:
    """The version recorded in the open file, or None when it has no version table.

    Anything but a positive integer (text, a fraction, zero) is damage, not a version.
    """
    if SchemaVersion._meta.table_name not in DB.get_tables():
        return None
    row = DB.execute_sql(
        f"SELECT version, typeof(version) FROM {SchemaVersion._meta.table_name} ORDER BY id LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    value, kind = row
    if kind != "integer" or value < 1:
        raise UnusableDatabaseError(f"The database has no valid schema version ({value!r}, {kind}).")
    return value


def create_schema() -> None:
    """Create every table of a new, empty file and stamp it with the latest version."""
    with DB.atomic():
        DB.create_tables(MODELS)
        search_index.install()
        SchemaVersion.create(version=latest_version())


def make_backup(path: Path, version: int) -> Path:
    """Copy the open database at schema ``version`` into the backups folder; returns the copy."""
    return backups.write_backup(DB.connection(), path, f"upgrade-from-v{version}")


def upgrade_schema(path: Path, version: int) -> Path:
    """Back the file up, then run every step newer than ``version``; returns the backup's path."""
    backup = make_backup(path, version)
    migrator = SchemaMigrator.from_database(DB)
    for number, step in sorted(STEPS, key=lambda pair: pair[0]):
        if version < number:
            # migration_context wraps DB.atomic() and, on SQLite, switches foreign keys
            # off so rebuilding a table cannot cascade-delete its children.
            try:
                with migrator.migration_context():
                    # Another process may have run this step while we waited for the lock.
                    if (stored_version() or 0) < number:
                        step(migrator)
                        SchemaVersion.update(version=number, changed=utc_now()).execute()
            except Exception as exc:
                raise StoreError(
                    f"Could not upgrade the database {path} to schema version {number} "
                    f"({_one_line(exc)}); it was left at version {version}, "
                    f"and a copy is at {backup}."
                ) from exc
            version = number
    # A step that rebuilds a table drops that table's triggers with it: put the search
    # index's triggers back and index everything again.
    if version >= _SEARCH_INDEX_VERSION:
        search_index.install()
    return backup


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
