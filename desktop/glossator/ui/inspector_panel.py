"""The details of the selected annotation: what it is, the reader's verdict, note, sources and
tags, all editable through the undo stack.

The panel follows the session: it redraws on ``selection_changed`` and ``annotations_changed``
and never reads annotations from the database itself. A note being typed is saved before the
selection moves on, and a reload never overwrites text the reader has not saved yet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from glossator.core.annotation import AnnotationRecord
from glossator.ui import error_reporting
from glossator.ui.annotation_summary import AnnotationSummary
from glossator.ui.commands import SetStatus
from glossator.ui.notes_section import NotesSection
from glossator.ui.sources_editor import SourcesEditor
from glossator.ui.tags_editor import TagsEditor
from glossator.ui.theme import is_dark

PLACEHOLDER = (
    "Select a highlight or a claim to see its details;\n"
    "select text and right-click to annotate."
)

PANEL_CSS = """
QLabel#sectionTitle { font-weight: 600; color: #343a40; }
QLabel#hint { color: #868e96; }
QFrame#separator { color: #dee2e6; }
QFrame#noteCard { background: #f8f9fa; border: 1px solid #e9ecef; border-radius: 4px; }
QFrame#tagChip { background: #e7f5ff; border: 1px solid #a5d8ff; border-radius: 10px; }
QToolButton#chipRemove { border: none; padding: 0px 2px; color: #495057; }
QToolButton#chipRemove:hover { color: #c92a2a; }
"""
# The same in the dark appearance: cards and chips a step above the panel, text light.
DARK_PANEL_CSS = """
QLabel#sectionTitle { font-weight: 600; color: #dee2e6; }
QLabel#hint { color: #9aa0a6; }
QFrame#separator { color: #3c4043; }
QFrame#noteCard { background: #26272b; border: 1px solid #3c4043; border-radius: 4px; }
QFrame#tagChip { background: #1c3a57; border: 1px solid #2f5f8f; border-radius: 10px; }
QToolButton#chipRemove { border: none; padding: 0px 2px; color: #bdc1c6; }
QToolButton#chipRemove:hover { color: #ff8787; }
"""


def panel_css(dark: bool) -> str:
    return DARK_PANEL_CSS if dark else PANEL_CSS


class InspectorPanel(QWidget):
    """Shows and edits the session's selected annotation; a hint when nothing is selected."""

    def __init__(self, session, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.session, self.undo_stack = session, undo_stack
        self._following = False  # re-entrancy guard: saving a note can move the selection
        self.setStyleSheet(panel_css(is_dark()))

        self.placeholder = QLabel(PLACEHOLDER)
        self.placeholder.setObjectName("hint")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(16)

        self.summary = AnnotationSummary()
        self.summary.status_chosen.connect(self.set_status)
        self.notes = NotesSection(session, undo_stack)
        self.sources = SourcesEditor(session, undo_stack)
        self.tags = TagsEditor(session, undo_stack)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(10)
        column.addWidget(self.summary)
        for section in (self.notes, self.sources, self.tags):
            column.addWidget(_separator())
            column.addWidget(section)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.scroll_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        session.selection_changed.connect(self._selection_changed)
        session.annotations_changed.connect(self.refresh)
        session.article_changed.connect(self._selection_changed)
        self.refresh()

    # -- following the session ---------------------------------------------------------
    def record(self) -> AnnotationRecord | None:
        """The annotation on show (the session's selection), or None."""
        return self.session.selected

    def refresh(self) -> None:
        """Redraw from the session's selected annotation."""
        if self._following:
            return
        record = self.record()
        self.pages.setCurrentWidget(self.scroll_area if record is not None else self.placeholder)
        if record is not None:
            self.summary.show_record(record)
        self.notes.show_record(record)
        self.sources.show_record(record)
        self.tags.show_record(record)

    def apply_theme(self, dark: bool) -> None:
        """Restyle for the light or dark appearance (a style sheet keeps the palette it was
        set with, so it is set again after the palette changes)."""
        self.setStyleSheet("")
        self.setStyleSheet(panel_css(dark))

    def _selection_changed(self, *_args) -> None:
        if self._following:
            return
        wanted = self.session.selected_id
        self._following = True
        try:
            # The note typed for the previous annotation is saved before it leaves the screen.
            # Saving selects the annotation the note landed on, so the wanted one is put back.
            self.notes.commit()
            if self.session.selected_id != wanted and self.session.record(wanted) is not None:
                self.session.select(wanted)
        finally:
            self._following = False
        self.refresh()
        # Another annotation starts at the top, where its kind and status are.
        self.scroll_area.verticalScrollBar().setValue(0)

    # -- actions -----------------------------------------------------------------------
    def set_status(self, status: str) -> bool:
        """Set the shown claim's status (undoably); False if it already has it."""
        record = self.record()
        if record is None or record.id is None or record.kind != "claim" or record.status == status:
            return False
        if not error_reporting.push(self.undo_stack, SetStatus(self.session, record.id, status), self):
            return False
        return True

    def focus_note_editor(self) -> bool:
        """Put the cursor in the note editor (for "Add note"); False if nothing is selected."""
        if self.record() is None:
            return False
        self.notes.start_editing()
        self.scroll_area.ensureWidgetVisible(self.notes.editor)
        return True

    def add_source_dialog(self) -> bool:
        """Ask for a source for the selected annotation (for "Add source"); False if none added."""
        return self.record() is not None and self.sources.add_source()


def _separator() -> QFrame:
    line = QFrame()
    line.setObjectName("separator")
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    return line
