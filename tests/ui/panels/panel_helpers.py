"""Helpers shared by the panel tests: text offsets and driving shown widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


@dataclass
class Marked:
    """A stored article and the ids of what was marked in it."""

    id: int
    text: str
    ids: dict = field(default_factory=dict)


def show(qtbot, widget, width: int = 420, height: int = 260):
    """Show a panel offscreen at a dock-like size and wait until it is drawn."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, view, index, button=None) -> None:
    """Click the middle of a row's cell, as a reader would."""
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), button or Qt.MouseButton.LeftButton, pos=where)
