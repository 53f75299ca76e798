"""The sources of one annotation as a Qt table model: title, stance and link per row."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from glossator.core.annotation import SourceRef

STANCE_NAMES = {"supports": "Supports", "refutes": "Refutes", "context": "Context"}
STANCE_COLOURS = {"supports": "#2b8a3e", "refutes": "#c92a2a", "context": "#495057"}
COLUMNS = ("Title", "Stance", "Link")
SHORT_LINK_CHARS = 28


def short_link(url: str) -> str:
    """What a narrow column shows of a link: the site for web links, else the link itself."""
    parts = urlsplit(url.strip())
    shown = url.strip()
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        shown = parts.hostname.removeprefix("www.")
    elif parts.scheme.lower() == "mailto":
        shown = parts.path
    return shown if len(shown) <= SHORT_LINK_CHARS else shown[: SHORT_LINK_CHARS - 1] + "…"


class SourcesModel(QAbstractTableModel):
    """A read-only view of a list of ``SourceRef``; ``set_sources`` replaces the list."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sources: list[SourceRef] = []

    def set_sources(self, sources: list[SourceRef]) -> None:
        self.beginResetModel()
        self._sources = list(sources)
        self.endResetModel()

    def source(self, row: int) -> SourceRef | None:
        return self._sources[row] if 0 <= row < len(self._sources) else None

    def row_of(self, source_id: int | None) -> int:
        """The row of the source with this id, or -1."""
        for row, source in enumerate(self._sources):
            if source.id == source_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._sources)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        source = self.source(index.row())
        if source is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            stance = STANCE_NAMES.get(source.stance, source.stance)
            return (source.title or short_link(source.url), stance, short_link(source.url))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [source.title, source.url, STANCE_NAMES.get(source.stance, source.stance), source.note]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QColor(STANCE_COLOURS.get(source.stance, "#495057"))
        if role == Qt.ItemDataRole.UserRole:
            return source.id
        return None
