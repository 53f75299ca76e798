"""The library dock: listing, searching, sorting, opening and deleting stored articles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from glossator.core import store
from glossator.core.readers import read_text
from glossator.ui.panels.library_model import CLAIMS, DATE, ID_ROLE, NOTES, SOURCE, TITLE
from glossator.ui.panels.library_panel import EMPTY_LIBRARY, LibraryPanel
from tests.ui.panels.panel_helpers import click, show


@pytest.fixture
def library(marked):
    """Three articles: the annotated one, a dated older one and a plain one imported last."""
    old = store.save_article(
        read_text("---\ntitle: Harbour reopens\ndate: 2001-05-06\n---\n\nThe harbour reopened.", format="md",
                  source_path="/news/harbour.md")
    )
    plain = store.save_article(read_text("# Zebra census\n\nZebras were counted.", format="md",
                                         source_path="/news/zebras.md"))
    return {"marked": marked.id, "old": old.id, "plain": plain.id}


def shown_rows(panel) -> list[list[str]]:
    proxy = panel.proxy
    return [
        [str(proxy.index(row, column).data()) for column in range(proxy.columnCount())]
        for row in range(proxy.rowCount())
    ]


def titles(panel) -> list[str]:
    return [row[TITLE] for row in shown_rows(panel)]


def test_lists_articles_with_counts_newest_first(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    rows = shown_rows(panel)
    assert titles(panel) == ["Zebra census", "Chip maker profits", "Harbour reopens"]
    chips = rows[1]
    assert chips[CLAIMS] == "3"
    assert chips[NOTES] == "0"
    assert rows[0][SOURCE] == "zebras.md"
    assert rows[2][DATE] == "2001-05-06"
    assert panel.model().rowCount() == 3


def test_counts_follow_a_refresh(qtbot, library, marked):
    panel = show(qtbot, LibraryPanel())
    store.add_article_note(marked.id, "Worth a follow-up.")
    store.set_status(marked.ids["shares"], "not-a-claim")
    panel.refresh()
    row = titles(panel).index("Chip maker profits")
    assert shown_rows(panel)[row][NOTES] == "1"
    assert shown_rows(panel)[row][CLAIMS] == "2"


def test_search_filters_by_title_and_source_case_insensitively(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    qtbot.keyClicks(panel.search, "ZEBRA")
    assert titles(panel) == ["Zebra census"]
    panel.search.setText("harbour.MD")
    assert titles(panel) == ["Harbour reopens"]
    panel.search.setText("nothing like it")
    assert titles(panel) == []
    assert "No article matches" in panel.stack.message
    panel.search.clear()
    assert len(titles(panel)) == 3
    assert panel.stack.message == ""


def test_header_click_sorts_by_title_then_reverses(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    header = panel.view.header()
    x = header.sectionViewportPosition(TITLE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = titles(panel)
    assert first in (
        ["Chip maker profits", "Harbour reopens", "Zebra census"],
        ["Zebra census", "Harbour reopens", "Chip maker profits"],
    )
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert titles(panel) == list(reversed(first))


def test_sorts_counts_numerically(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    panel.view.sortByColumn(CLAIMS, Qt.SortOrder.DescendingOrder)
    assert titles(panel)[0] == "Chip maker profits"


def test_double_click_and_enter_request_opening(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    row = titles(panel).index("Harbour reopens")
    index = panel.proxy.index(row, TITLE)
    where = panel.view.visualRect(index).center()
    with qtbot.assertNotEmitted(panel.open_requested):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    with qtbot.waitSignal(panel.open_requested, timeout=1000) as blocker:
        # A real double click starts with a plain press and release on the row.
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == [library["old"]]

    panel.select_article(library["plain"])
    with qtbot.waitSignal(panel.open_requested, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [library["plain"]]


def test_select_article_highlights_it_and_survives_refresh(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    panel.select_article(library["old"])
    assert panel.selected_id() == library["old"]
    panel.refresh()
    assert panel.selected_id() == library["old"]
    panel.search.setText("zebra")
    assert panel.selected_id() is None
    panel.search.clear()
    assert panel.selected_id() == library["old"]
    panel.select_article(None)
    assert panel.selected_id() is None


def test_delete_asks_and_keeps_the_article_when_refused(qtbot, library, monkeypatch):
    panel = show(qtbot, LibraryPanel())
    asked = []
    monkeypatch.setattr(panel, "_confirm", lambda title: asked.append(title) or False)
    panel.select_article(library["old"])
    with qtbot.assertNotEmitted(panel.article_deleted):
        assert panel.delete_selected() is False
    assert asked == ["Harbour reopens"]
    assert "Harbour reopens" in titles(panel)
    assert store.get_article(library["old"])


def test_delete_confirmed_removes_the_article(qtbot, library, monkeypatch):
    panel = show(qtbot, LibraryPanel())
    monkeypatch.setattr(panel, "_confirm", lambda title: True)
    row = titles(panel).index("Harbour reopens")
    click(qtbot, panel.view, panel.proxy.index(row, TITLE))
    with qtbot.waitSignal(panel.article_deleted, timeout=1000) as blocker:
        panel.delete_action.trigger()
    assert blocker.args == [library["old"]]
    assert "Harbour reopens" not in titles(panel)
    assert [a.id for a in store.list_articles()] == [library["plain"], library["marked"]]


def test_delete_key_deletes_the_selected_article(qtbot, library, monkeypatch):
    panel = show(qtbot, LibraryPanel())
    monkeypatch.setattr(panel, "_confirm", lambda title: True)
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus, timeout=1000)
    panel.select_article(library["plain"])
    with qtbot.waitSignal(panel.article_deleted, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert blocker.args == [library["plain"]]


def test_delete_without_confirmation_and_without_selection(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    assert panel.delete_selected(confirm=False) is False  # nothing selected
    panel.select_article(library["marked"])
    assert panel.delete_selected(confirm=False) is True
    assert "Chip maker profits" not in titles(panel)


def test_empty_library_shows_a_friendly_placeholder(qtbot):
    panel = show(qtbot, LibraryPanel())
    assert panel.stack.message == EMPTY_LIBRARY
    assert not panel.delete_action.isEnabled()
    store.save_article(read_text("# First\n\nSome text.", format="md"))
    panel.refresh()
    assert panel.stack.message == ""
    assert titles(panel) == ["First"]


def test_renders(qtbot, library, tmp_path):
    panel = show(qtbot, LibraryPanel(), 460, 220)
    panel.select_article(library["marked"])
    assert panel.grab().save(str(tmp_path / "library.png"))


def test_search_finds_words_in_texts_notes_and_sources(qtbot, library, marked):
    panel = show(qtbot, LibraryPanel())
    qtbot.keyClicks(panel.search, "reopened")  # only in the harbour article's text
    assert titles(panel) == ["Harbour reopens"]
    tip = panel.proxy.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Found in the text" in tip and "“reopened”" in tip

    store.add_article_note(library["plain"], "Ask the ranger about the quagga count")
    panel.search.setText("quagga ranger")
    assert titles(panel) == ["Zebra census"]
    assert "Found in a note" in panel.proxy.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)

    # A source added while the search is shown appears after the window refreshes the panel.
    panel.search.setText("quagga")
    assert titles(panel) == ["Zebra census"]
    start = marked.text.index(marked.text.split()[0])
    store.add_source(marked.id, start, start + 4, "https://example.org/quagga-report", "Quagga report")
    panel.refresh()
    assert sorted(titles(panel)) == ["Chip maker profits", "Zebra census"]


def test_search_typed_as_query_syntax_is_just_words(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    for text in ('"', "AND OR", "NEAR(", "*", "zebra*)"):
        panel.search.setText(text)  # nothing raises, whatever is typed
    panel.search.setText('"harbour reopened"')
    assert titles(panel) == ["Harbour reopens"]
    panel.search.setText('"reopened harbour"')
    assert titles(panel) == []


def test_open_and_delete_are_the_shared_actions_given_to_it(qtbot, library, monkeypatch):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QWidget

    from glossator.ui.actions import Act, make_action

    owner = QWidget()
    qtbot.addWidget(owner)
    actions = {act: make_action(act, owner) for act in (Act.LIBRARY_OPEN, Act.LIBRARY_DELETE)}
    panel = show(qtbot, LibraryPanel(actions=actions))
    assert panel.open_action is actions[Act.LIBRARY_OPEN]
    assert panel.delete_action is actions[Act.LIBRARY_DELETE]
    # The context menu, and Delete only while the list has focus.
    assert panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert panel.view.actions() == [actions[Act.LIBRARY_OPEN], actions[Act.LIBRARY_DELETE]]
    assert panel.delete_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    delete = QKeySequence(Qt.Key.Key_Delete)
    assert panel.delete_action.shortcut().matches(delete) == QKeySequence.SequenceMatch.ExactMatch
    assert panel.delete_action.text() == "Delete Article…"

    panel.select_article(library["old"])
    with qtbot.waitSignal(panel.open_requested, timeout=1000) as blocker:
        actions[Act.LIBRARY_OPEN].trigger()
    assert blocker.args == [library["old"]]
    asked = []
    monkeypatch.setattr(panel, "_confirm", lambda title: asked.append(title) or True)
    with qtbot.waitSignal(panel.article_deleted, timeout=1000):
        actions[Act.LIBRARY_DELETE].trigger()
    assert asked == ["Harbour reopens"]
    assert "Harbour reopens" not in titles(panel)


def test_a_narrow_library_shows_whole_titles_and_its_counts(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    panel.resize(260, 400)
    long = store.save_article(read_text("# Harbour town votes to rebuild its crumbling 1950s flood wall\n\nText.",
                                        format="md", source_path="/news/long-title-about-the-flood-wall.md"))
    panel.refresh()
    qtbot.wait(20)
    view = panel.view
    assert not view.horizontalScrollBar().isVisible()
    assert [c for c in range(panel.proxy.columnCount()) if not view.isColumnHidden(c)] == [TITLE, CLAIMS, NOTES]
    header = view.header()
    assert header.sectionViewportPosition(NOTES) + header.sectionSize(NOTES) <= view.viewport().width()
    assert view.wordWrap()
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, TITLE).data(ID_ROLE) == long.id)
    tooltip = panel.proxy.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "long-title-about-the-flood-wall.md\nImported " in tooltip
    assert view.visualRect(panel.proxy.index(row, TITLE)).height() >= 2 * view.fontMetrics().lineSpacing()


def test_the_tag_filter_keeps_the_tagged_articles(qtbot, library):
    panel = show(qtbot, LibraryPanel())
    assert not panel.tag_filter.isVisibleTo(panel)
    marked = library["marked"]
    annotation = store.annotation_records(marked)[0]
    store.add_tag(annotation.id, "needs-check")
    panel.refresh()
    assert panel.tag_filter.isVisibleTo(panel)
    assert [panel.tag_filter.itemText(i) for i in range(panel.tag_filter.count())] == ["All tags",
                                                                                      "Tag: needs-check"]
    panel.tag_filter.setCurrentIndex(1)
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, TITLE).data(ID_ROLE) == marked
    panel.search.setText("zebra")
    assert panel.proxy.rowCount() == 0
    assert "with the tag “needs-check”" in panel.stack.placeholder.text()
    panel.search.clear()
    panel.tag_filter.setCurrentIndex(0)
    assert panel.proxy.rowCount() == 3
