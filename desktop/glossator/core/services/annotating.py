"""The reader's work on an article: marks, notes, sources, claim statuses and tags.

Every write is one transaction and returns ``Done(value, changes)``; the values are plain
(``Note``, ``Source``, ids, snapshots), so undo can replay them later.
"""

from __future__ import annotations

from glossator.core import store
from glossator.core.services import values
from glossator.core.services.changes import Changes, Done, annotations_of
from glossator.core.services.values import AnnotationRecord, Note, Source
from glossator.core.services.worker import front_door
from glossator.core.store.sources import check_url
from glossator.core.store.tags import clean_tag_name

__all__ = [
    "Snapshot", "add_annotation", "add_article_note", "add_note", "add_source", "add_tag",
    "annotation_records", "annotation_status", "article_notes", "check_url", "clean_tag_name",
    "delete_annotations", "delete_note", "delete_source", "get_note", "get_source", "list_tags",
    "remove_tag", "restore_annotations", "set_status", "update_note", "update_source",
]

# Everything about an annotation (fields, notes, sources, tags), to bring a deleted one back.
Snapshot = dict


def _article_of(annotation_id: int) -> int:
    return store.get_annotation(annotation_id).article_id


@front_door
def annotation_records(article_id: int) -> list[AnnotationRecord]:
    """The article's annotations, each with its notes, sources and tags, in text order."""
    return store.annotation_records(article_id)


@front_door
def annotation_status(annotation_id: int) -> str:
    return store.get_annotation(annotation_id).status


@front_door
def add_annotation(article_id: int, kind: str, label: str, start: int, end: int, *,
                   attrs: dict | None = None) -> Done[int]:
    """Mark ``start:end`` as an entity, claim or highlight of the reader's; the id of the mark."""
    with store.transaction():
        row = store.add_annotation(article_id, kind, label, start, end, origin="user", attrs=dict(attrs or {}))
    return Done(row.id, Changes(article_list=True) | annotations_of(article_id))


@front_door
def delete_annotations(annotation_ids: list[int]) -> Done[list[Snapshot]]:
    """Delete annotations with everything attached; their snapshots bring them back exactly."""
    with store.transaction():
        snapshots = [store.snapshot_annotation(i) for i in annotation_ids]
        for annotation_id in annotation_ids:
            store.delete_annotation(annotation_id)
    articles = frozenset(s["article"] for s in snapshots)
    return Done(snapshots, Changes(article_list=True, annotations=articles, tag_names=True))


@front_door
def restore_annotations(snapshots: list[Snapshot]) -> Done[list[int]]:
    """Recreate deleted annotations; returns their new ids, in the same order."""
    with store.transaction():
        ids = [store.restore_annotation(s) for s in snapshots]
    articles = frozenset(s["article"] for s in snapshots)
    return Done(ids, Changes(article_list=True, annotations=articles, tag_names=True))


@front_door
def set_status(annotation_id: int, status: str) -> Done[str]:
    """Record what checking found; returns the status it had before."""
    with store.transaction():
        row = store.get_annotation(annotation_id)
        before = row.status
        store.set_status(annotation_id, status)
    return Done(before, annotations_of(row.article_id))


# -- notes ---------------------------------------------------------------------------------
@front_door
def get_note(note_id: int) -> Note:
    return values.note(store.get_note(note_id))


@front_door
def article_notes(article_id: int) -> list[Note]:
    """The notes on the article as a whole, oldest first."""
    return [values.note(row) for row in store.article_notes(article_id)]


@front_door
def add_note(article_id: int, start: int, end: int, body: str) -> Done[Note]:
    """A note on ``start:end``; it joins the mark covering exactly that range, or a new highlight."""
    with store.transaction():
        added = values.note(store.add_note(article_id, start, end, body))
    return Done(added, Changes(article_list=True) | annotations_of(article_id))


@front_door
def add_article_note(article_id: int, body: str) -> Done[Note]:
    """A note on the whole article."""
    with store.transaction():
        added = values.note(store.add_article_note(article_id, body))
    return Done(added, Changes(article_list=True, article_notes=frozenset({article_id})))


@front_door
def update_note(note_id: int, body: str) -> Done[Note]:
    """Replace a note's text; returns the note as it was."""
    with store.transaction():
        before = get_note(note_id)
        store.update_note(note_id, body)
    return Done(before, _note_changes(before))


@front_door
def delete_note(note_id: int) -> Done[Note]:
    """Delete a note; returns it as it was, for undo."""
    with store.transaction():
        before = get_note(note_id)
        store.delete_note(note_id)
    return Done(before, Changes(article_list=True) | _note_changes(before))


def _note_changes(changed: Note) -> Changes:
    if changed.annotation_id is None:
        return Changes(article_notes=frozenset({changed.article_id}))
    return annotations_of(changed.article_id)


# -- sources -------------------------------------------------------------------------------
@front_door
def get_source(source_id: int) -> Source:
    return values.source(store.get_source(source_id))


@front_door
def add_source(article_id: int, start: int, end: int, url: str, title: str = "", stance: str = "context",
               note: str = "") -> Done[Source]:
    """A source on ``start:end`` with its stance; the link must be http(s), mailto or doi."""
    with store.transaction():
        added = values.source(store.add_source(article_id, start, end, url, title, stance, note))
    return Done(added, Changes(article_list=True) | annotations_of(article_id))


@front_door
def update_source(source_id: int, **changes: str) -> Done[Source]:
    """Change any of a source's url, title, stance or note; returns the source as it was."""
    with store.transaction():
        before = get_source(source_id)
        store.update_source(source_id, **changes)
        article_id = _article_of(before.annotation_id)
    return Done(before, annotations_of(article_id))


@front_door
def delete_source(source_id: int) -> Done[Source]:
    """Delete a source (the passage stays marked); returns it as it was, for undo."""
    with store.transaction():
        before = get_source(source_id)
        article_id = _article_of(before.annotation_id)
        store.delete_source(source_id)
    return Done(before, Changes(article_list=True) | annotations_of(article_id))


# -- tags ----------------------------------------------------------------------------------
@front_door
def list_tags() -> list[str]:
    """The names of the tags in use, sorted case-insensitively."""
    return store.list_tags()


@front_door
def articles_with_tag(name: str) -> set[int]:
    """The ids of the articles where some annotation carries this tag."""
    return store.articles_with_tag(name)


@front_door
def add_tag(annotation_id: int, name: str) -> Done[str]:
    """Put a tag on an annotation; returns the tag's name as stored."""
    with store.transaction():
        stored = store.add_tag(annotation_id, name).name
        article_id = _article_of(annotation_id)
    return Done(stored, Changes(tag_names=True) | annotations_of(article_id))


@front_door
def remove_tag(annotation_id: int, name: str) -> Done[None]:
    """Take a tag off an annotation (harmless if it is not there)."""
    with store.transaction():
        store.remove_tag(annotation_id, name)
        article_id = _article_of(annotation_id)
    return Done(None, Changes(tag_names=True) | annotations_of(article_id))
