"""The library dock: every stored article, searchable and sortable, to open or delete."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from glossator.core.errors import GlossatorError, NotFoundError
from glossator.core.services import annotating, articles
from glossator.core.services import search as search_service
from glossator.ui.actions import Act, make_action
from glossator.ui.panels.empty_state import EmptyStateStack
from glossator.ui.panels.library_model import (
    CLAIMS,
    DATE,
    ENTITIES,
    HEADERS,
    ID_ROLE,
    NOTES,
    SOURCE,
    TITLE,
    LibraryFilter,
    LibraryModel,
)
from glossator.ui.panels.view_keys import on_enter
from glossator.ui.panels.wrapping_delegate import WrappingDelegate

ALL_TAGS = "All tags"
EMPTY_LIBRARY = "No articles yet — open a file (Ctrl+O), paste an article (Ctrl+Shift+V) or drop a file here"


class LibraryPanel(QWidget):
    """Lists ``store.list_articles()``; the window calls ``refresh()`` after anything changes it.

    Its Open and Delete commands are the window's ``Act.LIBRARY_OPEN`` and ``Act.LIBRARY_DELETE``
    actions when ``actions`` holds them; a panel on its own makes its own.
    """

    open_requested = Signal(int)   # the reader asked to read this article
    article_deleted = Signal(int)  # this article is gone from the store

    def __init__(self, parent: QWidget | None = None, *, actions: dict[Act, QAction] | None = None):
        super().__init__(parent)
        self._model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self._model)
        self._current_id: int | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the library")
        self.search.setToolTip(
            "Every word must occur, in any order; \"quoted words\" together.\n"
            "Titles and sources match any part; texts, notes and sources match whole words."
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)

        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("libraryTagFilter")
        self.tag_filter.setToolTip("Show only the articles with annotations carrying this tag")
        self.tag_filter.addItem(ALL_TAGS, None)
        self.tag_filter.currentIndexChanged.connect(self._tag_chosen)

        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        # Titles wrap onto a second line rather than being cut off; nothing scrolls sideways.
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setItemDelegateForColumn(TITLE, WrappingDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self._size_columns()
        self.view.doubleClicked.connect(self._open_index)
        self._enter = on_enter(self.view, self._open_index)
        self.view.selectionModel().currentRowChanged.connect(self._update_actions)

        self._use_actions(actions or {})
        self.stack = EmptyStateStack(self.view)

        delete_button = QToolButton()
        delete_button.setDefaultAction(self.delete_action)
        delete_button.setAutoRaise(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(4)
        top.addWidget(self.search, 1)
        top.addWidget(delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.tag_filter)
        layout.addWidget(self.stack, 1)
        self.refresh()

    def model(self) -> LibraryModel:
        """The source model (unsorted, unfiltered); the view shows it through ``proxy``."""
        return self._model

    # -- public --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the library from the store, keeping the current article selected."""
        self._model.set_articles(articles.list_articles())
        self._refresh_tags()
        if self.search.text().strip():
            self._search_changed(self.search.text())  # notes and texts may have changed too
        self._show_or_explain()
        if self._current_id is not None:
            self.select_article(self._current_id)
        self._update_actions()

    def select_article(self, article_id: int | None) -> None:
        """Highlight the article being read (nothing for None or an unknown id)."""
        self._current_id = article_id
        row = None if article_id is None else self._model.row_of(article_id)
        selection = self.view.selectionModel()
        if row is None:
            selection.clearSelection()
            return
        index = self.proxy.mapFromSource(self._model.index(row, TITLE))
        if not index.isValid():  # hidden by the search; it is selected again once it shows
            selection.clearSelection()
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.data(ID_ROLE)

    def delete_selected(self, confirm: bool = True) -> bool:
        """Delete the selected article after asking; True if it was deleted."""
        article_id = self.selected_id()
        if article_id is None:
            return False
        row = self._model.row_of(article_id)
        if row is None:
            return False
        title = self._model.article(row).title or "Untitled"
        if confirm and not self._confirm(title):
            return False
        try:
            articles.delete_article(article_id)
        except NotFoundError:
            pass  # already gone (deleted elsewhere); the refresh below catches up
        except GlossatorError as error:
            QMessageBox.warning(self, "Could not delete the article", str(error))
            return False
        if self._current_id == article_id:
            self._current_id = None
        self.refresh()
        self.article_deleted.emit(article_id)
        return True

    def _confirm(self, title: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Delete article",
            f"Delete “{title}” with all its notes, sources and marks?\nThis cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- internals -----------------------------------------------------------------------
    def _use_actions(self, actions: dict[Act, QAction]) -> None:
        self.open_action = actions.get(Act.LIBRARY_OPEN) or make_action(Act.LIBRARY_OPEN, self)
        self.delete_action = actions.get(Act.LIBRARY_DELETE) or make_action(Act.LIBRARY_DELETE, self)
        self.open_action.triggered.connect(lambda: self._open_index(self.view.currentIndex()))
        self.delete_action.triggered.connect(lambda: self.delete_selected())
        # Added to the list only, so Delete (a list-focus shortcut) acts only there.
        self.view.addAction(self.open_action)
        self.view.addAction(self.delete_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _size_columns(self) -> None:
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        for column in (DATE, ENTITIES, CLAIMS, NOTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(SOURCE, 96)
        # Wrapped titles take new heights when the title column's width changes.
        header.sectionResized.connect(lambda *_args: self.view.scheduleDelayedItemsLayout())
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The dock is narrow: the title and the claim and note counts show; source, date and
        # entity counts start hidden (the title's tooltip has them), and the header's menu
        # brings them back.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        hidden = (SOURCE, DATE, ENTITIES)
        for column in range(SOURCE, len(HEADERS)):
            action = QAction(HEADERS[column], header)
            action.setCheckable(True)
            action.setChecked(column not in hidden)
            action.toggled.connect(lambda shown, c=column: self.view.setColumnHidden(c, not shown))
            header.addAction(action)
        for column in hidden:
            self.view.setColumnHidden(column, True)

    def _refresh_tags(self) -> None:
        """The tag list follows the tags in use; a chosen tag stays chosen while it exists."""
        try:
            names = annotating.list_tags()
        except GlossatorError:
            names = []
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(ALL_TAGS, None)
        for name in names:
            self.tag_filter.addItem(f"Tag: {name}", name)
        at = self.tag_filter.findData(chosen) if chosen is not None else 0
        self.tag_filter.setCurrentIndex(max(at, 0))
        self.tag_filter.blockSignals(False)
        self.tag_filter.setVisible(bool(names))
        self._tag_chosen()

    def _tag_chosen(self, *_args) -> None:
        name = self.tag_filter.currentData()
        try:
            tagged = annotating.articles_with_tag(name) if name is not None else None
        except GlossatorError:
            tagged = None
        self.proxy.set_tagged(tagged)
        self._show_or_explain()
        if self._current_id is not None:
            self.select_article(self._current_id)

    def _search_changed(self, text: str) -> None:
        try:
            hits = search_service.best_hit_per_article(text)
        except GlossatorError:
            hits = {}  # the library went away; titles and sources are still searched
        self.proxy.set_search_text(text, hits)
        self._show_or_explain()
        if self._current_id is not None:
            self.select_article(self._current_id)

    def _show_or_explain(self) -> None:
        if self._model.rowCount() == 0:
            self.stack.show_message(EMPTY_LIBRARY)
        elif self.proxy.rowCount() == 0 and self.search.text().strip():
            self.stack.show_message(f"No article matches “{self.search.text().strip()}”"
                                    + (f" with the tag “{self.tag_filter.currentData()}”." if
                                       self.tag_filter.currentData() is not None else "."))
        elif self.proxy.rowCount() == 0:
            self.stack.show_message(f"No article has the tag “{self.tag_filter.currentData()}”.")
        else:
            self.stack.show_view()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(ID_ROLE))

    def _update_actions(self, *_args) -> None:
        has_current = self.view.currentIndex().isValid()
        self.open_action.setEnabled(has_current)
        self.delete_action.setEnabled(has_current)
