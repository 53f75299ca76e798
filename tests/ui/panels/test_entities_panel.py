"""The Entities tab: entities grouped by type, and stepping through a name's mentions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.core import store
from glossator.ui.panels.entities_model import COUNT, NAME, group_entities
from glossator.ui.panels.entities_panel import EntitiesPanel
from tests.ui.panels.panel_helpers import click, show, span


@pytest.fixture
def panel(qtbot, session, marked):
    session.show_article(marked.id)
    return show(qtbot, EntitiesPanel(session))


def tree(panel) -> dict[str, list[tuple[str, str]]]:
    """What the view shows: each type's title with its (name, count) rows."""
    proxy, shown = panel.proxy, {}
    for row in range(proxy.rowCount()):
        group = proxy.index(row, NAME)
        title = f"{group.data()} [{proxy.index(row, COUNT).data()}]"
        shown[title] = [
            (proxy.index(r, NAME, group).data(), str(proxy.index(r, COUNT, group).data()))
            for r in range(proxy.rowCount(group))
        ]
    return shown


def name_index(panel, label: str, name: str):
    return panel.proxy.mapFromSource(panel.model().find(label, name))


def test_groups_entities_by_type_with_counts(panel):
    assert tree(panel) == {
        "Organisation (ORG) [4]": [("Nvidia", "3"), ("Morgan Stanley", "1")],
        "Country, city, state (GPE) [1]": [("Paris", "1")],
        "Person [1]": [("Jensen Huang", "1")],
    }
    assert not panel.model().group_index(0).data(Qt.ItemDataRole.DecorationRole).isNull()


def test_canonical_names_gather_differently_written_mentions(marked):
    from glossator.core.annotation import AnnotationRecord

    records = [
        AnnotationRecord("entity", "ORG", 0, 6, quote="Nvidia", attrs={"canonical": "Nvidia Corp."}, id=1),
        AnnotationRecord("entity", "ORG", 10, 16, quote="NVIDIA", attrs={"canonical": "Nvidia Corp."}, id=2),
        AnnotationRecord("entity", "ORG", 20, 24, quote="Arm\nLtd", id=3),
        AnnotationRecord("claim", "statistic", 0, 30, quote="ignored", id=4),
    ]
    (group,) = group_entities(records)
    assert [(n.name, [m.id for m in n.mentions]) for n in group.names] == [
        ("Nvidia Corp.", [1, 2]),
        ("Arm Ltd", [3]),
    ]


def test_clicking_a_name_steps_through_its_mentions_and_wraps(qtbot, panel, session, marked):
    index = name_index(panel, "ORG", "Nvidia")
    expected = [span(marked.text, "Nvidia", n) for n in (0, 1, 2, 0)]
    ids = [marked.ids[f"nvidia{n}"] for n in (0, 1, 2, 0)]
    for (start, end), annotation_id in zip(expected, ids):
        with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
            click(qtbot, panel.view, index)
        assert blocker.args == [start, end]
        assert session.selected_id == annotation_id


def test_enter_steps_like_a_click(qtbot, panel, marked):
    panel.view.setCurrentIndex(name_index(panel, "ORG", "Morgan Stanley"))
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == list(span(marked.text, "Morgan Stanley"))


def test_clicking_a_type_does_not_jump(qtbot, panel):
    with qtbot.assertNotEmitted(panel.jump_requested):
        click(qtbot, panel.view, panel.proxy.index(0, NAME))


def test_selection_elsewhere_selects_the_name_and_continues_from_it(qtbot, panel, session, marked):
    session.select(marked.ids["nvidia1"])
    current = panel.view.currentIndex()
    assert current.data() == "Nvidia"
    assert panel.view.selectionModel().isSelected(current)
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        panel.activate("ORG", "Nvidia")
    assert blocker.args == list(span(marked.text, "Nvidia", 2))
    session.select(marked.ids["profits"])  # a claim: no entity row stays selected
    assert not panel.view.selectionModel().hasSelection()


def test_updates_keep_the_types_the_reader_collapsed(qtbot, panel, session, marked):
    gpe = panel.proxy.mapFromSource(panel.model().find("GPE"))
    panel.view.collapse(gpe)
    paris = span(marked.text, "Paris")
    store.add_annotation(marked.id, "entity", "GPE", *paris, attrs={"canonical": "Paris"})
    store.add_annotation(marked.id, "entity", "PERSON", *span(marked.text, "CEO"))
    session.reload_annotations()
    assert not panel.view.isExpanded(panel.proxy.mapFromSource(panel.model().find("GPE")))
    assert panel.view.isExpanded(panel.proxy.mapFromSource(panel.model().find("ORG")))
    assert tree(panel)["Person [2]"] == [("CEO", "1"), ("Jensen Huang", "1")]


def test_filter_keeps_matching_names_under_their_type(qtbot, panel):
    qtbot.keyClicks(panel.filter, "stan")
    assert tree(panel) == {"Organisation (ORG) [4]": [("Morgan Stanley", "1")]}
    assert panel.view.isExpanded(panel.proxy.index(0, NAME))
    panel.filter.setText("organisation")
    assert tree(panel)["Organisation (ORG) [4]"] == [("Nvidia", "3"), ("Morgan Stanley", "1")]
    panel.filter.setText("zzz")
    assert "No entity matches" in panel.stack.message


def test_placeholders_without_article_or_entities(qtbot, session):
    panel = show(qtbot, EntitiesPanel(session))
    assert "Open an article" in panel.stack.message
    from glossator.core.readers import read_text

    row = store.save_article(read_text("# Plain\n\nNothing marked here.", format="md"))
    session.show_article(row.id)
    assert panel.stack.message == "No entities are marked in this article."


def test_a_new_article_starts_its_mentions_from_the_first(qtbot, panel, session, marked):
    panel.activate("ORG", "Nvidia")
    session.show_article(marked.id)
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        panel.activate("ORG", "Nvidia")
    assert blocker.args == list(span(marked.text, "Nvidia", 0))


def test_renders(panel, tmp_path):
    panel.activate("ORG", "Nvidia")
    assert panel.grab().save(str(tmp_path / "entities.png"))
