"""Importing many files at once: a folder (recursively) or a list, read and analysed on every
core, stored one by one as they come back.

Reading and analysis run in worker processes (each loads the language model once); the
calling process only stores, so the library keeps its single writer. A file that cannot be
read is reported and skipped; the rest go on. Stopping (Ctrl+C, Cancel) keeps every file
stored so far and drops the rest cleanly.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossator.core.errors import GlossatorError
from glossator.core.readers import SUPPORTED_SUFFIXES

# A worker is given this many files ahead, so none waits while the others store.
QUEUE_PER_JOB = 2


def default_jobs() -> int:
    """One worker process per core, up to eight."""
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass(frozen=True)
class BatchItem:
    """What became of one file."""

    path: str
    status: str  # "imported", "unchanged" (already in the library), "failed"
    article_id: int | None = None
    title: str = ""
    message: str = ""
    entities: int = 0
    claims: int = 0


@dataclass
class BatchReport:
    items: list[BatchItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # not articles Glossator reads
    stopped: bool = False
    total: int = 0

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    def summary(self) -> str:
        """One line: how many were imported, already there, failed, and left when stopped."""
        parts = [f"{self.count('imported')} imported"]
        if self.count("unchanged"):
            parts.append(f"{self.count('unchanged')} already in the library")
        if self.count("failed"):
            parts.append(f"{self.count('failed')} could not be read")
        if self.stopped:
            parts.append(f"stopped with {self.total - len(self.items)} not imported")
        return f"{len(self.items)} of {self.total} files: " + ", ".join(parts)


def collect(refs: Iterable[str | os.PathLike]) -> tuple[list[Path], list[str]]:
    """The article files among ``refs`` (folders searched recursively, hidden files left out),
    each once, in order; and the refs that are neither (missing paths, other file types)."""
    found: list[Path] = []
    other: list[str] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.append(path)

    for ref in refs:
        path = Path(ref).expanduser()
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in candidate.relative_to(path).parts)
                if not hidden and candidate.is_file() and candidate.suffix.lower() in SUPPORTED_SUFFIXES:
                    add(candidate)
        elif path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            add(path)
        else:
            other.append(str(ref))
    return found, other


def _quiet_worker() -> None:
    """Workers leave Ctrl+C to the importing process, which stops them in order, and use one
    thread each for their numerical work, so that N workers share N cores without contention."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "GLOSSATOR_CLAIM_THREADS"):
        os.environ[name] = "1"


def read_and_analyse(path: str, analyse: bool, rules: dict[str, str]):
    """In a worker: the file's Reading and, unless asked not to, its analysis; or the reason it
    cannot be read (a string)."""
    from glossator.core.services import articles

    try:
        reading = articles.read_file(path)
    except GlossatorError as exc:
        return path, str(exc), None
    result = articles.run_analysis(reading.article.text, rules=rules) if analyse else None
    return path, reading, result


def _store(path: str, reading, result) -> BatchItem:
    from glossator.core.services import articles

    if isinstance(reading, str):
        return BatchItem(path, "failed", message=reading)
    try:
        before = articles.find_article(reading.article.text_hash)
    except GlossatorError:
        before = None
    try:
        stored = articles.store_reading(reading).value.article
        if result is not None and (before is None or articles.cached_model(stored.id) is None):
            articles.save_analysis(stored.id, result)
    except GlossatorError as exc:
        return BatchItem(path, "failed", message=str(exc))
    entities = sum(1 for span in result.spans if span.kind == "entity") if result is not None else 0
    claims = sum(1 for span in result.spans if span.kind == "claim") if result is not None else 0
    return BatchItem(path, "unchanged" if before is not None else "imported", stored.id, stored.shown_name,
                     entities=entities, claims=claims)


def import_many(
    paths: list[Path],
    *,
    jobs: int = 1,
    analyse: bool = True,
    on_item: Callable[[BatchItem], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> BatchReport:
    """Import ``paths`` with ``jobs`` worker processes (1: here, one after another).

    ``on_item`` hears of each file as it is stored; ``stop`` is asked between files. Ctrl+C
    stops too: the files under way are stored and reported, the rest are left (a second
    Ctrl+C stops at once); the report says how many were left.
    """
    from glossator.core.services import articles

    report = BatchReport(total=len(paths))
    rules = articles.entity_rules() if analyse else {}
    done = on_item or (lambda _item: None)
    interrupted = _Interrupts()
    asked = stop or (lambda: False)

    def should_stop() -> bool:
        return interrupted.seen or asked()

    def record(item: BatchItem) -> None:
        report.items.append(item)
        done(item)

    try:
        with interrupted:
            if jobs <= 1 or len(paths) <= 1:
                for path in paths:
                    if should_stop():
                        report.stopped = True
                        break
                    record(_store(*read_and_analyse(str(path), analyse, rules)))
                return report
            _in_processes(paths, jobs, analyse, rules, record, should_stop, report)
    except KeyboardInterrupt:
        report.stopped = True
    report.stopped = report.stopped or interrupted.seen
    return report


class _Interrupts:
    """While a batch runs on the main thread, the first Ctrl+C asks it to stop after the files
    under way (so nothing is stored without being reported); a second one stops at once."""

    def __init__(self) -> None:
        self.seen = False
        self._installed = False
        self._previous: Any = None

    def _handle(self, signum, frame) -> None:
        if self.seen:
            raise KeyboardInterrupt
        self.seen = True

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def __exit__(self, *exc) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False


def _context(analyse: bool):
    """Fork where it is safe (Linux, a process without threads: the command line), with the
    model loaded first so every worker shares it; else spawn (the window has threads)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        if analyse:
            from glossator.core.nlp.model import load_model

            load_model()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _in_processes(paths, jobs, analyse, rules, record, should_stop, report) -> None:
    context = _context(analyse)
    pending: set[Future] = set()
    path_of: dict[Future, str] = {}
    queue = [str(p) for p in paths]
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_quiet_worker)
    try:
        while queue or pending:
            while queue and len(pending) < jobs * QUEUE_PER_JOB and not should_stop():
                path = queue.pop(0)
                future = executor.submit(read_and_analyse, path, analyse, rules)
                path_of[future] = path
                pending.add(future)
            if should_stop() and not pending:
                report.stopped = True
                return
            finished, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    record(_store(*future.result()))
                except Exception as exc:  # noqa: BLE001 - one file crashing its worker must not end the batch
                    record(BatchItem(path_of[future], "failed", message=f"a worker process failed: {exc}"))
            if should_stop():
                report.stopped = True
                queue.clear()
    except BrokenProcessPool as exc:
        # The pool is gone (a worker killed, the machine out of memory): the rest are failures.
        for future in pending:
            record(BatchItem(path_of[future], "failed", message=f"a worker process stopped: {exc}"))
        for path in queue:
            record(BatchItem(path, "failed", message="not imported: the worker processes stopped"))
    except KeyboardInterrupt:
        report.stopped = True
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
