"""Storing articles and finding them again by id, file path or text hash."""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

from ..article import Article, Block, Inline
from ..errors import NotFoundError
from . import models
from .database import transaction

_HASH_RE = re.compile(r"[0-9a-f]{64}")


def save_article(article: Article) -> models.Article:
    """Store ``article``, or return the row already holding the same text.

    Re-importing a text keeps its annotations; where the new import knows more (a new
    file location, metadata, a title the old one lacked) the row is brought up to date.
    """
    digest = article.text_hash
    with transaction():
        row = models.Article.get_or_none(models.Article.text_hash == digest)
        if row is None:
            return models.Article.create(
                title=article.title,
                author=article.author,
                published=article.published,
                source_url=article.source_url,
                source_path=article.source_path,
                format=article.format,
                text=article.text,
                text_hash=digest,
                blocks=[asdict(block) for block in article.blocks],
                inlines=[asdict(inline) for inline in article.inlines],
                metadata=dict(article.metadata),
            )
        _merge_into(row, article)
        row.save()
        return row


def _merge_into(row: models.Article, article: Article) -> None:
    # Locations follow the latest import; descriptive fields are only filled in, never
    # replaced, since the first import may have come from the richer source.
    if article.source_path:
        row.source_path = article.source_path
    if article.source_url:
        row.source_url = article.source_url
    for name in ("title", "author", "published"):
        if not getattr(row, name) and getattr(article, name):
            setattr(row, name, getattr(article, name))
    if not row.blocks and article.blocks:
        row.blocks = [asdict(block) for block in article.blocks]
        row.inlines = [asdict(inline) for inline in article.inlines]
        row.format = article.format
    if article.metadata:
        row.metadata = {**(row.metadata or {}), **article.metadata}


def get_article(article_id: int) -> models.Article:
    """The article row with this id; NotFoundError if there is none."""
    row = models.Article.get_or_none(models.Article.id == article_id)
    if row is None:
        raise NotFoundError(f"No article with id {article_id}.")
    return row


def find_article(ref: str) -> models.Article:
    """The article a user refers to: by id, by the file it was imported from, or by its text hash."""
    ref = str(ref).strip()
    if ref.isdigit():
        row = models.Article.get_or_none(models.Article.id == int(ref))
        if row is not None:
            return row
    if _HASH_RE.fullmatch(ref.lower()):
        row = models.Article.get_or_none(models.Article.text_hash == ref.lower())
        if row is not None:
            return row
    if ref:
        row = _by_source_path(ref)
        if row is not None:
            return row
    raise NotFoundError(f"No article matches '{ref}' (give an id, an imported file or a text hash).")


def find_by_address(url: str) -> models.Article | None:
    """The article last fetched from ``url`` (the address it ended at, or its canonical one)."""
    url = url.strip()
    return (
        models.Article.select()
        .where((models.Article.source_path == url) | (models.Article.source_url == url))
        .order_by(models.Article.imported_at.desc(), models.Article.id.desc())
        .first()
    )


def _by_source_path(ref: str) -> models.Article | None:
    candidates = {ref}
    try:
        candidates.add(str(Path(ref).expanduser().resolve()))
    except (OSError, RuntimeError):
        pass
    # The most recent import wins when several articles came from the same file.
    return (
        models.Article.select()
        .where(models.Article.source_path.in_(sorted(candidates)))
        .order_by(models.Article.imported_at.desc(), models.Article.id.desc())
        .first()
    )


def article_from_row(row: models.Article) -> Article:
    """The core ``Article`` held by a row, structure included."""
    return Article(
        text=row.text,
        blocks=[Block(**block) for block in row.blocks or []],
        inlines=[Inline(**inline) for inline in row.inlines or []],
        title=row.title,
        author=row.author,
        published=row.published,
        source_url=row.source_url,
        source_path=row.source_path,
        format=row.format,
        metadata=dict(row.metadata or {}),
    )


def delete_article(article_id: int) -> None:
    """Delete an article with everything attached to it, and forget its analyses."""
    with transaction():
        row = get_article(article_id)
        # The cache is keyed by text, not by row: left behind, it would stop a
        # re-import of the same text from ever being analysed.
        models.AnalysisRun.delete().where(models.AnalysisRun.text_hash == row.text_hash).execute()
        models.Article.delete().where(models.Article.id == row.id).execute()
