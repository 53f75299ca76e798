"""The last line of defence: an exception nobody handled becomes a log entry and a message box.

PySide hands exceptions raised in slots and overridden Qt methods to ``sys.excepthook``, and
Python threads hand theirs to ``threading.excepthook``; both end here. The traceback goes to
a log file in the user data folder, and the reader sees what happened, where the details
are, and that the library is safe (every edit is committed when it is made) instead of a
traceback on a terminal they may not even have.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from glossator import __version__
from glossator.core.errors import GlossatorError
from glossator.core.paths import user_data_dir

LOG_NAME = "glossator-errors.log"


def default_log_path() -> Path:
    """Where unexpected errors are logged: ``glossator-errors.log`` in the user data folder."""
    return user_data_dir() / LOG_NAME


_installed: CrashHandler | None = None


def log_exception(exc: BaseException) -> tuple[bool, Path]:
    """Write ``exc`` with its traceback to the error log (the installed handler's, else the
    default one) without showing anything; returns whether it was written, and where."""
    log_path = _installed.log_path if _installed is not None else default_log_path()
    return append_to_log(log_path, type(exc), exc, exc.__traceback__), log_path


_log_lock = threading.Lock()


def append_to_log(log_path: Path, exc_type, exc, tb) -> bool:
    """Add an entry with the traceback to the log; False (and the entry on stderr) if it cannot."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    entry = (f"--- {stamp}, glossator {__version__}, thread {threading.current_thread().name}\n"
             + "".join(traceback.format_exception(exc_type, exc, tb)) + "\n")
    with _log_lock:
        try:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            with log_path.open("a", encoding="utf-8") as handle:
                handle.write(entry)
            return True
        except OSError:
            sys.stderr.write(entry)
            return False


class CrashHandler(QObject):
    """Logs unhandled exceptions to ``log_path`` and tells the user, one message box at a time."""

    _report = Signal(str, str)  # title, text: carried to the GUI thread

    def __init__(self, log_path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_path = log_path or default_log_path()
        self.box: QMessageBox | None = None
        self.unshown = 0  # errors logged while a box was already on screen
        self._previous: Callable[..., object] | None = None
        self._previous_thread_hook: Callable[..., object] | None = None
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Route unhandled exceptions of every thread here."""
        global _installed
        _installed = self
        self._previous, sys.excepthook = sys.excepthook, self.handle
        self._previous_thread_hook = threading.excepthook
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        """Put back the hooks that were there before ``install``."""
        global _installed
        if _installed is self:
            _installed = None
        if self._previous is not None:
            sys.excepthook = self._previous
            if self._previous_thread_hook is not None:
                threading.excepthook = self._previous_thread_hook
            self._previous = None

    def handle(self, exc_type, exc, tb) -> None:
        """Log the exception and ask the GUI thread to tell the user; safe from any thread."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        written = self._log(exc_type, exc, tb)
        where = f"The details were written to {self.log_path}." if written else (
            f"The details could not be written to {self.log_path}; they were printed on the terminal.")
        if isinstance(exc, GlossatorError):
            # A user-fixable error that no dialog caught: its own message says it all.
            self._report.emit("Glossator", f"{exc}\n\n{where}")
            return
        summary = " ".join(str(exc).split()) or exc_type.__name__
        self._report.emit(
            "Something went wrong",
            f"Glossator met an unexpected error ({exc_type.__name__}: {summary[:300]}).\n\n"
            f"Your library is safe: every edit was saved when you made it.\n\n{where}",
        )

    def _log(self, exc_type, exc, tb) -> bool:
        return append_to_log(self.log_path, exc_type, exc, tb)

    def _show(self, title: str, text: str) -> None:
        if self.box is not None and self.box.isVisible():
            self.unshown += 1
            return
        parent = QApplication.activeWindow()
        self.box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        self.box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Not exec(): a modal loop inside an exception hook could re-enter the code that failed.
        self.box.open()
