"""The Preferences dialog: one tab per subject; today the reader's entity rules."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout

from glossator.ui.entity_rules_page import EntityRulesPage


class PreferencesDialog(QDialog):
    """Settings that belong to the library rather than to the window."""

    rules_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self.resize(560, 460)
        self.tabs = QTabWidget(self)
        self.rules_page = EntityRulesPage(self)
        self.rules_page.rules_changed.connect(self.rules_changed)
        self.tabs.addTab(self.rules_page, "Entity Rules")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
