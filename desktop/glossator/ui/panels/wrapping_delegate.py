"""A delegate that gives wrapped text the height it needs at its column's current width (Qt's
own asks for one line, whatever the width), up to a few lines."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QTreeView

MAX_LINES = 3
PADDING = 6


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = max(self.view.header().sectionSize(index.column()) - PADDING * 2, 20)
        metrics = option.fontMetrics
        wrapped = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        height = min(wrapped.height(), metrics.lineSpacing() * MAX_LINES) + PADDING
        return QSize(min(size.width(), width + PADDING * 2), max(size.height(), height))
