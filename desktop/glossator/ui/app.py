"""Start the desktop application: the window appears at once; the model loads later, in the
background, when the first article needs it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from glossator import __version__
from glossator.core import store
from glossator.core.errors import GlossatorError


def run(files: list[str], db: str | None = None) -> int:
    """Run the window until it is closed, opening ``files`` once it shows."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Glossator")
    app.setOrganizationName("Glossator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.glossator.Glossator")
    app.setWindowIcon(QIcon.fromTheme("accessories-text-editor"))
    try:
        store.open_database(db)
    except GlossatorError as exc:
        QMessageBox.critical(None, "Cannot open the library", str(exc))
        return 2

    from glossator.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if files:
        QTimer.singleShot(0, lambda: window.open_files(files))
    code = app.exec()
    window.pools.wait()
    store.close_database()
    return code
