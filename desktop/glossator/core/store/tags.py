"""Tags on annotations."""

from __future__ import annotations

from ..errors import GlossatorError
from . import models
from .annotations import get_annotation, mark_updated
from .database import transaction

MAX_TAG_LENGTH = 100


def clean_tag_name(name: str) -> str:
    """The tag name with its whitespace collapsed; GlossatorError if empty or too long."""
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise GlossatorError("A tag needs a name.")
    if len(cleaned) > MAX_TAG_LENGTH:
        raise GlossatorError(f"A tag name can have at most {MAX_TAG_LENGTH} characters.")
    return cleaned


def add_tag(annotation_id: int, name: str) -> models.Tag:
    """Put the tag ``name`` on an annotation (creating the tag if new); adding it twice is harmless."""
    cleaned = clean_tag_name(name)
    with transaction():
        annotation = get_annotation(annotation_id)
        tag, _ = models.Tag.get_or_create(name=cleaned)
        models.AnnotationTag.get_or_create(annotation=annotation, tag=tag)
        mark_updated(annotation.id)
        return tag


def remove_tag(annotation_id: int, name: str) -> None:
    """Take the tag ``name`` off an annotation; taking off a tag it lacks is harmless."""
    cleaned = clean_tag_name(name)
    with transaction():
        annotation = get_annotation(annotation_id)
        tag = models.Tag.get_or_none(models.Tag.name == cleaned)
        if tag is None:
            return
        models.AnnotationTag.delete().where(
            (models.AnnotationTag.annotation == annotation) & (models.AnnotationTag.tag == tag)
        ).execute()
        mark_updated(annotation.id)


def list_tags() -> list[str]:
    """The names of the tags some annotation carries, sorted case-insensitively.

    A tag taken off its last annotation keeps its row (it is tiny) but is not listed.
    """
    names = [
        tag.name
        for tag in models.Tag.select(models.Tag.name)
        .join(models.AnnotationTag)
        .distinct()
    ]
    return sorted(names, key=str.casefold)


def articles_with_tag(name: str) -> set[int]:
    """The ids of the articles where some annotation carries the tag ``name``."""
    rows = (
        models.Annotation.select(models.Annotation.article)
        .join(models.AnnotationTag)
        .join(models.Tag)
        .where(models.Tag.name == clean_tag_name(name))
        .distinct()
    )
    return {row.article_id for row in rows}
