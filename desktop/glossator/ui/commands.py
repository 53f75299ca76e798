"""Every edit the reader makes, as an undoable command over the core services.

Each command calls one service (one transaction) to do and one to undo, and hands what
changed to the session, so the panels showing it follow. Commands that create rows remember
the new ids, so undo removes exactly what redo made.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QUndoCommand

from glossator.core.services import annotating, entities
from glossator.core.services.changes import Changes
from glossator.ui.article_session import ArticleSession

T = TypeVar("T")


def _made(value: T | None) -> T:
    """What ``do`` made, needed by ``undo_it`` (which Qt only calls after a ``do`` that worked)."""
    if value is None:
        raise RuntimeError("undo before the command was done")
    return value


class ServiceCommand(QUndoCommand):
    """Base: holds the session and gives it the changes of each do and undo."""

    def __init__(self, session: ArticleSession, text: str):
        super().__init__(text)
        self.session = session
        self.article_id = session.current_id()
        # The message of what stopped the last do or undo, as raised: Qt passes the exception
        # on with its own words put in front of them.
        self.failure: str | None = None

    def redo(self) -> None:
        try:
            changes = self.do()
        except BaseException as exc:
            # Not done: the stack drops the command instead of offering to undo it.
            self.failure = str(exc)
            self.setObsolete(True)
            raise
        self.session.apply(changes)

    def undo(self) -> None:
        try:
            changes = self.undo_it()
        except BaseException as exc:
            self.failure = str(exc)
            self.setObsolete(True)
            raise
        self.session.apply(changes)

    def do(self) -> Changes:
        raise NotImplementedError

    def undo_it(self) -> Changes:
        raise NotImplementedError


class AddAnnotation(ServiceCommand):
    """A highlight, a claim or an entity the reader marks on a range."""

    def __init__(self, session: ArticleSession, kind: str, label: str, start: int, end: int, *,
                 attrs: dict | None = None, text: str = ""):
        super().__init__(session, text or f"Mark {label or kind}")
        self.kind, self.label, self.start, self.end = kind, label, start, end
        self.attrs = attrs or {}
        self.annotation_id: int | None = None

    def do(self) -> Changes:
        done = annotating.add_annotation(self.article_id, self.kind, self.label, self.start, self.end,
                                          attrs=self.attrs)
        self.annotation_id = done.value
        self.session.select(self.annotation_id)
        return done.changes

    def undo_it(self) -> Changes:
        return annotating.delete_annotations([_made(self.annotation_id)]).changes


class AddNote(ServiceCommand):
    """A note on a range (it lands on the annotation covering exactly that range, or a new highlight)."""

    def __init__(self, session: ArticleSession, start: int, end: int, body: str):
        super().__init__(session, "Add note")
        self.start, self.end, self.body = start, end, body
        self.note_id: int | None = None
        self.created_annotation: int | None = None

    def do(self) -> Changes:
        before = {r.id for r in self.session.records}
        done = annotating.add_note(self.article_id, self.start, self.end, self.body)
        self.note_id = done.value.id
        self.created_annotation = None if done.value.annotation_id in before else done.value.annotation_id
        self.session.select(done.value.annotation_id)
        return done.changes

    def undo_it(self) -> Changes:
        if self.created_annotation is not None:
            return annotating.delete_annotations([self.created_annotation]).changes
        return annotating.delete_note(_made(self.note_id)).changes


class AddSource(ServiceCommand):
    """A source on a range, with its stance."""

    def __init__(self, session: ArticleSession, start: int, end: int, url: str, title: str = "",
                 stance: str = "context", note: str = ""):
        super().__init__(session, "Add source")
        self.start, self.end = start, end
        self.fields = {"url": url, "title": title, "stance": stance, "note": note}
        self.source_id: int | None = None
        self.created_annotation: int | None = None

    def do(self) -> Changes:
        before = {r.id for r in self.session.records}
        done = annotating.add_source(self.article_id, self.start, self.end, **self.fields)
        self.source_id = done.value.id
        self.created_annotation = None if done.value.annotation_id in before else done.value.annotation_id
        self.session.select(done.value.annotation_id)
        return done.changes

    def undo_it(self) -> Changes:
        if self.created_annotation is not None:
            return annotating.delete_annotations([self.created_annotation]).changes
        return annotating.delete_source(_made(self.source_id)).changes


class EditNote(ServiceCommand):
    """Change a note's text."""

    def __init__(self, session: ArticleSession, note_id: int, body: str):
        super().__init__(session, "Edit note")
        self.note_id, self.body = note_id, body
        self.old = annotating.get_note(note_id).body

    def do(self) -> Changes:
        return annotating.update_note(self.note_id, self.body).changes

    def undo_it(self) -> Changes:
        return annotating.update_note(self.note_id, self.old).changes


class DeleteNote(ServiceCommand):
    """Remove a note (undo brings back the same text)."""

    def __init__(self, session: ArticleSession, note_id: int):
        super().__init__(session, "Delete note")
        note = annotating.get_note(note_id)
        self.note_id, self.body, self.range = note_id, note.body, note.span

    def do(self) -> Changes:
        return annotating.delete_note(self.note_id).changes

    def undo_it(self) -> Changes:
        if self.range is None:
            done = annotating.add_article_note(self.article_id, self.body)
        else:
            done = annotating.add_note(self.article_id, *self.range, self.body)
        self.note_id = done.value.id
        return done.changes


class EditSource(ServiceCommand):
    """Change a source's link, title, stance or note."""

    def __init__(self, session: ArticleSession, source_id: int, **changes: str):
        super().__init__(session, "Edit source")
        self.source_id, self.changes = source_id, changes
        old = annotating.get_source(source_id)
        self.old = {name: getattr(old, name) for name in changes}

    def do(self) -> Changes:
        return annotating.update_source(self.source_id, **self.changes).changes

    def undo_it(self) -> Changes:
        return annotating.update_source(self.source_id, **self.old).changes


class DeleteSource(ServiceCommand):
    """Remove a source (undo adds it back to the same passage)."""

    def __init__(self, session: ArticleSession, source_id: int):
        super().__init__(session, "Delete source")
        src = annotating.get_source(source_id)
        self.source_id = source_id
        self.range = src.span
        self.fields = {"url": src.url, "title": src.title, "stance": src.stance, "note": src.note}

    def do(self) -> Changes:
        return annotating.delete_source(self.source_id).changes

    def undo_it(self) -> Changes:
        start, end = self.range
        done = annotating.add_source(self.article_id, start, end, **self.fields)
        self.source_id = done.value.id
        return done.changes


class SetStatus(ServiceCommand):
    """Set a claim's status (unchecked, supported, disputed, false, not a claim)."""

    def __init__(self, session: ArticleSession, annotation_id: int, status: str):
        super().__init__(session, "Set claim status")
        self.annotation_id, self.status = annotation_id, status
        self.old = annotating.annotation_status(annotation_id)

    def do(self) -> Changes:
        return annotating.set_status(self.annotation_id, self.status).changes

    def undo_it(self) -> Changes:
        return annotating.set_status(self.annotation_id, self.old).changes


class AddTag(ServiceCommand):
    """Put a tag on an annotation."""

    def __init__(self, session: ArticleSession, annotation_id: int, name: str):
        super().__init__(session, f"Add tag {name}")
        self.annotation_id, self.name = annotation_id, name

    def do(self) -> Changes:
        done = annotating.add_tag(self.annotation_id, self.name)
        self.name = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return annotating.remove_tag(self.annotation_id, self.name).changes


class RemoveTag(ServiceCommand):
    """Take a tag off an annotation."""

    def __init__(self, session: ArticleSession, annotation_id: int, name: str):
        super().__init__(session, f"Remove tag {name}")
        self.annotation_id, self.name = annotation_id, name

    def do(self) -> Changes:
        return annotating.remove_tag(self.annotation_id, self.name).changes

    def undo_it(self) -> Changes:
        return annotating.add_tag(self.annotation_id, self.name).changes


class DeleteAnnotations(ServiceCommand):
    """Remove annotations with everything attached; undo restores them exactly."""

    def __init__(self, session: ArticleSession, annotation_ids: list[int], text: str = "Remove annotation"):
        super().__init__(session, text)
        self.ids = list(annotation_ids)
        self.snapshots: list[annotating.Snapshot] = []

    def do(self) -> Changes:
        done = annotating.delete_annotations(self.ids)
        self.snapshots = done.value
        return done.changes

    def undo_it(self) -> Changes:
        done = annotating.restore_annotations(self.snapshots)
        self.ids = done.value
        return done.changes


class NotAnEntity(ServiceCommand):
    """Remove every mention of a name here and remember, for every later article, that it is
    not an entity."""

    def __init__(self, session: ArticleSession, surface: str):
        super().__init__(session, f"Not an entity: {surface}")
        self.surface = surface
        self.done: entities.Unmarked | None = None

    def do(self) -> Changes:
        done = entities.not_an_entity(self.article_id, self.surface)
        self.done = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return entities.undo_not_an_entity(_made(self.done)).changes


class MarkEntity(ServiceCommand):
    """Mark a range as an entity of a type and remember it: the same name gets that type in
    this article at once, and in every later analysis. One transaction each way."""

    def __init__(self, session: ArticleSession, label: str, start: int, end: int):
        super().__init__(session, f"Mark as {label}")
        self.label, self.start, self.end = label, start, end
        self.surface = session.text(start, end)
        self.marked: entities.Marked | None = None

    @property
    def annotation_id(self) -> int | None:
        return self.marked.annotation_id if self.marked else None

    def do(self) -> Changes:
        done = entities.mark_entity(self.article_id, self.start, self.end, self.label)
        self.marked = done.value
        self.session.select(self.marked.annotation_id)
        return done.changes

    def undo_it(self) -> Changes:
        return entities.undo_mark_entity(_made(self.marked)).changes


class NameEntity(ServiceCommand):
    """Rename an entity, or merge one into another: ``form`` is from now on the entity called
    ``canonical``, here at once and in every later analysis."""

    def __init__(self, session: ArticleSession, form: str, canonical: str, text: str = ""):
        super().__init__(session, text or f"Name {form} as {canonical}")
        self.form, self.canonical = form, canonical
        self.named: entities.Named | None = None

    def do(self) -> Changes:
        done = entities.name_entity(self.article_id, self.form, self.canonical)
        self.named = done.value
        return done.changes

    def undo_it(self) -> Changes:
        return entities.undo_name_entity(_made(self.named)).changes
