"""The text surface of the reader: a read-only QTextBrowser that reports clicks, hovers and menus.

It knows document positions only; the reader view turns them into article offsets and
annotations. It also paints what formats cannot: the rule beside block quotes, the second
stroke under strong claims, the outline round the selected annotation, and where the pages
of a PDF begin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextBlock, QTextLine
from PySide6.QtWidgets import QApplication, QFrame, QTextBrowser, QToolTip

from glossator.ui.reader_style import COLUMN_WIDTH


class ReadingPane(QTextBrowser):
    """A QTextBrowser that never navigates or fetches, centred in a reading column."""

    clicked_at = Signal(int)             # document position of the character under a plain click
    menu_requested = Signal(QPoint)      # global position of a context-menu request
    zoom_requested = Signal(int)         # +1 or -1: Ctrl+wheel asks for bigger or smaller text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.tooltip_for: Callable[[int], str] = lambda _pos: ""
        self.quote_kinds: list[str] = []
        self.outline: tuple[int, int] | None = None   # document range to outline
        self.strong_underlines: dict[int, list] = {}   # block number -> [(start, end, colour)]
        self.outline_colour = QColor("#1c7ed6")
        self.rule_colour = QColor("#d9cfbd")
        self.page_breaks: list[tuple[int, int]] = []   # (document position, page number) where pages begin
        self._press: QPoint | None = None

    def loadResource(self, type, name):  # noqa: A002 - Qt's signature
        # The reader shows article text only; no image, style sheet or page is ever fetched.
        return None

    # -- geometry ----------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        self.centre_column()
        super().resizeEvent(event)

    def centre_column(self) -> None:
        """Keep the text in a column no wider than COLUMN_WIDTH, centred in the pane."""
        margin = self.document().documentMargin() if self.document() else 0
        spare = self.width() - COLUMN_WIDTH - 2 * int(margin) - self.verticalScrollBar().sizeHint().width()
        side = max(0, spare // 2)
        self.setViewportMargins(side, 0, side, 0)

    def content_offset(self) -> QPointF:
        """Where document coordinates start, in viewport coordinates."""
        return QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())

    # -- hit testing -------------------------------------------------------------------
    def _line_at(self, point: QPointF) -> tuple[QTextBlock, QTextLine, QPointF] | None:
        layout = self.document().documentLayout()
        hit = layout.hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
        if hit < 0:
            return None
        block = self.document().findBlock(hit)
        origin = layout.blockBoundingRect(block).topLeft()
        local = point - origin
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            if line.y() <= local.y() < line.y() + line.height():
                return block, line, local
        return None

    def position_at(self, viewport_point: QPoint) -> int | None:
        """The document position of the character under a viewport point, or None off the text."""
        found = self._line_at(QPointF(viewport_point) - self.content_offset())
        if found is None:
            return None
        block, line, local = found
        if not line.x() <= local.x() < line.x() + line.naturalTextWidth():
            return None
        column = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
        if column >= block.length() - 1:
            return None
        return block.position() + column

    # -- events ------------------------------------------------------------------------
    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.position_at(event.pos())
            text = self.tooltip_for(position) if position is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        pos = event.position().toPoint()
        if (press is None or event.button() != Qt.MouseButton.LeftButton
                or (pos - press).manhattanLength() >= QApplication.startDragDistance()
                or self.textCursor().hasSelection() or self.anchorAt(pos)):
            return
        position = self.position_at(pos)
        if position is not None:
            self.clicked_at.emit(position)

    def wheelEvent(self, event) -> None:
        # The text edit's own Ctrl+wheel zoom would fight the reader's sizes; ask the reader.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.menu_requested.emit(event.globalPos())
        event.accept()

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(self.content_offset())
        self._paint_quote_rules(painter)
        self._paint_strong_underlines(painter)
        self._paint_page_breaks(painter)
        if self.outline is not None:
            # A faint wash keeps the tints beneath visible; the stroke says "this one".
            wash = QColor(self.outline_colour)
            wash.setAlpha(34)
            painter.setPen(QPen(self.outline_colour, 1.6))
            painter.setBrush(wash)
            for rect in self.range_rects(*self.outline):
                painter.drawRoundedRect(rect.adjusted(-2.5, -1.5, 2.5, 1.5), 3.5, 3.5)
        painter.end()

    def visible_blocks(self):
        """The blocks that intersect the viewport, top to bottom."""
        layout = self.document().documentLayout()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            if rect.bottom() >= top:
                yield block, rect
            block = block.next()

    def _paint_page_breaks(self, painter: QPainter) -> None:
        """A dashed rule above the line where a page of the original begins, with its number."""
        if not self.page_breaks:
            return
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        doc = self.document()
        layout = doc.documentLayout()
        margin = doc.documentMargin()
        right = doc.size().width() - margin
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        for position, page in self.page_breaks:
            block = doc.findBlock(position)
            if not block.isValid():
                continue
            rect = layout.blockBoundingRect(block)
            if rect.bottom() < top or rect.top() > bottom:
                continue
            line = block.layout().lineForTextPosition(position - block.position())
            if not line.isValid():
                continue
            y = rect.top() + line.y() - 1.5
            x = rect.left() + _x_of(line, position - block.position())
            label = f"p. {page}"
            width = metrics.horizontalAdvance(label) + 8
            painter.setPen(QPen(self.rule_colour.darker(125), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, y), QPointF(right - width, y))
            painter.setPen(self.rule_colour.darker(170))
            painter.drawText(QRectF(right - width, y - metrics.height() / 2, width, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)

    def _paint_quote_rules(self, painter: QPainter) -> None:
        if "quote" not in self.quote_kinds:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.rule_colour)
        # The rule sits at the column's left edge; the quote itself is indented past it.
        left = self.document().documentMargin() + 2
        for block, rect in self.visible_blocks():
            number = block.blockNumber()
            if number >= len(self.quote_kinds) or self.quote_kinds[number] != "quote":
                continue
            lines = block.layout()
            if lines.lineCount() == 0:
                continue
            first, last = lines.lineAt(0), lines.lineAt(lines.lineCount() - 1)
            top, bottom = rect.top() + first.y(), rect.top() + last.y() + last.height()
            painter.drawRoundedRect(QRectF(left, top, 3, bottom - top), 1.5, 1.5)

    def _paint_strong_underlines(self, painter: QPainter) -> None:
        # Qt draws every claim's underline one pixel thick; strong claims get a second stroke
        # just beneath it, so the weight of the line follows the score.
        if not self.strong_underlines:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for block, rect in self.visible_blocks():
            marks = self.strong_underlines.get(block.blockNumber())
            if not marks:
                continue
            metrics = QFontMetricsF(block.charFormat().font())
            width = max(1.0, metrics.lineWidth())
            drop = metrics.underlinePos() + width
            for lo, hi, colour in marks:
                painter.setPen(QPen(colour, width))
                for line, x1, x2 in self._line_spans(block, lo, hi):
                    y = rect.top() + line.y() + line.ascent() + drop
                    painter.drawLine(QPointF(rect.left() + x1, y), QPointF(rect.left() + x2, y))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    @staticmethod
    def _line_spans(block: QTextBlock, lo: int, hi: int):
        """Yield ``(line, x1, x2)`` for the part of each line of ``block`` within ``lo:hi``."""
        text_layout = block.layout()
        text = block.text()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            a, b = max(lo, line.textStart()), min(hi, line.textStart() + line.textLength())
            while a < b <= len(text) and text[b - 1].isspace():   # the space where a line wraps stays bare
                b -= 1
            if a < b:
                x1, x2 = _x_of(line, a), _x_of(line, b)
                yield line, min(x1, x2), max(x1, x2)

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Document-coordinate rectangles covering a document range, one per line it touches."""
        doc = self.document()
        layout = doc.documentLayout()
        rects: list[QRectF] = []
        block = doc.findBlock(start)
        while block.isValid() and block.position() < end:
            origin = layout.blockBoundingRect(block).topLeft()
            lo, hi = max(start - block.position(), 0), min(end - block.position(), block.length() - 1)
            for line, x1, x2 in self._line_spans(block, lo, hi):
                rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
            block = block.next()
        return rects


def _x_of(line: QTextLine, position: int) -> float:
    """Where a text position lies on its line (PySide returns Qt's (x, position) pair)."""
    found = cast("tuple[float, int]", line.cursorToX(position))
    return found[0]
