"""The choice offered when the library file is damaged, foreign or from a newer Glossator.

The reader can restore the newest backup that passes its check, or start a new library, or
quit. Either way the unusable file is renamed aside, never written to or deleted, so it can
still be rescued by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from glossator.core.errors import GlossatorError
from glossator.core.services import maintenance
from glossator.core.services.maintenance import Backup, usable_backup


class LibraryRecoveryDialog(QMessageBox):
    """Says what is wrong with the library and offers: restore the backup, new library, quit."""

    def __init__(self, path: Path, problem: str, backup: Backup | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Cannot open the library")
        self.setText("Glossator cannot open your library.")
        found = (f"The newest good backup was taken on {backup.taken:%d %B %Y at %H:%M} UTC."
                 if backup else "There is no usable backup of it.")
        self.setInformativeText(
            f"{problem}\n\n{found}\n\nWhatever you choose, the file {path.name} is kept as it is "
            "under a new name next to it."
        )
        self.backup = backup
        self.restore_button = None
        if backup is not None:
            self.restore_button = self.addButton("Restore the Backup", QMessageBox.ButtonRole.AcceptRole)
        self.new_button = self.addButton("Start a New Library", QMessageBox.ButtonRole.DestructiveRole)
        self.quit_button = self.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)
        self.setEscapeButton(self.quit_button)


def _ask(dialog: LibraryRecoveryDialog) -> QAbstractButton | None:
    dialog.exec()
    return dialog.clickedButton()


def recover_library(
    path: Path,
    problem: str,
    parent: QWidget | None = None,
    choose: Callable[[LibraryRecoveryDialog], QAbstractButton | None] = _ask,
) -> bool:
    """Offer the reader a way out; True once a library is open, False if they chose to quit."""
    while True:
        dialog = LibraryRecoveryDialog(path, problem, usable_backup(path), parent)
        clicked = choose(dialog)
        try:
            if clicked is not None and clicked is dialog.restore_button and dialog.backup is not None:
                maintenance.restore(path, dialog.backup.path)
                return True
            if clicked is dialog.new_button:
                maintenance.start_new_library(path)
                return True
            return False
        except GlossatorError as exc:
            # Say why, then offer the choice again (the folder may be read-only, say).
            problem = str(exc)
