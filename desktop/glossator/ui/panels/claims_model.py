"""The claims of an article as a table model, and the kind / minimum-score filter over it."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from glossator.core.annotation import AnnotationRecord
from glossator.ui.palette import CLAIM_COLOURS, STATUS_NAMES
from glossator.ui.panels.chips import chip_icon, dot_icon
from glossator.ui.panels.rows_model import RowsModel
from glossator.ui.panels.text_snippets import one_line

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SCORE_ROLE = Qt.ItemDataRole.UserRole + 3  # the raw score (float or None), for the bar delegate

SCORE, KIND, SPEAKER, STATUS, CLAIM = range(5)
HEADERS = ("Score", "Kind", "Speaker", "Status", "Claim")
HEADER_TIPS = (
    "How check-worthy the passage looks (0–1)",
    "What sort of claim it is",
    "Who the claim is attributed to",
    "What checking found",
    "The passage",
)
# Mid-tone colours that read on light and dark rows alike; unchecked is drawn as a ring.
STATUS_COLOURS = {
    "supported": "#2f9e44",
    "disputed": "#f08c00",
    "false": "#e03131",
    "not-a-claim": "#868e96",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def speaker_text(record: AnnotationRecord) -> str:
    speaker = str(record.attrs.get("speaker") or "").strip()
    if speaker == "unnamed":
        return "(unnamed)"
    return speaker or "—"


class ClaimsModel(RowsModel):
    """Adapter over the claim records of ``session.records``, in text order."""

    HEADERS = HEADERS
    HEADER_TIPS = HEADER_TIPS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._outline = QColor("#8a8a8a")
        self._dim = QColor("#8a8a8a")
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_records(self, records: list[AnnotationRecord]) -> None:
        self.set_rows(r for r in records if r.kind == "claim")

    def set_theme(self, outline: QColor, dim: QColor) -> None:
        """Colours taken from the view's palette: chip outlines and the dimmed text."""
        self._outline, self._dim = outline, dim
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, CLAIM))

    def claim(self, row: int) -> AnnotationRecord:
        return self.row_object(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SORT_ROLE:
            return self._sort_key(record, column)
        if role == ID_ROLE:
            return record.id
        if role == SCORE_ROLE:
            return record.score
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return _RIGHT
        # A claim the reader dismissed stays listed, but visibly out of the running.
        if record.status == "not-a-claim":
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._dim
            if role == Qt.ItemDataRole.FontRole:
                return self._italic
        return None

    @staticmethod
    def _display(record: AnnotationRecord, column: int) -> str:
        if column == SCORE:
            return "—" if record.score is None else f"{record.score:.2f}"
        if column == KIND:
            return record.label.capitalize() if record.label else "Claim"
        if column == SPEAKER:
            return speaker_text(record)
        if column == STATUS:
            return STATUS_NAMES.get(record.status, record.status)
        return one_line(record.quote)

    @staticmethod
    def _sort_key(record: AnnotationRecord, column: int):
        if column == SCORE:
            return -1.0 if record.score is None else float(record.score)
        if column == STATUS:
            return list(STATUS_NAMES).index(record.status) if record.status in STATUS_NAMES else 99
        return ClaimsModel._display(record, column).casefold()

    def _decoration(self, record: AnnotationRecord, column: int):
        if column == KIND:
            return chip_icon(QColor(CLAIM_COLOURS.get(record.label, "#868e96")), self._outline)
        if column == STATUS:
            colour = STATUS_COLOURS.get(record.status)
            return dot_icon(QColor(colour) if colour else None, self._outline)
        return None

    @staticmethod
    def _tooltip(record: AnnotationRecord) -> str:
        lines = [one_line(record.quote)]
        phrase = record.attrs.get("speaker_phrase") or record.attrs.get("speaker")
        if phrase:
            lines.append(f"Speaker: {phrase}")
        if record.attrs.get("cue"):
            lines.append(f"Cue: “{record.attrs['cue']}”")
        return "\n".join(lines)


class ClaimsFilter(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` and keeps claims of one kind (or all) scoring at least a minimum."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._kind = ""
        self._min_score = 0.0
        self.setSortRole(SORT_ROLE)

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def min_score(self) -> float:
        return self._min_score

    def set_kind(self, kind: str) -> None:
        """Keep only claims of ``kind``; an empty string keeps every kind."""
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_min_score(self, score: float) -> None:
        """Hide claims scoring below ``score``; a claim without a score shows only at 0."""
        self.beginFilterChange()
        self._min_score = score
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        record = cast(ClaimsModel, self.sourceModel()).claim(source_row)
        if self._kind and record.label != self._kind:
            return False
        if self._min_score > 0:
            # Round as shown, so a claim displayed as 0.50 passes a 0.50 threshold.
            return record.score is not None and round(record.score, 2) >= round(self._min_score, 2)
        return True
