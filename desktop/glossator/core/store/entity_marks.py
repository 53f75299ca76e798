"""The entity marks of the whole library, read in one query for the cross-article index."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from . import models


@dataclass(frozen=True)
class EntityMark:
    """One entity mark of a stored article: where, what type, and the name it belongs to."""

    article_id: int
    label: str
    start: int
    end: int
    quote: str
    canonical: str


def entity_marks(label: str | None = None, article_ids: list[int] | None = None,
                 word: str | None = None) -> list[EntityMark]:
    """Every entity mark in the library (of one type, of some articles, or whose text or name
    holds ``word``, an ASCII lower-case word), in text order."""
    annotation = models.Annotation
    query = annotation.select(
        annotation.article, annotation.label, annotation.start, annotation.end, annotation.quote, annotation.attrs
    ).where(annotation.kind == "entity")
    if label:
        query = query.where(annotation.label == label)
    if article_ids is not None:
        query = query.where(annotation.article.in_(article_ids))
    if word:
        # SQLite's lower() folds ASCII only, which is why ``word`` must be ASCII.
        query = query.where(fn.LOWER(annotation.quote).contains(word) | fn.LOWER(annotation.attrs).contains(word))
    query = query.order_by(annotation.article, annotation.start)
    marks = []
    for article_id, mark_label, start, end, quote, attrs in models.row_tuples(query):
        attrs = models.Annotation.attrs.python_value(attrs) if isinstance(attrs, str) else attrs
        canonical = (attrs or {}).get("canonical") or quote
        marks.append(EntityMark(article_id, mark_label, start, end, quote, " ".join(str(canonical).split())))
    return marks


def article_titles(article_ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """(title, source URL or path, text) of each article, by id."""
    article = models.Article
    rows = article.select(article.id, article.title, article.source_url, article.source_path, article.text).where(
        article.id.in_(article_ids)
    )
    return {row.id: (row.title, row.source_url or row.source_path, row.text) for row in rows}
