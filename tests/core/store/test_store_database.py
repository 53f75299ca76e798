"""Opening the database: pragmas, persistence, and clear errors for files a user got wrong."""

import os
import sqlite3
from contextlib import contextmanager

import pytest

from glossator.core.errors import StoreError, UnusableDatabaseError
from glossator.core.store import (
    add_note,
    add_source,
    annotation_records,
    close_database,
    database,
    database_path,
    get_article,
    migrations,
    models,
    open_database,
)


@contextmanager
def _held_exclusively(path):
    """Another connection holding an exclusive lock on the file for the duration."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_open_uses_environment_path(glossator_db):
    assert database_path() == glossator_db
    assert glossator_db.exists()


def test_pragmas_are_on():
    db = models.DB.obj
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == database.BUSY_TIMEOUT_MS
    # synchronous=FULL is 2: a commit that returned survives a power cut.
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2


def test_open_creates_missing_folders(tmp_path):
    path = tmp_path / "a" / "b" / "library.db"
    assert open_database(path) == path
    assert path.exists()
    assert database_path() == path


def test_new_file_gets_every_table_and_a_version():
    tables = set(models.DB.get_tables())
    assert {model._meta.table_name for model in models.MODELS} <= tables
    assert "search_index" in tables
    assert [row.version for row in models.SchemaVersion.select()] == [migrations.latest_version()]


def test_notes_and_sources_survive_close_and_reopen(glossator_db, article_row, span_of):
    start, end = span_of(article_row.text, "plunged by 17%")
    add_note(article_row.id, start, end, "Check the **exchange** figures.")
    add_source(article_row.id, start, end, "https://example.org/nvda", "Filing", "refutes")
    close_database()
    assert database_path() is None
    open_database(glossator_db)
    [record] = annotation_records(article_row.id)
    assert record.notes == ["Check the **exchange** figures."]
    assert [(s.url, s.title, s.stance) for s in record.sources] == [
        ("https://example.org/nvda", "Filing", "refutes")
    ]


def test_close_twice_is_harmless():
    close_database()
    close_database()
    assert database_path() is None


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    content = b"these are not the pages of an SQLite database\n" * 50
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        open_database(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert path.read_bytes() == content
    assert not path.with_name("notes.db-wal").exists()
    assert database_path() is None


def test_damaged_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "damaged.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x TEXT)")
    connection.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    connection.commit()
    connection.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wipe the schema page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged.db"):
        open_database(path)
    assert path.read_bytes() == bytes(data)


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="another program"):
        open_database(path)
    connection = sqlite3.connect(path)
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    connection.close()
    assert tables == ["contacts"]


def test_folder_as_database_path_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        open_database(tmp_path)


def test_newer_schema_is_refused(glossator_db):
    models.SchemaVersion.update(version=99).execute()
    close_database()
    with pytest.raises(UnusableDatabaseError, match="newer Glossator"):
        open_database(glossator_db)


def test_locked_database_gives_one_line(glossator_db, monkeypatch):
    close_database()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    with _held_exclusively(glossator_db), pytest.raises(StoreError) as caught:
        open_database(glossator_db)
    message = str(caught.value)
    assert "locked" in message and str(glossator_db) in message and "\n" not in message


def test_write_on_locked_database_is_store_error(article_row, glossator_db, monkeypatch, span_of):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    close_database()
    open_database(glossator_db)
    holder = sqlite3.connect(glossator_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        start, end = span_of(article_row.text, "17%")
        with pytest.raises(StoreError, match="locked"):
            add_note(article_row.id, start, end, "blocked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert annotation_records(article_row.id) == []


def test_read_only_file_opens_for_reading_and_refuses_edits(article_row, glossator_db, monkeypatch, span_of):
    close_database()
    # Root ignores file modes, so the permission answer is what a user without rights gets.
    real_access = os.access
    monkeypatch.setattr(database.os, "access", lambda p, mode: False if str(p) == str(glossator_db)
                        and mode == os.W_OK else real_access(p, mode))
    before = glossator_db.read_bytes()
    open_database(glossator_db)
    assert database.read_only_reason() == "the file is read-only"
    assert get_article(article_row.id).title == article_row.title
    start, end = span_of(article_row.text, "17%")
    with pytest.raises(StoreError) as caught:
        add_note(article_row.id, start, end, "refused")
    message = str(caught.value)
    assert "read-only" in message and "edits are impossible" in message and str(glossator_db) in message
    close_database()
    assert glossator_db.read_bytes() == before


def test_file_system_that_refuses_writes_still_opens_for_reading(article_row, glossator_db, monkeypatch, span_of):
    close_database()
    # What SQLite meets on a read-only mount: every connection it makes is read-only.
    original = sqlite3.connect

    def read_only(database_name, *args, **kwargs):
        if not str(database_name).startswith("file:"):
            kwargs["uri"] = True
            database_name = f"file:{database_name}?mode=ro"
        return original(database_name, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    open_database(glossator_db)
    assert database.read_only_reason() == "the file system refuses writes"
    assert get_article(article_row.id).id == article_row.id
    start, end = span_of(article_row.text, "17%")
    with pytest.raises(StoreError, match="edits are impossible"):
        add_note(article_row.id, start, end, "refused")


def test_write_waits_out_a_lock_held_longer_than_the_busy_timeout(
    article_row, glossator_db, monkeypatch, span_of
):
    import threading
    import time

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(database, "RETRY_PAUSE_S", 0.1)
    close_database()
    open_database(glossator_db)
    holder = sqlite3.connect(glossator_db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.2, lambda: holder.execute("ROLLBACK"))
    release.start()
    started = time.monotonic()
    try:
        add_note(article_row.id, *span_of(article_row.text, "17%"), "written after the wait")
    finally:
        release.join()
        holder.close()
    assert time.monotonic() - started >= 0.2
    [record] = annotation_records(article_row.id)
    assert record.notes == ["written after the wait"]


def test_unusable_files_are_told_apart_from_passing_trouble(glossator_db, tmp_path, monkeypatch):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00garbage" * 600)
    with pytest.raises(UnusableDatabaseError):
        open_database(garbage)
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(glossator_db.read_bytes()[:1000])
    with pytest.raises(UnusableDatabaseError):
        open_database(truncated)
    assert truncated.stat().st_size == 1000

    open_database(glossator_db)
    close_database()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    with _held_exclusively(glossator_db), pytest.raises(StoreError) as caught:
        open_database(glossator_db)
    assert not isinstance(caught.value, UnusableDatabaseError)
