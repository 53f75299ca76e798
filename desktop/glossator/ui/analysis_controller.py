"""Opening files (and pasted text) and analysing articles in the background, one place for both.

Files and pasted text are read on the I/O pool and analyses run on the single NLP thread;
what they give back is stored through the core services when the result comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from glossator.core.readers import PasswordNeeded
from glossator.core.services import articles, worker
from glossator.ui.background import BackgroundTask, Pools
from glossator.ui.library_jobs import LibraryJob


@dataclass(frozen=True)
class NeedsPassword:
    """What reading an encrypted PDF without its (right) password gives."""

    wrong: bool
    message: str


def _read_file(path: str, password: str | None):
    """Read a file (on the I/O pool); an encrypted PDF gives NeedsPassword instead of failing."""
    try:
        reading = articles.read_file(path, password=password)
    except PasswordNeeded as exc:
        return NeedsPassword(exc.wrong, str(exc))
    return reading


class AnalysisController(QObject):
    """Reads files and runs analyses off the GUI thread; reports through signals."""

    article_opened = Signal(int, str)       # article id, path or address ('' for pasted text)
    import_reported = Signal(int, str)      # article id, what an export brought back (one line)
    open_failed = Signal(str, str)          # path ('' for pasted text), message
    password_needed = Signal(str, bool, str)  # path of an encrypted PDF, whether a password was wrong, message
    analysis_started = Signal(int)
    analysis_progress = Signal(int, int, int)  # article id, done, total
    analysis_finished = Signal(int, bool)   # article id, whether the model ran
    analysis_failed = Signal(int, str)
    analysis_cancelled = Signal(int)
    busy_changed = Signal(bool)

    def __init__(self, pools: Pools, parent=None):
        super().__init__(parent)
        self.pools = pools
        self._reads: dict[str, BackgroundTask] = {}
        self._analyses: dict[int, BackgroundTask] = {}
        self._pasted = 0
        self._storing: dict[str, LibraryJob] = {}
        # Passwords of the encrypted PDFs opened in this session, by document digest, so their
        # pages can be drawn; never written anywhere.
        self.passwords: dict[str, str] = {}

    # -- state -------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return bool(self._reads or self._analyses or self._storing)

    def is_reading(self) -> bool:
        """Whether a file or page is still being read or stored (analyses aside)."""
        return bool(self._reads) or any(not key.startswith("analysis:") for key in self._storing)

    def is_analysing(self, article_id: int) -> bool:
        return article_id in self._analyses

    def pending(self) -> list[int]:
        return list(self._analyses)

    # -- opening -----------------------------------------------------------------------
    def open_file(self, path: str, password: str | None = None) -> None:
        """Read a file in the background; ``article_opened`` or ``open_failed`` follows, or
        ``password_needed`` for an encrypted PDF (open it again with its password)."""
        path = str(Path(path).expanduser())
        self._read(path, path, _read_file, path, password)

    def open_address(self, url: str) -> None:
        """Fetch one web page in the background; the signals name it by its address."""
        self._read(url, url, articles.read_address, url)

    def open_clipboard(self, html: str, text: str) -> None:
        """Read what was copied (its HTML, else its text) like a file; the signals name no path."""
        self._pasted += 1
        self._read(f"clipboard:{self._pasted}", "", articles.read_pasted, html, text)

    def _read(self, key: str, path: str, read, *args) -> None:
        if key in self._reads:
            return
        task = BackgroundTask(read, *args)
        task.succeeded.connect(lambda reading, k=key, p=path: self._read_done(k, p, reading))
        task.failed.connect(lambda message, k=key, p=path: self._read_failed(k, p, message))
        self._reads[key] = task
        self.busy_changed.emit(True)
        task.start(self.pools.io)

    def _read_done(self, key: str, path: str, reading) -> None:
        self._reads.pop(key, None)
        if isinstance(reading, NeedsPassword):
            self.password_needed.emit(path, reading.wrong, reading.message)
            self.busy_changed.emit(self.is_busy())
            return
        if reading.password:
            self.passwords[reading.article.metadata.get("document_sha256", "")] = reading.password
        # A full disk, a locked library: said in one sentence.
        self._store(key, worker.in_background(articles.store_reading, reading),
                    lambda done, p=path: self._stored(p, done.value),
                    lambda message, p=path: self.open_failed.emit(p, message))

    def _stored(self, path: str, report: articles.Imported) -> None:
        article_id = report.article.id
        self.article_opened.emit(article_id, path)
        if report.summary():
            self.import_reported.emit(article_id, report.summary())
        self.analyse(article_id)

    def _store(self, key: str, future, succeeded, failed) -> None:
        """Hand a write to the library worker; the controller is busy until it has landed."""
        job = LibraryJob(future, self)
        self._storing[key] = job
        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.succeeded.connect(lambda _result, k=key: self._stored_done(k))
        job.failed.connect(lambda _message, k=key: self._stored_done(k))

    def _stored_done(self, key: str) -> None:
        self._storing.pop(key, None)
        self.busy_changed.emit(self.is_busy())

    def pending_writes(self) -> list:
        """The futures of the writes still on their way to the library."""
        return [job.future for job in self._storing.values()]

    def _read_failed(self, key: str, path: str, message: str) -> None:
        self._reads.pop(key, None)
        self.open_failed.emit(path, message)
        self.busy_changed.emit(self.is_busy())

    # -- analysis ----------------------------------------------------------------------
    def analyse(self, article_id: int, *, force: bool = False) -> bool:
        """Analyse unless this model already did (then nothing runs); True if a task started."""
        if article_id in self._analyses:
            return True
        if not force and articles.cached_model(article_id) is not None:
            self.analysis_finished.emit(article_id, False)
            self.busy_changed.emit(self.is_busy())
            return False
        task = BackgroundTask(articles.run_analysis, articles.get_article(article_id).text,
                              rules=articles.entity_rules())
        task.progressed.connect(lambda done, total, a=article_id: self.analysis_progress.emit(a, done, total))
        task.succeeded.connect(lambda result, a=article_id: self._analysis_done(a, result))
        task.failed.connect(lambda message, a=article_id: self._analysis_failed(a, message))
        task.cancelled.connect(lambda a=article_id: self._analysis_cancelled(a))
        self._analyses[article_id] = task
        self.analysis_started.emit(article_id)
        self.busy_changed.emit(True)
        task.start(self.pools.nlp)
        return True

    def cancel(self, article_id: int | None = None) -> None:
        """Stop one analysis, or all of them."""
        for key, task in list(self._analyses.items()):
            if article_id is None or key == article_id:
                task.cancel()

    def _analysis_done(self, article_id: int, result) -> None:
        self._analyses.pop(article_id, None)
        # The article may have been deleted meanwhile: then the write fails with its reason.
        self._store(f"analysis:{article_id}", worker.in_background(articles.save_analysis, article_id, result),
                    lambda _done, a=article_id: self.analysis_finished.emit(a, True),
                    lambda message, a=article_id: self.analysis_failed.emit(a, message))

    def _analysis_failed(self, article_id: int, message: str) -> None:
        self._analyses.pop(article_id, None)
        self.analysis_failed.emit(article_id, message)
        self.busy_changed.emit(self.is_busy())

    def _analysis_cancelled(self, article_id: int) -> None:
        self._analyses.pop(article_id, None)
        self.analysis_cancelled.emit(article_id)
        self.busy_changed.emit(self.is_busy())
