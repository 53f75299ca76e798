"""Numbered migration steps: backup first, one transaction per step, version bumped with it."""

import sqlite3

import pytest
from peewee import TextField
from playhouse.migrate import SchemaMigrator

from glossator.core.errors import StoreError
from glossator.core.store import backups, close_database, migrations, models, open_database, save_article


def _columns(path, table):
    connection = sqlite3.connect(path)
    try:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    finally:
        connection.close()


def _version(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version FROM schema_version").fetchone()[0]
    finally:
        connection.close()


def _add_summary_column(migrator: SchemaMigrator) -> None:
    migrator.migrate(migrator.add_column("article", "summary", TextField(default="")))


def _fail_halfway(migrator: SchemaMigrator) -> None:
    migrator.migrate(migrator.add_column("article", "half_done", TextField(default="")))
    raise RuntimeError("step broke")


# The version new files get; the steps below come after it.
NOW = migrations.latest_version()


def _with(*steps):
    """The real steps, then ``steps`` numbered from the version after ``NOW``."""
    return [*migrations.STEPS, *((NOW + 1 + k, step) for k, step in enumerate(steps))]


@pytest.fixture
def current_file(glossator_db, make_article):
    """The test database at the current schema version with one article in it, closed."""
    save_article(make_article())
    close_database()
    return glossator_db


def _upgrade_backups(path):
    return [b for b in backups.list_backups(path) if b.kind.startswith("upgrade-from-v")]


def test_current_file_is_not_backed_up_for_an_upgrade(current_file):
    open_database(current_file)
    assert _upgrade_backups(current_file) == []


def test_step_runs_after_backup_and_bumps_version(current_file, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", _with(_add_summary_column))
    open_database(current_file)
    close_database()

    assert "summary" in _columns(current_file, "article")
    assert _version(current_file) == NOW + 1
    [backup] = [b.path for b in _upgrade_backups(current_file)]
    assert backup.name.endswith(f"-upgrade-from-v{NOW}.db") and backup.parent.name == "backups"
    assert "summary" not in _columns(backup, "article")
    assert _version(backup) == NOW
    connection = sqlite3.connect(backup)
    titles = [row[0] for row in connection.execute("SELECT title FROM article")]
    connection.close()
    assert titles == ["DeepSeek R1 AI Model Disrupts Global Tech Market"]


def test_existing_backups_are_kept(current_file, monkeypatch):
    open_database(current_file)
    earlier = backups.write_backup(models.DB.connection(), current_file, "manual")
    close_database()
    monkeypatch.setattr(migrations, "STEPS", _with(_add_summary_column))
    open_database(current_file)
    assert earlier.exists() and _version(earlier) == NOW
    assert len(_upgrade_backups(current_file)) == 1


def test_failed_backup_stops_the_upgrade(current_file, monkeypatch):
    # A file where the backups folder should be: no copy can be made, so no step may run.
    backups.backup_folder(current_file).write_text("in the way")
    monkeypatch.setattr(migrations, "STEPS", _with(_add_summary_column))
    with pytest.raises(StoreError, match="backup"):
        open_database(current_file)
    assert _version(current_file) == NOW
    assert "summary" not in _columns(current_file, "article")


def test_failing_step_rolls_back(current_file, monkeypatch):
    before = _columns(current_file, "article")
    monkeypatch.setattr(migrations, "STEPS", _with(_fail_halfway))
    with pytest.raises(StoreError) as caught:
        open_database(current_file)
    message = str(caught.value)
    assert f"version {NOW + 1}" in message and "step broke" in message and f"upgrade-from-v{NOW}" in message
    assert _columns(current_file, "article") == before
    assert _version(current_file) == NOW
    connection = sqlite3.connect(current_file)
    assert connection.execute("SELECT count(*) FROM article").fetchone()[0] == 1
    connection.close()


def test_steps_before_a_failure_stay_applied(current_file, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", _with(_add_summary_column, _fail_halfway))
    with pytest.raises(StoreError, match=f"left at version {NOW + 1}"):
        open_database(current_file)
    assert _version(current_file) == NOW + 1
    assert "summary" in _columns(current_file, "article")
    assert "half_done" not in _columns(current_file, "article")


def test_table_rebuild_keeps_child_rows(current_file, monkeypatch, span_of):
    # Dropping a column makes SQLite rebuild the table; with foreign keys on, that
    # would cascade-delete every annotation of every article.
    from glossator.core.store import add_note, get_article

    open_database(current_file)
    article = get_article(1)
    start, end = span_of(article.text, "17%")
    add_note(article.id, start, end, "kept")
    close_database()

    def drop_format(migrator):
        migrator.migrate(migrator.drop_column("article", "format", legacy=True))

    monkeypatch.setattr(migrations, "STEPS", _with(drop_format))
    open_database(current_file)
    assert models.Annotation.select().count() == 1
    assert [note.body for note in models.Note.select()] == ["kept"]
    assert models.DB.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
