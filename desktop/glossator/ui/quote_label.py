"""The quoted passage of an annotation: wrapped to the panel's width, cut to a few lines with an
ellipsis, with a coloured bar on its left like a blockquote."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

_BAR = 3
_GAP = 9


class QuoteLabel(QWidget):
    """Read-only text that wraps at word boundaries and shows at most ``max_lines`` lines.

    The full text is in the tooltip whenever part of it is hidden.
    """

    def __init__(self, text: str = "", max_lines: int = 4, parent=None):
        super().__init__(parent)
        self._text = ""
        self._max_lines = max_lines
        self._accent = QColor("#adb5bd")
        self._wrapped: dict[int, list[tuple[int, int]]] = {}  # width -> lines, for this text
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    def setText(self, text: str) -> None:
        # Line breaks inside a quote matter less than fitting it in: show it as one paragraph.
        self._text = " ".join(text.split())
        self._wrapped.clear()
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._wrapped.clear()  # a new font wraps differently

    def set_accent(self, colour: QColor) -> None:
        self._accent = QColor(colour)
        self.update()

    # -- layout ------------------------------------------------------------------------
    def _lines(self, width: int) -> list[tuple[int, int]]:
        """(start, length) of each wrapped line of the whole text at this width."""
        # Layouts ask for the height at a few widths over and over; wrapping once per width
        # keeps painting and resizing cheap.
        if width not in self._wrapped:
            if len(self._wrapped) > 16:
                self._wrapped.clear()
            self._wrapped[width] = self._wrap(width)
        return self._wrapped[width]

    def _wrap(self, width: int) -> list[tuple[int, int]]:
        layout = QTextLayout(self._text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        spans = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return spans

    def _text_width(self, width: int) -> int:
        return width - _BAR - _GAP

    def is_elided(self) -> bool:
        return len(self._lines(self._text_width(self.width()))) > self._max_lines

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        shown = min(self._max_lines, max(1, len(self._lines(self._text_width(width)))))
        return shown * self.fontMetrics().lineSpacing() + 4

    def sizeHint(self) -> QSize:
        return QSize(240, self.heightForWidth(240))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.fontMetrics().lineSpacing() + 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setToolTip(self._text if self.is_elided() else "")

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._accent)
        painter.drawRoundedRect(QRectF(0, 1, _BAR, self.height() - 2), 1.5, 1.5)
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = self.fontMetrics()
        width = self._text_width(self.width())
        spans = self._lines(width)
        x, y = _BAR + _GAP, 2 + metrics.ascent()
        for index, (start, length) in enumerate(spans[: self._max_lines]):
            last = index == self._max_lines - 1 and len(spans) > self._max_lines
            piece = self._text[start:] if last else self._text[start : start + length]
            if last:
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QPointF(x, y), piece.rstrip())
            y += metrics.lineSpacing()
        painter.end()
