"""Damage that opening the library cannot see (one bad page of one table) is found by the
first query that reaches it: every command then says so in one line and exits 2, and a
fault in Glossator itself still surfaces as a traceback."""

import sqlite3

import peewee
import pytest

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from glossator.core.errors import StoreError, UnusableDatabaseError
from tests.cli_runner import run


def _ruin_table(path, table):
    """Overwrite the b-tree header of ``table``'s root page, leaving every other page sound."""
    store.close_database()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * 8)


@pytest.fixture
def ruined(glossator_db):
    text = "The harbour reopened after the storm. Officials said 40 ships had waited."
    row = store.save_article(Article(text=text, blocks=paragraph_blocks(text), title="Harbour"))
    store.add_note(row.id, 4, 11, "check the date")
    _ruin_table(glossator_db, "annotation")
    return row.id


@pytest.mark.parametrize("command", [["list"], ["show", "{id}"], ["export", "{id}", "-o", "out.md"],
                                     ["note", "{id}", "--start", "0", "--end", "3", "--text", "x"],
                                     ["search", "harbour"], ["entities"]])
def test_every_command_names_the_damage_in_one_line(capsys, ruined, glossator_db, command, tmp_path,
                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *[part.format(id=ruined) for part in command])
    assert code == 2, err
    assert "Traceback" not in err
    final = err.strip().splitlines()[-1]
    assert final.startswith("glossator: error: ") and str(glossator_db) in final
    assert "damaged" in final and "glossator db restore" in final
    assert not (tmp_path / "out.md").exists()


def test_db_check_reports_the_same_damage(capsys, ruined, glossator_db):
    code, out, err = run(capsys, "db", "check")
    assert code == 2 and "damaged" in err and "Traceback" not in err


def test_library_failure_tells_file_faults_from_bugs(glossator_db):
    malformed = peewee.DatabaseError("database disk image is malformed")
    assert isinstance(store.library_failure(malformed), UnusableDatabaseError)
    missing = peewee.OperationalError("no such table: note")
    assert "lacks part of its schema (no such table: note)" in str(store.library_failure(missing))
    locked = peewee.OperationalError("database is locked")
    failure = store.library_failure(locked)
    assert isinstance(failure, StoreError) and not isinstance(failure, UnusableDatabaseError)
    assert store.library_failure(peewee.OperationalError('near "SELEC": syntax error')) is None
    assert store.library_failure(ValueError("malformed")) is None


def test_a_bug_is_not_disguised_as_damage(capsys, glossator_db, monkeypatch):
    def broken(*args, **kwargs):
        raise peewee.OperationalError('near "SELEC": syntax error')

    monkeypatch.setattr(store, "list_articles", broken)
    with pytest.raises(peewee.OperationalError):
        run(capsys, "list")
