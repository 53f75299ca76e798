"""The top of the inspector: what the selected annotation is, the passage it marks, what the
analysis found (score, speaker, cue) and, for a claim, the reader's verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from glossator.core.annotation import CLAIM_STATUSES, AnnotationRecord
from glossator.ui.palette import (
    CLAIM_COLOURS,
    ENTITY_NAMES,
    HIGHLIGHT_COLOUR,
    STATUS_NAMES,
    entity_colour,
)
from glossator.ui.quote_label import QuoteLabel

# A verdict reads at a glance by colour as well as by name.
STATUS_COLOURS = {
    "unchecked": "#868e96",
    "supported": "#2b8a3e",
    "disputed": "#e67700",
    "false": "#c92a2a",
    "not-a-claim": "#ced4da",
}
STATUS_TIPS = {
    "unchecked": "Nobody has checked this claim yet",
    "supported": "The sources back the claim",
    "disputed": "Sources disagree, or the claim is misleading",
    "false": "The sources contradict the claim",
    "not-a-claim": "Not a check-worthy claim (the detector was wrong)",
}


def status_icon(status: str) -> QIcon:
    """A small filled dot in the status's colour."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STATUS_COLOURS.get(status, "#868e96")))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def kind_badge(record: AnnotationRecord) -> tuple[str, QColor, QColor]:
    """The badge text, background and text colour that name an annotation's kind."""
    if record.kind == "claim":
        background = QColor(CLAIM_COLOURS.get(record.label, "#868e96"))
        return f"{(record.label or 'claim').capitalize()} claim", background, QColor("white")
    if record.kind == "entity":
        name = ENTITY_NAMES.get(record.label, record.label or "Entity")
        text = f"{name} ({record.label})" if record.label and name != record.label else name
        return text, entity_colour(record.label), QColor("#212529")
    text = f"Highlight: {record.label}" if record.label else "Highlight"
    return text, QColor(HIGHLIGHT_COLOUR), QColor("#212529")


class AnnotationSummary(QWidget):
    """Badge, quote and details of one annotation, with the claim status selector."""

    status_chosen = Signal(str)  # the reader picked a status in the selector

    def __init__(self, parent=None):
        super().__init__(parent)
        self.badge = QLabel()
        self.badge.setObjectName("kindBadge")
        self.origin = QLabel()
        self.origin.setObjectName("hint")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(self.origin)

        self.quote = QuoteLabel(max_lines=4)
        self.score = QLabel()
        self.speaker = QLabel()
        self.cue = QLabel()
        for label in (self.score, self.speaker, self.cue):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        self.status = QComboBox()
        self.status.setToolTip("Your verdict on this claim")
        for status in CLAIM_STATUSES:
            self.status.addItem(status_icon(status), STATUS_NAMES.get(status, status), status)
            self.status.setItemData(self.status.count() - 1, STATUS_TIPS.get(status, ""), Qt.ItemDataRole.ToolTipRole)
        self.status.currentIndexChanged.connect(self._status_changed)

        self.form = QFormLayout()
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(6)
        self.form.addRow("Score", self.score)
        self.form.addRow("Speaker", self.speaker)
        self.form.addRow("Cue", self.cue)
        self.form.addRow("Status", self.status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.quote)
        layout.addLayout(self.form)

    def show_record(self, record: AnnotationRecord) -> None:
        """Fill every field from ``record``; rows that do not apply to it are hidden."""
        text, background, foreground = kind_badge(record)
        self.badge.setText(text)
        self.badge.setStyleSheet(
            f"QLabel#kindBadge {{ background: {background.name()}; color: {foreground.name()};"
            " border-radius: 9px; padding: 2px 9px; font-weight: 600; }"
        )
        self.origin.setText("found by analysis" if record.origin == "auto" else "marked by you")
        accent = background if record.kind != "entity" else background.darker(150)
        self.quote.set_accent(accent)
        self.quote.setText(record.quote)

        is_claim = record.kind == "claim"
        speaker = str(record.attrs.get("speaker") or "")
        cue = str(record.attrs.get("cue") or "")
        self.score.setText(_score_text(record.score))
        self.speaker.setText("unnamed (no source is named)" if speaker == "unnamed" else speaker)
        self.cue.setText(f"“{cue}”" if cue else "")
        self.form.setRowVisible(self.score, record.score is not None)
        self.form.setRowVisible(self.speaker, bool(speaker))
        self.form.setRowVisible(self.cue, bool(cue))
        self.form.setRowVisible(self.status, is_claim)
        index = self.status.findData(record.status if record.status in CLAIM_STATUSES else "unchecked")
        self.status.blockSignals(True)
        self.status.setCurrentIndex(index)
        self.status.blockSignals(False)

    def _status_changed(self, index: int) -> None:
        self.status_chosen.emit(self.status.itemData(index))


def _score_text(score: float | None) -> str:
    if score is None:
        return ""
    strength = "high" if score >= 0.75 else "medium" if score >= 0.5 else "low"
    return f"{score:.2f}  ({strength})"
