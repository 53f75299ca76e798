"""Articles: stored once per text, found by id, path or hash, listed with their counts."""

from datetime import datetime

import pytest

from glossator.core.annotation import Span
from glossator.core.article import Block, Inline, text_hash
from glossator.core.errors import NotFoundError
from glossator.core.store import (
    add_annotation,
    add_article_note,
    add_note,
    add_source,
    add_tag,
    article_from_row,
    delete_article,
    find_article,
    get_article,
    has_analysis,
    list_articles,
    models,
    save_article,
    set_status,
    store_analysis,
)


def test_article_roundtrip(make_article):
    article = make_article(
        author="A. Writer",
        published="2025-01-27",
        source_url="https://example.org/deepseek",
        format="md",
        metadata={"site": "Example News", "tags": ["ai", "markets"]},
    )
    article.inlines = [Inline("strong", 0, 6), Inline("link", 10, 15, href="https://nvidia.com")]
    article.blocks = [Block("heading", 0, 20, level=2), *article.blocks[1:]]
    row = save_article(article)
    assert row.text_hash == text_hash(article.text)
    assert isinstance(row.imported_at, datetime)

    restored = article_from_row(get_article(row.id))
    assert restored == article
    assert restored.blocks[0] == Block("heading", 0, 20, level=2)
    assert restored.inlines[1].href == "https://nvidia.com"


def test_same_text_is_the_same_article(make_article):
    first = save_article(make_article(title="", source_path="/old/place.txt", metadata={"a": 1}))
    second = save_article(
        make_article(title="Found title", source_path="/new/place.txt", metadata={"b": 2})
    )
    assert second.id == first.id
    assert models.Article.select().count() == 1
    stored = get_article(first.id)
    assert stored.source_path == "/new/place.txt"
    assert stored.title == "Found title"
    assert stored.metadata == {"a": 1, "b": 2}


def test_reimport_keeps_title_and_annotations(article_row, make_article, span_of):
    start, end = span_of(article_row.text, "17%")
    add_note(article_row.id, start, end, "a note")
    again = save_article(make_article(title="Another title"))
    assert again.id == article_row.id
    assert again.title == article_row.title
    assert models.Note.select().count() == 1


def test_different_text_is_another_article(article_row, make_article):
    other = save_article(make_article(text="A different article."))
    assert other.id != article_row.id


def test_get_missing_article():
    with pytest.raises(NotFoundError, match="No article with id 42"):
        get_article(42)


def test_find_article_by_id_path_and_hash(article_row, tmp_path, make_article, monkeypatch):
    assert find_article(str(article_row.id)).id == article_row.id
    assert find_article(article_row.text_hash).id == article_row.id
    assert find_article(article_row.text_hash.upper()).id == article_row.id
    assert find_article("/news/deepseek.txt").id == article_row.id

    monkeypatch.chdir(tmp_path)
    (tmp_path / "local.txt").write_text("x")
    local = save_article(make_article(text="Local text.", source_path=str(tmp_path / "local.txt")))
    assert find_article("local.txt").id == local.id
    assert find_article(f"  {local.id} ").id == local.id


@pytest.mark.parametrize("ref", ["999", "/nowhere.txt", "0" * 64, "", "ab12"])
def test_find_article_not_found(article_row, ref):
    with pytest.raises(NotFoundError, match="No article matches"):
        find_article(ref)


def test_delete_article_cascades(article_row, span_of):
    start, end = span_of(article_row.text, "plunged by 17%")
    claim = add_annotation(article_row.id, "claim", "statistic", start, end)
    add_note(article_row.id, start, end, "note")
    add_source(article_row.id, start, end, "https://example.org")
    add_tag(claim.id, "markets")
    add_article_note(article_row.id, "about the whole piece")
    store_analysis(
        article_row, [Span("entity", "ORG", 0, 6)],
        model_name="m", model_version="1", pipeline_version="1",
    )

    delete_article(article_row.id)

    for model in (models.Article, models.Annotation, models.Note, models.Source, models.AnnotationTag):
        assert model.select().count() == 0, model.__name__
    assert not has_analysis(article_row.text_hash, "m", "1", "1")
    with pytest.raises(NotFoundError):
        delete_article(article_row.id)


def test_list_articles_counts(article_row, make_article, span_of, count_statements):
    text = article_row.text
    nvidia = span_of(text, "Nvidia")
    plunge = span_of(text, "plunged by 17%")
    reports = span_of(text, "According to reports")
    store_analysis(
        article_row,
        [
            Span("entity", "ORG", *nvidia),
            Span("entity", "PERSON", *span_of(text, "Marc Andreessen")),
            Span("claim", "statistic", *plunge, score=0.9),
            Span("claim", "attribution", *reports, score=0.6),
        ],
        model_name="m", model_version="1", pipeline_version="1",
    )
    claim = models.Annotation.get(models.Annotation.start == reports[0])
    set_status(claim.id, "not-a-claim")
    add_note(article_row.id, *plunge, "first")
    add_note(article_row.id, *plunge, "second")
    add_article_note(article_row.id, "whole")
    add_source(article_row.id, *plunge, "https://example.org/a")
    add_source(article_row.id, *nvidia, "https://nvidia.com")
    add_source(article_row.id, *nvidia, "https://example.org/b", stance="supports")
    empty = save_article(make_article(text="Nothing marked here.", title="Empty", source_url="https://x.org/e"))

    count_statements.statements.clear()
    summaries = list_articles()
    assert len(count_statements) == 1

    assert [s.id for s in summaries] == [empty.id, article_row.id]
    assert summaries[0].entities == summaries[0].claims == summaries[0].notes == summaries[0].sources == 0
    assert summaries[0].source == "https://x.org/e"
    summary = summaries[1]
    assert (summary.entities, summary.claims, summary.notes, summary.sources) == (2, 1, 3, 3)
    assert summary.title == article_row.title
    assert summary.source == "deepseek.txt"
    assert isinstance(summary.imported_at, datetime)
