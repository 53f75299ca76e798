"""The inspector's tags: the selected annotation's tags as removable chips, and a field with
completion over every tag in the library to add one. Adding and removing are undoable."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from glossator.core.annotation import AnnotationRecord
from glossator.core.errors import GlossatorError
from glossator.core.services import annotating
from glossator.ui import error_reporting
from glossator.ui.commands import AddTag, RemoveTag
from glossator.ui.flow_layout import FlowLayout


class TagChip(QFrame):
    """One tag with a small button that takes it off."""

    def __init__(self, name: str, on_remove, parent=None):
        super().__init__(parent)
        self.setObjectName("tagChip")
        self.name = name
        label = QLabel(name)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("chipRemove")
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(f"Remove the tag “{name}”")
        self.remove_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button.clicked.connect(lambda: on_remove(name))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 1, 2, 1)
        row.setSpacing(2)
        row.addWidget(label)
        row.addWidget(self.remove_button)


class TagsEditor(QWidget):
    """Shows and edits the tags of one annotation."""

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(parent)
        self.session, self.undo_stack = session, undo_stack
        self._record: AnnotationRecord | None = None

        title = QLabel("Tags")
        title.setObjectName("sectionTitle")
        self.chips = QWidget()
        self.flow = FlowLayout(self.chips, spacing=4)
        self.known = QStringListModel(self)
        completer = QCompleter(self.known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("QLabel#fieldError { color: #c92a2a; }")
        self.error.setWordWrap(True)
        self.error.hide()
        self.field = QLineEdit()
        self.field.setPlaceholderText("Add a tag and press Enter")
        self.field.setCompleter(completer)
        # Connected after setCompleter: the field puts the chosen completion in first, and
        # add_tag then clears it.
        completer.activated.connect(self.add_tag)
        self.field.returnPressed.connect(lambda: self.add_tag(self.field.text()))
        self.field.textEdited.connect(lambda _text: self.error.hide())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.chips)
        layout.addWidget(self.field)
        layout.addWidget(self.error)

    def show_record(self, record: AnnotationRecord | None) -> None:
        """Show ``record``'s tags as chips and offer the library's other tags for completion."""
        self._record = record
        while self.flow.count():
            item = self.flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        tags = record.tags if record else []
        for name in tags:
            self.flow.addWidget(TagChip(name, self.remove_tag))
        self.chips.setVisible(bool(tags))
        present = {name.casefold() for name in tags}
        self.known.setStringList([name for name in annotating.list_tags() if name.casefold() not in present])
        self.chips.updateGeometry()

    def tag_names(self) -> list[str]:
        return list(self._record.tags) if self._record else []

    def add_tag(self, name: str) -> bool:
        """Put a tag on the shown annotation, reusing an existing tag's spelling; False if not."""
        record = self._record
        if record is None:
            return False
        try:
            cleaned = annotating.clean_tag_name(name)
        except GlossatorError as exc:
            if name.strip():
                self._show_error(str(exc))
            return False
        # "Markets" and "markets" would become two tags; take the spelling the library has.
        existing = {tag.casefold(): tag for tag in annotating.list_tags()}
        cleaned = existing.get(cleaned.casefold(), cleaned)
        self.field.clear()
        if cleaned.casefold() in {tag.casefold() for tag in record.tags}:
            return False
        assert record.id is not None, "a shown annotation is stored"
        return error_reporting.push(self.undo_stack, AddTag(self.session, record.id, cleaned), self)

    def remove_tag(self, name: str) -> bool:
        record = self._record
        if record is None or record.id is None or name not in record.tags:
            return False
        return error_reporting.push(self.undo_stack, RemoveTag(self.session, record.id, name), self)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
