"""Whole annotations as plain dictionaries, so that a deletion can be undone exactly."""

from __future__ import annotations

from . import models
from .annotations import get_annotation
from .database import transaction

_FIELDS = ("kind", "label", "start", "end", "quote", "prefix", "suffix", "score", "origin",
           "status", "attrs", "created", "updated")


def snapshot_annotation(annotation_id: int) -> dict:
    """Everything about an annotation: its fields, notes, sources and tags."""
    row = get_annotation(annotation_id)
    return {
        "article": row.article_id,
        **{name: getattr(row, name) for name in _FIELDS},
        "notes": [(n.body, n.created, n.updated) for n in row.notes],
        "sources": [(s.url, s.title, s.stance, s.note, s.created) for s in row.sources],
        "tags": [link.tag.name for link in row.annotation_tags],
    }


def restore_annotation(snapshot: dict) -> int:
    """Recreate an annotation from ``snapshot_annotation``; returns its new id."""
    with transaction():
        row = models.Annotation.create(article=snapshot["article"], **{n: snapshot[n] for n in _FIELDS})
        for body, created, updated in snapshot["notes"]:
            models.Note.create(article=snapshot["article"], annotation=row.id, body=body,
                               created=created, updated=updated)
        for url, title, stance, note, created in snapshot["sources"]:
            models.Source.create(annotation=row.id, url=url, title=title, stance=stance, note=note,
                                 created=created)
        for name in snapshot["tags"]:
            tag, _ = models.Tag.get_or_create(name=name)
            models.AnnotationTag.create(annotation=row.id, tag=tag.id)
        return row.id
