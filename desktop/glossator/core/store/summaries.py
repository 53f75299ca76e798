"""The library list: one summary per article, with its counts computed by the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from peewee import JOIN, Case, fn

from . import models


@dataclass(frozen=True)
class ArticleSummary:
    """What the library shows for an article: where it came from and how much is marked in it.

    ``claims`` leaves out claims the reader marked ``not-a-claim``.
    """

    id: int
    title: str
    source: str
    published: str
    imported_at: datetime
    entities: int
    claims: int
    notes: int
    sources: int


def list_articles() -> list[ArticleSummary]:
    """Every article, newest import first, in one query whatever the size of the library."""
    article, annotation = models.Article, models.Annotation
    note, source = models.Note, models.Source
    counted_claim = (annotation.kind == "claim") & (annotation.status != "not-a-claim")
    marks = (
        annotation.select(
            annotation.article.alias("article_id"),
            fn.SUM(Case(None, [(annotation.kind == "entity", 1)], 0)).alias("entities"),
            fn.SUM(Case(None, [(counted_claim, 1)], 0)).alias("claims"),
        )
        .group_by(annotation.article)
        .alias("marks")
    )
    notes = (
        note.select(note.article.alias("article_id"), fn.COUNT(note.id).alias("notes"))
        .group_by(note.article)
        .alias("article_notes")
    )
    sources = (
        source.select(annotation.article.alias("article_id"), fn.COUNT(source.id).alias("sources"))
        .join(annotation)
        .group_by(annotation.article)
        .alias("article_sources")
    )
    query = (
        article.select(
            article.id,
            article.title,
            article.source_url,
            article.source_path,
            article.published,
            article.imported_at,
            fn.COALESCE(marks.c.entities, 0).alias("entities"),
            fn.COALESCE(marks.c.claims, 0).alias("claims"),
            fn.COALESCE(notes.c.notes, 0).alias("notes"),
            fn.COALESCE(sources.c.sources, 0).alias("sources"),
        )
        .join_from(article, marks, JOIN.LEFT_OUTER, on=(marks.c.article_id == article.id))
        .join_from(article, notes, JOIN.LEFT_OUTER, on=(notes.c.article_id == article.id))
        .join_from(article, sources, JOIN.LEFT_OUTER, on=(sources.c.article_id == article.id))
        .order_by(article.imported_at.desc(), article.id.desc())
    )
    return [
        ArticleSummary(
            id=row["id"],
            title=row["title"],
            source=source_label(row["source_url"], row["source_path"]),
            published=row["published"],
            imported_at=row["imported_at"],
            entities=int(row["entities"]),
            claims=int(row["claims"]),
            notes=int(row["notes"]),
            sources=int(row["sources"]),
        )
        for row in models.row_dicts(query)
    ]


def source_label(source_url: str, source_path: str) -> str:
    """How to name where an article came from: its URL, else its file name, else nothing."""
    if source_url:
        return source_url
    if source_path:
        return PurePath(source_path).name
    return ""
