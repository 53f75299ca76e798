"""A small modal editor for a new note on a passage that has no annotation yet ("Add note")."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from glossator.ui.dialog_placement import place_beside
from glossator.ui.markdown_editor import MarkdownEditor
from glossator.ui.quote_label import QuoteLabel


class NoteDialog(QDialog):
    """The passage being annotated above a Markdown editor with preview; Ctrl+Enter saves."""

    def __init__(self, quote: str = "", parent=None, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Add note")
        self.resize(520, 360)
        self.quote = QuoteLabel(quote, max_lines=3)
        self.quote.setVisible(bool(quote.strip()))
        self.editor = MarkdownEditor(
            "Note", "Markdown: **bold**, *italic*, [a link](https://…), - lists"
        )
        self.editor.set_text(text)
        self.editor.submitted.connect(self.accept)
        self.editor.editor.textChanged.connect(self._update_ok)
        hint = QLabel("Ctrl+Enter saves the note.")
        hint.setStyleSheet("color: #868e96;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.quote)
        layout.addWidget(self.editor, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.editor.start_editing()

    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def note_text(self) -> str:
        """The note as typed, without trailing space."""
        return self.editor.text().rstrip()

    def _update_ok(self) -> None:
        self.save_button().setEnabled(bool(self.note_text().strip()))

    def accept(self) -> None:
        # An empty note is not a note: Ctrl+Enter on nothing does not close the dialog.
        if self.note_text().strip():
            super().accept()

    @classmethod
    def get_note(cls, parent, quote: str, passage: QRect | None = None) -> str | None:
        """Ask for a note on ``quote``, placed clear of ``passage`` (global coordinates); its
        Markdown, or None if the reader cancelled."""
        dialog = cls(quote, parent)
        place_beside(dialog, passage)
        try:
            return dialog.note_text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
