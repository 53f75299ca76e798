"""A library Glossator cannot use: the reader is told, offered a backup or a new library, and
the bad file is never written over."""

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from glossator.core import store
from glossator.core.store import backups, models
from glossator.ui import app
from glossator.ui.library_recovery import LibraryRecoveryDialog, recover_library, usable_backup

RUINED = b"half a sector of something else " * 64


@pytest.fixture
def backed_up(glossator_db):
    """The test library with one article, backed up, then ruined; yields its path."""
    store.save_article(_article())
    backups.write_backup(models.DB.connection(), glossator_db, "daily")
    store.close_database()
    glossator_db.write_bytes(RUINED)
    return glossator_db


def _article():
    from glossator.core.article import Article, paragraph_blocks

    text = "Exports rose by 4% in March, the ministry said."
    return Article(text=text, blocks=paragraph_blocks(text), title="Exports")


def _asides(path):
    return sorted(path.parent.glob(f"{path.name}.unusable-*"))


def _press(name):
    """A chooser that reads the dialog and presses one of its buttons."""
    seen = []

    def choose(dialog: LibraryRecoveryDialog):
        seen.append(dialog)
        return getattr(dialog, name)

    return choose, seen


def test_restore_brings_back_the_backup_and_keeps_the_ruined_file(qtbot, backed_up):
    choose, seen = _press("restore_button")
    assert recover_library(backed_up, "The database is damaged.", choose=choose)
    [dialog] = seen
    assert "damaged" in dialog.informativeText() and backed_up.name in dialog.informativeText()
    assert "newest good backup" in dialog.informativeText()
    assert [a.title for a in store.list_articles()] == ["Exports"]
    [aside] = _asides(backed_up)
    assert aside.read_bytes() == RUINED


def test_new_library_starts_empty_and_keeps_the_ruined_file(qtbot, backed_up):
    choose, _ = _press("new_button")
    assert recover_library(backed_up, "damaged", choose=choose)
    assert store.list_articles() == []
    assert store.database_path() == backed_up
    [aside] = _asides(backed_up)
    assert aside.read_bytes() == RUINED


def test_quit_changes_nothing(qtbot, backed_up):
    choose, _ = _press("quit_button")
    assert not recover_library(backed_up, "damaged", choose=choose)
    assert backed_up.read_bytes() == RUINED
    assert _asides(backed_up) == []
    assert store.database_path() is None


def test_without_a_backup_only_a_new_library_is_offered(qtbot, glossator_db):
    store.close_database()
    glossator_db.write_bytes(RUINED)
    dialog = LibraryRecoveryDialog(glossator_db, "damaged", usable_backup(glossator_db))
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert "no usable backup" in dialog.informativeText()
    assert dialog.escapeButton() is dialog.quit_button


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(qtbot, backed_up):
    good = backups.latest_backup(backed_up)
    newer = backups.backup_folder(backed_up) / f"{backed_up.stem}-29991231-000000-000000-daily.db"
    newer.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    assert backups.latest_backup(backed_up).path == newer
    assert usable_backup(backed_up).path == good.path


def test_starting_the_app_on_a_newer_library_offers_recovery(qtbot, glossator_db, monkeypatch):
    store.close_database()
    connection = sqlite3.connect(glossator_db)
    connection.execute("UPDATE schema_version SET version = 99")
    connection.commit()
    connection.close()
    before = glossator_db.read_bytes()
    shown = []

    def press_new_library():
        dialog = QApplication.activeModalWidget()
        shown.append(dialog.informativeText())
        dialog.new_button.click()

    QTimer.singleShot(0, press_new_library)
    assert app.open_library(str(glossator_db))
    assert "newer Glossator" in shown[0]
    [aside] = _asides(glossator_db)
    assert aside.read_bytes() == before
    assert store.list_articles() == []
