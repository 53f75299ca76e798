"""The Entities tab's right-click menu: rename an entity, merge it into another, or list the
other articles that mention it. Renames and merges are remembered like other corrections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMenu

from glossator.ui import commands
from glossator.ui.panels.entities_model import EntityName

if TYPE_CHECKING:
    from glossator.ui.main_window import MainWindow


def attach(window: MainWindow) -> None:
    """Give ``window``'s Entities tab its context menu."""
    view = window.entities.view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(lambda pos: show_menu(window, pos))


def _entity_at(window: MainWindow, pos) -> tuple[str, str] | None:
    panel = window.entities
    index = panel.proxy.mapToSource(panel.view.indexAt(pos))
    entry = panel.model().entry(index)
    if not isinstance(entry, EntityName):
        return None
    return panel.model().key(index)[0], entry.name


def show_menu(window: MainWindow, pos) -> None:
    found = _entity_at(window, pos)
    if found is None:
        return
    label, name = found
    menu = QMenu(window)
    menu.addAction("&Rename Entity…", lambda: rename(window, name))
    menu.addAction("&Merge Into…", lambda: merge(window, label, name))
    menu.addSeparator()
    menu.addAction("&Articles Mentioning It", lambda: show_articles(window, label, name))
    menu.exec(window.entities.view.viewport().mapToGlobal(pos))


def rename(window: MainWindow, name: str, new_name: str | None = None) -> None:
    """Call the entity ``name`` by another name (asked for unless given)."""
    if new_name is None:
        new_name, ok = QInputDialog.getText(window, "Rename Entity", f"New name for “{name}”:", text=name)
        if not ok:
            return
    new_name = " ".join(new_name.split())
    if new_name and new_name != name:
        _push(window, commands.NameEntity(window.session, name, new_name, f"Rename {name}"),
              f"“{name}” is now called “{new_name}”")


def merge(window: MainWindow, label: str, name: str, into: str | None = None) -> None:
    """Make the entity ``name`` part of another entity of the article (asked for unless given)."""
    if into is None:
        others = sorted({n.name for g in window.entities.model().groups for n in g.names if n.name != name},
                        key=str.casefold)
        if not others:
            return
        into, ok = QInputDialog.getItem(window, "Merge Entity", f"Merge “{name}” into:", others, 0, False)
        if not ok:
            return
    _push(window, commands.NameEntity(window.session, name, into, f"Merge {name} into {into}"),
          f"“{name}” is now part of “{into}”")


def show_articles(window: MainWindow, label: str, name: str) -> None:
    window.entity_index.show_entity(name, label)
    window.docks["entity_index"].show()
    window.docks["entity_index"].raise_()


def _push(window: MainWindow, command, what: str) -> None:
    if window.annotator._push(command):
        window.relabel.offer(what)
