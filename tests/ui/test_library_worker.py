"""With the library worker installed, as the application runs, the window makes no library
query on its GUI thread: the store raises at once if one does, and the reader's usual work
(open, analyse, annotate, search, correct entities, re-label, undo, delete) goes through."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from glossator.core import store
from glossator.core.services import annotating, articles, maintenance, worker
from glossator.core.store.guarded_database import WrongThreadError, allow_this_thread, forbid_this_thread
from glossator.ui.actions import Act
from tests.samples import SAMPLE_ARTICLE
from tests.ui.test_main_window import open_and_wait

OTHER = "Anthropic released a model. The model beat OpenAI on the AIME benchmark, analysts said.\n"


@pytest.fixture
def worked_window(qtbot, settings, glossator_db):
    """A window over a library owned by a worker thread; the GUI thread may not query it."""
    store.close_database()
    library = worker.LibraryWorker()
    worker.install(library)
    maintenance.open_library(glossator_db)
    forbid_this_thread()
    from glossator.ui.main_window import MainWindow

    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    try:
        yield window
    finally:
        window.controller.cancel()
        window.pools.wait()
        window.settle_background_work()
        allow_this_thread()
        maintenance.close_library()
        worker.install(None)
        library.stop()
        store.open_database(glossator_db)  # as the shared fixture expects to close it


def test_the_guard_refuses_a_query_on_a_forbidden_thread(worked_window):
    with pytest.raises(WrongThreadError, match="leave the library to its worker"):
        store.list_articles()
    assert articles.list_articles() == []  # the same query, through the front door


def test_a_readers_session_makes_no_query_on_the_gui_thread(qtbot, worked_window, tmp_path, monkeypatch):
    window = worked_window
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    other_id, _ = open_and_wait(qtbot, window, other)
    article_id, ran = open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    assert ran and window.session.article_id == article_id
    text = window.session.article.text

    # Notes, tags, statuses and their undo.
    start = text.index("plunged by 17%")
    window.reader.select_range(start, start + len("plunged by 17%"))
    monkeypatch.setattr("glossator.ui.note_dialog.NoteDialog.get_note",
                        classmethod(lambda cls, p, q, *passage: "Check it"))
    window.acts[Act.ADD_NOTE].trigger()
    assert any("Check it" in r.notes for r in window.session.records)
    claim = next(r for r in window.session.records if r.kind == "claim")
    window.session.select(claim.id)
    assert window.inspector.set_status("disputed")
    assert window.inspector.tags.add_tag("markets")
    window.acts[Act.UNDO].trigger()
    assert "markets" not in window.session.record(claim.id).tags

    # The library list and its search.
    window.library.search.setText("Nvidia")
    qtbot.waitUntil(lambda: window.library.proxy.rowCount() == 1)
    window.library.search.clear()

    # An entity correction, then the whole library re-labelled and undone.
    aime = next(r for r in window.session.records if r.kind == "entity" and r.quote == "AIME")
    window.session.select(aime.id)
    window.acts[Act.NOT_ENTITY].trigger()
    assert not [r for r in window.session.records if r.kind == "entity" and r.quote == "AIME"]
    with qtbot.waitSignal(window.relabel.finished, timeout=120_000):
        qtbot.mouseClick(window.relabel.bar.apply_button, Qt.MouseButton.LeftButton)
    assert not [r for r in annotating.annotation_records(other_id) if r.kind == "entity" and r.quote == "AIME"]
    window.acts[Act.UNDO_RELABEL].trigger()
    qtbot.waitUntil(lambda: any(r.quote == "AIME" for r in annotating.annotation_records(other_id)
                                if r.kind == "entity"), timeout=10_000)

    # Deleting the other article from the library list.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.library.select_article(other_id)
    assert window.library.delete_selected()
    assert [s.id for s in articles.list_articles()] == [article_id]
