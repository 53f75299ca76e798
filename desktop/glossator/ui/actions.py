"""Every command of the window as a QAction, made in one place: text, shortcut, status tip
and icon. Menus, the toolbar and context menus all reuse these same actions."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


class Act(enum.Enum):
    OPEN = "open"
    OPEN_ADDRESS = "open_address"
    IMPORT_FOLDER = "import_folder"
    NEW_FROM_CLIPBOARD = "new_from_clipboard"
    EXPORT_MARKDOWN = "export_markdown"
    BACKUP_NOW = "backup_now"
    RESTORE_BACKUP = "restore_backup"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    FIND = "find"
    COPY_CLAIM = "copy_claim"
    HIGHLIGHT = "highlight"
    ADD_NOTE = "add_note"
    ADD_SOURCE = "add_source"
    MARK_CLAIM = "mark_claim"
    NOT_ENTITY = "not_entity"
    REMOVE_ANNOTATION = "remove_annotation"
    REANALYSE = "reanalyse"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    SHOW_CLAIMS = "show_claims"
    SHOW_HIGHLIGHTS = "show_highlights"
    THEME_SYSTEM = "theme_system"
    THEME_LIGHT = "theme_light"
    THEME_DARK = "theme_dark"
    ABOUT = "about"
    PREFERENCES = "preferences"
    UNDO_RELABEL = "undo_relabel"
    REDO_RELABEL = "redo_relabel"
    GO_START = "go_start"
    GO_END = "go_end"
    NEXT_CLAIM = "next_claim"
    PREVIOUS_CLAIM = "previous_claim"
    NEXT_ENTITY = "next_entity"
    PREVIOUS_ENTITY = "previous_entity"
    NEXT_MINE = "next_mine"
    PREVIOUS_MINE = "previous_mine"
    LIBRARY_OPEN = "library_open"
    LIBRARY_DELETE = "library_delete"


@dataclass(frozen=True)
class Spec:
    text: str
    tip: str
    shortcut: QKeySequence.StandardKey | str | None = None
    theme_icon: str = ""
    style_icon: QStyle.StandardPixmap | None = None  # used when the theme has no icon
    checkable: bool = False
    tool_tip: str = ""  # when the tooltip should say more (or less) than the status tip
    # Where the shortcut works; None: the whole window.
    shortcut_context: Qt.ShortcutContext | None = None


_SK = QKeySequence.StandardKey
_SP = QStyle.StandardPixmap
SPECS: dict[Act, Spec] = {
    Act.OPEN: Spec("&Open…", "Open an article (.txt, .md, .html, .epub, .pdf)", _SK.Open, "document-open",
                   _SP.SP_DialogOpenButton),
    Act.OPEN_ADDRESS: Spec("Open &Address…", "Fetch one web page by its address (http or https) and read it",
                           "Ctrl+L", "network-server"),
    Act.IMPORT_FOLDER: Spec("Import &Folder…", "Import every article in a folder and its subfolders, on every core",
                            "Ctrl+Shift+O", "folder-open"),
    Act.NEW_FROM_CLIPBOARD: Spec("New Article from &Clipboard",
                                 "Read the article copied from a browser, a PDF or any other text",
                                 "Ctrl+Shift+V", "edit-paste"),
    Act.EXPORT_MARKDOWN: Spec("&Export…", "Export this article as annotated Markdown or W3C Web Annotation JSON-LD",
                              "Ctrl+E", "document-save-as", _SP.SP_DialogSaveButton),
    Act.BACKUP_NOW: Spec("&Back Up Library Now",
                         "Copy the library into its backups folder now; the copy is kept until you remove it",
                         theme_icon="document-save"),
    Act.RESTORE_BACKUP: Spec("&Restore from Backup…",
                             "Put one of the library's backups back; the current library is kept aside, not deleted",
                             theme_icon="document-revert"),
    Act.QUIT: Spec("&Quit", "Quit Glossator", _SK.Quit, "application-exit"),
    Act.UNDO: Spec("&Undo", "Undo the last edit", _SK.Undo, "edit-undo", _SP.SP_ArrowBack),
    Act.REDO: Spec("&Redo", "Redo the edit just undone", "Ctrl+Shift+Z", "edit-redo", _SP.SP_ArrowForward),
    Act.FIND: Spec("&Find…", "Find text in the article", _SK.Find, "edit-find", _SP.SP_FileDialogContentsView),
    Act.COPY_CLAIM: Spec("Copy Claim as &Markdown", "Copy the selected claim with its notes and sources as Markdown",
                         "Ctrl+Shift+C", "edit-copy"),
    Act.HIGHLIGHT: Spec("&Highlight", "Highlight the selected text", "Ctrl+H", "format-text-highlight"),
    Act.ADD_NOTE: Spec("Add &Note…", "Attach a note to the selected text or annotation", "Ctrl+Alt+N", "document-edit"),
    Act.ADD_SOURCE: Spec("Add &Source…", "Attach a source link to the selected text or annotation", "Ctrl+Alt+S",
                         "insert-link"),
    Act.MARK_CLAIM: Spec("Mark as &Claim", "Mark the selected text as a check-worthy claim", "Ctrl+Alt+C"),
    Act.NOT_ENTITY: Spec("&Not an Entity", "Remove this name's entity marks here and in every later article",
                         "Ctrl+Alt+X"),
    Act.REMOVE_ANNOTATION: Spec("&Remove Annotation", "Remove the selected annotation with its notes and sources",
                                "Ctrl+Del", "edit-delete"),
    Act.REANALYSE: Spec("Analyse &Again", "Run the analysis again; your notes, sources and statuses stay", "Ctrl+R",
                        "view-refresh", _SP.SP_BrowserReload),
    Act.ZOOM_IN: Spec("Zoom &In", "Larger text", _SK.ZoomIn, "zoom-in"),
    Act.ZOOM_OUT: Spec("Zoom &Out", "Smaller text", _SK.ZoomOut, "zoom-out"),
    Act.ZOOM_RESET: Spec("&Actual Size", "Reset the text size", "Ctrl+0", "zoom-original"),
    Act.SHOW_CLAIMS: Spec("Show &Claims", "Show or hide claim underlines", "Ctrl+Shift+L", checkable=True),
    Act.SHOW_HIGHLIGHTS: Spec("Show &Highlights", "Show or hide your highlights", "Ctrl+Shift+H", checkable=True),
    Act.THEME_SYSTEM: Spec("Follow &System", "Use the system's light or dark appearance", checkable=True),
    Act.THEME_LIGHT: Spec("&Light", "Use the light appearance", checkable=True),
    Act.THEME_DARK: Spec("&Dark", "Use the dark appearance", checkable=True),
    Act.PREFERENCES: Spec("&Preferences…", "Entity rules and other settings of the library", "Ctrl+,",
                          "preferences-system"),
    Act.UNDO_RELABEL: Spec("Undo &Library Relabel",
                           "Put back every article's entities as they were before the last library-wide re-labelling",
                           "Ctrl+Alt+Z"),
    Act.REDO_RELABEL: Spec("Redo Library Relabel", "Apply the library-wide re-labelling just undone again",
                           "Ctrl+Alt+Shift+Z"),
    Act.GO_START: Spec("&Start of Article", "Go to the start of the article", "Ctrl+Home", "go-top"),
    Act.GO_END: Spec("&End of Article", "Go to the end of the article", "Ctrl+End", "go-bottom"),
    Act.NEXT_CLAIM: Spec("Next &Claim", "Select the next claim shown", "C", "go-down"),
    Act.PREVIOUS_CLAIM: Spec("Previous Claim", "Select the previous claim shown", "Shift+C", "go-up"),
    Act.NEXT_ENTITY: Spec("Next E&ntity", "Select the next entity mention shown", "E"),
    Act.PREVIOUS_ENTITY: Spec("Previous Entity", "Select the previous entity mention shown", "Shift+E"),
    Act.NEXT_MINE: Spec("Next of &My Annotations", "Select your next highlight, note, source or tag", "M"),
    Act.PREVIOUS_MINE: Spec("Previous of My Annotations", "Select your previous highlight, note, source or tag",
                            "Shift+M"),
    Act.LIBRARY_OPEN: Spec("Open", "Read the selected article"),
    # Delete only while the library list has focus: Delete in the reader means something else.
    Act.LIBRARY_DELETE: Spec("Delete Article…", "Delete the selected article and everything attached to it", _SK.Delete,
                             "edit-delete", _SP.SP_TrashIcon, tool_tip="Delete the selected article (Del)",
                             shortcut_context=Qt.ShortcutContext.WidgetWithChildrenShortcut),
    Act.ABOUT: Spec("&About Glossator", "Version, model and licences", theme_icon="help-about"),
}


def make_action(act: Act, parent: QWidget) -> QAction:
    """One QAction from its spec, owned by ``parent`` and named for lookup and tests."""
    spec = SPECS[act]
    action = QAction(spec.text, parent)
    action.setObjectName(f"action_{act.value}")
    action.setStatusTip(spec.tip)
    action.setToolTip(spec.tool_tip or spec.tip)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.shortcut_context is not None:
        action.setShortcutContext(spec.shortcut_context)
    icon = QIcon.fromTheme(spec.theme_icon) if spec.theme_icon else QIcon()
    if icon.isNull() and spec.style_icon is not None:
        icon = parent.style().standardIcon(spec.style_icon)
    if not icon.isNull():
        action.setIcon(icon)
    action.setCheckable(spec.checkable)
    return action


def make_actions(parent: QWidget) -> dict[Act, QAction]:
    """All of the window's actions, keyed by ``Act``."""
    return {act: make_action(act, parent) for act in Act}
