"""File > Restore from Backup: put one of the library's backups back in place of the library.

The library in use is never deleted or written over. The chosen backup is checked first (a
damaged, foreign or too new one changes nothing); then the library is closed, renamed aside
with its journal files (``<name>.replaced-<time>``) and
a checked copy of the backup takes its place and is opened.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from glossator.core.errors import GlossatorError
from glossator.core.services import maintenance
from glossator.core.services.maintenance import Backup

if TYPE_CHECKING:
    from glossator.ui.main_window import MainWindow

COLUMNS = ("Taken", "Kind", "Size", "Articles", "Notes")


def local_time(backup: Backup) -> str:
    """When the backup was taken, in the computer's time zone."""
    taken = backup.taken.replace(tzinfo=UTC).astimezone()
    return f"{taken:%d %b %Y, %H:%M:%S}"


def kind_label(kind: str) -> str:
    """A backup's kind as the reader knows it."""
    if kind.startswith("upgrade-from-v"):
        return f"Before an upgrade (from schema {kind.removeprefix('upgrade-from-v')})"
    return {"daily": "Daily", "manual": "Made with 'glossator db backup'",
            "rescued": "Kept when the library was changed under the window"}.get(kind, kind)


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


class RestoreDialog(QDialog):
    """The backups of a library, newest first, and what restoring one of them does."""

    def __init__(self, db_path: Path, found: list[Backup], parent=None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from Backup")
        self.found = found
        explanation = QLabel(
            "Choose the backup to put back. Everything you changed since it was taken will be "
            "missing from the library.\n\n"
            f"Your current library is not deleted: it is closed and kept, under the name "
            f"{db_path.name}.replaced-<date and time>, in {db_path.parent}. Backups are in "
            f"{maintenance.backup_folder(db_path)}.\n\nClose any other Glossator window first: it would "
            "go on writing to the file set aside.", self)
        explanation.setWordWrap(True)
        explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("backupList")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        for backup in found:
            self.tree.addTopLevelItem(self._item(backup))
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._choose_row(0)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(lambda item, _old: self.restore_button.setEnabled(item is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 360)

    def _item(self, backup: Backup) -> QTreeWidgetItem:
        contents = maintenance.backup_contents(backup.path)
        articles, notes = (str(n) for n in contents) if contents else ("?", "?")
        item = QTreeWidgetItem([local_time(backup), kind_label(backup.kind), file_size(backup.path.stat().st_size),
                                articles, notes])
        for column in range(len(COLUMNS)):
            item.setToolTip(column, str(backup.path) if contents else f"{backup.path} cannot be read")
        for column in (2, 3, 4):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def select(self, path: Path) -> None:
        """Make the backup at ``path`` the chosen one."""
        self._choose_row(next(i for i, backup in enumerate(self.found) if backup.path == path))

    def _choose_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def selected_backup(self) -> Backup | None:
        item = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(item) if item is not None else -1
        return self.found[row] if row >= 0 else None


def restore_from_backup(window: MainWindow) -> None:
    """The whole command: choose, check, swap the files, reopen, and refresh the window."""
    path = maintenance.library_path()
    found = maintenance.list_backups(path)
    if not found:
        QMessageBox.information(
            window, "No backups yet",
            f"There is no backup of this library yet. Backups are kept in {maintenance.backup_folder(path)}: "
            "Glossator makes one the first time it opens the library each day and one before each "
            "upgrade, and 'glossator db backup' makes one at any time.")
        return
    dialog = RestoreDialog(path, found, window)
    backup = dialog.selected_backup() if dialog.exec() == QDialog.DialogCode.Accepted else None
    if backup is None:
        return
    problems = maintenance.check_library(backup.path)
    if problems:
        QMessageBox.warning(
            window, "Cannot restore this backup",
            f"The backup taken {local_time(backup)} cannot be used: {problems[0]}.\n\n"
            "Your library was not changed.")
        return
    if not window.settle_background_work():
        QMessageBox.information(
            window, "Glossator is busy",
            "Glossator is still reading or analysing articles. Try again once it has finished; "
            "your library was not changed.")
        return
    try:
        aside = maintenance.swap_in(path, backup.path)
    except GlossatorError as exc:
        reopened = maintenance.is_open(path)
        if reopened:
            window.library_replaced()
        then = ("The library you were using is open again." if reopened else
                f"Glossator could not open the library again: quit it, and its files in {path.parent} "
                "will be checked when it starts.")
        QMessageBox.warning(window, "Restore failed", f"{exc}\n\n{then}")
        return
    window.library_replaced()
    kept = f" Your previous library was kept as {aside}." if aside else ""
    window.statusBar().showMessage(
        f"Restored the backup taken {local_time(backup)} ({kind_label(backup.kind).lower()}).{kept}", 30_000)

