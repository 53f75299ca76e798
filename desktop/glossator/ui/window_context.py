"""What the parts of the window share, handed to each part instead of the window itself.

A part (the annotate actions, the clipboard opener, the library re-labelling, the Entities
tab's menu) is given a ``WindowContext``: the reader's session, the undo stack, the settings,
the background task pools, the action table, a way to say something in the status bar and a
widget to own its dialogs. Library data comes from ``glossator.core.services`` (through the
library worker for anything that writes or runs long). A part never reaches into the window
for a sibling; what it needs of one is passed to it, or it emits a signal the window connects.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow

from glossator.ui import error_reporting
from glossator.ui.actions import Act
from glossator.ui.article_session import ArticleSession
from glossator.ui.background import Pools
from glossator.ui.settings import Settings


@dataclass(frozen=True)
class WindowContext:
    host: QMainWindow
    session: ArticleSession
    undo_stack: QUndoStack
    settings: Settings
    tasks: Pools
    acts: dict[Act, QAction]

    def say(self, message: str, timeout_ms: int = 0) -> None:
        """Show ``message`` in the status bar (for ``timeout_ms``, or until replaced)."""
        self.host.statusBar().showMessage(message, timeout_ms)

    def push(self, command: QUndoCommand) -> bool:
        """Do an undoable edit; a refusal is shown as one sentence and leaves no undo step."""
        return error_reporting.push(self.undo_stack, command, self.host)
