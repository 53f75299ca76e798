"""The window's menus and toolbars, all built from the one set of actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QToolBar

from glossator.ui.actions import Act
from glossator.ui.filter_toolbar import FilterToolbar, chip_icon
from glossator.ui.palette import ENTITY_COLOURS, ENTITY_NAMES, entity_colour


def build(window) -> None:
    """Menus, main toolbar and filter toolbar for ``window``."""
    a = window.acts
    bar = window.menuBar()

    file_menu = bar.addMenu("&File")
    file_menu.addAction(a[Act.OPEN])
    file_menu.addAction(a[Act.NEW_FROM_CLIPBOARD])
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.setObjectName("recentMenu")
    refresh_recent_menu(window)
    file_menu.addSeparator()
    file_menu.addAction(a[Act.EXPORT_MARKDOWN])
    file_menu.addSeparator()
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

    window.filter_bar = FilterToolbar(a[Act.SHOW_CLAIMS], window)
    window.filter_bar.type_toggled.connect(window.set_entity_type_visible)
    window.filter_bar.min_score_changed.connect(window.set_min_claim_score)
    window.addToolBar(window.filter_bar)
    extra = view.addMenu("Entity &Types")
    for label in ENTITY_COLOURS:
        if label in window.filter_bar.type_buttons:
            continue
        action = extra.addAction(chip_icon(entity_colour(label)), f"{ENTITY_NAMES.get(label, label)} ({label})")
        action.setCheckable(True)
        action.setChecked(label not in window.settings.hidden_entity_types)
        action.toggled.connect(lambda on, kind=label: window.set_entity_type_visible(kind, on))


def refresh_recent_menu(window) -> None:
    """Rebuild File > Open Recent from the settings."""
    menu: QMenu = window.recent_menu
    menu.clear()
    files = window.settings.recent_files
    for path in files:
        action = menu.addAction(Path(path).name)
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _=False, p=path: window.open_files([p]))
    if files:
        menu.addSeparator()
        clear = menu.addAction("Clear Menu")
        clear.triggered.connect(lambda: (window.settings.clear_recent_files(), refresh_recent_menu(window)))
    menu.setEnabled(bool(files))


def sync_theme_actions(window) -> None:
    theme = window.settings.theme
    window.acts[Act.THEME_SYSTEM].setChecked(theme == "system")
    window.acts[Act.THEME_LIGHT].setChecked(theme == "light")
    window.acts[Act.THEME_DARK].setChecked(theme == "dark")


def show_about(window) -> None:
    from glossator.ui.about_dialog import AboutDialog

    AboutDialog(window).exec()
