"""The running QApplication, typed as one (Qt hands back its base class, or None)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The application object, made on first use (a window needs one)."""
    app = QApplication.instance()
    if app is None:
        return QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication without widgets is running; Glossator needs a QApplication")
    return app
