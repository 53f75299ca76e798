"""Sources the reader attaches to passages: links with a stance (supports, refutes, context)."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..annotation import STANCES
from ..errors import GlossatorError, NotFoundError
from . import models
from .annotations import annotation_for_range, get_annotation, mark_updated
from .database import transaction

URL_SCHEMES = ("http", "https", "mailto", "doi")


def check_url(url: str) -> str:
    """The link with surrounding space removed; GlossatorError unless it is http(s), mailto or doi."""
    cleaned = str(url).strip()
    if not cleaned or any(char.isspace() for char in cleaned):
        raise GlossatorError(f"'{cleaned}' is not a link (it is empty or contains spaces).")
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    if scheme not in URL_SCHEMES:
        raise GlossatorError(
            f"'{cleaned}' is not a link Glossator keeps; use http://, https://, mailto: or doi:."
        )
    if scheme in ("http", "https") and not parts.hostname:
        raise GlossatorError(f"'{cleaned}' has no host name.")
    if scheme == "mailto" and "@" not in parts.path:
        raise GlossatorError(f"'{cleaned}' has no e-mail address.")
    if scheme == "doi" and not (parts.path.startswith("10.") and "/" in parts.path):
        raise GlossatorError(f"'{cleaned}' is not a DOI (expected doi:10.<prefix>/<suffix>).")
    return cleaned


def check_stance(stance: str) -> str:
    """The stance itself; GlossatorError unless it is one of ``STANCES``."""
    if stance not in STANCES:
        raise GlossatorError(f"Unknown stance '{stance}'; expected one of: {', '.join(STANCES)}.")
    return stance


def add_source(
    article_id: int,
    start: int,
    end: int,
    url: str,
    title: str = "",
    stance: str = "context",
    note: str = "",
) -> models.Source:
    """Attach a source to the passage ``start:end`` (see ``annotation_for_range``)."""
    url = check_url(url)
    check_stance(stance)
    with transaction():
        annotation = annotation_for_range(article_id, start, end)
        source = models.Source.create(
            annotation=annotation.id, url=url, title=title.strip(), stance=stance, note=note.strip()
        )
        mark_updated(annotation.id)
        return source


def add_source_to(
    annotation_id: int, url: str, title: str = "", stance: str = "context", note: str = ""
) -> models.Source:
    """Attach a source to this very annotation (an import knows which one it belongs to)."""
    url = check_url(url)
    check_stance(stance)
    with transaction():
        annotation = get_annotation(annotation_id)
        source = models.Source.create(
            annotation=annotation.id, url=url, title=title.strip(), stance=stance, note=note.strip()
        )
        mark_updated(annotation.id)
        return source


def get_source(source_id: int) -> models.Source:
    """The source with this id; NotFoundError if there is none."""
    source = models.Source.get_or_none(models.Source.id == source_id)
    if source is None:
        raise NotFoundError(f"No source with id {source_id}.")
    return source


def update_source(
    source_id: int,
    *,
    url: str | None = None,
    title: str | None = None,
    stance: str | None = None,
    note: str | None = None,
) -> models.Source:
    """Change any of a source's link, title, stance or note; the others stay as they were."""
    if url is not None:
        url = check_url(url)
    if stance is not None:
        check_stance(stance)
    with transaction():
        source = get_source(source_id)
        if url is not None:
            source.url = url
        if title is not None:
            source.title = title.strip()
        if stance is not None:
            source.stance = stance
        if note is not None:
            source.note = note.strip()
        source.save()
        mark_updated(source.annotation_id)
        return source


def delete_source(source_id: int) -> None:
    """Delete a source; the passage it was on stays marked."""
    with transaction():
        source = get_source(source_id)
        models.Source.delete().where(models.Source.id == source.id).execute()
        mark_updated(source.annotation_id)
