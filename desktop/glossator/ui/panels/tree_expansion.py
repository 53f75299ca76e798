"""Remembers which rows of a tree the reader folded, so a model reset does not undo it."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView


class ExpansionMemory:
    """Top-level rows start expanded; those the reader collapses stay so, keyed by ``key_of``.

    Keys outlive the rows (a type folded in one article stays folded in the next), which is
    what a reader expects of a tree they arranged themselves.
    """

    def __init__(self, view: QTreeView, key_of: Callable[[QModelIndex], Hashable]):
        self._view = view
        self._key_of = key_of
        self._collapsed: set = set()
        self._restoring = False
        view.collapsed.connect(self._on_collapsed)
        view.expanded.connect(self._on_expanded)

    def restore(self) -> None:
        """Expand every top-level row except those the reader collapsed."""
        model = self._view.model()
        self._restoring = True
        try:
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                self._view.setExpanded(index, self._key_of(index) not in self._collapsed)
        finally:
            self._restoring = False

    def _on_collapsed(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.add(self._key_of(index))

    def _on_expanded(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.discard(self._key_of(index))
