"""The inspector's sources: a table of the selected annotation's links with Add, Edit, Remove
and Open; every change is an undoable command."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.ui import error_reporting
from glossator.ui.commands import AddSource, DeleteSource, EditSource
from glossator.ui.external_links import open_link, openable_url
from glossator.ui.source_dialog import SourceDialog
from glossator.ui.sources_model import SourcesModel

MAX_VISIBLE_ROWS = 6


class SourcesEditor(QWidget):
    """Lists and edits the sources of one annotation."""

    def __init__(self, session, undo_stack, parent=None):
        super().__init__(parent)
        self.session, self.undo_stack = session, undo_stack
        self._record: AnnotationRecord | None = None

        title = QLabel("Sources")
        title.setObjectName("sectionTitle")
        self.empty = QLabel("No sources yet. Add a link that supports, refutes or explains this passage.")
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)

        self.model = SourcesModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setAlternatingRowColors(True)
        self.view.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(lambda _index: self.edit_source())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = self._button("Add…", "Attach a source to this passage", self.add_source)
        self.edit_button = self._button("Edit…", "Change the selected source", self.edit_source)
        self.remove_button = self._button("Remove", "Remove the selected source", self.remove_source)
        self.open_button = self._button("Open", "Open the selected source's link", self.open_source)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        # Tool buttons are only as wide as their text, so the row fits a narrow dock.
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        return button

    # -- showing -----------------------------------------------------------------------
    def show_record(self, record: AnnotationRecord | None) -> None:
        """Show ``record``'s sources, keeping the selected one selected if it is still there."""
        kept = self.selected_source()
        self._record = record
        self.model.set_sources(record.sources if record else [])
        rows = self.model.rowCount()
        self.empty.setVisible(rows == 0)
        self.view.setVisible(rows > 0)
        self._fit_height(rows)
        self._fit_columns()
        if kept is not None and self.model.row_of(kept.id) >= 0:
            self.select_row(self.model.row_of(kept.id))
        self._update_buttons()

    def _fit_height(self, rows: int) -> None:
        # The table is as tall as its rows (up to a few), so the panel does not show empty space.
        row_height = self.view.sizeHintForRow(0) if rows else self.fontMetrics().height() + 8
        shown = max(1, min(rows, MAX_VISIBLE_ROWS))
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(self.view.header().sizeHint().height() + shown * row_height + frame + 2)

    def _fit_columns(self) -> None:
        # The title matters most: the link column gets what it needs, but never over a third.
        wanted = max(self.view.sizeHintForColumn(2), self.view.header().sectionSizeHint(2))
        self.view.setColumnWidth(2, min(wanted, self.view.viewport().width() // 3))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def selected_source(self) -> SourceRef | None:
        index = self.view.currentIndex()
        return self.model.source(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        source = self.selected_source()
        self.add_button.setEnabled(self._record is not None)
        self.edit_button.setEnabled(source is not None)
        self.remove_button.setEnabled(source is not None)
        self.open_button.setEnabled(source is not None and openable_url(source.url) is not None)

    # -- commands ----------------------------------------------------------------------
    def add_source(self) -> bool:
        """Ask for a source and attach it to the shown passage; False if cancelled."""
        record = self._record
        if record is None:
            return False
        values = SourceDialog.get_source(self.window())
        if values is None:
            return False
        return self._push(AddSource, record.start, record.end, **values)

    def edit_source(self) -> bool:
        source = self.selected_source()
        if source is None:
            return False
        initial = {"url": source.url, "title": source.title, "stance": source.stance, "note": source.note}
        values = SourceDialog.get_source(self.window(), initial)
        if values is None:
            return False
        changes = {name: value for name, value in values.items() if value != initial[name]}
        return bool(changes) and self._push(EditSource, source.id, **changes)

    def remove_source(self) -> bool:
        source = self.selected_source()
        return source is not None and self._push(DeleteSource, source.id)

    def open_source(self) -> bool:
        source = self.selected_source()
        return source is not None and open_link(source.url)

    def _push(self, command, *args, **kwargs) -> bool:
        return error_reporting.push(self.undo_stack, command(self.session, *args, **kwargs), self)

