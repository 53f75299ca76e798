"""File > Back Up Library Now: a checked copy of the library in its backups folder, made on
the library worker while the reader goes on. Manual copies are never rotated away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from glossator.core.services import maintenance, worker
from glossator.ui.actions import Act
from glossator.ui.library_jobs import LibraryJob
from glossator.ui.window_context import WindowContext


class BackupNow(QObject):
    """Runs the action; one copy at a time."""

    def __init__(self, ctx: WindowContext):
        super().__init__(ctx.host)
        self.ctx = ctx
        self.job: LibraryJob | None = None
        self.action = ctx.acts[Act.BACKUP_NOW]
        self.action.triggered.connect(self.start)

    def start(self) -> LibraryJob | None:
        if self.job is not None:
            return None
        self.action.setEnabled(False)
        self.ctx.say("Backing up the library…")
        self.job = LibraryJob(worker.in_background(maintenance.make_backup, priority=worker.INTERACTIVE), self)
        self.job.succeeded.connect(self._done)
        self.job.failed.connect(self._failed)
        return self.job

    def _done(self, path: Path) -> None:
        self._finish()
        self.ctx.say(f"Backed up the library to {path}", 10000)

    def _failed(self, message: str) -> None:
        self._finish()
        self.ctx.say("The backup failed", 8000)
        QMessageBox.warning(self.ctx.host, "Backup failed", f"{message}\n\nYour library was not changed.")

    def _finish(self) -> None:
        self.job = None
        self.action.setEnabled(True)
