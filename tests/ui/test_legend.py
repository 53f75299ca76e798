"""The legend under the reader: chips for the entity types and claim kinds an article holds."""

from __future__ import annotations

from glossator.core import store
from glossator.core.readers import read_text
from glossator.ui.article_session import ArticleSession
from glossator.ui.legend import LegendWidget

TEXT = "Acme Corp hired Jane Smith in Paris. Acme Corp says sales rose 40% last year."


def test_legend_counts_types_and_kinds(qtbot):
    row = store.save_article(read_text(TEXT))
    for phrase, label in (("Acme Corp", "ORG"), ("Jane Smith", "PERSON")):
        start = TEXT.index(phrase)
        store.add_annotation(row.id, "entity", label, start, start + len(phrase), origin="auto")
    second = TEXT.index("Acme Corp", 1)
    store.add_annotation(row.id, "entity", "ORG", second, second + 9, origin="auto")
    claim = TEXT.index("Acme Corp says")
    store.add_annotation(row.id, "claim", "statistic", claim, len(TEXT), origin="auto", score=0.8)

    session = ArticleSession()
    legend = LegendWidget(session)
    qtbot.addWidget(legend)
    assert legend.items == [] and not legend.isVisibleTo(None)
    session.show_article(row.id)
    assert legend.item_texts() == ["Entities", "Organisation 2", "Person 1", "Claims", "Statistic 1"]
    assert legend.heightForWidth(120) > legend.heightForWidth(2000) > 0
    start = TEXT.index("Paris")
    store.add_annotation(row.id, "entity", "GPE", start, start + 5, origin="user")
    session.reload_annotations()
    assert "Country, city, state 1" in legend.item_texts()
    legend.resize(400, legend.heightForWidth(400))
    assert not legend.grab().isNull()
