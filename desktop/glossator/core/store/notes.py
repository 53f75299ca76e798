"""The reader's notes: on a passage of an article, or on the article as a whole."""

from __future__ import annotations

from ..errors import GlossatorError, NotFoundError
from . import models
from .annotations import annotation_for_range, get_annotation, mark_updated
from .articles import get_article
from .database import transaction


def add_note(article_id: int, start: int, end: int, body: str) -> models.Note:
    """Attach a Markdown note to the passage ``start:end`` (see ``annotation_for_range``)."""
    body = _clean_body(body)
    with transaction():
        annotation = annotation_for_range(article_id, start, end)
        note = models.Note.create(article=annotation.article_id, annotation=annotation.id, body=body)
        mark_updated(annotation.id)
        return note


def add_note_to(annotation_id: int, body: str) -> models.Note:
    """Attach a Markdown note to this very annotation (an import knows which one it belongs to)."""
    body = _clean_body(body)
    with transaction():
        annotation = get_annotation(annotation_id)
        note = models.Note.create(article=annotation.article_id, annotation=annotation.id, body=body)
        mark_updated(annotation.id)
        return note


def add_article_note(article_id: int, body: str) -> models.Note:
    """Attach a Markdown note to a whole article."""
    body = _clean_body(body)
    with transaction():
        article = get_article(article_id)
        return models.Note.create(article=article.id, annotation=None, body=body)


def article_notes(article_id: int) -> list[models.Note]:
    """The notes on the article as a whole, oldest first."""
    return list(
        models.Note.select()
        .where((models.Note.article == article_id) & models.Note.annotation.is_null())
        .order_by(models.Note.created, models.Note.id)
    )


def get_note(note_id: int) -> models.Note:
    """The note with this id; NotFoundError if there is none."""
    note = models.Note.get_or_none(models.Note.id == note_id)
    if note is None:
        raise NotFoundError(f"No note with id {note_id}.")
    return note


def update_note(note_id: int, body: str) -> models.Note:
    """Replace a note's text."""
    body = _clean_body(body)
    with transaction():
        note = get_note(note_id)
        note.body = body
        note.updated = models.utc_now()
        note.save()
        if note.annotation_id is not None:
            mark_updated(note.annotation_id)
        return note


def delete_note(note_id: int) -> None:
    """Delete a note; the passage it was on stays marked."""
    with transaction():
        note = get_note(note_id)
        models.Note.delete().where(models.Note.id == note.id).execute()
        if note.annotation_id is not None:
            mark_updated(note.annotation_id)


def _clean_body(body: str) -> str:
    # Trailing whitespace is noise; leading indentation may be Markdown (code, lists).
    cleaned = str(body).rstrip().lstrip("\n")
    if not cleaned.strip():
        raise GlossatorError("A note needs some text.")
    return cleaned
