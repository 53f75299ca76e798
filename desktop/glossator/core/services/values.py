"""The plain values services hand out: no database rows ever leave the core.

``AnnotationRecord`` (one annotation with its notes, sources and tags), ``ArticleSummary``
(a library row) and ``SearchHit`` are plain dataclasses already and are handed out as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from glossator.core.annotation import AnnotationRecord
from glossator.core.article import Article
from glossator.core.store import ArticleSummary, SearchHit, article_from_row, models

__all__ = ["AnnotationRecord", "ArticleSummary", "EntityRule", "Note", "SearchHit", "Source", "StoredArticle"]


@dataclass(frozen=True)
class StoredArticle:
    """An article in the library: its id, what was read, and when it was imported."""

    id: int
    article: Article
    text_hash: str
    imported_at: datetime | None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def author(self) -> str:
        return self.article.author

    @property
    def published(self) -> str:
        return self.article.published

    @property
    def format(self) -> str:
        return self.article.format

    @property
    def source_url(self) -> str:
        return self.article.source_url

    @property
    def source_path(self) -> str:
        return self.article.source_path

    @property
    def genre(self) -> str:
        """The kind of text its analysis found ("fiction", "news", "opinion", "transcript",
        "unknown"), or "" before any analysis."""
        return str((self.article.metadata or {}).get("genre") or "")

    @property
    def shown_name(self) -> str:
        """The title, or the file name it came from, for a window title or a heading."""
        return self.title or Path(self.source_path).name


@dataclass(frozen=True)
class Note:
    """A note; ``span`` is the passage it is on (None for a note on the whole article)."""

    id: int
    article_id: int
    annotation_id: int | None
    body: str
    span: tuple[int, int] | None


@dataclass(frozen=True)
class Source:
    """A source on a passage (``span``), with its stance and the reader's remark."""

    id: int
    annotation_id: int
    url: str
    title: str
    stance: str
    note: str
    span: tuple[int, int]


@dataclass(frozen=True)
class EntityRule:
    """A correction: ``text`` is always an entity of type ``label``, or never one (IGNORE)."""

    id: int
    text: str
    label: str


def stored_article(row: models.Article) -> StoredArticle:
    return StoredArticle(id=row.id, article=article_from_row(row), text_hash=row.text_hash,
                         imported_at=row.imported_at)


def note(row: models.Note) -> Note:
    on = row.annotation if row.annotation_id is not None else None
    span = (on.start, on.end) if on is not None else None
    return Note(id=row.id, article_id=row.article_id, annotation_id=row.annotation_id, body=row.body, span=span)


def source(row: models.Source) -> Source:
    return Source(id=row.id, annotation_id=row.annotation_id, url=row.url, title=row.title,
                  stance=row.stance, note=row.note, span=(row.annotation.start, row.annotation.end))


def entity_rule(row: models.EntityRule) -> EntityRule:
    return EntityRule(id=row.id, text=row.text, label=row.label)
