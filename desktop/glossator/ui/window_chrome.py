"""The window's menus and toolbars, all built from the one set of actions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QToolBar

from glossator.core.readers.web_address import looks_like_address
from glossator.ui.actions import Act
from glossator.ui.filter_toolbar import FilterToolbar, chip_icon
from glossator.ui.palette import ENTITY_COLOURS, ENTITY_NAMES, entity_colour

if TYPE_CHECKING:
    from glossator.ui.main_window import MainWindow


@dataclass(frozen=True)
class Chrome:
    """The parts of the menus and toolbars the window changes later."""

    recent_menu: QMenu
    filter_bar: FilterToolbar


def build(window: MainWindow) -> Chrome:
    """Menus, main toolbar and filter toolbar for ``window``; returns the parts it keeps."""
    a = window.acts
    bar = window.menuBar()

    file_menu = bar.addMenu("&File")
    file_menu.addAction(a[Act.OPEN])
    file_menu.addAction(a[Act.OPEN_ADDRESS])
    file_menu.addAction(a[Act.IMPORT_FOLDER])
    file_menu.addAction(a[Act.NEW_FROM_CLIPBOARD])
    recent_menu = file_menu.addMenu("Open &Recent")
    recent_menu.setObjectName("recentMenu")
    fill_recent_menu(window, recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(a[Act.EXPORT_MARKDOWN])
    file_menu.addSeparator()
    file_menu.addAction(a[Act.BACKUP_NOW])
    file_menu.addAction(a[Act.RESTORE_BACKUP])
    file_menu.addSeparator()
    file_menu.addAction(a[Act.QUIT])

    edit = bar.addMenu("&Edit")
    for act in (Act.UNDO, Act.REDO, Act.UNDO_RELABEL, Act.REDO_RELABEL, None, Act.FIND, Act.COPY_CLAIM,
                None, Act.PREFERENCES):
        edit.addSeparator() if act is None else edit.addAction(a[act])

    annotate = bar.addMenu("&Annotate")
    for act in (Act.HIGHLIGHT, Act.ADD_NOTE, Act.ADD_SOURCE, None, Act.MARK_CLAIM):
        annotate.addSeparator() if act is None else annotate.addAction(a[act])
    annotate.addMenu(window.annotator.entity_menu)
    for act in (Act.NOT_ENTITY, None, Act.REMOVE_ANNOTATION):
        annotate.addSeparator() if act is None else annotate.addAction(a[act])

    view = bar.addMenu("&View")
    for act in (Act.ZOOM_IN, Act.ZOOM_OUT, Act.ZOOM_RESET, None, Act.SHOW_CLAIMS, Act.SHOW_HIGHLIGHTS):
        view.addSeparator() if act is None else view.addAction(a[act])
    theme_menu = view.addMenu("&Appearance")
    group = QActionGroup(window)
    for act, name in ((Act.THEME_SYSTEM, "system"), (Act.THEME_LIGHT, "light"), (Act.THEME_DARK, "dark")):
        group.addAction(a[act])
        theme_menu.addAction(a[act])
        a[act].triggered.connect(lambda _=False, n=name: window.set_theme(n))
    view.addSeparator()
    panels = view.addMenu("&Panels")
    for dock in window.docks.values():
        panels.addAction(dock.toggleViewAction())

    go = bar.addMenu("&Go")
    for act in (Act.GO_START, Act.GO_END, None, Act.NEXT_CLAIM, Act.PREVIOUS_CLAIM, None, Act.NEXT_ENTITY,
                Act.PREVIOUS_ENTITY, None, Act.NEXT_MINE, Act.PREVIOUS_MINE):
        go.addSeparator() if act is None else go.addAction(a[act])

    analysis = bar.addMenu("A&nalysis")
    analysis.addAction(a[Act.REANALYSE])
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a[Act.ABOUT])
    a[Act.ABOUT].triggered.connect(lambda: show_about(window))

    main = QToolBar("Main", window)
    main.setObjectName("mainToolbar")
    main.setIconSize(QSize(18, 18))
    for act in (Act.OPEN, Act.EXPORT_MARKDOWN, None, Act.UNDO, Act.REDO, None, Act.FIND, Act.REANALYSE):
        main.addSeparator() if act is None else main.addAction(a[act])
    window.addToolBar(main)

    filter_bar = FilterToolbar(a[Act.SHOW_CLAIMS], window)
    filter_bar.type_toggled.connect(window.set_entity_type_visible)
    filter_bar.min_score_changed.connect(window.set_min_claim_score)
    window.addToolBar(filter_bar)
    extra = view.addMenu("Entity &Types")
    for label in ENTITY_COLOURS:
        if label in filter_bar.type_buttons:
            continue
        action = extra.addAction(chip_icon(entity_colour(label)), ENTITY_NAMES.get(label, label))
        action.setCheckable(True)
        action.setChecked(label not in window.settings.hidden_entity_types)
        action.toggled.connect(lambda on, kind=label: window.set_entity_type_visible(kind, on))
    return Chrome(recent_menu, filter_bar)


def refresh_recent_menu(window: MainWindow) -> None:
    """Rebuild File > Open Recent from the settings."""
    fill_recent_menu(window, window.recent_menu)


def fill_recent_menu(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    files = window.settings.recent_files
    for path in files:
        action = menu.addAction(path if looks_like_address(path) else Path(path).name)
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _=False, p=path: window.open_files([p]))
    if files:
        menu.addSeparator()
        clear = menu.addAction("Clear Menu")
        clear.triggered.connect(lambda: _clear_recent(window, menu))
    menu.setEnabled(bool(files))


def _clear_recent(window: MainWindow, menu: QMenu) -> None:
    window.settings.clear_recent_files()
    fill_recent_menu(window, menu)


def sync_theme_actions(window: MainWindow) -> None:
    theme = window.settings.theme
    window.acts[Act.THEME_SYSTEM].setChecked(theme == "system")
    window.acts[Act.THEME_LIGHT].setChecked(theme == "light")
    window.acts[Act.THEME_DARK].setChecked(theme == "dark")


def show_about(window: MainWindow) -> None:
    from glossator.ui.about_dialog import AboutDialog

    AboutDialog(window).exec()
