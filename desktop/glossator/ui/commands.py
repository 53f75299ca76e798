"""Every edit the reader makes, as an undoable command that writes to the store at once.

Each command calls the core store, then asks the session to reload, so panels follow.
Commands that create rows remember the new ids, so undo removes exactly what redo made.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from glossator.core import store
from glossator.ui.article_session import ArticleSession


class StoreCommand(QUndoCommand):
    """Base: holds the session, reloads its annotations after doing or undoing."""

    def __init__(self, session: ArticleSession, text: str):
        super().__init__(text)
        self.session = session

    def redo(self) -> None:
        self.do()
        self.session.reload_annotations()

    def undo(self) -> None:
        self.undo_it()
        self.session.reload_annotations()

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError


class AddAnnotation(StoreCommand):
    """A highlight, a claim or an entity the reader marks on a range."""

    def __init__(self, session, kind: str, label: str, start: int, end: int, *, attrs=None, text=""):
        super().__init__(session, text or f"Mark {label or kind}")
        self.args = (session.article_id, kind, label, start, end)
        self.attrs = attrs or {}
        self.annotation_id: int | None = None
        self.replaced: dict | None = None

    def do(self) -> None:
        self.annotation_id = store.add_annotation(*self.args, origin="user", attrs=dict(self.attrs)).id
        self.session.select(self.annotation_id)

    def undo_it(self) -> None:
        store.delete_annotation(self.annotation_id)


class AddNote(StoreCommand):
    """A note on a range (it lands on the annotation covering exactly that range, or a new highlight)."""

    def __init__(self, session, start: int, end: int, body: str):
        super().__init__(session, "Add note")
        self.start, self.end, self.body = start, end, body
        self.note_id: int | None = None
        self.created_annotation: int | None = None

    def do(self) -> None:
        before = {r.id for r in self.session.records}
        note = store.add_note(self.session.article_id, self.start, self.end, self.body)
        self.note_id = note.id
        self.created_annotation = None if note.annotation_id in before else note.annotation_id
        self.session.select(note.annotation_id)

    def undo_it(self) -> None:
        if self.created_annotation is not None:
            store.delete_annotation(self.created_annotation)
        else:
            store.delete_note(self.note_id)


class AddSource(StoreCommand):
    """A source on a range, with its stance."""

    def __init__(self, session, start: int, end: int, url: str, title: str = "", stance: str = "context", note: str = ""):
        super().__init__(session, "Add source")
        self.start, self.end = start, end
        self.fields = dict(url=url, title=title, stance=stance, note=note)
        self.source_id: int | None = None
        self.created_annotation: int | None = None

    def do(self) -> None:
        before = {r.id for r in self.session.records}
        source = store.add_source(self.session.article_id, self.start, self.end, **self.fields)
        self.source_id = source.id
        self.created_annotation = None if source.annotation_id in before else source.annotation_id
        self.session.select(source.annotation_id)

    def undo_it(self) -> None:
        if self.created_annotation is not None:
            store.delete_annotation(self.created_annotation)
        else:
            store.delete_source(self.source_id)


class EditNote(StoreCommand):
    """Change a note's text."""

    def __init__(self, session, note_id: int, body: str):
        super().__init__(session, "Edit note")
        self.note_id, self.body = note_id, body
        self.old = store.get_note(note_id).body

    def do(self) -> None:
        store.update_note(self.note_id, self.body)

    def undo_it(self) -> None:
        store.update_note(self.note_id, self.old)


class DeleteNote(StoreCommand):
    """Remove a note (undo brings back the same text)."""

    def __init__(self, session, note_id: int):
        super().__init__(session, "Delete note")
        note = store.get_note(note_id)
        self.note_id, self.body, self.annotation_id = note_id, note.body, note.annotation_id
        self.range = (note.annotation.start, note.annotation.end) if note.annotation_id else None

    def do(self) -> None:
        store.delete_note(self.note_id)

    def undo_it(self) -> None:
        if self.range is None:
            self.note_id = store.add_article_note(self.session.article_id, self.body).id
        else:
            self.note_id = store.add_note(self.session.article_id, *self.range, self.body).id


class EditSource(StoreCommand):
    """Change a source's link, title, stance or note."""

    def __init__(self, session, source_id: int, **changes):
        super().__init__(session, "Edit source")
        self.source_id, self.changes = source_id, changes
        old = store.get_source(source_id)
        self.old = {name: getattr(old, name) for name in changes}

    def do(self) -> None:
        store.update_source(self.source_id, **self.changes)

    def undo_it(self) -> None:
        store.update_source(self.source_id, **self.old)


class DeleteSource(StoreCommand):
    """Remove a source (undo adds it back to the same passage)."""

    def __init__(self, session, source_id: int):
        super().__init__(session, "Delete source")
        src = store.get_source(source_id)
        self.source_id = source_id
        self.range = (src.annotation.start, src.annotation.end)
        self.fields = dict(url=src.url, title=src.title, stance=src.stance, note=src.note)

    def do(self) -> None:
        store.delete_source(self.source_id)

    def undo_it(self) -> None:
        self.source_id = store.add_source(self.session.article_id, *self.range, **self.fields).id


class SetStatus(StoreCommand):
    """Set a claim's status (unchecked, supported, disputed, false, not a claim)."""

    def __init__(self, session, annotation_id: int, status: str):
        super().__init__(session, "Set claim status")
        self.annotation_id, self.status = annotation_id, status
        self.old = store.get_annotation(annotation_id).status

    def do(self) -> None:
        store.set_status(self.annotation_id, self.status)

    def undo_it(self) -> None:
        store.set_status(self.annotation_id, self.old)


class AddTag(StoreCommand):
    """Put a tag on an annotation."""

    def __init__(self, session, annotation_id: int, name: str):
        super().__init__(session, f"Add tag {name}")
        self.annotation_id, self.name = annotation_id, name

    def do(self) -> None:
        self.name = store.add_tag(self.annotation_id, self.name).name

    def undo_it(self) -> None:
        store.remove_tag(self.annotation_id, self.name)


class RemoveTag(StoreCommand):
    """Take a tag off an annotation."""

    def __init__(self, session, annotation_id: int, name: str):
        super().__init__(session, f"Remove tag {name}")
        self.annotation_id, self.name = annotation_id, name

    def do(self) -> None:
        store.remove_tag(self.annotation_id, self.name)

    def undo_it(self) -> None:
        store.add_tag(self.annotation_id, self.name)


class DeleteAnnotations(StoreCommand):
    """Remove annotations with everything attached; undo restores them exactly."""

    def __init__(self, session, annotation_ids: list[int], text: str = "Remove annotation"):
        super().__init__(session, text)
        self.ids = list(annotation_ids)
        self.snapshots: list[dict] = []

    def do(self) -> None:
        self.snapshots = [store.snapshot_annotation(i) for i in self.ids]
        for annotation_id in self.ids:
            store.delete_annotation(annotation_id)

    def undo_it(self) -> None:
        self.ids = [store.restore_annotation(s) for s in self.snapshots]


class NotAnEntity(DeleteAnnotations):
    """Remove every mention of a name here and remember, for every later article, that it is
    not an entity."""

    def __init__(self, session, surface: str):
        from glossator.core.nlp.mentions import surface_key

        key = surface_key(surface)
        ids = [r.id for r in session.records if r.kind == "entity" and surface_key(r.quote) == key]
        super().__init__(session, ids, f"Not an entity: {surface}")
        self.surface = surface
        self.rule_id: int | None = None

    def do(self) -> None:
        super().do()
        self.rule_id = store.add_entity_rule(self.surface, store.IGNORE).id

    def undo_it(self) -> None:
        store.delete_entity_rule(self.rule_id)
        super().undo_it()


class MarkEntity(AddAnnotation):
    """Mark a range as an entity of a type and remember it: the same name gets that type in
    this article at once, and in every later analysis."""

    def __init__(self, session, label: str, start: int, end: int):
        super().__init__(session, "entity", label, start, end, text=f"Mark as {label}")
        self.surface = session.text(start, end)
        self.label = label
        self.rule_id: int | None = None
        self.replaced_rules: list[tuple[str, str]] = []
        self.previous: list = []

    def do(self) -> None:
        from glossator.core.entity_corrections import correct_mentions
        from glossator.core.nlp.mentions import surface_key

        rules = store.list_entity_rules()
        known = {(r.text, r.label) for r in rules}
        # The newest correction of a name replaces an older one that said something else.
        key = surface_key(self.surface)
        clashing = [r for r in rules if surface_key(r.text) == key and r.label != self.label.upper()]
        self.replaced_rules = [(r.text, r.label) for r in clashing]
        for r in clashing:
            store.delete_entity_rule(r.id)
        rule = store.add_entity_rule(self.surface, self.label)
        self.rule_id = None if (rule.text, rule.label) in known else rule.id
        self.previous = correct_mentions(self.session.article_id, self.surface, self.label)
        super().do()

    def undo_it(self) -> None:
        from glossator.core.entity_corrections import restore_entities

        super().undo_it()
        restore_entities({self.args[0]: self.previous})
        if self.rule_id is not None:
            store.delete_entity_rule(self.rule_id)
        for text, label in self.replaced_rules:
            store.add_entity_rule(text, label)


class NameEntity(StoreCommand):
    """Rename an entity, or merge one into another: ``form`` is from now on the entity called
    ``canonical``, here at once and in every later analysis."""

    def __init__(self, session, form: str, canonical: str, text: str = ""):
        super().__init__(session, text or f"Name {form} as {canonical}")
        self.form, self.canonical = form, canonical
        self.article_id = session.article_id
        self.rule_id: int | None = None
        self.previous: list = []

    def do(self) -> None:
        from glossator.core.entity_corrections import name_mentions
        from glossator.core.nlp.entity_aliases import ALIAS, alias_text

        text = alias_text(self.form, self.canonical)
        existed = any(r.text == text and r.label == ALIAS for r in store.list_entity_rules())
        rule = store.add_entity_rule(text, ALIAS)
        self.rule_id = None if existed else rule.id
        self.previous = name_mentions(self.article_id, self.form, self.canonical)

    def undo_it(self) -> None:
        from glossator.core.entity_corrections import restore_entities

        restore_entities({self.article_id: self.previous})
        if self.rule_id is not None:
            store.delete_entity_rule(self.rule_id)
