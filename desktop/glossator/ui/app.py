"""Start the desktop application: the window appears at once; the model loads later, in the
background, when the first article needs it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox

from glossator import __version__
from glossator.core.errors import GlossatorError, UnusableDatabaseError
from glossator.core.paths import resolve_db_path
from glossator.core.resources import resource_path, sample_article
from glossator.core.services import maintenance, worker
from glossator.ui.crash_handler import CrashHandler
from glossator.ui.library_recovery import recover_library
from glossator.ui.qt_app import application


def run(files: list[str], db: str | None = None, *, smoke_test: bool = False) -> int:
    """Run the window until it is closed, opening ``files`` once it shows.

    With ``smoke_test`` the window opens the files (the sample if none), waits for the
    analysis and quits by itself: 0 when the article shows its marks, 1 otherwise.
    """
    app = application()
    app.setApplicationName("Glossator")
    app.setOrganizationName("Glossator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.glossator.Glossator")
    app.setWindowIcon(QIcon(str(resource_path("icons", "glossator.svg"))))
    crashes = CrashHandler(parent=app)
    crashes.install()
    # From here on the library is opened, read and written on its own thread only.
    library = worker.LibraryWorker()
    worker.install(library)
    try:
        return _run_window(app, files, db, smoke_test)
    finally:
        worker.install(None)
        library.stop()
        crashes.uninstall()


def _run_window(app, files: list[str], db: str | None, smoke_test: bool) -> int:
    if not open_library(db):
        return 2

    from glossator.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if smoke_test:
        from glossator.ui import smoke_test as smoke

        files = files or [str(sample_article())]
        smoke.start(window)
    if files:
        QTimer.singleShot(0, lambda: window.open_files(files))
    else:
        QTimer.singleShot(0, window.reopen_last)
    code = app.exec()
    window.pools.wait()
    window.settle_background_work()
    maintenance.close_library()
    return code


def open_library(db: str | None = None) -> bool:
    """Open the library; for an unusable file, offer a backup or a new library. True once open."""
    try:
        maintenance.open_library(db)
        return True
    except UnusableDatabaseError as exc:
        return recover_library(resolve_db_path(db), str(exc))
    except GlossatorError as exc:
        QMessageBox.critical(None, "Cannot open the library", str(exc))
        return False
