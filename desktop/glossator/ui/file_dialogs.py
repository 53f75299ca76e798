"""File dialogs that never open the files they list.

Qt's file dialog, and a desktop's native one running in this process, read the first bytes
of each listed file to guess its type and icon. Opening and closing the library file that
way drops every SQLite lock this process holds on it (POSIX locks belong to the process, and
any ``close()`` of the file releases them), after which another Glossator process deletes
the write-ahead log that this window still writes to. So every dialog here is Qt's own,
with an icon provider that names types from the file name alone.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the name and the folder flag: no file is opened."""

    def icon(self, what) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} File" if suffix else "File"


_PROVIDER: NameOnlyIconProvider | None = None


def name_only_icons() -> NameOnlyIconProvider:
    """The one provider all dialogs share (a dialog does not take ownership of it)."""
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    return _PROVIDER


def safe_dialog(parent: QWidget | None, caption: str, folder: str, filters: str) -> QFileDialog:
    """A Qt file dialog whose listing reads names and sizes only."""
    dialog = QFileDialog(parent, caption, folder, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(name_only_icons())
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []


def open_file_names(parent: QWidget | None, caption: str, folder: str, filters: str) -> list[str]:
    """Existing files the reader picks; empty when cancelled."""
    dialog = safe_dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def open_file_name(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    """One existing file the reader picks; "" when cancelled."""
    dialog = safe_dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def save_file_name(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    """Where the reader wants a file written; "" when cancelled. Overwriting is confirmed."""
    dialog = safe_dialog(parent, caption, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def existing_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    """A folder the reader picks; "" when cancelled."""
    dialog = safe_dialog(parent, caption, folder, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
