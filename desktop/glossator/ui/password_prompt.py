"""Asking for an encrypted PDF's password when it is opened; the password is kept in memory
for this session only, to draw the document's pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from glossator.ui.analysis_controller import AnalysisController


def ask_password(parent: QWidget, path: str, wrong: bool) -> str | None:
    """The password the reader types for ``path``, or None when they cancel."""
    name = Path(path).name
    prompt = (f"That password does not open “{name}”. Try again:" if wrong
              else f"“{name}” is encrypted. Its password:")
    text, ok = QInputDialog.getText(parent, "Password Needed", prompt, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def connect(parent: QWidget, controller: AnalysisController) -> None:
    """Ask whenever the controller meets an encrypted PDF; a cancel is a failure to open it."""

    def needed(path: str, wrong: bool, message: str) -> None:
        password = ask_password(parent, path, wrong)
        if password is None:
            controller.open_failed.emit(path, f"{message}; no password was given")
        else:
            controller.open_file(path, password)

    controller.password_needed.connect(needed)
