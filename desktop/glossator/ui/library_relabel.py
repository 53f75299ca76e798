"""Re-labelling the whole library after an entity correction: offered, run in the background,
undoable.

A correction changes the article on screen at once (its undo command does that). The bar
under the article then offers to apply the rules to the other stored articles; that runs
off the interface thread, and the result lands as one command on the library's own undo
stack ("Undo Library Relabel"), which switching articles does not clear.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from glossator.core.services import articles, entities, worker
from glossator.ui.background import BackgroundTask
from glossator.ui.library_jobs import LibraryJob
from glossator.ui.window_context import WindowContext


class RelabelLibrary(QUndoCommand):
    """New entity marks for many articles; undo puts every article's previous marks back.

    The marks were written before the command was pushed, so its first redo does nothing.
    Later undos and redos run on the library worker in chunks, like the first writing, and
    the command owner hears of each when it has landed.
    """

    def __init__(self, relabel: LibraryRelabel, found: dict, previous: dict, text: str):
        super().__init__(text)
        self.relabel = relabel
        self.found = found
        self.previous = previous
        self._written = True

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        job = self.relabel.start(worker.in_steps(entities.relabelling_in_steps(self.found)))
        job.succeeded.connect(self._redone)

    def undo(self) -> None:
        job = self.relabel.start(worker.in_steps(entities.undo_relabelling_in_steps(self.previous)))
        job.succeeded.connect(lambda done: self.relabel.changed(done.changes))

    def _redone(self, done) -> None:
        self.previous = done.value
        self.relabel.changed(done.changes)


class CorrectionBar(QFrame):
    """A slim bar under the article asking whether a correction should reach the library."""

    apply_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("correctionBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.apply_button = QPushButton("Apply to All Articles", self)
        self.apply_button.setObjectName("applyToLibrary")
        self.apply_button.setToolTip("Re-label the entities of every stored article with your corrections")
        self.apply_button.clicked.connect(self._apply)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Not now: the correction still applies to articles analysed from now on")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.apply_button)
        layout.addWidget(close)
        self.hide()

    def ask(self, text: str) -> None:
        self.message.setText(text)
        self.show()

    def _apply(self) -> None:
        self.hide()
        self.apply_requested.emit()


class LibraryRelabel(QObject):
    """Offers, runs and records library-wide re-labelling for the reader's session."""

    finished = Signal(int)  # how many articles were re-labelled
    failed = Signal(str)

    def __init__(self, ctx: WindowContext):
        super().__init__(ctx.host)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        self.bar = CorrectionBar(ctx.host)
        self._include_current = False
        self.bar.apply_requested.connect(lambda: self.run(include_current=self._include_current))
        self.task: BackgroundTask | None = None
        self.jobs: set[LibraryJob] = set()

    def _targets(self, include_current: bool) -> list[int]:
        current = self.ctx.session.article_id
        return [s.id for s in articles.list_articles() if include_current or s.id != current]

    def offer(self, what: str, *, include_current: bool = False) -> None:
        """Ask (in the bar) whether to apply the rules to the library; silent if nothing else is stored."""
        count = len(self._targets(include_current))
        if not count:
            return
        self._include_current = include_current
        others = "other " if not include_current else ""
        plural = "s" if count != 1 else ""
        self.bar.ask(f"{what}. Apply your entity corrections to the {count} {others}stored article{plural} too?")

    def is_running(self) -> bool:
        return self.task is not None or bool(self.jobs)

    def pending_writes(self) -> list:
        """The futures of the re-labelling writes still on their way to the library."""
        return [job.future for job in self.jobs]

    def start(self, future) -> LibraryJob:
        """Follow a library job of the re-labelling until it lands."""
        job = LibraryJob(future, self)
        self.jobs.add(job)
        job.succeeded.connect(lambda _result, j=job: self.jobs.discard(j))
        job.failed.connect(lambda message, j=job: self._failed(message, j))
        return job

    def run(self, *, include_current: bool = False) -> None:
        """Re-label the stored articles in the background with the current rules.

        The texts are read, then analysed on the NLP thread, then written, each article's
        marks replaced, in chunks on the library worker; the window stays responsive."""
        if self.is_running():
            return
        targets = self._targets(include_current)
        if not targets:
            return
        self.ctx.say(f"Re-labelling the entities of {len(targets)} articles…")
        rules = articles.entity_rules()
        job = self.start(worker.in_steps(entities.library_texts_in_steps(targets)))
        job.succeeded.connect(lambda texts: self._analyse(texts, rules))

    def _analyse(self, texts: dict, rules: dict) -> None:
        if not texts:
            return
        self.task = BackgroundTask(entities.relabelled_entities, texts, rules)
        self.task.succeeded.connect(self._write)
        self.task.failed.connect(self._failed)
        self.task.start(self.ctx.tasks.nlp)

    def _write(self, found: dict) -> None:
        self.task = None
        job = self.start(worker.in_steps(entities.relabelling_in_steps(found)))
        job.succeeded.connect(lambda done: self._done(found, done))

    def _done(self, found: dict, done) -> None:
        count = len(done.value)
        self.undo_stack.push(RelabelLibrary(self, found, done.value, f"Relabel {count} Article{'s' * (count != 1)}"))
        self.changed(done.changes)
        self.ctx.say(
            f"Re-labelled {count} article{'s' * (count != 1)} (Edit > Undo Library Relabel puts them back)", 8000)
        self.finished.emit(count)

    def _failed(self, message: str, job: LibraryJob | None = None) -> None:
        self.task = None
        self.jobs.discard(job)
        self.ctx.say(f"Re-labelling failed: {message}", 8000)
        self.failed.emit(message)

    def changed(self, changes) -> None:
        self.ctx.session.apply(changes)
