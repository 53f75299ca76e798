"""Replacing an article's automatic entity marks only, for re-labelling after a reader's correction.

Claims stay as they are, and so does every entity the reader touched (a note, a source, a
tag, an edit) or made. The marks replaced are returned, so the change can be undone.
"""

from __future__ import annotations

from peewee import chunked

from ..annotation import Span
from . import models
from .annotations import quote_context
from .database import transaction


def _untouched_auto_entities(article_id: int):
    annotation = models.Annotation
    linked = (
        models.Note.select(models.Note.annotation).where(
            (models.Note.article == article_id) & models.Note.annotation.is_null(False)
        )
        | models.Source.select(models.Source.annotation).join(annotation).where(annotation.article == article_id)
        | models.AnnotationTag.select(models.AnnotationTag.annotation).join(annotation).where(
            annotation.article == article_id
        )
    )
    rows = annotation.select().where(
        (annotation.article == article_id)
        & (annotation.kind == "entity")
        & (annotation.origin == "auto")
        & annotation.id.not_in(linked)
    )
    return [row for row in rows if not (row.attrs or {}).get("user_edited")]


def auto_entities(article_id: int) -> list[Span]:
    """The article's automatic entity marks that a re-labelling may replace."""
    return [
        Span("entity", row.label, row.start, row.end, row.score, dict(row.attrs or {}))
        for row in sorted(_untouched_auto_entities(article_id), key=lambda r: (r.start, r.end))
    ]


def replace_auto_entities(article_id: int, spans: list[Span]) -> list[Span]:
    """Put ``spans`` in place of the article's replaceable entity marks; returns those replaced.

    A span landing exactly on an entity that stays (one the reader touched or made) is not
    added again.
    """
    with transaction():
        article = models.Article.get_by_id(article_id)
        old_rows = _untouched_auto_entities(article_id)
        previous = [Span("entity", r.label, r.start, r.end, r.score, dict(r.attrs or {})) for r in old_rows]
        if old_rows:
            models.Annotation.delete().where(models.Annotation.id.in_([r.id for r in old_rows])).execute()
        kept = set(entity_ranges(article_id))
        now = models.utc_now()
        rows = []
        for span in spans:
            if span.kind != "entity" or (span.start, span.end) in kept:
                continue
            kept.add((span.start, span.end))
            quote, prefix, suffix = quote_context(article.text, span.start, span.end)
            rows.append({
                "article": article_id, "kind": "entity", "label": span.label, "start": span.start,
                "end": span.end, "quote": quote, "prefix": prefix, "suffix": suffix, "score": span.score,
                "origin": "auto", "status": "unchecked", "attrs": dict(span.attrs), "created": now, "updated": now,
            })
        # Batches keep each statement under SQLite's limit on bound values.
        for batch in chunked(rows, 400):
            models.Annotation.insert_many(batch).execute()
        return sorted(previous, key=lambda s: (s.start, s.end))


def entity_ranges(article_id: int) -> list[tuple[int, int]]:
    """(start, end) of every entity mark of the article, automatic or the reader's."""
    annotation = models.Annotation
    return list(models.row_tuples(annotation.select(annotation.start, annotation.end)
                                  .where((annotation.article == article_id) & (annotation.kind == "entity"))))


def article_exists(article_id: int) -> bool:
    return models.Article.get_or_none(models.Article.id == article_id) is not None
