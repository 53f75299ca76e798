"""The Entities tab's right-click menu: rename an entity, merge it into another, or list the
other articles that mention it. Renames and merges are remembered like other corrections."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMenu

from glossator.ui import commands
from glossator.ui.panels.entities_model import EntityName
from glossator.ui.panels.entities_panel import EntitiesPanel
from glossator.ui.window_context import WindowContext


class EntityMenu(QObject):
    """The menu of ``panel``'s names.

    ``push`` does an undoable edit (the annotate actions' own, so the text selection is
    dropped the same way); ``show_articles(name, label)`` lists the articles mentioning a
    name. ``corrected`` carries a sentence about a rename or merge that was done.
    """

    corrected = Signal(str)

    def __init__(self, ctx: WindowContext, panel: EntitiesPanel, push: Callable[[QUndoCommand], bool],
                 show_articles: Callable[[str, str], None]):
        super().__init__(ctx.host)
        self.ctx = ctx
        self.panel = panel
        self.push = push
        self.show_articles = show_articles
        view = panel.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)

    def _entity_at(self, pos) -> tuple[str, str] | None:
        panel = self.panel
        index = panel.proxy.mapToSource(panel.view.indexAt(pos))
        entry = panel.model().entry(index)
        if not isinstance(entry, EntityName):
            return None
        return panel.model().key(index)[0], entry.name

    def show_menu(self, pos) -> None:
        found = self._entity_at(pos)
        if found is None:
            return
        label, name = found
        menu = QMenu(self.ctx.host)
        menu.addAction("&Rename Entity…", lambda: self.rename(name))
        menu.addAction("&Merge Into…", lambda: self.merge(label, name))
        menu.addSeparator()
        menu.addAction("&Articles Mentioning It", lambda: self.show_articles(name, label))
        menu.exec(self.panel.view.viewport().mapToGlobal(pos))

    def rename(self, name: str, new_name: str | None = None) -> None:
        """Call the entity ``name`` by another name (asked for unless given)."""
        if new_name is None:
            new_name, ok = QInputDialog.getText(self.ctx.host, "Rename Entity", f"New name for “{name}”:", text=name)
            if not ok:
                return
        new_name = " ".join(new_name.split())
        if new_name and new_name != name:
            self._correct(commands.NameEntity(self.ctx.session, name, new_name, f"Rename {name}"),
                          f"“{name}” is now called “{new_name}”")

    def merge(self, label: str, name: str, into: str | None = None) -> None:
        """Make the entity ``name`` part of another entity of the article (asked for unless given)."""
        if into is None:
            others = sorted({n.name for g in self.panel.model().groups for n in g.names if n.name != name},
                            key=str.casefold)
            if not others:
                return
            into, ok = QInputDialog.getItem(self.ctx.host, "Merge Entity", f"Merge “{name}” into:", others, 0, False)
            if not ok:
                return
        self._correct(commands.NameEntity(self.ctx.session, name, into, f"Merge {name} into {into}"),
                      f"“{name}” is now part of “{into}”")

    def _correct(self, command: QUndoCommand, what: str) -> None:
        if self.push(command):
            self.corrected.emit(what)
