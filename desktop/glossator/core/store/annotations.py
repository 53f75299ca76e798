"""Annotations the reader makes or changes: adding, relabelling, setting a claim's status, deleting."""

from __future__ import annotations

from ..annotation import CLAIM_STATUSES, KINDS, ORIGINS
from ..errors import GlossatorError, NotFoundError
from . import models
from .articles import get_article
from .database import transaction

CONTEXT_CHARS = 32
# Which annotation a note or source lands on when several cover exactly the same range.
ATTACH_ORDER = ("claim", "entity", "highlight")


def check_range(text: str, start: int, end: int) -> None:
    """GlossatorError unless ``start:end`` is a non-empty range inside ``text``."""
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in (start, end)):
        raise GlossatorError(f"A range needs whole-number offsets, not {start!r}-{end!r}.")
    if not 0 <= start < end <= len(text):
        raise GlossatorError(
            f"The range {start}-{end} is not a passage of the article (it has {len(text)} characters)."
        )


def quote_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quoted passage and up to ``CONTEXT_CHARS`` characters either side of it."""
    return (
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def get_annotation(annotation_id: int) -> models.Annotation:
    """The annotation row with this id; NotFoundError if there is none."""
    row = models.Annotation.get_or_none(models.Annotation.id == annotation_id)
    if row is None:
        raise NotFoundError(f"No annotation with id {annotation_id}.")
    return row


def mark_updated(annotation_id: int) -> None:
    """Stamp an annotation as changed now (its notes, sources or tags count as part of it)."""
    models.Annotation.update(updated=models.utc_now()).where(
        models.Annotation.id == annotation_id
    ).execute()


def add_annotation(
    article_id: int,
    kind: str,
    label: str,
    start: int,
    end: int,
    *,
    origin: str = "user",
    score: float | None = None,
    status: str = "unchecked",
    attrs: dict | None = None,
) -> models.Annotation:
    """Mark ``start:end`` of an article as an entity, claim or highlight.

    If an annotation of the same kind already covers exactly that range it is relabelled
    and returned instead, so marking a passage twice never stacks duplicates.
    """
    _check_choice("kind", kind, KINDS)
    _check_choice("origin", origin, ORIGINS)
    _check_choice("status", status, CLAIM_STATUSES)
    with transaction():
        article = get_article(article_id)
        check_range(article.text, start, end)
        existing = (
            models.Annotation.select()
            .where(
                (models.Annotation.article == article.id)
                & (models.Annotation.kind == kind)
                & (models.Annotation.start == start)
                & (models.Annotation.end == end)
            )
            .order_by(models.Annotation.id)
            .first()
        )
        if existing is not None:
            if existing.label != label:
                return update_annotation(existing.id, label=label)
            return existing
        quote, prefix, suffix = quote_context(article.text, start, end)
        return models.Annotation.create(
            article=article.id,
            kind=kind,
            label=label,
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            score=score,
            origin=origin,
            status=status,
            attrs=dict(attrs or {}),
        )


def update_annotation(
    annotation_id: int, *, label: str | None = None, attrs: dict | None = None
) -> models.Annotation:
    """Relabel an annotation or merge ``attrs`` into its attributes.

    The change is flagged ``user_edited`` so re-analysis keeps the annotation as the reader left it.
    """
    with transaction():
        row = get_annotation(annotation_id)
        if label is not None:
            row.label = label
        row.attrs = {**(row.attrs or {}), **(attrs or {}), "user_edited": True}
        row.updated = models.utc_now()
        row.save()
        return row


def set_status(annotation_id: int, status: str) -> models.Annotation:
    """Record what checking found: supported, disputed, false, not-a-claim, or back to unchecked."""
    _check_choice("status", status, CLAIM_STATUSES)
    with transaction():
        row = get_annotation(annotation_id)
        row.status = status
        row.updated = models.utc_now()
        row.save()
        return row


def delete_annotation(annotation_id: int) -> None:
    """Delete an annotation with its notes, sources and tags.

    An automatic one returns at the next analysis; an entity rule is how to silence it for good.
    """
    with transaction():
        row = get_annotation(annotation_id)
        models.Annotation.delete().where(models.Annotation.id == row.id).execute()


def annotation_for_range(article_id: int, start: int, end: int) -> models.Annotation:
    """The annotation a note or source on ``start:end`` belongs to, made a user highlight if none fits.

    Among annotations covering exactly that range a claim is preferred, then an entity,
    then a highlight.
    """
    with transaction():
        article = get_article(article_id)
        check_range(article.text, start, end)
        candidates = models.Annotation.select().where(
            (models.Annotation.article == article.id)
            & (models.Annotation.start == start)
            & (models.Annotation.end == end)
        )
        ranked = sorted(candidates, key=lambda row: (_attach_rank(row.kind), row.id))
        if ranked:
            return ranked[0]
        quote, prefix, suffix = quote_context(article.text, start, end)
        return models.Annotation.create(
            article=article.id,
            kind="highlight",
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            origin="user",
        )


def _attach_rank(kind: str) -> int:
    return ATTACH_ORDER.index(kind) if kind in ATTACH_ORDER else len(ATTACH_ORDER)


def _check_choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise GlossatorError(f"Unknown {name} '{value}'; expected one of: {', '.join(allowed)}.")
