"""Files Glossator must refuse are looked at read-only first and left byte for byte as they were."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from glossator.core.errors import UnusableDatabaseError
from glossator.core.store import close_database, open_database, recovery


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sidecars(path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def _sql(path, *statements) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def closed(glossator_db):
    """The test library, closed, so each test can shape the file as it likes."""
    close_database()
    return glossator_db


def test_foreign_rollback_journal_file_is_left_byte_for_byte(tmp_path):
    path = tmp_path / "f.db"
    _sql(path, "CREATE TABLE t(x)", "PRAGMA journal_mode=DELETE")
    before = _digest(path)
    with pytest.raises(UnusableDatabaseError, match="another program.*left untouched"):
        open_database(path)
    assert _digest(path) == before
    assert path.read_bytes()[18:20] == b"\x01\x01"  # still a rollback-journal file
    assert _sidecars(path) == []


def test_newer_library_in_rollback_mode_is_left_byte_for_byte(closed):
    _sql(closed, "PRAGMA journal_mode=DELETE", "UPDATE schema_version SET version = 99")
    before = _digest(closed)
    with pytest.raises(UnusableDatabaseError, match="newer Glossator"):
        open_database(closed)
    assert _digest(closed) == before
    assert _sidecars(closed) == []


@pytest.mark.parametrize("stored", ["'two'", "x'02'", "2.5", "0", "-3"])
def test_schema_version_that_is_not_a_known_integer_is_refused(closed, stored):
    _sql(closed, "PRAGMA journal_mode=DELETE", f"UPDATE schema_version SET version = {stored}")
    before = _digest(closed)
    with pytest.raises(UnusableDatabaseError, match="schema version"):
        open_database(closed)
    assert _digest(closed) == before
    problems = recovery.check_library(closed)
    assert problems and "schema version" in problems[0]


@pytest.mark.parametrize("table", ["note", "search_index", "source"])
def test_missing_table_is_damage_on_open_and_in_the_check(closed, table):
    _sql(closed, f"DROP TABLE {table}")
    with pytest.raises(UnusableDatabaseError, match=f"lacks table {table}"):
        open_database(closed)
    problems = recovery.check_library(closed)
    assert any(f"table {table}" in problem for problem in problems), problems


def test_missing_column_is_damage(closed):
    _sql(closed, "ALTER TABLE source DROP COLUMN stance")
    with pytest.raises(UnusableDatabaseError, match="column source.stance"):
        open_database(closed)
    assert any("source.stance" in problem for problem in recovery.check_library(closed))


def test_sound_library_passes_the_check(closed):
    assert recovery.check_library(closed) == []
