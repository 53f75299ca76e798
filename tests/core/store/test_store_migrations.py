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


@pytest.fixture
def v1_file(glossator_db, make_article):
    """The test database at schema version 1 with one article in it, closed."""
    save_article(make_article())
    close_database()
    return glossator_db


def _upgrade_backups(path):
    return [b for b in backups.list_backups(path) if b.kind.startswith("upgrade-from-v")]


def test_current_file_is_not_backed_up_for_an_upgrade(v1_file):
    open_database(v1_file)
    assert _upgrade_backups(v1_file) == []


def test_step_runs_after_backup_and_bumps_version(v1_file, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", [(2, _add_summary_column)])
    open_database(v1_file)
    close_database()

    assert "summary" in _columns(v1_file, "article")
    assert _version(v1_file) == 2
    [backup] = [b.path for b in _upgrade_backups(v1_file)]
    assert backup.name.endswith("-upgrade-from-v1.db") and backup.parent.name == "backups"
    assert "summary" not in _columns(backup, "article")
    assert _version(backup) == 1
    connection = sqlite3.connect(backup)
    titles = [row[0] for row in connection.execute("SELECT title FROM article")]
    connection.close()
    assert titles == ["DeepSeek R1 AI Model Disrupts Global Tech Market"]


def test_existing_backups_are_kept(v1_file, monkeypatch):
    open_database(v1_file)
    earlier = backups.write_backup(models.DB.connection(), v1_file, "manual")
    close_database()
    monkeypatch.setattr(migrations, "STEPS", [(2, _add_summary_column)])
    open_database(v1_file)
    assert earlier.exists() and _version(earlier) == 1
    assert len(_upgrade_backups(v1_file)) == 1


def test_failed_backup_stops_the_upgrade(v1_file, monkeypatch):
    # A file where the backups folder should be: no copy can be made, so no step may run.
    backups.backup_folder(v1_file).write_text("in the way")
    monkeypatch.setattr(migrations, "STEPS", [(2, _add_summary_column)])
    with pytest.raises(StoreError, match="backup"):
        open_database(v1_file)
    assert _version(v1_file) == 1
    assert "summary" not in _columns(v1_file, "article")


def test_failing_step_rolls_back(v1_file, monkeypatch):
    before = _columns(v1_file, "article")
    monkeypatch.setattr(migrations, "STEPS", [(2, _fail_halfway)])
    with pytest.raises(StoreError) as caught:
        open_database(v1_file)
    message = str(caught.value)
    assert "version 2" in message and "step broke" in message and "upgrade-from-v1" in message
    assert _columns(v1_file, "article") == before
    assert _version(v1_file) == 1
    connection = sqlite3.connect(v1_file)
    assert connection.execute("SELECT count(*) FROM article").fetchone()[0] == 1
    connection.close()


def test_steps_before_a_failure_stay_applied(v1_file, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", [(2, _add_summary_column), (3, _fail_halfway)])
    with pytest.raises(StoreError, match="left at version 2"):
        open_database(v1_file)
    assert _version(v1_file) == 2
    assert "summary" in _columns(v1_file, "article")
    assert "half_done" not in _columns(v1_file, "article")


def test_table_rebuild_keeps_child_rows(v1_file, monkeypatch, span_of):
    # Dropping a column makes SQLite rebuild the table; with foreign keys on, that
    # would cascade-delete every annotation of every article.
    from glossator.core.store import add_note, get_article

    open_database(v1_file)
    article = get_article(1)
    start, end = span_of(article.text, "17%")
    add_note(article.id, start, end, "kept")
    close_database()

    def drop_format(migrator):
        migrator.migrate(migrator.drop_column("article", "format", legacy=True))

    monkeypatch.setattr(migrations, "STEPS", [(2, drop_format)])
    open_database(v1_file)
    assert models.Annotation.select().count() == 1
    assert [note.body for note in models.Note.select()] == ["kept"]
    assert models.DB.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
