"""The library connection notices a broken hold on its file and recovers without losing edits."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from glossator.core import store
from glossator.core.store import backups, connection_guard, recovery

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(not connection_guard.lock_checks_supported(), reason="needs /proc/locks (Linux)")


def _other_process_writes(db: Path, body: str) -> None:
    """Another process adds a note row and closes, as the command line does."""
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute(\"INSERT INTO note (annotation_id, article_id, body, created, updated) "
        "SELECT annotation_id, article_id, ?, created, updated FROM note LIMIT 1\", (sys.argv[2],))\n"
        "c.commit(); c.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db), body], check=True, timeout=60)


def _drop_locks(db: Path) -> None:
    """What a type sniffer does: open the library and close it again."""
    with open(db, "rb") as handle:
        handle.read(16)


def _note_bodies(db: Path) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        return {row[0] for row in connection.execute("SELECT body FROM note")}
    finally:
        connection.close()


def test_open_library_holds_its_lock(glossator_db, article_row):
    assert connection_guard.holds_lock(glossator_db) is True
    assert store.verify_connection() is None


def test_lost_lock_is_taken_back_before_another_process_can_delete_the_log(glossator_db, article_row, span_of):
    start, end = span_of(article_row.text, "17%")
    store.add_note(article_row.id, start, end, "before")
    _drop_locks(glossator_db)
    assert connection_guard.holds_lock(glossator_db) is False
    message = store.verify_connection()
    assert message is not None and "dropped its lock" in message
    assert connection_guard.holds_lock(glossator_db) is True
    _other_process_writes(glossator_db, "from the other process")
    # The other process found this one still there, so the log stayed.
    assert glossator_db.with_name(glossator_db.name + "-wal").exists()
    store.add_note(article_row.id, start, end, "after")
    store.close_database()
    assert {"before", "from the other process", "after"} <= _note_bodies(glossator_db)


def test_each_write_checks_the_hold_first(glossator_db, article_row, span_of):
    start, end = span_of(article_row.text, "17%")
    store.add_note(article_row.id, start, end, "first")
    _drop_locks(glossator_db)
    # No explicit check: the write itself notices, reconnects, and only then commits.
    store.add_note(article_row.id, start, end, "second")
    assert connection_guard.holds_lock(glossator_db) is True
    _other_process_writes(glossator_db, "third")
    store.add_note(article_row.id, start, end, "fourth")
    store.close_database()
    assert {"first", "second", "third", "fourth"} <= _note_bodies(glossator_db)


def test_deleted_log_is_noticed_rescued_and_reconnected(glossator_db, article_row, span_of, monkeypatch):
    start, end = span_of(article_row.text, "17%")
    store.add_note(article_row.id, start, end, "mine")
    # Writes go on without a check, as in a process with no guard, until the log is gone.
    monkeypatch.setattr(store.database, "verify_connection", lambda: None)
    _drop_locks(glossator_db)
    _other_process_writes(glossator_db, "theirs")
    wal = glossator_db.with_name(glossator_db.name + "-wal")
    assert not wal.exists(), "the other process should have deleted the log it thought unused"
    # While this process still writes to the deleted log, `db check` must not say all is well.
    check = subprocess.run(
        [sys.executable, "-m", "glossator", "--db", str(glossator_db), "db", "check"],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "desktop")),
    )
    assert check.returncode == 2, check.stdout
    assert f"process {os.getpid()}" in check.stderr and "deleted log" in check.stderr
    monkeypatch.undo()
    message = store.verify_connection()
    assert message is not None and "deleted or replaced" in message
    [rescued] = [b for b in backups.list_backups(glossator_db) if b.kind == "rescued"]
    assert str(rescued.path) in message
    assert "mine" in _note_bodies(rescued.path)
    store.add_note(article_row.id, start, end, "after reconnecting")
    store.close_database()
    assert {"mine", "theirs", "after reconnecting"} <= _note_bodies(glossator_db)
    assert recovery.check_library(glossator_db) == []
