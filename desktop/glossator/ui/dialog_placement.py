"""Placing a dialog beside the passage it is about, so the passage stays in sight."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

GAP = 12


def place_beside(dialog: QWidget, passage: QRect | None) -> None:
    """Move ``dialog`` below the passage (global coordinates), else above it, else beside it,
    always within the screen; without a passage it keeps Qt's placement."""
    if passage is None or passage.isEmpty():
        return
    dialog.adjustSize()
    size = dialog.frameGeometry().size() if dialog.isVisible() else dialog.sizeHint()
    screen = QGuiApplication.screenAt(passage.center()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    x = min(max(passage.left(), area.left()), area.right() - size.width())
    if passage.bottom() + GAP + size.height() <= area.bottom():
        point = QPoint(x, passage.bottom() + GAP)
    elif passage.top() - GAP - size.height() >= area.top():
        point = QPoint(x, passage.top() - GAP - size.height())
    elif passage.right() + GAP + size.width() <= area.right():
        point = QPoint(passage.right() + GAP, max(area.top(), passage.top()))
    else:
        point = QPoint(max(area.left(), passage.left() - GAP - size.width()), max(area.top(), passage.top()))
    dialog.move(point)

