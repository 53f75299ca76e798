"""One way to tell the reader that something could not be done.

A ``GlossatorError`` is the reader's business (a bad link, a full disk, a note deleted in
another view): its one sentence is shown, in a message box, or in the status bar when the
thing it was about has simply gone. Any other exception is a bug: it is not caught here, so
it reaches the crash handler, which writes its traceback to the error log and says where.
For work on other threads, ``describe_bug`` logs a bug the same way and gives the sentence
to show.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from glossator.core.errors import GlossatorError, NotFoundError
from glossator.ui import crash_handler


def push(stack: QUndoStack, command: QUndoCommand, parent: QWidget | None, title: str = "Cannot do that") -> bool:
    """Do ``command`` through the undo stack; True if it was done.

    A refusal is shown and the command is not kept; a bug goes on to the crash handler.
    """
    try:
        stack.push(command)
    except GlossatorError as exc:
        # The command's own words: the exception Qt passes on has Qt's in front of them.
        message = getattr(command, "failure", None) or str(exc)
        if isinstance(exc, NotFoundError):
            show_gone(parent, message)
        else:
            QMessageBox.warning(parent, title, sentence(message))
        return False
    return True


def sentence(message: str) -> str:
    """A refusal's message as one sentence with a capital letter."""
    text = " ".join(message.split()) or "It could not be done."
    return text[:1].upper() + text[1:]


def show_gone(parent: QWidget | None, reason: str) -> None:
    """What the reader was editing went away meanwhile (deleted in another view or window)."""
    window = parent.window() if parent is not None else None
    message = f"Not saved: {sentence(reason)}"
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 8000)
    else:
        QMessageBox.information(parent, "Not saved", message)


def describe_bug(exc: BaseException) -> str:
    """Write a bug met off the GUI thread to the error log; the sentence to show for it."""
    written, log_path = crash_handler.log_exception(exc)
    where = f"details were written to {log_path}" if written else "details were printed on the terminal"
    summary = " ".join(str(exc).split()) or type(exc).__name__
    return f"Something went wrong ({type(exc).__name__}: {summary[:200]}); {where}."
