"""The entities of an article grouped by type, as a two-level tree model.

Groups are entity types; under each, one row per name (its ``canonical`` form when the
analysis gave one, else the text as written) with every mention of it, in text order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from glossator.core.annotation import AnnotationRecord
from glossator.ui.palette import ENTITY_NAMES, entity_colour
from glossator.ui.panels.chips import chip_icon
from glossator.ui.panels.two_level_model import TwoLevelModel

NAME, COUNT = range(2)


@dataclass
class EntityName:
    """One name under a type and its mentions, in text order."""

    name: str
    mentions: list[AnnotationRecord] = field(default_factory=list)


@dataclass
class EntityGroup:
    """An entity type and its names, most mentioned first."""

    label: str
    names: list[EntityName]

    @property
    def total(self) -> int:
        return sum(len(name.mentions) for name in self.names)


def entity_name(record: AnnotationRecord) -> str:
    """What a mention is listed under: its canonical name, else its text tidied to one line."""
    name = record.attrs.get("canonical") or record.quote
    return " ".join(str(name).split())


def group_entities(records: list[AnnotationRecord]) -> list[EntityGroup]:
    """The entity records grouped by type then name; busiest first, ties alphabetical."""
    by_label: dict[str, dict[str, list[AnnotationRecord]]] = defaultdict(lambda: defaultdict(list))
    for record in sorted((r for r in records if r.kind == "entity"), key=lambda r: (r.start, r.end)):
        by_label[record.label][entity_name(record)].append(record)
    groups = [
        EntityGroup(
            label,
            sorted(
                (EntityName(name, mentions) for name, mentions in names.items()),
                key=lambda n: (-len(n.mentions), n.name.casefold()),
            ),
        )
        for label, names in by_label.items()
    ]
    return sorted(groups, key=lambda g: (-g.total, g.label))


def type_title(label: str) -> str:
    """``Organisation (ORG)``; just ``Person`` where the label would only repeat the name."""
    friendly = ENTITY_NAMES.get(label)
    if not friendly or friendly.casefold() == label.casefold():
        return friendly or label
    return f"{friendly} ({label})"


class EntitiesModel(TwoLevelModel):
    """Adapter from ``group_entities(session.records)`` to a tree with a name and a count column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[EntityGroup] = []
        self._dark = False
        self._outline = QColor("#8a8a8a")
        self._group_font = QFont()
        self._group_font.setBold(True)

    def set_records(self, records: list[AnnotationRecord]) -> None:
        self.beginResetModel()
        self._groups = group_entities(records)
        self.endResetModel()

    def set_theme(self, dark: bool, outline: QColor) -> None:
        """Repaint the type chips for a light or dark palette."""
        self._dark, self._outline = dark, outline
        if self._groups:
            last = self.group_index(len(self._groups) - 1)
            self.dataChanged.emit(self.group_index(0), last, [Qt.ItemDataRole.DecorationRole])

    @property
    def groups(self) -> list[EntityGroup]:
        return self._groups

    def entry(self, index: QModelIndex) -> EntityGroup | EntityName | None:
        if not index.isValid():
            return None
        group, row = self.position(index)
        return self._groups[group] if row is None else self._groups[group].names[row]

    def key(self, index: QModelIndex) -> tuple[str, str | None]:
        """``(type, name)`` of a name row, ``(type, None)`` of a type row."""
        group, row = self.position(index)
        label = self._groups[group].label
        return label, None if row is None else self._groups[group].names[row].name

    def find(self, label: str, name: str | None = None) -> QModelIndex:
        """The index of a type's group (``name`` None) or of one name under it; invalid if absent."""
        for g, group in enumerate(self._groups):
            if group.label != label:
                continue
            if name is None:
                return self.group_index(g)
            for r, entry in enumerate(group.names):
                if entry.name == name:
                    return self.child_index(g, r)
        return QModelIndex()

    # -- TwoLevelModel -------------------------------------------------------------------
    def group_count(self) -> int:
        return len(self._groups)

    def child_count(self, group: int) -> int:
        return len(self._groups[group].names)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Entity", "Mentions")[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group_row, row = self.position(index)
        group = self._groups[group_row]
        entry = None if row is None else group.names[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COUNT:
                return group.total if entry is None else len(entry.mentions)
            return type_title(group.label) if entry is None else entry.name
        if role == Qt.ItemDataRole.DecorationRole and row is None and column == NAME:
            return chip_icon(entity_colour(group.label, self._dark), self._outline)
        if role == Qt.ItemDataRole.FontRole and row is None:
            return self._group_font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and entry is not None:
            count = len(entry.mentions)
            return f"{entry.name}: {count} mention{'s' * (count != 1)} — click to go to the next one"
        return None
