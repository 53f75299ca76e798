"""The Notes tab: passages with their notes and sources, the article's own notes, and jumping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.core import store
from glossator.core.readers import read_text
from glossator.ui.panels.notes_model import WHOLE_ARTICLE
from glossator.ui.panels.notes_panel import NotesPanel
from tests.ui.panels.panel_helpers import click, show, span

PROFITS = "Nvidia said profits rose 10% last year."
Q4_URL = "https://investor.nvidia.com/q4"


@pytest.fixture
def panel(qtbot, session, annotated):
    session.show_article(annotated.id)
    return show(qtbot, NotesPanel(session), 400, 240)


def outline(panel) -> list[tuple[str, list[str]]]:
    model, shown = panel.model(), []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        shown.append((group.data(), [model.index(r, 0, group).data() for r in range(model.rowCount(group))]))
    return shown


def test_lists_notes_and_sources_under_their_passages(panel):
    assert outline(panel) == [
        (WHOLE_ARTICLE, ["Overall"]),
        (f"“{PROFITS}”", ["Check the 10-K filing", f"Q4 results — {Q4_URL} (supports)"]),
        ("“Paris”", ["Why Paris? The shares trade in New York."]),
    ]
    model = panel.model()
    note = model.index(0, 0, model.index(1, 0))
    assert note.data(Qt.ItemDataRole.ToolTipRole) == "**Check** the 10-K filing\nsecond line"
    assert all(panel.view.isExpanded(model.index(row, 0)) for row in range(model.rowCount()))


def test_clicking_a_source_jumps_to_its_passage(qtbot, panel, session, annotated):
    model = panel.model()
    source = model.index(1, 0, model.index(1, 0))
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        click(qtbot, panel.view, source)
    assert blocker.args == list(span(annotated.text, PROFITS))
    assert session.selected_id == annotated.ids["profits"]


def test_clicking_a_passage_or_pressing_enter_jumps(qtbot, panel, session, annotated):
    model = panel.model()
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        click(qtbot, panel.view, model.index(2, 0))
    assert blocker.args == list(span(annotated.text, "Paris"))
    assert session.selected_id == annotated.ids["paris"]
    panel.view.setCurrentIndex(model.index(0, 0, model.index(1, 0)))
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == list(span(annotated.text, PROFITS))


def test_article_notes_do_not_jump(qtbot, panel):
    model = panel.model()
    with qtbot.assertNotEmitted(panel.jump_requested):
        click(qtbot, panel.view, model.index(0, 0, model.index(0, 0)))


def test_follows_the_session_selection(qtbot, panel, session, annotated):
    session.select(annotated.ids["paris"])
    assert panel.view.currentIndex().data() == "“Paris”"
    session.select(annotated.ids["huang"])
    assert not panel.view.selectionModel().hasSelection()


def test_updates_when_notes_change(qtbot, panel, session, annotated):
    paris = span(annotated.text, "Paris")
    store.add_source(annotated.id, *paris, "https://example.org/paris", stance="refutes")
    store.add_article_note(annotated.id, "- Follow up with *the* desk")
    session.reload_annotations()
    shown = dict(outline(panel))
    assert shown[WHOLE_ARTICLE] == ["Overall", "Follow up with the desk"]
    assert shown["“Paris”"][-1] == "https://example.org/paris (refutes)"


def test_placeholders(qtbot, session, marked):
    panel = show(qtbot, NotesPanel(session))
    assert "Open an article" in panel.stack.message
    session.show_article(marked.id)
    assert panel.stack.message.startswith("No notes or sources yet")
    row = store.save_article(read_text("# Other\n\nText.", format="md"))
    store.add_article_note(row.id, "Only a general note.")
    session.show_article(row.id)
    assert panel.stack.message == ""
    assert outline(panel) == [(WHOLE_ARTICLE, ["Only a general note."])]


def test_renders(panel, tmp_path):
    assert panel.grab().save(str(tmp_path / "notes.png"))
