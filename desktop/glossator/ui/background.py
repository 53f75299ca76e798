"""One way to run work off the GUI thread: a function runs in a pool, touches no widget, and
its result, error or progress comes back to the GUI thread through signals.

    task = BackgroundTask(fn, *args)
    task.succeeded.connect(on_result); task.failed.connect(on_error)
    task.start(pools.nlp)

``fn`` may accept keyword arguments ``progress`` (a callable taking done, total) and
``cancelled`` (a callable returning True once ``task.cancel()`` was called).
"""

from __future__ import annotations

import inspect
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from glossator.core.errors import GlossatorError
from glossator.core.nlp.analysis import AnalysisCancelled
from glossator.ui import error_reporting


class BackgroundTask(QObject):
    """A function to run in a thread pool, reporting back through queued signals."""

    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, fn, *args, **kwargs):
        super().__init__()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._cancel = threading.Event()
        params = inspect.signature(fn).parameters
        if "progress" in params:
            self._kwargs["progress"] = lambda done, total: self.progressed.emit(int(done), int(total))
        if "cancelled" in params:
            self._kwargs["cancelled"] = self._cancel.is_set

    def cancel(self) -> None:
        """Ask the function to stop at its next check."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool) -> None:
        """Queue the function on ``pool``; the task keeps itself alive until it has finished."""
        _running.add(self)
        self.finished.connect(lambda: _running.discard(self))
        pool.start(_Runner(self))

    def _run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except AnalysisCancelled:
            self.cancelled.emit()
        except GlossatorError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug: logged with its traceback, then reported
            self.failed.emit(error_reporting.describe_bug(exc))
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            self.finished.emit()


_running: set[BackgroundTask] = set()


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask):
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


class Pools:
    """Named pools: one thread for the NLP model (it is not shared between threads), and a
    small pool for reading files."""

    def __init__(self):
        self.nlp = QThreadPool()
        self.nlp.setMaxThreadCount(1)
        self.io = QThreadPool()
        self.io.setMaxThreadCount(2)

    def wait(self, msecs: int = 30_000) -> None:
        self.nlp.waitForDone(msecs)
        self.io.waitForDone(msecs)
