"""Stored articles with entities, claims, notes and sources, for the panel tests."""

from __future__ import annotations

import pytest

from glossator.core import store
from glossator.core.readers import read_text
from tests.ui.panels.panel_helpers import Marked, span

TEXT = (
    "Nvidia said profits rose 10% last year.\n\n"
    "Analysts at Morgan Stanley expect Nvidia to keep growing, the CEO Jensen Huang said.\n\n"
    "Nvidia shares fell in Paris after the news."
)


@pytest.fixture
def marked() -> Marked:
    row = store.save_article(read_text(f"# Chip maker profits\n\n{TEXT}", format="md"))
    text = row.text
    art = Marked(row.id, text)
    for nth in range(3):
        a = store.add_annotation(row.id, "entity", "ORG", *span(text, "Nvidia", nth), origin="auto")
        art.ids[f"nvidia{nth}"] = a.id
    art.ids["morgan"] = store.add_annotation(
        row.id, "entity", "ORG", *span(text, "Morgan Stanley"), origin="auto",
        attrs={"canonical": "Morgan Stanley"},
    ).id
    art.ids["huang"] = store.add_annotation(row.id, "entity", "PERSON", *span(text, "Jensen Huang")).id
    art.ids["paris"] = store.add_annotation(row.id, "entity", "GPE", *span(text, "Paris")).id
    art.ids["profits"] = store.add_annotation(
        row.id, "claim", "statistic", *span(text, "Nvidia said profits rose 10% last year."),
        score=0.91, origin="auto", attrs={"speaker": "Nvidia", "cue": "said"},
    ).id
    art.ids["growing"] = store.add_annotation(
        row.id, "claim", "prediction",
        *span(text, "Analysts at Morgan Stanley expect Nvidia to keep growing, the CEO Jensen Huang said."),
        score=0.64, origin="auto", attrs={"speaker": "Jensen Huang", "cue": "expect"},
    ).id
    art.ids["shares"] = store.add_annotation(
        row.id, "claim", "causal", *span(text, "Nvidia shares fell in Paris after the news."),
        score=0.42, origin="auto", attrs={"speaker": ""},
    ).id
    return art


@pytest.fixture
def annotated(marked) -> Marked:
    """``marked`` with notes and sources on its passages and a note on the whole article."""
    text = marked.text
    store.add_note(marked.id, *span(text, "Nvidia said profits rose 10% last year."),
                   "**Check** the 10-K filing\nsecond line")
    store.add_source(marked.id, *span(text, "Nvidia said profits rose 10% last year."),
                     "https://investor.nvidia.com/q4", title="Q4 results", stance="supports")
    store.add_note(
        marked.id, *span(text, "Paris"), "Why _Paris_? The shares trade in [New York](https://x.y)."
    )
    store.add_article_note(marked.id, "# Overall\nA balanced piece.")
    return marked


@pytest.fixture
def session(qtbot):
    """An ``ArticleSession`` showing nothing yet."""
    from glossator.ui.article_session import ArticleSession

    return ArticleSession()
