"""The key to the reader's colours: a chip per entity type and a sample per claim kind, with counts.

It paints its chips itself and wraps them onto more rows when narrow, so it fits a toolbar
row or the foot of the reader without forcing the window wider.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from glossator.ui.article_session import ArticleSession
from glossator.ui.palette import CLAIM_COLOURS, ENTITY_NAMES, claim_colour, entity_colour

_PAD_X, _PAD_Y, _GAP, _ROW_GAP, _MARGIN = 7, 3, 6, 4, 6


@dataclass
class LegendItem:
    """One chip: a caption, an entity tint or a claim underline sample."""

    style: str      # "caption", "tint" or "underline"
    text: str
    key: str = ""
    tip: str = ""


class LegendWidget(QWidget):
    """Coloured chips for the entity types in the article and the claim kinds, with counts."""

    def __init__(self, session: ArticleSession, parent=None):
        super().__init__(parent)
        self.setObjectName("readerLegend")
        self.session = session
        self.items: list[LegendItem] = []
        self._rects: list[QRectF] = []
        size_policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        size_policy.setHeightForWidth(True)
        self.setSizePolicy(size_policy)
        self.setAutoFillBackground(True)
        session.article_changed.connect(self.refresh)
        session.annotations_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Recount the article's entity types and claim kinds."""
        entities = Counter(r.label for r in self.session.records if r.kind == "entity")
        claims = Counter(r.label for r in self.session.records if r.kind == "claim")
        items: list[LegendItem] = []
        if entities:
            items.append(LegendItem("caption", "Entities"))
            for label, count in sorted(entities.items(), key=lambda kv: (-kv[1], kv[0])):
                name = ENTITY_NAMES.get(label, label)
                items.append(LegendItem("tint", f"{name} {count}", label, f"{count} × {name} ({label})"))
        if claims:
            items.append(LegendItem("caption", "Claims"))
            order = {kind: i for i, kind in enumerate(CLAIM_COLOURS)}
            for kind, count in sorted(claims.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])):
                items.append(LegendItem("underline", f"{kind.capitalize()} {count}", kind,
                                        f"{count} {kind} claim{'s' if count != 1 else ''}, underlined"))
        self.items = items
        self.setVisible(bool(items))
        self.updateGeometry()
        self.update()

    def item_texts(self) -> list[str]:
        """The chips' captions, for tests and accessibility."""
        return [item.text for item in self.items]

    # -- layout ------------------------------------------------------------------------
    def _layout(self, width: int) -> tuple[list[QRectF], int]:
        metrics = self.fontMetrics()
        height = metrics.height() + 2 * _PAD_Y
        x, y = _MARGIN, _MARGIN
        rects: list[QRectF] = []
        for item in self.items:
            w = metrics.horizontalAdvance(item.text) + (0 if item.style == "caption" else 2 * _PAD_X)
            if item.style == "caption" and rects:
                x += _GAP * 2
            if x + w > width - _MARGIN and x > _MARGIN:
                x, y = _MARGIN, y + height + _ROW_GAP
            rects.append(QRectF(x, y, w, height))
            x += w + _GAP
        return rects, (y + height + _MARGIN if self.items else 0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout(width)[1]

    def sizeHint(self) -> QSize:
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.heightForWidth(max(self.width(), 200)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.height() != self.heightForWidth(self.width()):
            self.updateGeometry()

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        ink = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(ink)
        muted.setAlphaF(0.6)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._rects = self._layout(self.width())[0]
        for item, rect in zip(self.items, self._rects, strict=True):
            if item.style == "caption":
                painter.setPen(muted)
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, item.text)
                continue
            if item.style == "tint":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(entity_colour(item.key, dark))
                painter.drawRoundedRect(rect, 4, 4)
            else:
                colour = claim_colour(item.key)
                painter.setPen(QPen(colour.lighter(135) if dark else colour, 2.2))
                baseline = rect.bottom() - 3
                painter.drawLine(QLineF(rect.left() + _PAD_X, baseline, rect.right() - _PAD_X, baseline))
            painter.setPen(ink)
            painter.drawText(rect.adjusted(0, -1 if item.style == "underline" else 0, 0, 0),
                             Qt.AlignmentFlag.AlignCenter, item.text)
        painter.end()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            # The rectangles come from the last paint and may lag a refresh by one frame.
            for item, rect in zip(self.items, self._rects, strict=False):
                if item.tip and rect.contains(QPointF(event.pos())):
                    QToolTip.showText(event.globalPos(), item.tip, self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)
