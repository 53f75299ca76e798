"""One thread that owns the library's connection and runs every service call, by priority.

A face that must never wait on the disk (the window) installs a ``LibraryWorker``; from then
on every service function called on another thread is carried out here (``front_door``):

- an interactive call (``call``) waits for its result, and goes before everything queued;
- a single background job (``submit``) returns a ``Future``;
- a long job (``submit_steps``) is a generator that yields after each chunk, each in its own
  transaction, and is queued again after every chunk, so interactive calls slip in between.

Without a worker (the command line, most tests) service functions simply run where they are
called. A service that calls another on the worker thread runs it directly.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import threading
from collections.abc import Callable, Generator
from concurrent.futures import Future
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

INTERACTIVE = 0  # the reader is waiting: before anything else
BACKGROUND = 1   # one job whose result the window shows when it comes (an analysis saved)
LONG = 2         # a chunk of a long job (re-labelling the library); interactive calls go first


class WorkerStopped(RuntimeError):
    """The worker was stopped; nothing more can run on it."""


class LibraryWorker:
    """The thread that owns the library connection, with its queue of calls."""

    def __init__(self, name: str = "library"):
        self._queue: list[tuple[int, int, Callable[[], None]]] = []
        self._order = itertools.count()
        self._ready = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # -- asking for work ------------------------------------------------------------------
    def on_worker_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` on the worker before anything queued and wait for its result (or error)."""
        if self.on_worker_thread():
            return fn(*args, **kwargs)
        return self.submit(fn, *args, priority=INTERACTIVE, **kwargs).result()

    def submit(self, fn: Callable[..., T], *args: Any, priority: int = BACKGROUND, **kwargs: Any) -> Future[T]:
        """Queue ``fn``; its ``Future`` holds the result or the exception."""
        future: Future[T] = Future()

        def job() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # noqa: BLE001 - handed on whole to whoever waits
                future.set_exception(exc)

        self._put(priority, job)
        return future

    def submit_steps(self, steps: Generator[Any, None, T], priority: int = LONG) -> Future[T]:
        """Run a generator one step at a time, queued again after each ``yield``; the future
        holds what it returns. Cancelling the future stops it before its next step."""
        future: Future[T] = Future()
        if not future.set_running_or_notify_cancel():
            return future

        def step() -> None:
            if future.cancelled():
                steps.close()
                return
            try:
                next(steps)
            except StopIteration as done:
                future.set_result(done.value)
            except BaseException as exc:  # noqa: BLE001 - handed on whole to whoever waits
                future.set_exception(exc)
            else:
                self._put(priority, step)

        self._put(priority, step)
        return future

    def stop(self, timeout: float = 30.0) -> None:
        """Finish what is queued, then end the thread."""
        with self._ready:
            self._stopping = True
            self._ready.notify()
        if not self.on_worker_thread():
            self._thread.join(timeout)

    # -- the thread -----------------------------------------------------------------------
    def _put(self, priority: int, job: Callable[[], None]) -> None:
        with self._ready:
            if self._stopping:
                raise WorkerStopped("the library worker has stopped")
            heapq.heappush(self._queue, (priority, next(self._order), job))
            self._ready.notify()

    def _run(self) -> None:
        while True:
            with self._ready:
                while not self._queue and not self._stopping:
                    self._ready.wait()
                if not self._queue:
                    return
                _, _, job = heapq.heappop(self._queue)
            job()


_installed: LibraryWorker | None = None


def install(worker: LibraryWorker | None) -> None:
    """Make ``worker`` the one every service call goes through (None: run them in place)."""
    global _installed
    _installed = worker


def installed() -> LibraryWorker | None:
    return _installed


def front_door(fn: Callable[P, T]) -> Callable[P, T]:
    """A service function: carried out on the installed worker, when there is one."""

    @functools.wraps(fn)
    def through_the_worker(*args: P.args, **kwargs: P.kwargs) -> T:
        worker = _installed
        if worker is None or worker.on_worker_thread():
            return fn(*args, **kwargs)
        return worker.call(fn, *args, **kwargs)

    return through_the_worker


def in_background(fn: Callable[..., T], *args: Any, priority: int = BACKGROUND, **kwargs: Any) -> Future[T]:
    """Run a service on the worker without waiting; without a worker, at once, here."""
    worker = _installed
    if worker is None:
        return _done_here(fn, *args, **kwargs)
    return worker.submit(fn, *args, priority=priority, **kwargs)


def in_steps(steps: Generator[Any, None, T]) -> Future[T]:
    """Run a long service job chunk by chunk on the worker; without a worker, whole, here."""
    worker = _installed
    if worker is None:
        def drain() -> T:
            while True:
                try:
                    next(steps)
                except StopIteration as done:
                    return done.value
        return _done_here(drain)
    return worker.submit_steps(steps)


def _done_here(fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
    future: Future[T] = Future()
    future.set_running_or_notify_cancel()
    try:
        future.set_result(fn(*args, **kwargs))
    except BaseException as exc:  # noqa: BLE001 - handed on whole to whoever waits
        future.set_exception(exc)
    return future
