"""The status bar's right side: what is running, its progress, and a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ProgressWidget(QWidget):
    """A label, a progress bar and Cancel, shown only while something runs."""

    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelAnalysis")
        self.cancel_button.clicked.connect(self.cancel_requested)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.setVisible(False)

    def start(self, message: str) -> None:
        """Show an operation whose length is not known yet (loading the model)."""
        self.label.setText(message)
        self.bar.setRange(0, 0)
        self.setVisible(True)

    def update_progress(self, message: str, done: int, total: int) -> None:
        self.label.setText(message)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.setVisible(True)

    def stop(self) -> None:
        self.setVisible(False)
