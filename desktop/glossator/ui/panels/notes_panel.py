"""The Notes tab of the inspector: everything the reader wrote or linked on this article."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from glossator.ui.article_session import ArticleSession
from glossator.ui.panels.chips import is_dark, outline_colour
from glossator.ui.panels.empty_state import EmptyStateStack
from glossator.ui.panels.notes_model import NotesModel
from glossator.ui.panels.tree_expansion import ExpansionMemory
from glossator.ui.panels.view_keys import on_enter


class NotesPanel(QWidget):
    """Passages with their notes and sources; clicking any row shows its passage in the reader."""

    jump_requested = Signal(int, int)  # start, end of the passage to show

    def __init__(self, session: ArticleSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._model = NotesModel(self)
        self._following = False  # True while we move the session ourselves

        self.view = QTreeView()
        self.view.setModel(self._model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.clicked.connect(self._activate)
        self._enter = on_enter(self.view, self._activate)
        self._expansion = ExpansionMemory(self.view, self._key_of)
        self.stack = EmptyStateStack(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack, 1)

        session.article_changed.connect(self.refresh)
        session.annotations_changed.connect(self.refresh)
        session.selection_changed.connect(self._follow_selection)
        self._apply_theme()
        self.refresh()

    def model(self) -> NotesModel:
        return self._model

    def refresh(self) -> None:
        """Rebuild from the session's records and the article's own notes."""
        article_id = self.session.article_id
        bodies = [note.body for note in self.session.article_notes] if article_id is not None else []
        self._model.set_content(self.session.records, bodies)
        self._expansion.restore()
        self._show_or_explain()
        self._follow_selection(self.session.selected_id)

    # -- internals -----------------------------------------------------------------------
    def _activate(self, index: QModelIndex) -> None:
        group = self._model.group(index)
        if group is None or group.record is None:
            return
        self._following = True
        try:
            self.session.select(group.record.id)
        finally:
            self._following = False
        self.jump_requested.emit(group.record.start, group.record.end)

    def _follow_selection(self, annotation_id) -> None:
        if self._following:
            return
        index = self._model.find(annotation_id)
        selection = self.view.selectionModel()
        if not index.isValid():
            selection.clearSelection()
            return
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def _key_of(self, index: QModelIndex):
        group = self._model.group(index)
        return None if group is None or group.record is None else group.record.id

    def _show_or_explain(self) -> None:
        if self.session.article_id is None:
            self.stack.show_message("Open an article to see your notes and sources on it.")
        elif not self._model.groups:
            self.stack.show_message(
                "No notes or sources yet — select a passage in the article to add one."
            )
        else:
            self.stack.show_view()

    def _apply_theme(self) -> None:
        ink = self.palette().color(QPalette.ColorRole.Text)
        self._model.set_theme(is_dark(self), outline_colour(self), ink)

    def changeEvent(self, event: QEvent) -> None:
        themed = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if themed and hasattr(self, "view"):  # palette events can arrive while __init__ runs
            self._apply_theme()
        super().changeEvent(event)
