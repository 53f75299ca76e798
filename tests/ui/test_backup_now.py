"""File > Back Up Library Now: a checked copy lands in the backups folder without the window
waiting, holds what the library held, and a copy that cannot be written is said so."""

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from glossator.core import store
from glossator.core.store import backups
from glossator.ui.actions import Act


def _article():
    from glossator.core.article import Article, paragraph_blocks

    text = "Imports fell by 3% in May, the agency said."
    return Article(text=text, blocks=paragraph_blocks(text), title="Imports")


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *rest: shown.append(text)))
    return shown


def test_back_up_now_writes_a_checked_manual_copy(qtbot, glossator_db, window, boxes):
    article_id = store.save_article(_article()).id
    store.add_article_note(article_id, "kept in the copy")
    assert backups.list_backups(glossator_db) == []

    action = window.acts[Act.BACKUP_NOW]
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert not action.isEnabled()  # one copy at a time
    qtbot.waitUntil(lambda: action.isEnabled(), timeout=10000)

    found = backups.list_backups(glossator_db)
    assert [b.kind for b in found] == ["manual"]
    backups.check_backup(found[0].path)
    connection = sqlite3.connect(found[0].path)
    try:
        assert [row[0] for row in connection.execute("SELECT body FROM note")] == ["kept in the copy"]
    finally:
        connection.close()
    assert str(found[0].path) in window.statusBar().currentMessage()
    assert boxes == []


def test_a_backup_that_cannot_be_written_is_reported(qtbot, glossator_db, window, boxes):
    folder = backups.backup_folder(glossator_db)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be")

    window.acts[Act.BACKUP_NOW].trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10000)

    assert "Could not write a backup" in boxes[0] and "not changed" in boxes[0]
    assert window.acts[Act.BACKUP_NOW].isEnabled()
    assert folder.read_text() == "a file where the folder should be"
