"""Index bookkeeping for a two-level tree: groups at the top, rows under each group.

A top-level index carries internal id 0; a row's index carries its group's row + 1.
Plain integers avoid keeping Python objects alive behind ``internalPointer``.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

_GROUP = 0


class TwoLevelModel(QAbstractItemModel):
    """Base for the inspector trees; subclasses say how many groups and rows there are."""

    def group_count(self) -> int:
        raise NotImplementedError

    def child_count(self, group: int) -> int:
        raise NotImplementedError

    @staticmethod
    def position(index: QModelIndex | QPersistentModelIndex) -> tuple[int, int | None]:
        """``(group, None)`` for a group's index, ``(group, row)`` for a row under a group."""
        if index.internalId() == _GROUP:
            return index.row(), None
        return index.internalId() - 1, index.row()

    def group_index(self, group: int, column: int = 0) -> QModelIndex:
        return self.createIndex(group, column, _GROUP)

    def child_index(self, group: int, row: int, column: int = 0) -> QModelIndex:
        return self.createIndex(row, column, group + 1)

    # -- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.group_index(row, column)
        if parent.internalId() == _GROUP:
            return self.child_index(parent.row(), row, column)
        return QModelIndex()

    def parent(self, child: QModelIndex | QPersistentModelIndex | None = None):
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.group_index(child.internalId() - 1)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return self.group_count()
        if parent.column() == 0 and parent.internalId() == _GROUP:
            return self.child_count(parent.row())
        return 0
