"""An article's annotations as plain records, with their notes, sources and tags, for views and exports."""

from __future__ import annotations

from datetime import datetime

from peewee import prefetch

from ..annotation import AnnotationRecord, SourceRef
from . import models
from .articles import get_article


def annotation_records(article_id: int) -> list[AnnotationRecord]:
    """Every annotation of an article, sorted by position, loaded in a fixed number of queries."""
    get_article(article_id)
    annotations = (
        models.Annotation.select()
        .where(models.Annotation.article == article_id)
        .order_by(models.Annotation.start, models.Annotation.end, models.Annotation.id)
    )
    rows = prefetch(
        annotations,
        models.Note.select().order_by(models.Note.created, models.Note.id),
        models.Source.select().order_by(models.Source.created, models.Source.id),
        models.AnnotationTag.select(),
        models.Tag.select(),
    )
    return [_record(row) for row in rows]


def annotation_times(article_id: int) -> dict[int, tuple[datetime, datetime]]:
    """When each annotation of an article was created and last changed (naive UTC), by id."""
    query = (
        models.Annotation.select(models.Annotation.id, models.Annotation.created, models.Annotation.updated)
        .where(models.Annotation.article == article_id)
    )
    return {ident: (created, updated) for ident, created, updated in models.row_tuples(query)}


def _record(row: models.Annotation) -> AnnotationRecord:
    return AnnotationRecord(
        kind=row.kind,
        label=row.label,
        start=row.start,
        end=row.end,
        quote=row.quote,
        score=row.score,
        origin=row.origin,
        status=row.status,
        attrs=dict(row.attrs or {}),
        notes=[note.body for note in row.notes],
        sources=[
            SourceRef(url=source.url, title=source.title, stance=source.stance, note=source.note, id=source.id)
            for source in row.sources
        ],
        tags=sorted((link.tag.name for link in row.annotation_tags), key=str.casefold),
        id=row.id,
        note_ids=[note.id for note in row.notes],
    )
