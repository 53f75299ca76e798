"""The inspector's note editor: the first note of the selected annotation, saved as the reader
types (debounced), when focus leaves the editor, or on Ctrl+Enter; further notes listed below.

Saving pushes AddNote, EditNote or (text cleared) DeleteNote on the undo stack, so every save is
one undoable step. Reloads after a save never overwrite what the reader is still typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from glossator.core.annotation import AnnotationRecord
from glossator.ui import error_reporting
from glossator.ui.commands import AddNote, DeleteNote, EditNote
from glossator.ui.markdown_editor import MarkdownEditor

SAVE_DELAY_MS = 800
NOTE_PLACEHOLDER = (
    "Write a note in Markdown: **bold**, *italic*, [a link](https://…), - lists.\n"
    "It is saved as you type; Ctrl+Enter saves at once."
)


def stored_form(text: str) -> str:
    """The text as the store keeps it (trailing space and leading blank lines dropped)."""
    return text.rstrip().lstrip("\n")


class NotesSection(QWidget):
    """Edits the notes of one annotation through the undo stack."""

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(parent)
        self.session, self.undo_stack = session, undo_stack
        self._article_id: int | None = None
        self._record: AnnotationRecord | None = None
        self._note_id: int | None = None
        self._saved = ""  # the text last loaded from or written to the store

        self.editor = MarkdownEditor("Note", NOTE_PLACEHOLDER)
        self.editor.editor.setMinimumHeight(96)
        self.delete_button = QToolButton()
        self.delete_button.setText("Delete")
        self.delete_button.setAutoRaise(True)
        self.delete_button.setToolTip("Delete this note")
        self.delete_button.clicked.connect(self.delete_note)
        self.editor.header.addSpacing(8)  # set apart from the Edit / Preview switch
        self.editor.add_header_widget(self.delete_button)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.commit)
        self.editor.text_edited.connect(self.timer.start)
        self.editor.text_edited.connect(self._update_buttons)
        self.editor.editing_finished.connect(self.commit)

        self.others_title = QLabel("More notes on this passage")
        self.others_title.setObjectName("hint")
        self.others = QVBoxLayout()
        self.others.setContentsMargins(0, 0, 0, 0)
        self.others.setSpacing(4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.others_title)
        layout.addLayout(self.others)

    # -- showing -----------------------------------------------------------------------
    def show_record(self, record: AnnotationRecord | None) -> None:
        """Show ``record``'s notes; the same record again keeps what the reader is typing."""
        same = record is not None and self._record is not None and record.id == self._record.id
        self._record = record
        self._article_id = self.session.article_id
        self._note_id = record.note_ids[0] if record and record.note_ids else None
        stored = record.notes[0] if record and record.notes else ""
        if not same:
            self.timer.stop()
            self._load(stored)
        elif not self.is_dirty() and stored_form(self.editor.text()) != stored_form(stored):
            self._load(stored)
        elif not self.is_dirty():
            self._saved = stored
        self._show_others(record)
        self._update_buttons()

    def _load(self, text: str) -> None:
        self.editor.set_text(text)
        self._saved = text

    def _show_others(self, record: AnnotationRecord | None) -> None:
        while self.others.count():
            item = self.others.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        extra = list(zip(record.note_ids[1:], record.notes[1:], strict=True)) if record else []
        for note_id, body in extra:
            self.others.addWidget(self._note_card(note_id, body))
        self.others_title.setVisible(bool(extra))

    def _note_card(self, note_id: int, body: str) -> QWidget:
        card = QFrame()
        card.setObjectName("noteCard")
        text = QLabel(_excerpt(body))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setToolTip(body if len(body) <= 2000 else body[:2000] + "…")
        remove = QToolButton()
        remove.setText("Delete")
        remove.setAutoRaise(True)
        remove.setToolTip("Delete this note")
        remove.clicked.connect(lambda: self._push(DeleteNote, note_id))
        row = QHBoxLayout(card)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(text, 1)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        return card

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self._note_id is not None or bool(self.editor.text().strip()))

    # -- saving ------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        """Whether the editor holds text the store does not have yet."""
        return stored_form(self.editor.text()) != stored_form(self._saved)

    def commit(self) -> None:
        """Write the editor's text to the store now, if it changed, as one undoable step."""
        self.timer.stop()
        record = self._record
        if record is None or not self.is_dirty():
            return
        text = self.editor.text()
        self._saved = text  # before pushing: the reload the push causes must see a clean editor
        if self._note_id is not None:
            if text.strip():
                self._push(EditNote, self._note_id, text)
            else:
                self._push(DeleteNote, self._note_id)
        elif text.strip() and self._still_shown(record):
            # A new note lands on the passage the reader was looking at while typing it.
            self._push(AddNote, record.start, record.end, text)

    def _still_shown(self, record: AnnotationRecord) -> bool:
        # Adding a note to a passage that was deleted, or that belongs to the article shown
        # before, would silently mark it again.
        return self.session.article_id == self._article_id and self.session.record(record.id) is not None

    def delete_note(self) -> None:
        """Delete the note in the editor (or just clear it if it was never saved)."""
        self.timer.stop()
        note_id = self._note_id
        self._load("")
        if note_id is not None:
            self._push(DeleteNote, note_id)
        self._update_buttons()

    def _push(self, command, *args) -> None:
        # The note or passage may have gone away under the editor (deleted elsewhere): the
        # reader is told it was not saved.
        error_reporting.push(self.undo_stack, command(self.session, *args), self)

    def start_editing(self) -> None:
        self.editor.start_editing()


def _excerpt(body: str, limit: int = 280) -> str:
    text = body.strip()
    return text if len(text) <= limit else text[:limit].rstrip() + "…"
