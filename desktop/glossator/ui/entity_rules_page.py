"""The Entity Rules page of the preferences: the reader's corrections, listed and editable,
and shared with others as a JSONL file.

A rule says a name is always of one type, or never an entity. A type can be one of the
model's (ORG, PERSON, ...) or a new one for a gazetteer, such as TICKER or LAW.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.core.errors import GlossatorError
from glossator.core.nlp.entity_aliases import ALIAS
from glossator.core.services import entities
from glossator.ui import file_dialogs
from glossator.ui.palette import ENTITY_COLOURS, ENTITY_NAMES

NOT_AN_ENTITY = "Not an entity"
JSONL_FILTER = "Entity rules (*.jsonl);;All files (*)"


def label_title(label: str) -> str:
    """How a rule's label reads in the list: "Organisation (ORG)", "Not an entity", "TICKER",
    "Entity name" (a merge or rename, written "form => name")."""
    if label == entities.IGNORE:
        return NOT_AN_ENTITY
    if label == ALIAS:
        return "Entity name"
    name = ENTITY_NAMES.get(label)
    return f"{name} ({label})" if name else label


class EntityRulesPage(QWidget):
    """Lists the entity rules; adds, removes, imports and exports them in the store at once."""

    rules_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("entityRulesTable")
        self.table.setHorizontalHeaderLabels(["Name", "Always"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.text = QLineEdit(self)
        self.text.setPlaceholderText("Name, e.g. NVDA")
        self.label = QComboBox(self)
        self.label.setEditable(True)  # a new word makes a custom type
        self.label.addItem(NOT_AN_ENTITY, entities.IGNORE)
        for label in ENTITY_COLOURS:
            self.label.addItem(label_title(label), label)
        self.label.setCurrentIndex(self.label.findData("ORG"))
        self.label.setToolTip("A type from the list, or a new one-word type (TICKER, LAW, ...)")
        add = QPushButton("&Add", self)
        add.setObjectName("addRule")
        add.clicked.connect(self.add_rule)
        self.text.returnPressed.connect(self.add_rule)
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.clicked.connect(self.remove_selected)
        import_button = QPushButton("&Import…", self)
        import_button.clicked.connect(self.choose_import)
        export_button = QPushButton("&Export…", self)
        export_button.clicked.connect(self.choose_export)

        adding = QHBoxLayout()
        adding.addWidget(self.text, 2)
        adding.addWidget(self.label, 1)
        adding.addWidget(add)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(import_button)
        buttons.addWidget(export_button)
        layout = QVBoxLayout(self)
        intro = QLabel("Corrections you made to entities. They apply to every article analysed from now on; "
                       "“Apply to All Articles” re-labels those already stored.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        rules = entities.list_rules()
        self.table.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            name = QTableWidgetItem(rule.text)
            name.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(label_title(rule.label)))
        self.remove_button.setEnabled(bool(rules))

    def rules(self) -> list[tuple[str, str]]:
        """(text, label) of every listed rule, top to bottom."""
        return [(r.text, r.label) for r in entities.list_rules()]

    def _chosen_label(self) -> str:
        index = self.label.currentIndex()
        if index >= 0 and self.label.itemText(index) == self.label.currentText():
            return self.label.itemData(index)
        return self.label.currentText().strip().upper()

    def add_rule(self) -> None:
        text = self.text.text().strip()
        if not text:
            return
        if self._change(lambda: entities.set_rule(text, self._chosen_label())):
            self.text.clear()

    def remove_selected(self) -> None:
        items = [self.table.item(index.row(), 0) for index in self.table.selectionModel().selectedRows()]
        ids = {item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None}
        if ids:
            self._change(lambda: entities.delete_rules(sorted(ids)))

    def choose_import(self) -> None:
        path = file_dialogs.open_file_name(self, "Import Entity Rules", "", JSONL_FILTER)
        if path:
            self._change(lambda: entities.import_rules(path))

    def choose_export(self) -> None:
        path = file_dialogs.save_file_name(self, "Export Entity Rules", "entity-rules.jsonl", JSONL_FILTER)
        if path:
            try:
                entities.export_rules(path)
            except GlossatorError as exc:
                QMessageBox.warning(self, "Cannot export the rules", str(exc))

    def _change(self, change) -> bool:
        try:
            change()
        except GlossatorError as exc:
            QMessageBox.warning(self, "Cannot change the rules", str(exc))
            return False
        self.refresh()
        self.rules_changed.emit()
        return True
