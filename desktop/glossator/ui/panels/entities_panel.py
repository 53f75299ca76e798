"""The Entities tab of the inspector: the article's entities by type, each name a way to its mentions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from glossator.ui.article_session import ArticleSession
from glossator.ui.panels.chips import is_dark, outline_colour
from glossator.ui.panels.empty_state import EmptyStateStack
from glossator.ui.panels.entities_model import COUNT, NAME, EntitiesModel, EntityName, entity_name
from glossator.ui.panels.tree_expansion import ExpansionMemory
from glossator.ui.panels.view_keys import on_enter


class EntitiesPanel(QWidget):
    """Entities grouped by type with counts; clicking a name steps through its mentions."""

    jump_requested = Signal(int, int)  # start, end of the mention to show

    def __init__(self, session: ArticleSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._model = EntitiesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self._model)
        self.proxy.setFilterKeyColumn(NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # A matching name keeps its type visible; a matching type keeps all its names.
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self._next: dict[tuple[str, str], int] = {}  # which mention the next click goes to
        self._following = False                      # True while we move the session ourselves

        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter entities")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)

        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.view.clicked.connect(self._step)
        self._enter = on_enter(self.view, self._step)
        self._expansion = ExpansionMemory(self.view, self._label_at)
        self.stack = EmptyStateStack(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.stack, 1)

        session.article_changed.connect(self._article_changed)
        session.annotations_changed.connect(self._rebuild)
        session.selection_changed.connect(self._follow_selection)
        self._apply_theme()
        self._rebuild()

    def model(self) -> EntitiesModel:
        return self._model

    def activate(self, label: str, name: str) -> None:
        """Go to the next mention of ``name`` under type ``label``, as a click on it does."""
        index = self.proxy.mapFromSource(self._model.find(label, name))
        if index.isValid():
            self._step(index)

    # -- reacting to the session ---------------------------------------------------------
    def _article_changed(self) -> None:
        self._next.clear()
        self._rebuild()

    def _rebuild(self) -> None:
        self._model.set_records(self.session.records)
        self._expansion.restore()
        self._show_or_explain()
        self._follow_selection(self.session.selected_id)

    def _follow_selection(self, annotation_id) -> None:
        if self._following:
            return
        record = self.session.record(annotation_id)
        if record is None or record.kind != "entity":
            self.view.selectionModel().clearSelection()
            return
        key = (record.label, entity_name(record))
        source = self._model.find(*key)
        entry = self._model.entry(source)
        if not isinstance(entry, EntityName):
            return
        ids = [m.id for m in entry.mentions]
        # The next click then continues from the mention selected elsewhere (the reader).
        self._next[key] = ids.index(record.id) + 1
        self._select(self.proxy.mapFromSource(source))

    # -- stepping through mentions -------------------------------------------------------
    def _step(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        entry = self._model.entry(source)
        if not isinstance(entry, EntityName) or not entry.mentions:
            return
        key = (self._model.key(source)[0], entry.name)
        position = self._next.get(key, 0) % len(entry.mentions)
        self._next[key] = position + 1
        mention = entry.mentions[position]
        self._select(index)
        self._following = True
        try:
            self.session.select(mention.id)
        finally:
            self._following = False
        self.jump_requested.emit(mention.start, mention.end)

    def _select(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index.siblingAtColumn(NAME), flags)
        self.view.scrollTo(index)

    # -- view state ----------------------------------------------------------------------
    def _label_at(self, proxy_index: QModelIndex) -> str:
        return self._model.key(self.proxy.mapToSource(proxy_index))[0]

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._expansion.restore()
        self._show_or_explain()

    def _show_or_explain(self) -> None:
        if self.session.article_id is None:
            self.stack.show_message("Open an article to see the people, places and organisations in it.")
        elif not self._model.groups:
            self.stack.show_message("No entities are marked in this article.")
        elif self.proxy.rowCount() == 0:
            self.stack.show_message(f"No entity matches “{self.filter.text().strip()}”.")
        else:
            self.stack.show_view()

    def _apply_theme(self) -> None:
        self._model.set_theme(is_dark(self), outline_colour(self))

    def changeEvent(self, event: QEvent) -> None:
        themed = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if themed and hasattr(self, "view"):  # palette events can arrive while __init__ runs
            self._apply_theme()
        super().changeEvent(event)
