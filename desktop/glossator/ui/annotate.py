"""What the Annotate actions do to the text selection or the selected annotation, and the
reader's context menu built from those same actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

from glossator.ui import commands
from glossator.ui.actions import Act
from glossator.ui.filter_toolbar import chip_icon
from glossator.ui.note_dialog import NoteDialog
from glossator.ui.palette import ENTITY_COLOURS, ENTITY_NAMES, entity_colour
from glossator.ui.reader_view import ReaderView
from glossator.ui.source_dialog import SourceDialog
from glossator.ui.window_context import WindowContext


class Annotator(QObject):
    """Turns annotate actions into undoable commands on the session.

    ``focus_note`` puts the cursor in the Inspector's note editor (Add Note on an annotation
    that is already selected). ``corrected`` carries a sentence about an entity correction,
    for the window to offer it to the rest of the library.
    """

    corrected = Signal(str)

    def __init__(self, ctx: WindowContext, reader: ReaderView, focus_note: Callable[[], object]):
        super().__init__(ctx.host)
        self.ctx = ctx
        self.reader = reader
        self.focus_note = focus_note
        self.entity_menu = QMenu("Mark as &Entity", ctx.host)
        self.entity_menu.setObjectName("markEntityMenu")
        for label in ENTITY_COLOURS:
            action = self.entity_menu.addAction(chip_icon(entity_colour(label)), f"{ENTITY_NAMES[label]} ({label})")
            action.setObjectName(f"action_mark_entity_{label}")
            action.setStatusTip(f"Mark the selected text as {ENTITY_NAMES[label].lower()}")
            action.triggered.connect(lambda _=False, kind=label: self.mark_entity(kind))

    @property
    def session(self):
        return self.ctx.session

    def connect_actions(self) -> None:
        a = self.ctx.acts
        a[Act.HIGHLIGHT].triggered.connect(self.highlight)
        a[Act.ADD_NOTE].triggered.connect(self.add_note)
        a[Act.ADD_SOURCE].triggered.connect(self.add_source)
        a[Act.MARK_CLAIM].triggered.connect(self.mark_claim)
        a[Act.NOT_ENTITY].triggered.connect(self.not_an_entity)
        a[Act.REMOVE_ANNOTATION].triggered.connect(self.remove_annotation)

    # -- targets -----------------------------------------------------------------------
    def target_range(self) -> tuple[int, int] | None:
        """The text selection if there is one, else the selected annotation's range."""
        selected = self.reader.selected_range()
        if selected:
            return selected
        record = self.session.selected
        return (record.start, record.end) if record else None

    def push(self, command) -> bool:
        """Do ``command`` as an undoable edit, then drop the text selection it was made from."""
        try:
            return self.ctx.push(command)
        finally:
            self.reader.clear_text_selection()

    def _need_range(self) -> tuple[int, int] | None:
        target = self.target_range()
        if target is None:
            self.ctx.say("Select some text first.", 4000)
        return target

    # -- actions -----------------------------------------------------------------------
    def highlight(self) -> None:
        target = self._need_range()
        if target:
            self.push(commands.AddAnnotation(self.session, "highlight", "", *target, text="Highlight"))

    def mark_claim(self) -> None:
        target = self._need_range()
        if target:
            self.push(commands.AddAnnotation(self.session, "claim", "statistic", *target,
                                              attrs={"cue": "marked by reader"}, text="Mark as claim"))

    def mark_entity(self, label: str) -> None:
        target = self._need_range()
        if target:
            surface = " ".join(self.session.text(*target).split())
            if self.push(commands.MarkEntity(self.session, label, *target)):
                self.corrected.emit(f"“{surface}” is now always {ENTITY_NAMES.get(label, label).lower()}")

    def add_note(self) -> None:
        target = self._need_range()
        if not target:
            return
        record = self.session.selected
        if record is not None and (record.start, record.end) == target and not self.reader.selected_range():
            self.focus_note()
            return
        body = NoteDialog.get_note(self.ctx.host, self.session.text(*target), self.reader.passage_rect(*target))
        if body:
            self.push(commands.AddNote(self.session, *target, body))

    def add_source(self) -> None:
        target = self._need_range()
        if not target:
            return
        fields = SourceDialog.get_source(self.ctx.host, passage=self.reader.passage_rect(*target))
        if fields:
            self.push(commands.AddSource(self.session, *target, **fields))

    def not_an_entity(self) -> None:
        surface = self._entity_surface()
        if surface:
            if self.push(commands.NotAnEntity(self.session, surface)):
                self.corrected.emit(f"“{' '.join(surface.split())}” is no longer marked as an entity")
        else:
            self.ctx.say("Select an entity, or text that is marked as one.", 4000)

    def remove_annotation(self) -> None:
        record = self.session.selected
        if record is not None:
            self.push(commands.DeleteAnnotations(self.session, [record.id]))

    def _entity_surface(self) -> str | None:
        record = self.session.selected
        if record is not None and record.kind == "entity":
            return record.quote
        target = self.reader.selected_range()
        if target:
            covering = [r for r in self.session.records_at(target[0]) if r.kind == "entity"]
            if covering:
                return covering[0].quote
            return self.session.text(*target)
        return None

    # -- context menu ------------------------------------------------------------------
    def show_context_menu(self, global_pos, text_range) -> None:
        """The reader's right-click menu: the same actions as the Annotate menu."""
        a = self.ctx.acts
        menu = QMenu(self.ctx.host)
        for act in (Act.HIGHLIGHT, Act.ADD_NOTE, Act.ADD_SOURCE, Act.MARK_CLAIM):
            menu.addAction(a[act])
        menu.addMenu(self.entity_menu)
        menu.addAction(a[Act.NOT_ENTITY])
        menu.addSeparator()
        menu.addAction(a[Act.COPY_CLAIM])
        menu.addAction(a[Act.REMOVE_ANNOTATION])
        menu.exec(global_pos)
