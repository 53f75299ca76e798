"""The "Mentioned In" panel: every stored article mentioning an entity, with counts and sentences.

It follows the selection: clicking a name in the Entities panel (or a mark in the reader)
shows the other articles that name appears in, so going from an entity in one article to
its other articles takes one click. Any name can also be typed in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from glossator.core.services.entities import ArticleMentions, articles_mentioning
from glossator.ui.article_session import ArticleSession

MENTION_ROLE = Qt.ItemDataRole.UserRole  # (article id, start, end)


class EntityIndexPanel(QWidget):
    """Articles mentioning one entity; activating a row opens that article at the mention."""

    open_requested = Signal(int, int, int)  # article id, start, end

    def __init__(self, session: ArticleSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.name: str | None = None
        self.label: str | None = None
        self.entries: list[ArticleMentions] = []

        self.search = QLineEdit(self)
        self.search.setObjectName("entityIndexSearch")
        self.search.setPlaceholderText("Entity name, e.g. Nvidia")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.show_entity(self.search.text()))
        self.summary = QLabel("Click an entity to see every article that mentions it.", self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("entityIndexTree")
        self.tree.setHeaderLabels(["Article", "Mentions"])
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        session.selection_changed.connect(self._follow_selection)

    def show_entity(self, name: str, label: str | None = None) -> None:
        """List the articles mentioning ``name`` (of type ``label``, if given)."""
        name = " ".join(name.split())
        self.name, self.label = (name or None), label
        self.refresh()

    def refresh(self) -> None:
        """Read the index again (after an analysis or a re-labelling)."""
        self.tree.clear()
        if not self.name:
            self.entries = []
            return
        self.entries = articles_mentioning(self.name, self.label)
        total = sum(entry.count for entry in self.entries)
        if not self.entries:
            self.summary.setText(f"No stored article mentions “{self.name}”.")
            return
        kind = f" ({self.label})" if self.label else ""
        self.summary.setText(
            f"{self.entries[0].name}{kind}: {total} mention{'s' * (total != 1)} "
            f"in {len(self.entries)} article{'s' * (len(self.entries) != 1)}")
        current = self.session.article_id
        for entry in self.entries:
            title = entry.title + ("  (this article)" if entry.article_id == current else "")
            item = QTreeWidgetItem([title, str(entry.count)])
            item.setToolTip(0, entry.source or entry.title)
            item.setData(0, MENTION_ROLE, (entry.article_id, *entry.ranges[0]))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for (start, end), sentence in zip(entry.ranges, entry.sentences):
                child = QTreeWidgetItem([sentence, ""])
                child.setToolTip(0, sentence)
                child.setData(0, MENTION_ROLE, (entry.article_id, start, end))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        if len(self.entries) <= 3:
            self.tree.expandAll()

    def _follow_selection(self, annotation_id) -> None:
        record = self.session.record(annotation_id)
        if record is None or record.kind != "entity":
            return
        name = record.attrs.get("canonical") or record.quote
        if (name, record.label) != (self.name, self.label):
            self.search.setText(" ".join(str(name).split()))
            self.show_entity(name, record.label)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, MENTION_ROLE)
        if target:
            self.open_requested.emit(*target)

