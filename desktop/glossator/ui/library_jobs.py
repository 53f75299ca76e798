"""Library work the window does not wait for, landing back on the GUI thread.

``LibraryJob`` wraps the ``Future`` of a service call queued on the library worker
(``services.worker.in_background`` or ``in_steps``) and reports through signals on the GUI
thread, always after the call that made it has returned, even when the work was done at once
(no worker installed). A refusal comes as its one sentence; a bug is logged with its
traceback first (see ``error_reporting``).
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from glossator.core.errors import GlossatorError
from glossator.ui import error_reporting


class LibraryJob(QObject):
    """One queued library call; ``succeeded(result)`` or ``failed(message)`` follows."""

    succeeded = Signal(object)
    failed = Signal(str)
    _landed = Signal(object)

    def __init__(self, future: Future, parent: QObject | None = None):
        super().__init__(parent)
        self.future = future
        _pending.add(self)
        self._landed.connect(self._land, Qt.ConnectionType.QueuedConnection)
        future.add_done_callback(self._landed.emit)

    def cancel(self) -> None:
        """Stop a long job before its next step (a step under way finishes)."""
        self.future.cancel()

    def _land(self, future: Future) -> None:
        _pending.discard(self)
        if future.cancelled():
            return
        exc = future.exception()
        if exc is None:
            self.succeeded.emit(future.result())
        elif isinstance(exc, GlossatorError):
            self.failed.emit(error_reporting.sentence(str(exc)))
        else:
            self.failed.emit(error_reporting.describe_bug(exc))


# Kept alive until they land: nobody else need hold them.
_pending: set[Any] = set()
