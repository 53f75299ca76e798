"""Automatic backups: daily and before upgrades, checked, rotated, written atomically; restore."""

import sqlite3
from datetime import datetime

import pytest

from glossator.core.errors import StoreError
from glossator.core.store import (
    add_note,
    annotation_records,
    backups,
    close_database,
    models,
    open_database,
)


def _notes(path):
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT body FROM note ORDER BY id")]
    finally:
        connection.close()


def test_new_library_is_not_backed_up(glossator_db):
    assert backups.list_backups(glossator_db) == []


def test_first_open_of_the_day_takes_one_checked_daily_backup(glossator_db, article_row, span_of):
    add_note(article_row.id, *span_of(article_row.text, "17%"), "first")
    close_database()
    open_database(glossator_db)
    close_database()
    open_database(glossator_db)
    [daily] = backups.list_backups(glossator_db)
    assert daily.kind == "daily" and daily.path.parent == glossator_db.parent / "backups"
    assert _notes(daily.path) == ["first"]
    backups.check_backup(daily.path)
    # Written to a temporary file and renamed: nothing else is left in the folder.
    assert [p.name for p in daily.path.parent.iterdir()] == [daily.path.name]


def test_daily_backup_is_due_again_the_next_day(glossator_db, article_row):
    close_database()
    open_database(glossator_db)
    [daily] = backups.list_backups(glossator_db)
    assert not backups.daily_backup_due(glossator_db, today=daily.taken)
    assert backups.daily_backup_due(glossator_db, today=datetime(2099, 1, 1))


def test_rotation_keeps_the_newest_of_each_kind_and_every_manual_copy(glossator_db, monkeypatch):
    monkeypatch.setattr(backups, "KEEP", {"daily": 2, "upgrade": 1})
    connection = models.DB.connection()
    made = {kind: [backups.write_backup(connection, glossator_db, kind) for _ in range(3)]
            for kind in ("daily", "upgrade-from-v1", "manual")}
    kept = {b.path for b in backups.list_backups(glossator_db)}
    assert kept == {*made["daily"][1:], made["upgrade-from-v1"][2], *made["manual"]}


def test_backups_of_another_library_in_the_folder_are_left_alone(glossator_db, tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "KEEP", {"daily": 1, "upgrade": 1})
    other = tmp_path / "other.db"
    open_database(other)
    theirs = backups.write_backup(models.DB.connection(), other, "daily")
    open_database(glossator_db)
    for _ in range(2):
        backups.write_backup(models.DB.connection(), glossator_db, "daily")
    assert theirs.exists()
    assert [b.path for b in backups.list_backups(other)] == [theirs]


def test_failed_daily_backup_does_not_stop_the_library_opening(glossator_db, article_row):
    close_database()
    backups.backup_folder(glossator_db).write_text("a file in the way")
    assert open_database(glossator_db) == glossator_db
    assert annotation_records(article_row.id) == []


def test_a_failed_copy_never_enters_the_rotation(glossator_db):
    with pytest.raises(StoreError, match="Could not write a backup"):
        backups.write_backup(_FailingSource(), glossator_db, "daily")
    assert backups.list_backups(glossator_db) == []
    assert [p.name for p in backups.backup_folder(glossator_db).iterdir()] == []


class _FailingSource:
    """A source connection whose backup breaks halfway, like a disk error would."""

    def backup(self, target, *args, **kwargs):
        target.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("disk I/O error")


def test_restore_puts_the_backup_back_and_sets_the_bad_file_aside(glossator_db, article_row, span_of):
    add_note(article_row.id, *span_of(article_row.text, "17%"), "kept")
    backup = backups.write_backup(models.DB.connection(), glossator_db, "manual")
    add_note(article_row.id, *span_of(article_row.text, "Marc"), "after the backup")
    close_database()
    garbage = b"not a database any more" * 100
    glossator_db.write_bytes(garbage)

    aside = backups.restore_backup(glossator_db, backup)
    assert aside.read_bytes() == garbage and aside.name.startswith("glossator.db.unusable-")
    assert _notes(glossator_db) == ["kept"]
    assert backup.exists()
    open_database(glossator_db)
    [record] = annotation_records(article_row.id)
    assert record.notes == ["kept"]


def test_restore_moves_the_old_wal_aside_with_its_file(glossator_db, article_row, span_of):
    backup = backups.write_backup(models.DB.connection(), glossator_db, "manual")
    add_note(article_row.id, *span_of(article_row.text, "17%"), "only in the wal")
    wal = glossator_db.with_name("glossator.db-wal")
    # The files as a crash leaves them: the last commit still in the WAL, not checkpointed.
    crashed = {path: path.read_bytes() for path in (glossator_db, wal)}
    close_database()
    for path, data in crashed.items():
        path.write_bytes(data)

    aside = backups.restore_backup(glossator_db, backup)
    assert not wal.exists()
    assert aside.with_name(aside.name + "-wal").read_bytes() == crashed[wal]
    open_database(glossator_db)
    assert _notes(glossator_db) == []
    assert models.DB.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The set-aside pair still holds the note: nothing the reader wrote is thrown away.
    assert _notes(aside) == ["only in the wal"]


def test_a_damaged_backup_is_refused_and_nothing_moves(glossator_db, tmp_path):
    close_database()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 200)
    before = glossator_db.read_bytes()
    with pytest.raises(StoreError, match="bad.db"):
        backups.restore_backup(glossator_db, bad)
    assert glossator_db.read_bytes() == before
    assert list(tmp_path.glob("*.unusable-*")) == []


def test_contents_of_a_backup_are_counted_read_only(glossator_db, article_row, span_of, tmp_path):
    add_note(article_row.id, *span_of(article_row.text, "17%"), "one")
    add_note(article_row.id, *span_of(article_row.text, "Marc"), "two")
    copy = backups.write_backup(models.DB.connection(), glossator_db, "manual")
    before = copy.read_bytes()
    assert backups.backup_contents(copy) == (1, 2)
    assert copy.read_bytes() == before
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 200)
    assert backups.backup_contents(bad) is None
