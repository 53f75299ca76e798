"""The Claims tab: claims by score, selection both ways, live statuses and filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.core import store
from glossator.ui.panels.claims_model import CLAIM, KIND, SCORE, SPEAKER, STATUS
from glossator.ui.panels.claims_panel import ClaimsPanel
from tests.ui.panels.panel_helpers import click, show, span

GROWING = "Analysts at Morgan Stanley expect Nvidia to keep growing, the CEO Jensen Huang said."


@pytest.fixture
def panel(qtbot, session, marked):
    session.show_article(marked.id)
    return show(qtbot, ClaimsPanel(session), 560, 220)


def column(panel, which: int) -> list[str]:
    return [panel.proxy.index(row, which).data() for row in range(panel.proxy.rowCount())]


def row_of(panel, text: str) -> int:
    return next(row for row, claim in enumerate(column(panel, CLAIM)) if claim.startswith(text))


def test_claims_are_sorted_by_score_with_their_details(panel):
    assert column(panel, SCORE) == ["0.91", "0.64", "0.42"]
    assert column(panel, KIND) == ["Statistic", "Prediction", "Causal"]
    assert column(panel, SPEAKER) == ["Nvidia", "Jensen Huang", "—"]
    assert column(panel, STATUS) == ["Unchecked"] * 3
    assert column(panel, CLAIM)[0] == "Nvidia said profits rose 10% last year."
    assert panel.count_label.text() == "3 claims"
    kind_chip = panel.proxy.index(0, KIND).data(Qt.ItemDataRole.DecorationRole)
    assert kind_chip is not None and not kind_chip.isNull()


def test_clicking_a_row_selects_the_claim_and_jumps_once(qtbot, panel, session, marked):
    selections = []
    session.selection_changed.connect(selections.append)
    jumps = []
    panel.jump_requested.connect(lambda start, end: jumps.append((start, end)))
    index = panel.proxy.index(row_of(panel, "Analysts"), CLAIM)
    click(qtbot, panel.view, index)
    growing = span(marked.text, GROWING)
    assert jumps == [growing]
    assert session.selected_id == marked.ids["growing"]
    assert selections == [marked.ids["growing"]]
    assert panel.view.selectionModel().isRowSelected(index.row())


def test_enter_on_a_row_jumps_to_it(qtbot, panel, marked):
    panel.view.setCurrentIndex(panel.proxy.index(row_of(panel, "Nvidia shares"), SCORE))
    with qtbot.waitSignal(panel.jump_requested, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Enter)
    assert blocker.args == list(span(marked.text, "Nvidia shares fell in Paris after the news."))


def test_selection_in_the_session_selects_the_row_without_echo(qtbot, panel, session, marked):
    with qtbot.assertNotEmitted(panel.jump_requested):
        session.select(marked.ids["shares"])
    selected = panel.view.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["0.42"]
    session.select(marked.ids["huang"])  # an entity, not a claim
    assert not panel.view.selectionModel().hasSelection()


def test_status_changes_show_at_once(qtbot, panel, session, marked):
    session.select(marked.ids["growing"])
    store.set_status(marked.ids["growing"], "disputed")
    store.set_status(marked.ids["shares"], "not-a-claim")
    session.reload_annotations()
    assert column(panel, STATUS) == ["Unchecked", "Disputed", "Not a claim"]
    dimmed = panel.proxy.index(2, CLAIM)
    assert dimmed.data(Qt.ItemDataRole.FontRole).italic()
    # The selected claim stays selected across the reload.
    assert [i.data() for i in panel.view.selectionModel().selectedRows(STATUS)] == ["Disputed"]


def test_kind_and_score_filters(qtbot, panel):
    panel.set_kind_filter("causal")
    assert column(panel, KIND) == ["Causal"]
    assert panel.count_label.text() == "1 of 3 claims"
    panel.kind_box.setCurrentIndex(0)
    assert len(column(panel, KIND)) == 3
    panel.min_score.setValue(0.6)
    assert column(panel, SCORE) == ["0.91", "0.64"]
    panel.set_kind_filter("causal")
    assert column(panel, SCORE) == []
    assert panel.stack.message == "No claim passes these filters."


def test_header_click_sorts_by_another_column(qtbot, panel):
    panel.view.sortByColumn(KIND, Qt.SortOrder.AscendingOrder)
    assert column(panel, KIND) == ["Causal", "Prediction", "Statistic"]


def test_placeholders(qtbot, session):
    panel = show(qtbot, ClaimsPanel(session))
    assert "Open an article" in panel.stack.message
    from glossator.core.readers import read_text

    row = store.save_article(read_text("# Calm\n\nNothing to check.", format="md"))
    session.show_article(row.id)
    assert panel.stack.message == "No check-worthy claims were found in this article."
    assert panel.count_label.text() == "0 claims"


def test_renders(panel, session, marked, tmp_path):
    session.select(marked.ids["profits"])
    assert panel.grab().save(str(tmp_path / "claims.png"))
