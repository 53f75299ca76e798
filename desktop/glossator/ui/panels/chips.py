"""Small painted icons for item views: colour chips, status dots and a note glyph.

Drawn rather than loaded so they follow the palette (light or dark) and need no icon theme.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QWidget

CHIP_SIZE = 12


def is_dark(widget: QWidget) -> bool:
    """Whether the widget is drawn on a dark background (a dark theme or palette)."""
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def chip_icon(fill: QColor, outline: QColor, size: int = CHIP_SIZE) -> QIcon:
    """A rounded square of ``fill``; the outline keeps pale tints visible on a pale row."""
    pixmap, painter = _canvas(size)
    painter.setPen(QPen(outline, 1))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    painter.end()
    return QIcon(pixmap)


def dot_icon(fill: QColor | None, outline: QColor, size: int = CHIP_SIZE) -> QIcon:
    """A filled circle, or a hollow ring when ``fill`` is None (an unset state)."""
    pixmap, painter = _canvas(size)
    painter.setPen(QPen(fill if fill is not None else outline, 1.5))
    painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
    inset = size * 0.22
    painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
    painter.end()
    return QIcon(pixmap)


def note_icon(ink: QColor, size: int = CHIP_SIZE) -> QIcon:
    """A page with three lines of writing, for a note."""
    pixmap, painter = _canvas(size)
    painter.setPen(QPen(ink, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(2.5, 1.5, size - 5, size - 3), 1.5, 1.5)
    for i, y in enumerate((4.5, 6.5, 8.5)):
        right = size - 4.5 - (2 if i == 2 else 0)
        painter.drawLine(QPointF(4.5, y), QPointF(right, y))
    painter.end()
    return QIcon(pixmap)


def outline_colour(widget: QWidget) -> QColor:
    """A border colour with enough contrast against the view's base on either theme."""
    return widget.palette().color(QPalette.ColorRole.Mid)
