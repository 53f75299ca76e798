"""A timer that rechecks the library's hold on its file while the window is idle."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from glossator.core.services.maintenance import recheck_hold

# Often enough to reconnect before the reader's next edit, cheap enough to be unnoticed
# (two file stats and one read of the kernel's lock list).
INTERVAL_MS = 1500

_log = logging.getLogger(__name__)


class LibraryWatch(QObject):
    """Emits ``reconnected(message)`` after it had to reconnect to the library."""

    reconnected = Signal(str)

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> str | None:
        """Check now; returns and emits the message when it reconnected."""
        message = recheck_hold()
        if message is not None:
            _log.warning("%s", message)
            self.reconnected.emit(message)
        return message
