"""File > Import Folder…: every article in a folder and its subfolders, read and analysed on
every core while the window stays usable, with progress and Cancel.

The batch runs on a thread of its own (its worker processes do the reading and analysis);
each file stored is reported back to the window, which refreshes the library as they come.
Cancel lets the files under way finish and keeps everything stored.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from glossator.core.batch_import import BatchItem, BatchReport, collect, default_jobs, import_many
from glossator.core.errors import GlossatorError
from glossator.ui import file_dialogs
from glossator.ui.actions import Act
from glossator.ui.window_context import WindowContext


class FolderImport(QObject):
    """The action, the progress dialog and the thread of one batch at a time."""

    item_done = Signal(object)   # BatchItem, from the batch's thread
    finished = Signal(object)    # BatchReport, or the message of a failure (str)

    def __init__(self, ctx: WindowContext, refresh_library):
        super().__init__(ctx.host)
        self.ctx = ctx
        self.refresh_library = refresh_library
        self.progress: QProgressDialog | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._done = 0
        self.jobs = default_jobs()
        # The library list is refreshed at most a few times a second while files arrive.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(400)
        self._refresh.timeout.connect(self.refresh_library)
        self.item_done.connect(self._item_done, Qt.ConnectionType.QueuedConnection)
        self.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        ctx.acts[Act.IMPORT_FOLDER].triggered.connect(self.choose)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def choose(self) -> None:
        if self.is_running():
            self.ctx.say("A folder is being imported already.", 4000)
            return
        folder = file_dialogs.existing_folder(self.ctx.host, "Import Folder", "")
        if folder:
            self.start(folder)

    def start(self, folder: str) -> bool:
        """Import ``folder`` in the background; False when it holds no article."""
        paths, _ = collect([folder])
        if not paths:
            QMessageBox.information(self.ctx.host, "Nothing to import",
                                    f"{folder} holds no .txt, .md, .html, .epub or .pdf files.")
            return False
        self._stop.clear()
        self._done = 0
        self.progress = QProgressDialog(f"Importing {len(paths)} files…", "Cancel", 0, len(paths), self.ctx.host)
        self.progress.setWindowTitle("Import Folder")
        self.progress.setObjectName("folderImportProgress")
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.progress.show()
        jobs = min(self.jobs, len(paths))

        def work() -> None:
            try:
                report = import_many(paths, jobs=jobs, on_item=self.item_done.emit, stop=self._stop.is_set)
            except GlossatorError as exc:
                self.finished.emit(str(exc))
            else:
                self.finished.emit(report)

        self._thread = threading.Thread(target=work, name="folder-import", daemon=True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        self._stop.set()
        if self.progress is not None:
            self.progress.setLabelText("Stopping after the files under way…")

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _item_done(self, item: BatchItem) -> None:
        self._done += 1
        if self.progress is not None:
            self.progress.setValue(self._done)
            if not self._stop.is_set():
                self.progress.setLabelText(f"Imported {self._done} of {self.progress.maximum()}: "
                                           f"{item.title or item.path}")
        if not self._refresh.isActive():
            self._refresh.start()

    def _finished(self, outcome) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        self.refresh_library()
        if isinstance(outcome, str):
            QMessageBox.warning(self.ctx.host, "Import stopped", outcome[:1].upper() + outcome[1:])
            return
        report: BatchReport = outcome
        self.ctx.say(report.summary(), 15000)
        failed = [item for item in report.items if item.status == "failed"]
        if failed:
            listed = "\n".join(f"• {item.message}" for item in failed[:20])
            more = f"\n…and {len(failed) - 20} more" if len(failed) > 20 else ""
            QMessageBox.warning(self.ctx.host, "Some files could not be imported",
                                f"{report.summary()}.\n\n{listed}{more}")
