"""The reader's notes and sources on one article, as a tree: passages with their notes and sources.

Notes on the article as a whole come first, under their own heading; then every passage
that has a note or a source, in text order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.ui.palette import HIGHLIGHT_COLOUR, claim_colour, entity_colour
from glossator.ui.panels.chips import chip_icon, dot_icon, note_icon
from glossator.ui.panels.text_snippets import note_summary, one_line, quoted, source_line
from glossator.ui.panels.two_level_model import TwoLevelModel

WHOLE_ARTICLE = "Whole article"
STANCE_COLOURS = {"supports": "#2f9e44", "refutes": "#e03131", "context": "#868e96"}


@dataclass
class NoteGroup:
    """A passage (``record``) or the whole article (``record`` None) with its notes and sources."""

    record: AnnotationRecord | None
    notes: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def items(self) -> list[str | SourceRef]:
        return [*self.notes, *self.sources]


def note_groups(records: list[AnnotationRecord], article_notes: list[str]) -> list[NoteGroup]:
    """The article's notes first (if any), then each annotated passage in text order."""
    groups = [NoteGroup(None, list(article_notes))] if article_notes else []
    passages = sorted((r for r in records if r.notes or r.sources), key=lambda r: (r.start, r.end))
    groups.extend(NoteGroup(r, list(r.notes), list(r.sources)) for r in passages)
    return groups


class NotesModel(TwoLevelModel):
    """Adapter over the session's annotated passages and the article-level notes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[NoteGroup] = []
        self._dark = False
        self._outline = QColor("#8a8a8a")
        self._ink = QColor("#555555")
        self._heading_font = QFont()
        self._heading_font.setBold(True)

    def set_content(self, records: list[AnnotationRecord], article_notes: list[str]) -> None:
        self.beginResetModel()
        self._groups = note_groups(records, article_notes)
        self.endResetModel()

    def set_theme(self, dark: bool, outline: QColor, ink: QColor) -> None:
        """Repaint the icons (passage chips, note glyphs, stance dots) for a new palette."""
        self._dark, self._outline, self._ink = dark, outline, ink
        if not self._groups:
            return
        roles = [Qt.ItemDataRole.DecorationRole]
        self.dataChanged.emit(self.group_index(0), self.group_index(len(self._groups) - 1), roles)
        for row, group in enumerate(self._groups):
            if group.items:
                last = self.child_index(row, len(group.items) - 1)
                self.dataChanged.emit(self.child_index(row, 0), last, roles)

    @property
    def groups(self) -> list[NoteGroup]:
        return self._groups

    def group(self, index: QModelIndex) -> NoteGroup | None:
        """The group a row belongs to (itself for a top-level row)."""
        if not index.isValid():
            return None
        return self._groups[self.position(index)[0]]

    def find(self, annotation_id: int | None) -> QModelIndex:
        for row, group in enumerate(self._groups):
            if group.record is not None and group.record.id == annotation_id:
                return self.group_index(row)
        return QModelIndex()

    # -- TwoLevelModel -------------------------------------------------------------------
    def group_count(self) -> int:
        return len(self._groups)

    def child_count(self, group: int) -> int:
        return len(self._groups[group].items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group_row, row = self.position(index)
        group = self._groups[group_row]
        if row is None:
            return self._group_data(group, role)
        return self._item_data(group.items[row], role)

    def _group_data(self, group: NoteGroup, role: int):
        record = group.record
        if role == Qt.ItemDataRole.DisplayRole:
            return WHOLE_ARTICLE if record is None else quoted(record.quote, 70)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Notes on the article as a whole" if record is None else one_line(record.quote)
        if role == Qt.ItemDataRole.DecorationRole and record is not None:
            return chip_icon(self._passage_colour(record), self._outline)
        if role == Qt.ItemDataRole.FontRole and record is None:
            return self._heading_font
        return None

    def _item_data(self, item: str | SourceRef, role: int):
        if isinstance(item, SourceRef):
            if role == Qt.ItemDataRole.DisplayRole:
                return source_line(item)
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [item.title, item.url, f"Stance: {item.stance}", item.note]
                return "\n".join(line for line in lines if line)
            if role == Qt.ItemDataRole.DecorationRole:
                return dot_icon(QColor(STANCE_COLOURS.get(item.stance, "#868e96")), self._outline)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return note_summary(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item
        if role == Qt.ItemDataRole.DecorationRole:
            return note_icon(self._ink)
        return None

    def _passage_colour(self, record: AnnotationRecord) -> QColor:
        if record.kind == "entity":
            return entity_colour(record.label, self._dark)
        if record.kind == "claim":
            return claim_colour(record.label)
        return QColor(HIGHLIGHT_COLOUR)
