"""The dialog for adding or editing a source: link, title, stance and a short note.

The link is checked as it is typed, with the library's own rule (``check_url``), and the reason
it is refused is shown under the field; OK stays disabled until the link is acceptable.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from glossator.core.annotation import STANCES
from glossator.core.errors import GlossatorError
from glossator.core.services.annotating import check_url
from glossator.ui.dialog_placement import place_beside

STANCE_CHOICES = {
    "supports": "Supports the passage",
    "refutes": "Refutes the passage",
    "context": "Gives context",
}


class SourceDialog(QDialog):
    """Link, title, stance and note of one source; ``values()`` gives them back cleaned."""

    def __init__(self, parent=None, initial: dict | None = None):
        super().__init__(parent)
        initial = initial or {}
        self.setWindowTitle("Edit source" if initial.get("url") else "Add source")
        self.setMinimumWidth(460)

        self.url = QLineEdit(initial.get("url", ""))
        self.url.setPlaceholderText("https://…, mailto:…, or doi:10.…")
        self.url.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("QLabel#fieldError { color: #c92a2a; }")
        self.error.setWordWrap(True)
        self.title = QLineEdit(initial.get("title", ""))
        self.title.setPlaceholderText("e.g. Reuters, 27 January 2025")
        self.stance = QComboBox()
        for stance in STANCES:
            self.stance.addItem(STANCE_CHOICES.get(stance, stance), stance)
        self.stance.setCurrentIndex(max(0, self.stance.findData(initial.get("stance", "context"))))
        self.note = QLineEdit(initial.get("note", ""))
        self.note.setPlaceholderText("Optional: what the source says about the passage")

        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.addRow("&Link", self.url)
        form.addRow("", self.error)
        form.addRow("&Title", self.title)
        form.addRow("&Stance", self.stance)
        form.addRow("&Note", self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.url.textChanged.connect(self._validate)
        self._validate()

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def error_text(self) -> str:
        """Why the link is refused ("" when it is fine, or when nothing is typed yet)."""
        return self.error.text()

    def _validate(self) -> None:
        text = self.url.text()
        try:
            check_url(text)
        except GlossatorError as exc:
            valid, message = False, str(exc) if text.strip() else ""
        else:
            valid, message = True, ""
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            # A shown dialog does not grow for a wrapped label by itself; give it the lines.
            self.error.setMinimumHeight(self.error.heightForWidth(max(self.url.width(), 200)))
        self.ok_button().setEnabled(valid)

    def accept(self) -> None:
        if self.ok_button().isEnabled():
            super().accept()

    def values(self) -> dict:
        """``url`` (checked), ``title``, ``stance`` and ``note``, with surrounding space removed."""
        return {
            "url": check_url(self.url.text()),
            "title": self.title.text().strip(),
            "stance": self.stance.currentData(),
            "note": self.note.text().strip(),
        }

    @classmethod
    def get_source(cls, parent=None, initial: dict | None = None, passage: QRect | None = None) -> dict | None:
        """Ask for a source, placed clear of ``passage`` (global coordinates); its values, or
        None if the reader cancelled."""
        dialog = cls(parent, initial)
        place_beside(dialog, passage)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
