"""File > Import Folder…: a folder's articles imported in the background with progress, bad
files named in one message, Cancel keeping what was stored."""

import pytest
from PySide6.QtWidgets import QMessageBox

from glossator.core import store
from glossator.ui import file_dialogs
from glossator.ui.actions import Act
from tests.samples import SAMPLE_ARTICLE


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "inbox"
    (root / "deeper").mkdir(parents=True)
    (root / "news.txt").write_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "deeper" / "note.md").write_text("# Harbour note\n\nThe wall cost £48 million.\n", encoding="utf-8")
    (root / "deeper" / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *rest, k=kind: shown.append((k, title, text)))
    return shown


def test_a_folder_is_imported_with_progress(qtbot, window, folder, monkeypatch, boxes):
    monkeypatch.setattr(file_dialogs, "existing_folder", lambda *args: str(folder))
    window.folder_import.jobs = 1
    window.acts[Act.IMPORT_FOLDER].trigger()
    progress = window.folder_import.progress
    assert progress is not None and progress.maximum() == 3 and progress.isVisible()
    qtbot.waitUntil(lambda: not window.folder_import.is_running() and window.folder_import.progress is None,
                    timeout=120_000)
    assert window.statusBar().currentMessage() == "3 of 3 files: 2 imported, 1 could not be read"
    assert len(boxes) == 1 and boxes[0][1] == "Some files could not be imported" and "empty.txt" in boxes[0][2]
    assert window.library.proxy.rowCount() == 2
    records = store.annotation_records(store.list_articles()[0].id)
    assert any(r.kind == "claim" for r in records), "imported articles are analysed"


def test_cancel_keeps_what_was_stored(qtbot, window, folder, boxes):
    window.folder_import.jobs = 1
    assert window.folder_import.start(str(folder))
    window.folder_import.cancel()
    qtbot.waitUntil(lambda: window.folder_import.progress is None, timeout=120_000)
    message = window.statusBar().currentMessage()
    assert "stopped with" in message
    assert window.library.proxy.rowCount() == len(store.list_articles()) < 3


def test_an_empty_folder_says_so(window, tmp_path, boxes):
    assert not window.folder_import.start(str(tmp_path))
    assert boxes and boxes[0][1] == "Nothing to import"
