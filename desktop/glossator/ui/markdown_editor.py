"""A Markdown text box with an Edit / Preview switch, used for notes in the inspector and dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from glossator.ui.markdown_view import SafeTextBrowser, note_html


class NoteTextEdit(QPlainTextEdit):
    """A plain-text editor that reports when the reader is done: focus leaves it, or Ctrl+Enter."""

    editing_finished = Signal()  # focus left, or Ctrl+Enter
    submitted = Signal()  # Ctrl+Enter only: "save this now"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.submitted.emit()
            self.editing_finished.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu or a completer popup takes focus without the reader leaving the note.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.editing_finished.emit()


class MarkdownEditor(QWidget):
    """Markdown source in an editor, and the same text rendered (safely) on demand.

    ``header`` is the row above the text: a title on the left, the Edit / Preview switch on
    the right; callers may add their own buttons to it with ``add_header_widget``.
    """

    editing_finished = Signal()  # focus left the text, or Ctrl+Enter
    submitted = Signal()  # Ctrl+Enter
    text_edited = Signal()  # the reader changed the text (not ``set_text``)

    def __init__(self, title: str = "", placeholder: str = "", parent=None):
        super().__init__(parent)
        self._loading = False
        self.editor = NoteTextEdit()
        self.editor.setPlaceholderText(placeholder)
        self.editor.setTabChangesFocus(True)
        self.editor.editing_finished.connect(self.editing_finished)
        self.editor.submitted.connect(self.submitted)
        self.editor.textChanged.connect(self._text_changed)
        self.preview = SafeTextBrowser()

        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        self.edit_button = self._switch_button("Edit", "Write the note in Markdown")
        self.preview_button = self._switch_button("Preview", "See the note as it will read")
        self.edit_button.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.edit_button)
        group.addButton(self.preview_button)
        self.preview_button.toggled.connect(self.set_preview)

        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.setSpacing(2)
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        self.header.addWidget(self.edit_button)
        self.header.addWidget(self.preview_button)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.header)
        layout.addWidget(self.stack, 1)

    def _switch_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        return button

    def add_header_widget(self, widget: QWidget) -> None:
        """Put a widget (a delete button, say) at the right end of the header row."""
        self.header.addWidget(widget)

    # -- text --------------------------------------------------------------------------
    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the text without it counting as an edit by the reader."""
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        if self.is_preview():
            self._render()

    def _text_changed(self) -> None:
        if not self._loading:
            self.text_edited.emit()

    # -- edit / preview ----------------------------------------------------------------
    def is_preview(self) -> bool:
        return self.stack.currentWidget() is self.preview

    def set_preview(self, on: bool) -> None:
        """Show the rendered note (``True``) or the Markdown source (``False``)."""
        if on:
            self._render()
        self.stack.setCurrentWidget(self.preview if on else self.editor)
        button = self.preview_button if on else self.edit_button
        if not button.isChecked():
            button.setChecked(True)

    def preview_html(self) -> str:
        """The HTML the preview shows for the current text."""
        return note_html(self.text())

    def _render(self) -> None:
        self.preview.setHtml(self.preview_html())

    def start_editing(self) -> None:
        """Switch to the source, focus it and put the cursor at the end."""
        self.set_preview(False)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
