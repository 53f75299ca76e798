"""Files (and addresses) that could not be opened, told in one message box.

Opening several files at once reads them side by side; those that fail are gathered until
the rest have been read, then shown together, not as a pile of overlapping boxes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

SETTLE_MS = 120


def sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


class OpenFailures(QObject):
    """Collects failures; ``still_reading()`` says whether more results may follow."""

    def __init__(self, host: QWidget, still_reading: Callable[[], bool]):
        super().__init__(host)
        self.host = host
        self.still_reading = still_reading
        self.pending: list[tuple[str, str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._settle)

    def add(self, path: str, message: str) -> None:
        self.pending.append((path, message))
        self._timer.start()

    def _settle(self) -> None:
        if self.still_reading():
            self._timer.start()
            return
        failures, self.pending = self.pending, []
        if len(failures) == 1:
            QMessageBox.warning(self.host, "Cannot open article", sentence(failures[0][1]))
        elif failures:
            listed = "\n".join(f"• {sentence(message)}" for _path, message in failures)
            QMessageBox.warning(self.host, f"Cannot open {len(failures)} articles",
                                f"{len(failures)} of the articles could not be opened:\n\n{listed}")
