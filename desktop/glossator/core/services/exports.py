"""Exports of a stored article: annotated Markdown and W3C Web Annotation JSON-LD."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from glossator.core import store
from glossator.core.errors import GlossatorError
from glossator.core.formats.glossator_markdown.markdown import export_markdown
from glossator.core.formats.web_annotation import ArticleNote, export_web_annotations
from glossator.core.safe_write import write_text_atomically
from glossator.core.services.worker import front_door

# Export formats by name, with the file extension each is saved under.
EXPORT_FORMATS = {"md": ".md", "jsonld": ".jsonld"}


@front_door
def render_markdown(article_id: int, *, entities: str = "inline", min_claim_score: float = 0.5,
                    exported_at: datetime | None = None) -> str:
    """The annotated Markdown of a stored article, with its notes and sources."""
    with store.reading():
        row = store.get_article(article_id)
        return export_markdown(
            store.article_from_row(row),
            store.annotation_records(article_id),
            entities=entities,
            exported_at=exported_at,
            min_claim_score=min_claim_score,
            article_notes=[note.body for note in store.article_notes(article_id)],
        )


@front_door
def render_web_annotations(article_id: int, *, include_entities: bool = False, min_claim_score: float = 0.5,
                           exported_at: datetime | None = None) -> str:
    """A stored article's annotations, notes and sources as W3C Web Annotation JSON-LD."""
    with store.reading():
        notes = [ArticleNote(n.body, n.id, n.created, n.updated) for n in store.article_notes(article_id)]
        return export_web_annotations(
            store.article_from_row(store.get_article(article_id)),
            store.annotation_records(article_id),
            include_entities=include_entities,
            min_claim_score=min_claim_score,
            times=store.annotation_times(article_id),
            article_notes=notes,
            exported_at=exported_at,
        )


@front_door
def render_export(article_id: int, fmt: str = "md", **options) -> str:
    """The export of a stored article in ``fmt`` (``md`` or ``jsonld``) with that format's options."""
    if fmt == "jsonld":
        return render_web_annotations(article_id, **options)
    if fmt == "md":
        return render_markdown(article_id, **options)
    raise GlossatorError(f"unknown export format '{fmt}' (choose one of: {', '.join(EXPORT_FORMATS)})")


@front_door
def export_article(article_id: int, out_path: str | os.PathLike, *, fmt: str = "md", **options) -> Path:
    """Export a stored article (annotated Markdown unless ``fmt`` says otherwise) to ``out_path``;
    returns the file written. The file is replaced whole, or not at all."""
    return write_text_atomically(out_path, render_export(article_id, fmt, **options))
