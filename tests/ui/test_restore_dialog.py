"""File > Restore from Backup on a healthy library: the chosen backup comes back, the library
in use is kept aside, and a backup that cannot be used changes nothing."""

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from glossator.core import store
from glossator.core.errors import StoreError
from glossator.core.store import backups, models
from glossator.ui.actions import Act
from glossator.ui.restore_dialog import RestoreDialog


def _article():
    from glossator.core.article import Article, paragraph_blocks

    text = "Exports rose by 4% in March, the ministry said."
    return Article(text=text, blocks=paragraph_blocks(text), title="Exports")


@pytest.fixture
def library(glossator_db, window):
    """One article with a note, backed up, then a second note; yields (article id, backup)."""
    article_id = store.save_article(_article()).id
    store.add_article_note(article_id, "first note")
    backup = backups.write_backup(models.DB.connection(), glossator_db, "manual")
    store.add_article_note(article_id, "second note")
    window.library.refresh()
    return article_id, backup


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered at once; yields the (kind, title, text) of each one shown."""
    shown = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *rest, k=kind: shown.append((k, title, text))))
    return shown


def _notes(article_id):
    return [note.body for note in store.article_notes(article_id)]


def _asides(path):
    return [p for p in path.parent.glob(f"{path.name}.replaced-*") if not p.name.endswith(("-wal", "-shm"))]


def _file_notes(path):
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT body FROM note ORDER BY id")]
    finally:
        connection.close()


def _choose_in_dialog(qtbot, seen, backup_path=None):
    """When the restore dialog opens, pick ``backup_path`` (default: the newest) and press Restore."""

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        if backup_path is not None:
            dialog.select(backup_path)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_restore_through_the_menu_brings_the_backup_back_and_keeps_the_library(
        qtbot, window, glossator_db, library, boxes):
    article_id, backup = library
    window.show_article(article_id)
    window.undo_stack.push(QUndoCommand("Edit"))
    assert window.acts[Act.RESTORE_BACKUP] in window.menuBar().actions()[0].menu().actions()
    seen = []
    _choose_in_dialog(qtbot, seen)
    window.acts[Act.RESTORE_BACKUP].trigger()

    [dialog] = seen
    tree = dialog.tree
    assert tree.topLevelItemCount() == 1
    assert [tree.topLevelItem(0).text(c) for c in (1, 3, 4)] == ["Made with 'glossator db backup'", "1", "1"]
    assert boxes == []
    assert _notes(article_id) == ["first note"]
    assert store.database_path() == glossator_db
    [aside] = _asides(glossator_db)
    assert _file_notes(aside) == ["first note", "second note"]
    # The window let go of the old file: nothing shown, no undo history, panels re-read.
    assert window.session.article_id is None
    assert window.undo_stack.count() == 0 and not window.acts[Act.UNDO].isEnabled()
    assert window.library.model().rowCount() == 1
    message = window.statusBar().currentMessage()
    assert "Restored the backup" in message and str(aside) in message
    # And it still works.
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=120_000):
        window.show_article(article_id)
    assert window.session.article.text.startswith("Exports rose")
    store.add_article_note(article_id, "after the restore")
    assert _notes(article_id) == ["first note", "after the restore"]


def test_dialog_explains_where_the_library_goes_and_lists_newest_first(qtbot, glossator_db, library):
    _article_id, first = library
    second = backups.write_backup(models.DB.connection(), glossator_db, "daily")
    dialog = RestoreDialog(glossator_db, backups.list_backups(glossator_db))
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "not deleted" in text and f"{glossator_db.name}.replaced-" in text and str(glossator_db.parent) in text
    assert [dialog.tree.topLevelItem(i).text(4) for i in range(2)] == ["2", "1"]
    assert dialog.selected_backup().path == second
    dialog.select(first)
    assert dialog.selected_backup().path == first


def test_without_backups_the_action_says_where_they_are_kept(qtbot, window, glossator_db, boxes):
    window.acts[Act.RESTORE_BACKUP].trigger()
    [(kind, title, text)] = boxes
    assert kind == "information" and "No backups" in title
    assert str(backups.backup_folder(glossator_db)) in text
    assert store.database_path() == glossator_db


def test_a_corrupt_backup_changes_nothing(qtbot, window, glossator_db, library, boxes):
    article_id, _good = library
    window.show_article(article_id)
    bad = backups.backup_folder(glossator_db) / f"{glossator_db.stem}-29991231-000000-000000-daily.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    seen = []
    _choose_in_dialog(qtbot, seen, bad)
    window.acts[Act.RESTORE_BACKUP].trigger()
    assert seen[0].tree.topLevelItem(0).text(3) == "?"
    [(kind, _title, text)] = boxes
    assert kind == "warning" and "cannot be used" in text and "not changed" in text
    assert _asides(glossator_db) == []
    assert store.database_path() == glossator_db
    assert _notes(article_id) == ["first note", "second note"]
    assert window.session.article_id == article_id


def test_a_restored_copy_that_will_not_open_gives_the_library_back(
        qtbot, window, glossator_db, library, boxes, monkeypatch):
    article_id, _backup = library
    real_open, calls = store.open_database, []

    def open_once_failing(path=None):
        calls.append(path)
        if len(calls) == 1:
            raise StoreError("The database cannot be opened (simulated).")
        return real_open(path)

    monkeypatch.setattr(store, "open_database", open_once_failing)
    _choose_in_dialog(qtbot, [])
    window.acts[Act.RESTORE_BACKUP].trigger()
    [(kind, _title, text)] = boxes
    assert kind == "warning" and "simulated" in text and "open again" in text
    assert store.database_path() == glossator_db
    assert _notes(article_id) == ["first note", "second note"]
    assert window.library.model().rowCount() == 1
