"""Keyboard triggers for item views, kept apart from ``activated``.

``QAbstractItemView.activated`` also fires on a single click under some styles, which
would run a panel's action twice per click; panels listen to ``clicked`` for the mouse
and to these triggers for the keyboard instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyTrigger(QObject):
    """Calls ``callback(current index)`` when one of ``keys`` is pressed in ``view``."""

    def __init__(self, view: QAbstractItemView, keys, callback: Callable[[QModelIndex], None]):
        super().__init__(view)
        self._view = view
        self._keys = tuple(keys)
        self._callback = callback
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in self._keys:
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            index = self._view.currentIndex()
            if index.isValid():
                self._callback(index)
                return True
        return False


def on_enter(view: QAbstractItemView, callback: Callable[[QModelIndex], None]) -> KeyTrigger:
    """Run ``callback`` on the current row when Enter or Return is pressed in ``view``."""
    return KeyTrigger(view, ENTER_KEYS, callback)
