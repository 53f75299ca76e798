"""A Glossator window, offscreen, that lists its library's folder in a file dialog and then
adds notes until it is killed.

Run as ``python window_victim.py DB ACK_LOG ARTICLE_ID DIALOG GUARD`` where DIALOG is ``safe``
(the dialog code the window uses) or ``plain`` (Qt's stock dialog, which reads each listed
file), and GUARD is ``on`` or ``off`` (off: the connection is never rechecked, as before the
guard existed). It prints ``listed`` once the dialog has listed the folder, then adds a note
every few milliseconds from the event loop and appends ``note ID BODY`` to ACK_LOG after each
commit returns. A ``backup`` line on stdin takes a backup from this process and prints
``backup PATH``; ``reconnects`` prints how often the guard reconnected.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from glossator.core import store
from glossator.core.store import backups, models
from glossator.core.store.guarded_database import GuardedSqliteDatabase
from glossator.ui import file_dialogs
from glossator.ui.main_window import MainWindow
from glossator.ui.settings import Settings

WRITE_EVERY_MS = 15


class Victim:
    """The window, its dialog and the note writer."""

    def __init__(self, db: Path, ack_path: str, article_id: int, dialog: str):
        self.db, self.article_id = db, article_id
        self.ack = open(ack_path, "a", encoding="utf-8", buffering=1)
        self.reconnects = 0
        settings = Settings(QSettings(str(db.parent / "victim.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(settings=settings)
        self.window.library_watch.reconnected.connect(self._count)
        self.window.show()
        folder = str(db.parent)
        if dialog == "safe":
            self.dialog = file_dialogs.safe_dialog(self.window, "Open Articles", folder, "All files (*)")
        else:
            self.dialog = QFileDialog(self.window, "Open Articles", folder, "All files (*)")
            self.dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        model = self.dialog.findChild(QFileSystemModel)
        model.directoryLoaded.connect(self._listed)
        self.dialog.show()
        self.length = len(store.get_article(article_id).text)
        self.n = 0
        self.listed = False
        self.writer = QTimer()
        self.writer.setInterval(WRITE_EVERY_MS)
        self.writer.timeout.connect(self.write_one)
        self.stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.stdin.activated.connect(self._command)

    def _count(self, _message: str) -> None:
        self.reconnects += 1

    def _listed(self, _folder: str) -> None:
        if self.listed:
            return
        self.listed = True
        # The type and icon of each file are gathered in a thread after the listing; give
        # it time to reach the library's files.
        QTimer.singleShot(1500, self._start_writing)

    def _start_writing(self) -> None:
        print("listed", flush=True)
        self.writer.start()

    def write_one(self) -> None:
        self.n += 1
        start = (self.n * 37) % (self.length - 12)
        body = f"window note {os.getpid()}-{self.n}"
        note = store.add_note(self.article_id, start, start + 5, body)
        self.ack.write(f"note {note.id} {body}\n")

    def _command(self) -> None:
        line = sys.stdin.readline().strip()
        if line == "backup":
            path = backups.write_backup(models.DB.connection(), self.db, "manual")
            print(f"backup {path}", flush=True)
        elif line == "reconnects":
            print(f"reconnects {self.reconnects}", flush=True)
        elif not line:
            self.stdin.setEnabled(False)


def main() -> None:
    db, ack_path, article_id, dialog, guard = sys.argv[1:6]
    if guard == "off":
        GuardedSqliteDatabase.hold_problem = lambda self: None  # type: ignore[method-assign]
    app = QApplication([])
    store.open_database(db)
    victim = Victim(Path(db), ack_path, int(article_id), dialog)
    app.exec()
    del victim


if __name__ == "__main__":
    main()
