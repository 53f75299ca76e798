"""The reader's find bar: a search field with previous/next, a match count and a close button.

It only collects what to look for; the reader does the searching and reports the count back.
Enter finds the next match, Shift+Enter the previous one, Esc closes the bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class _SearchField(QLineEdit):
    """A line edit that tells Enter from Shift+Enter."""

    step = Signal(bool)   # backwards?

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            event.accept()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Search field, previous/next buttons, "3 of 12" and close; emits what the user asks for."""

    search_changed = Signal(str)       # the text changed: search again from the current place
    step_requested = Signal(str, bool)  # find the next (False) or previous (True) match
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = _SearchField(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.setMaximumWidth(320)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(90)
        self.previous_button = self._button("▲", "Previous match (Shift+Enter)")
        self.next_button = self._button("▼", "Next match (Enter)")
        self.close_button = self._button("✕", "Close the find bar (Esc)")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        layout.addWidget(self.close_button)

        self.field.textChanged.connect(self.search_changed)
        self.field.step.connect(lambda back: self.step_requested.emit(self.field.text(), back))
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(self.field.text(), True))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(self.field.text(), False))
        self.close_button.clicked.connect(self.close_bar)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def open_bar(self) -> None:
        """Show the bar with the field focused and its text selected for typing over."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, current: int | None, total: int, text: str) -> None:
        """Show "current of total", or that nothing matched."""
        if not text:
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText("No matches")
        elif current is None:
            self.count_label.setText(f"{total} matches" if total != 1 else "1 match")
        else:
            self.count_label.setText(f"{current + 1} of {total}")
