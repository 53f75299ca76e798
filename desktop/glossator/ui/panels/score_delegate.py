"""Draws a claim's score as a short bar followed by the number, so strong claims stand out."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from glossator.ui.panels.claims_model import SCORE_ROLE

BAR_WIDTH = 30
BAR_HEIGHT = 5
GAP = 6
PADDING = 4


class ScoreDelegate(QStyledItemDelegate):
    """Paints the Score column: the themed item background, a bar in the accent colour, the score."""

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        ink = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        accent = ink if selected else opt.palette.color(group, QPalette.ColorRole.Highlight)
        track = QColor(ink)
        track.setAlphaF(0.15)

        rect = opt.rect.adjusted(PADDING, 0, -PADDING, 0)
        bar = QRectF(rect.left(), rect.center().y() - BAR_HEIGHT / 2 + 1, BAR_WIDTH, BAR_HEIGHT)
        score = index.data(SCORE_ROLE)
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 2, 2)
        if score is not None and score > 0:
            filled = QRectF(bar)
            filled.setWidth(max(2.0, BAR_WIDTH * min(1.0, float(score))))
            painter.setBrush(accent)
            painter.drawRoundedRect(filled, 2, 2)
        painter.setPen(ink)
        painter.setFont(opt.font)
        text_rect = rect.adjusted(BAR_WIDTH + GAP, 0, 0, 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        digits = option.fontMetrics.horizontalAdvance("0.00")
        return QSize(max(size.width(), BAR_WIDTH + GAP + digits + 2 * PADDING + 2), size.height())
