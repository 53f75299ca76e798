"""A view that gives way to a centred message when it has nothing to show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QWidget


class EmptyStateStack(QStackedWidget):
    """Shows ``view``, or a friendly placeholder text in its place while it is empty."""

    def __init__(self, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self.placeholder = QLabel()
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(16)
        # Framed like the view it stands in for, so the dock does not jump when it swaps.
        if isinstance(view, QFrame):
            self.placeholder.setFrameStyle(view.frameStyle())
        # Placeholder text is the dimmed text colour of the theme, so it reads as a hint.
        self.placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.placeholder.setAutoFillBackground(True)
        self.placeholder.setBackgroundRole(QPalette.ColorRole.Base)
        self.addWidget(view)
        self.addWidget(self.placeholder)

    def show_view(self) -> None:
        self.setCurrentWidget(self.view)

    def show_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self.setCurrentWidget(self.placeholder)

    @property
    def message(self) -> str:
        """The placeholder text while it is shown, else an empty string."""
        return self.placeholder.text() if self.currentWidget() is self.placeholder else ""
